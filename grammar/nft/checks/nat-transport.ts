import type { Match } from '../../../src/ir.js';
import { type Atom, isGroup } from '../ast.js';
import { isToken, isWord } from '../source.js';

export const TRANSPORT_MAPPING_MESSAGE = 'transport protocol mapping is only valid after transport protocol match';

/**
 * nft learns the transport protocol only from matches before the statement: `tcp dport …`,
 * `meta l4proto …`, `ip protocol …` (but not `th`, which names no protocol). An opaque or
 * concatenated match might carry one in a way the IR does not show, so it silences the check:
 * it must never reject a rule nft accepts.
 */
function transportKnown(earlier: readonly Match[]): boolean {
  return earlier.some((m) => m.kind !== 'field' || m.field === 'l4proto');
}

/** Words that may sit between the NAT keyword and its address: `dnat ip to …`. */
const PREAMBLE_WORDS = new Set(['ip', 'ip6', 'to']);

function isPreamble(atom: Atom | undefined): boolean {
  return isWord(atom) && PREAMBLE_WORDS.has(atom.image);
}

/** Tokens of a literal address or address range: `10.0.0.2`, `[::1]`, `10.0.0.2-10.0.0.9`. */
const ADDRESS_TOKENS = new Set(['IPv4Word', 'ColonWord', 'Dash']);

/**
 * The port of `dnat to 10.0.0.2:22`, `dnat 10.0.0.2:22`, `redirect to :8080`, `dnat to [::1]:53`
 * in the NAT statement that begins at `start`. Only a literal address may precede the colon and
 * only a literal port may follow it: nft evaluates address and port expressions before its check,
 * so one naming a protocol (`ip saddr . tcp sport map { … } : 6`, `:tcp dport map { … }`) supplies
 * the transport protocol itself (since nft 1.0.7).
 */
function portMapping(atoms: readonly Atom[], start: number, end: number): Atom | undefined {
  let i = start + 1;
  while (i < end && isPreamble(atoms[i])) i++;
  for (; i < end; i++) {
    const atom = atoms[i]!;
    if (isGroup(atom)) return undefined;
    if (atom.tokenType.name === 'Colon') return isToken(atoms[i + 1], 'Number') ? atoms[i + 1] : undefined;
    if (!ADDRESS_TOKENS.has(atom.tokenType.name)) return undefined;
  }
  return undefined;
}

/** Where nft refuses a NAT port mapping because no transport protocol match precedes it. */
export function portWithoutTransport(atoms: readonly Atom[], start: number, end: number, earlier: readonly Match[]): Atom | undefined {
  if (transportKnown(earlier)) return undefined;
  return portMapping(atoms, start, end);
}
