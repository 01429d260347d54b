import type { FieldName, Match } from '../../../src/ir.js';
import { type Atom, isGroup } from '../ast.js';
import { isWord } from '../source.js';

export function natFamilyMessage(keyword: string): string {
  return `ip or ip6 must be specified with address for inet tables (write "${keyword} ip to …" or "${keyword} ip6 to …")`;
}

/**
 * Fields whose matches tell nft nothing about the network protocol. Any other match (an address,
 * `meta nfproto`, `ip ttl`, `icmp type`, an opaque or concatenated one) may, so it silences the
 * check: it must never reject a rule nft accepts.
 */
const SILENT_ON_FAMILY: ReadonlySet<FieldName> = new Set<FieldName>([
  'l4proto',
  'sport',
  'dport',
  'tcpFlags',
  'iifname',
  'oifname',
  'ctState',
  'ctStatus',
  'ctDirection',
  'mark',
  'ctMark',
  'skuid',
  'skgid',
  'pkttype',
]);

/** Tokens that begin a literal IPv4 or IPv6 address. */
const ADDRESS_STARTS = new Set(['IPv4Word', 'ColonWord']);

/**
 * In an inet table nft must know whether a NAT address is IPv4 or IPv6: from `snat ip`/`snat ip6`,
 * or from a match before the statement that fixes the network protocol. The address itself does
 * not tell it (nft 1.0.6 and current nft both refuse). Returns the NAT keyword when neither is
 * there and the statement names a literal address.
 */
export function natFamilyMissing(atoms: readonly Atom[], start: number, earlier: readonly Match[], family: string): Atom | undefined {
  if (family !== 'inet') return undefined;
  if (!earlier.every((m) => m.kind === 'field' && SILENT_ON_FAMILY.has(m.field))) return undefined;
  let i = start + 1;
  if (isWord(atoms[i], 'to')) i++;
  const address = atoms[i];
  if (address === undefined || isGroup(address)) return undefined;
  return ADDRESS_STARTS.has(address.tokenType.name) ? atoms[start] : undefined;
}
