import { PROTOCOL_ENTRIES } from './protocols-data.js';

const byName = new Map<string, number>();
const byNumber = new Map<number, string>();

for (const [name, num, aliases] of PROTOCOL_ENTRIES) {
  for (const n of [name, ...aliases]) {
    const key = n.toLowerCase();
    if (!byName.has(key)) byName.set(key, num);
  }
  if (!byNumber.has(num)) byNumber.set(num, name);
}

// Spellings iptables and nft accept without the database (xtables' built-in
// protocol list and nft's keywords).
const EXTRA: ReadonlyArray<readonly [string, number]> = [
  ['icmpv6', 58],
  ['ipv6-mh', 135],
  ['mh', 135],
];
for (const [name, num] of EXTRA) byName.set(name, num);

/**
 * IP protocol number for a name, case-insensitively. `all` is deliberately not a
 * protocol (it means "no protocol match"), so callers must handle it themselves.
 */
export function protocolNumber(name: string): number | undefined {
  return byName.get(name.toLowerCase());
}

/** Canonical lower-case name (`tcp`, `udp`, `icmp`, `ipv6-icmp`, ...). */
export function protocolName(n: number): string | undefined {
  return byNumber.get(n);
}
