// ICMP / ICMPv6 names in both dialects. nft and iptables use different spellings
// for the same values, and iptables also has code-level names, so the tables are kept apart.

type NameTable = Readonly<Record<string, number>>;

function lookup(table: NameTable, name: string): number | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

// Source: `nft describe icmp type` (nftables 1.0.x).
export const NFT_ICMP_TYPES: NameTable = {
  'echo-reply': 0,
  'destination-unreachable': 3,
  'source-quench': 4,
  redirect: 5,
  'echo-request': 8,
  'router-advertisement': 9,
  'router-solicitation': 10,
  'time-exceeded': 11,
  'parameter-problem': 12,
  'timestamp-request': 13,
  'timestamp-reply': 14,
  'info-request': 15,
  'info-reply': 16,
  'address-mask-request': 17,
  'address-mask-reply': 18,
};

// Source: `nft describe icmpv6 type`.
export const NFT_ICMPV6_TYPES: NameTable = {
  'destination-unreachable': 1,
  'packet-too-big': 2,
  'time-exceeded': 3,
  'parameter-problem': 4,
  'echo-request': 128,
  'echo-reply': 129,
  'mld-listener-query': 130,
  'mld-listener-report': 131,
  'mld-listener-done': 132,
  'mld-listener-reduction': 132,
  'nd-router-solicit': 133,
  'nd-router-advert': 134,
  'nd-neighbor-solicit': 135,
  'nd-neighbor-advert': 136,
  'nd-redirect': 137,
  'router-renumbering': 138,
  'ind-neighbor-solicit': 141,
  'ind-neighbor-advert': 142,
  'mld2-listener-report': 143,
};

export const NFT_ICMP_CODES: NameTable = {
  'net-unreachable': 0,
  'host-unreachable': 1,
  'prot-unreachable': 2,
  'port-unreachable': 3,
  'frag-needed': 4,
  'net-prohibited': 9,
  'host-prohibited': 10,
  'admin-prohibited': 13,
};

export const NFT_ICMPV6_CODES: NameTable = {
  'no-route': 0,
  'admin-prohibited': 1,
  'addr-unreachable': 3,
  'port-unreachable': 4,
  'policy-fail': 5,
  'reject-route': 6,
};

// icmpx codes are nft's family-neutral reject codes (NFT_REJECT_ICMPX_*), not wire values;
// the kernel translates them to the ICMP or ICMPv6 code at reject time.
export const NFT_ICMPX_CODES: NameTable = {
  'no-route': 0,
  'port-unreachable': 1,
  'host-unreachable': 2,
  'admin-prohibited': 3,
};

export const icmpTypeByName = (name: string): number | undefined => lookup(NFT_ICMP_TYPES, name);
export const icmpv6TypeByName = (name: string): number | undefined => lookup(NFT_ICMPV6_TYPES, name);
export const icmpCodeByName = (name: string): number | undefined => lookup(NFT_ICMP_CODES, name);
export const icmpv6CodeByName = (name: string): number | undefined => lookup(NFT_ICMPV6_CODES, name);
export const icmpxCodeByName = (name: string): number | undefined => lookup(NFT_ICMPX_CODES, name);

export interface IcmpTypeCode {
  type: number;
  /** Absent means "any code". */
  code?: number;
}

type IptablesEntry = readonly [name: string, type: number, code?: number];

// Source: `iptables -p icmp -h` and iptables-save of each name (iptables 1.8.9);
// aliases are listed as their own entries because iptables counts them separately
// when judging prefix ambiguity.
const IPT_ICMP: readonly IptablesEntry[] = [
  ['any', 255],
  ['echo-reply', 0],
  ['pong', 0],
  ['destination-unreachable', 3],
  ['network-unreachable', 3, 0],
  ['host-unreachable', 3, 1],
  ['protocol-unreachable', 3, 2],
  ['port-unreachable', 3, 3],
  ['fragmentation-needed', 3, 4],
  ['source-route-failed', 3, 5],
  ['network-unknown', 3, 6],
  ['host-unknown', 3, 7],
  ['network-prohibited', 3, 9],
  ['host-prohibited', 3, 10],
  ['TOS-network-unreachable', 3, 11],
  ['TOS-host-unreachable', 3, 12],
  ['communication-prohibited', 3, 13],
  ['host-precedence-violation', 3, 14],
  ['precedence-cutoff', 3, 15],
  ['source-quench', 4],
  ['redirect', 5],
  ['network-redirect', 5, 0],
  ['host-redirect', 5, 1],
  ['TOS-network-redirect', 5, 2],
  ['TOS-host-redirect', 5, 3],
  ['echo-request', 8],
  ['ping', 8],
  ['router-advertisement', 9],
  ['router-solicitation', 10],
  ['time-exceeded', 11],
  ['ttl-exceeded', 11],
  ['ttl-zero-during-transit', 11, 0],
  ['ttl-zero-during-reassembly', 11, 1],
  ['parameter-problem', 12],
  ['ip-header-bad', 12, 0],
  ['required-option-missing', 12, 1],
  ['timestamp-request', 13],
  ['timestamp-reply', 14],
  ['address-mask-request', 17],
  ['address-mask-reply', 18],
];

