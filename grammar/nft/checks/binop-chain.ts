import type { Lhs } from '../expression.js';
import type { RawProblem } from './raw-payload.js';

/** The kernel's bitwise and shift expressions chain through at most 15 registers (NFT_MAX_EXPR_RECURSION). */
const MAX_CHAINED_BINOPS = 15;

/**
 * A selector with 16 or more binary operations applied in a row (`meta mark & 1 | 2 ^ 3 …`). nft
 * merges two constants into one, but never a constant into the selector's side, so each operation
 * stays a step: current nft refuses the chain ("Binary operation limit 16 reached"); 1.0.6 wrote
 * past its stack instead.
 */
export function binopChainTooLong(lhs: Lhs): RawProblem | undefined {
  for (const { binops } of lhs.parts) {
    const over = binops[MAX_CHAINED_BINOPS];
    const atom = over?.operand[0];
    if (atom !== undefined) {
      return { atom, message: `Binary operation limit 16 reached (${binops.length} operations chained on one value; the kernel applies at most ${MAX_CHAINED_BINOPS})` };
    }
  }
  return undefined;
}
