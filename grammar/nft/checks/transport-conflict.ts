import type { Atom } from '../ast.js';
import type { Lhs } from '../expression.js';
import type { RelOp } from '../match.js';
import { scalarValue } from '../values.js';
import type { RawProblem } from './raw-payload.js';

/** Matches that tell nft which transport protocol the rule is about. */
const PROTOCOL_MATCHES = new Set(['ip protocol', 'ip6 nexthdr', 'meta l4proto']);

/**
 * The transport protocol a rule has settled on, the way nft's payload context records it: from the
 * first transport header read (`tcp dport`) or a match on a single protocol (`ip protocol tcp`).
 * A later header of another protocol is refused ("conflicting protocols specified: tcp vs. udp");
 * a later protocol match is not (it only never matches).
 */
export class TransportContext {
  private current: { proto: number; name: string } | undefined;

  conflict(lhs: Lhs): RawProblem | undefined {
    for (const { selector } of lhs.parts) {
      if (selector.l4proto === undefined) continue;
      if (this.current === undefined) this.current = { proto: selector.l4proto, name: selector.head };
      else if (this.current.proto !== selector.l4proto) {
        return { atom: selector.start, message: `conflicting transport layer protocols specified: ${this.current.name} vs. ${selector.head}` };
      }
    }
    return undefined;
  }

  learn(lhs: Lhs, op: RelOp, rhs: readonly Atom[]): void {
    const [only] = lhs.parts;
    if (this.current !== undefined || lhs.parts.length !== 1 || only!.binops.length > 0 || !PROTOCOL_MATCHES.has(only!.selector.key)) return;
    if ((op !== 'implicit' && op !== 'eq') || rhs.length !== 1) return;
    const value = scalarValue('l4proto', rhs[0]!, 'default');
    if (value !== undefined) this.current = { proto: Number(value), name: (rhs[0] as { image: string }).image };
  }
}
