import type { Family } from '../../../src/ir.js';
import type { Atom } from '../ast.js';
import { isWord } from '../source.js';

const ADDRESS_KEYS = new Set(['saddr', 'daddr']);

export interface ArpCtAddressProblem {
  atom: Atom;
  message: string;
}

/**
 * An unqualified `ct saddr`/`ct daddr` (or `ct original saddr` …) takes the type IPv4 or IPv6
 * address from the rule's network header. In the arp family that header is always ARP (nothing
 * in an arp rule can make it IP: `meta nfproto` is for inet, `ip saddr` conflicts with arp), so
 * the expression has no type and nft refuses every use of it: a comparison ("Can't parse
 * symbolic invalid expressions"), a map key or a set lookup ("specify either ip or ip6 for
 * address matching"), a value.
 */
export function arpCtAddress(atoms: readonly Atom[], family: Family): ArpCtAddressProblem | undefined {
  if (family !== 'arp') return undefined;
  for (let i = 0; i < atoms.length; i++) {
    if (!isWord(atoms[i], 'ct')) continue;
    const direction = isWord(atoms[i + 1], 'original') || isWord(atoms[i + 1], 'reply');
    const key = atoms[i + (direction ? 2 : 1)];
    if (isWord(key) && ADDRESS_KEYS.has(key.image)) {
      return { atom: atoms[i]!, message: `ct ${key.image} has no type in an arp table: it takes IPv4 or IPv6 from the rule's network header, which is ARP here (nft: "specify either ip or ip6 for address matching")` };
    }
  }
  return undefined;
}
