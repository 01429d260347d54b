import type { Lhs } from '../expression.js';
import type { Atom } from '../ast.js';

/** nft's limit on one expression's value: 16 registers of 32 bits (NFT_MAX_EXPR_LEN_BITS). */
const MAX_EXPR_BITS = 512;
/** A match on bits that are not whole bytes is masked in one 128-bit register. */
const REGISTER_BITS = 128;

export interface RawProblem {
  atom: Atom;
  message: string;
}

function roundUp(bits: number, to: number): number {
  return Math.ceil(bits / to) * to;
}

/**
 * The width of the mask nft builds for a raw load that is not byte aligned (expr_evaluate_bits):
 * the load is widened to whole bytes, and the mask must fit a register.
 */
function maskLength(offset: number, length: number): number | undefined {
  if (offset % 8 === 0 && length % 8 === 0) return undefined;
  let shift = roundUp(length, 8) - ((offset % 8) + length);
  while (shift < 0) shift += 8;
  return length + shift;
}

/**
 * Raw payload loads and concatenations nft refuses for their size: a load longer than 512 bits
 * ("raw payload length exceeds upper limit"), an unaligned one whose mask exceeds a register, and
 * a concatenation over 512 bits once each part is padded to 32 bits. Parts other than raw loads
 * are counted at their smallest possible size, one register, so the sum never overstates.
 */
export function rawPayloadProblem(lhs: Lhs, matching: boolean): RawProblem | undefined {
  let size = 0;
  for (const { selector } of lhs.parts) {
    const raw = selector.raw;
    if (raw !== undefined && raw.length > MAX_EXPR_BITS) {
      return { atom: selector.start, message: `raw payload length ${raw.length} exceeds upper limit of ${MAX_EXPR_BITS}` };
    }
    const mask = raw === undefined || !matching ? undefined : maskLength(raw.offset, raw.length);
    if (mask !== undefined && mask > REGISTER_BITS) {
      return { atom: selector.start, message: `mask length ${mask} exceeds allowed maximum of ${REGISTER_BITS} (a load that is not whole bytes is masked in one register)` };
    }
    size += raw === undefined ? 32 : roundUp(raw.length, 32);
    if (lhs.parts.length > 1 && size > MAX_EXPR_BITS) {
      return { atom: selector.start, message: `Concatenation of size ${size} exceeds maximum size of ${MAX_EXPR_BITS}` };
    }
  }
  return undefined;
}
