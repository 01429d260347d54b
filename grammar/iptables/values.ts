import type { ValueItem } from '../../src/ir.js';
import {
  allOnes,
  parseAddressRange,
  parseIPv6,
  parseMaskedAddress,
  parsePrefix,
} from '../../src/data/addresses.js';
import { serviceToPort, type ServiceProto } from '../../src/data/services.js';

/** A value that failed to parse, with the message iptables gives for it. */
export class ValueError {
  constructor(readonly message: string) {}
}

export type Parsed<T> = T | ValueError;

export function isError<T>(value: Parsed<T>): value is ValueError {
  return value instanceof ValueError;
}

/** strtoul(base 0), as iptables reads marks, lengths and ids: decimal, 0x hex or 0 octal. */
export function parseUnsigned(text: string, max: bigint): bigint | undefined {
  let value: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) value = BigInt(text);
  else if (/^0[0-7]+$/.test(text)) value = BigInt(`0o${text.slice(1)}`);
  else if (/^\d+$/.test(text)) value = BigInt(text);
  else return undefined;
  return value <= max ? value : undefined;
}

function parsePort(text: string, proto: ServiceProto | undefined): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 65535 ? n : undefined;
  }
  return serviceToPort(text, proto) ?? (proto === undefined ? undefined : serviceToPort(text));
}

/** `22`, `ssh`, `1024:`, `:1023`, `1000:2000` (iptables' port range syntax). */
export function parsePortRange(text: string, proto: ServiceProto | undefined, separator = ':'): Parsed<ValueItem> {
  const parts = text.split(separator);
  if (parts.length > 2) return new ValueError(`invalid port/service \`${text}' specified`);
  const [lowText = '', highText] = parts;
  const low = lowText === '' ? 0 : parsePort(lowText, proto);
  const high = highText === undefined ? low : highText === '' ? 65535 : parsePort(highText, proto);
  if (low === undefined) return new ValueError(`invalid port/service \`${lowText}' specified`);
  if (high === undefined) return new ValueError(`invalid port/service \`${highText ?? ''}' specified`);
  if (low > high) return new ValueError(`invalid portrange (min > max) in \`${text}'`);
  return { kind: 'range', low: BigInt(low), high: BigInt(high) };
}

/** One item of `-s`/`-d`: a prefix becomes a range, a non-contiguous IPv4 mask stays `masked`. */
export function parseAddressItem(text: string, ipVersion: 4 | 6): ValueItem | 'hostname' | ValueError {
  if (ipVersion === 4) {
    const masked = parseMaskedAddress(text);
    if (masked) {
      const hostBits = allOnes(4) ^ masked.mask;
      if (!isContiguousHostPart(hostBits)) return { kind: 'masked', value: masked.value, mask: masked.mask };
      return { kind: 'range', low: masked.value, high: masked.value | hostBits };
    }
  } else {
    const prefix = parsePrefix(text, 6);
    if (prefix) return { kind: 'range', low: prefix.range.low, high: prefix.range.high };
  }
  const [host = '', mask] = text.split('/');
  if (mask !== undefined && (looksLikeAddress(host, ipVersion) || mask === '')) {
    return new ValueError(`invalid mask \`${mask}' specified`);
  }
  if (looksLikeAddress(host, ipVersion === 4 ? 6 : 4) && !looksLikeAddress(host, ipVersion)) {
    return new ValueError(`host/network \`${host}' not found: an IPv${ipVersion === 4 ? 6 : 4} address in an IPv${ipVersion} ruleset`);
  }
  // A name iptables would resolve once at load time; its addresses are unknown statically.
  if (/^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?$/.test(host)) return 'hostname';
  return new ValueError(`host/network \`${host}' not found`);
}

/**
 * True when the host bits are all at the low end (a prefix mask). One test instead of
 * `maskToPrefixLength`, which tries every length: this runs for every `-s`/`-d` of a dump.
 */
function isContiguousHostPart(hostBits: bigint): boolean {
  return (hostBits & (hostBits + 1n)) === 0n;
}

function looksLikeAddress(text: string, version: 4 | 6): boolean {
  return version === 4 ? /^\d+\.\d+\.\d+\.\d+$/.test(text) : text.includes(':') && parseIPv6(text) !== undefined;
}

export function parseAddressRangeItem(text: string, ipVersion: 4 | 6): Parsed<ValueItem> {
  const range = parseAddressRange(text);
  if (!range || range.version !== ipVersion) return new ValueError(`invalid IPv${ipVersion} address range \`${text}'`);
  return { kind: 'range', low: range.low, high: range.high };
}

/** `V` or `V/M`, as the mark and connmark matches read it. */
export function parseMarkValue(text: string): Parsed<ValueItem> {
  const [valueText = '', maskText, extra] = text.split('/');
  const max = (1n << 32n) - 1n;
  const value = parseUnsigned(valueText, max);
  const mask = maskText === undefined ? undefined : parseUnsigned(maskText, max);
  if (value === undefined || extra !== undefined || (maskText !== undefined && mask === undefined)) {
    return new ValueError(`Bad MARK value \`${text}'`);
  }
  if (mask === undefined || mask === max) return { kind: 'range', low: value, high: value };
  return { kind: 'masked', value, mask };
}

/** `N` or `N-M` (owner ids); `N:M`, `N:` and `:M` when `open` (length match). */
export function parseNumberRange(text: string, separator: string, max: bigint, open = false): Parsed<ValueItem> {
  const [lowText = '', highText, extra] = text.split(separator);
  const low = open && lowText === '' ? 0n : parseUnsigned(lowText, max);
  const high = highText === undefined ? low : open && highText === '' ? max : parseUnsigned(highText, max);
  if (low === undefined || high === undefined || extra !== undefined || low > high) {
    return new ValueError(`invalid range \`${text}'`);
  }
  return { kind: 'range', low, high };
}