// Source: `ip6tables -p icmpv6 -h` and ip6tables-save of each name.
const IPT_ICMPV6: readonly IptablesEntry[] = [
  ['destination-unreachable', 1],
  ['no-route', 1, 0],
  ['communication-prohibited', 1, 1],
  ['beyond-scope', 1, 2],
  ['address-unreachable', 1, 3],
  ['port-unreachable', 1, 4],
  ['failed-policy', 1, 5],
  ['reject-route', 1, 6],
  ['packet-too-big', 2],
  ['time-exceeded', 3],
  ['ttl-exceeded', 3],
  ['ttl-zero-during-transit', 3, 0],
  ['ttl-zero-during-reassembly', 3, 1],
  ['parameter-problem', 4],
  ['bad-header', 4, 0],
  ['unknown-header-type', 4, 1],
  ['unknown-option', 4, 2],
  ['echo-request', 128],
  ['ping', 128],
  ['echo-reply', 129],
  ['pong', 129],
  ['router-solicitation', 133],
  ['router-advertisement', 134],
  ['neighbour-solicitation', 135],
  ['neighbor-solicitation', 135],
  ['neighbour-advertisement', 136],
  ['neighbor-advertisement', 136],
  ['redirect', 137],
];

export const IPTABLES_ICMP_NAMES: readonly string[] = IPT_ICMP.map((e) => e[0]);
export const IPTABLES_ICMPV6_NAMES: readonly string[] = IPT_ICMPV6.map((e) => e[0]);

/** iptables accepts any unique case-insensitive prefix of a name (`echo-req`), and rejects ambiguous ones (`ttl`). */
function byPrefix(table: readonly IptablesEntry[], text: string): IcmpTypeCode | undefined {
  const lower = text.toLowerCase();
  const hits = table.filter((e) => e[0].toLowerCase().startsWith(lower));
  const hit = hits[0];
  if (hits.length !== 1 || hit === undefined) return undefined;
  return hit[2] === undefined ? { type: hit[1] } : { type: hit[1], code: hit[2] };
}

// strtoul(base 0) in iptables also takes hex and octal, but save always prints
// decimal, so only decimal (and 0x hex, seen in hand-written files) is accepted.
function parseByte(text: string): number | undefined {
  if (!/^(?:\d{1,3}|0x[0-9a-fA-F]{1,2})$/.test(text)) return undefined;
  if (/^0\d/.test(text)) return undefined;
  const n = Number(text);
  return n <= 255 ? n : undefined;
}

function parseNumeric(text: string): IcmpTypeCode | undefined {
  const [typeText, codeText, extra] = text.split('/');
  if (typeText === undefined || extra !== undefined) return undefined;
  const type = parseByte(typeText);
  if (type === undefined) return undefined;
  if (codeText === undefined) return { type };
  const code = parseByte(codeText);
  return code === undefined ? undefined : { type, code };
}

export function iptablesIcmpType(text: string): IcmpTypeCode | 'any' | undefined {
  if (text === '') return undefined;
  const result = byPrefix(IPT_ICMP, text) ?? parseNumeric(text);
  // The kernel's icmp match treats type 255 as a wildcard over every type and code.
  if (result?.type === 255) return 'any';
  return result;
}

/** ip6tables has no `any` and no type-255 wildcard. */
export function iptablesIcmpv6Type(text: string): IcmpTypeCode | undefined {
  if (text === '') return undefined;
  return byPrefix(IPT_ICMPV6, text) ?? parseNumeric(text);
}
