// IP/MAC address values as bigints, so IPv4 and IPv6 share one arithmetic and
// ranges can be compared, merged and subtracted without per-family code.

export type IpVersion = 4 | 6;

export interface AddressRange {
  version: IpVersion;
  low: bigint;
  high: bigint;
}

export function addressBits(version: IpVersion): number {
  return version === 4 ? 32 : 128;
}

export function allOnes(version: IpVersion): bigint {
  return (1n << BigInt(addressBits(version))) - 1n;
}

/** Network mask with `len` leading one bits. */
export function prefixMask(version: IpVersion, len: number): bigint {
  const bits = addressBits(version);
  return allOnes(version) ^ ((1n << BigInt(bits - len)) - 1n);
}

/** Prefix length of a contiguous mask, or undefined when the one bits have holes. */
export function maskToPrefixLength(version: IpVersion, mask: bigint): number | undefined {
  const bits = addressBits(version);
  for (let len = 0; len <= bits; len++) {
    if (prefixMask(version, len) === mask) return len;
  }
  return undefined;
}

const DOT = 46;
const ZERO = 48;

/**
 * Dotted quad to its 32-bit value. Addresses are the most parsed values of large rulesets, so this
 * scans characters with number arithmetic and makes one bigint at the end. Leading zeros are
 * refused: inet_pton rejects them while iptables' strtoul(base 0) reads them as octal, so any
 * interpretation would be wrong for one of the tools.
 */
export function parseIPv4(text: string): bigint | undefined {
  const length = text.length;
  let value = 0;
  let octets = 0;
  let at = 0;
  while (octets < 4) {
    const start = at;
    let octet = 0;
    while (at < length && at - start < 4) {
      const digit = text.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9) break;
      octet = octet * 10 + digit;
      at++;
    }
    const digits = at - start;
    if (digits === 0 || digits > 3 || octet > 255 || (digits > 1 && text.charCodeAt(start) === ZERO)) return undefined;
    value = value * 256 + octet;
    octets++;
    if (octets < 4) {
      if (text.charCodeAt(at) !== DOT) return undefined;
      at++;
    }
  }
  return at === length ? BigInt(value) : undefined;
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** Groups of one side of a `::`; an IPv4 tail is only allowed where `allowV4Tail`. */
function parseGroups(side: string, allowV4Tail: boolean): number[] | undefined {
  if (side === '') return [];
  const parts = side.split(':');
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (allowV4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4(part);
      if (v4 === undefined) return undefined;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (HEXTET.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

export function parseIPv6(text: string): bigint | undefined {
  let t = text;
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const left = parseGroups(halves[0] ?? '', false);
    const right = parseGroups(halves[1] ?? '', true);
    if (!left || !right) return undefined;
    // `::` stands for at least one zero group.
    const fill = 8 - left.length - right.length;
    if (fill < 1) return undefined;
    groups = [...left, ...new Array<number>(fill).fill(0), ...right];
  } else {
    const all = parseGroups(t, true);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

export function parseAddress(text: string, version?: IpVersion): { version: IpVersion; value: bigint } | undefined {
  if (version !== 6) {
    const v4 = parseIPv4(text);
    if (v4 !== undefined) return { version: 4, value: v4 };
  }
  if (version !== 4) {
    const v6 = parseIPv6(text);
    if (v6 !== undefined) return { version: 6, value: v6 };
  }
  return undefined;
}

/** Mask after the `/`: a length, or (iptables) an address-shaped mask. */
function parseMaskPart(version: IpVersion, text: string): bigint | undefined {
  if (/^\d{1,3}$/.test(text)) {
    const len = Number(text);
    return len <= addressBits(version) ? prefixMask(version, len) : undefined;
  }
  const mask = parseAddress(text, version);
  return mask?.value;
}

function splitSlash(text: string): [string, string | undefined] | undefined {
  const parts = text.split('/');
  if (parts.length > 2) return undefined;
  return [parts[0] ?? '', parts[1]];
}

export function parsePrefix(
  text: string,
  version?: IpVersion,
): { range: AddressRange; hostBitsSet: boolean } | undefined {
  const split = splitSlash(text);
  if (!split) return undefined;
  const addr = parseAddress(split[0], version);
  if (!addr) return undefined;
  const mask = split[1] === undefined ? allOnes(addr.version) : parseMaskPart(addr.version, split[1]);
  if (mask === undefined || maskToPrefixLength(addr.version, mask) === undefined) return undefined;
  const hostBits = allOnes(addr.version) ^ mask;
  const low = addr.value & mask;
  return {
    range: { version: addr.version, low, high: low | hostBits },
    hostBitsSet: (addr.value & hostBits) !== 0n,
  };
}

/**
 * IPv4 address with any mask, contiguous or not (iptables `-s 10.0.0.0/255.0.255.0`).
 * `value` is already masked, as iptables stores it.
 */
export function parseMaskedAddress(text: string): { version: 4; value: bigint; mask: bigint } | undefined {
  const split = splitSlash(text);
  if (!split) return undefined;
  const addr = parseIPv4(split[0]);
  if (addr === undefined) return undefined;
  const mask = split[1] === undefined ? allOnes(4) : parseMaskPart(4, split[1]);
  if (mask === undefined) return undefined;
  return { version: 4, value: addr & mask, mask };
}

export function parseAddressRange(text: string): AddressRange | undefined {
  const parts = text.split('-');
  if (parts.length !== 2) return undefined;
  const low = parseAddress((parts[0] ?? '').trim());
  const high = parseAddress((parts[1] ?? '').trim());
  if (!low || !high || low.version !== high.version || low.value > high.value) return undefined;
  return { version: low.version, low: low.value, high: high.value };
}

export function formatIPv4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 0xffn).toString()).join('.');
}

export function formatIPv6(v: bigint): string {
  const groups: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(Number((v >> s) & 0xffffn));

  // RFC 5952 §5: IPv4-mapped addresses keep the dotted tail.
  if (v >> 32n === 0xffffn) return `::ffff:${formatIPv4(v & 0xffffffffn)}`;

  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    // Strictly greater keeps the first run on ties, and bestLen=1 rules out single zeros.
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function formatAddress(version: IpVersion, v: bigint): string {
  return version === 4 ? formatIPv4(v) : formatIPv6(v);
}

/** Prefix length when the range is exactly one CIDR block, else undefined. */
export function rangePrefixLength(r: AddressRange): number | undefined {
  const size = r.high - r.low + 1n;
  if (size <= 0n || (size & (size - 1n)) !== 0n || r.low % size !== 0n) return undefined;
  let hostBits = 0;
  while (1n << BigInt(hostBits) < size) hostBits++;
  return addressBits(r.version) - hostBits;
}

export function formatRange(r: AddressRange): string {
  const len = rangePrefixLength(r);
  if (len === addressBits(r.version)) return formatAddress(r.version, r.low);
  if (len !== undefined) return `${formatAddress(r.version, r.low)}/${len}`;
  return `${formatAddress(r.version, r.low)}-${formatAddress(r.version, r.high)}`;
}

export function parseMac(text: string): bigint | undefined {
  const parts = text.split(':');
  if (parts.length !== 6) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(part)) return undefined;
    value = (value << 8n) | BigInt(parseInt(part, 16));
  }
  return value;
}

export function formatMac(v: bigint): string {
  const bytes: string[] = [];
  for (let s = 40n; s >= 0n; s -= 8n) bytes.push(((v >> s) & 0xffn).toString(16).padStart(2, '0'));
  return bytes.join(':');
}
