import type { FieldEffect, FieldName } from '../../src/ir.js';
import { FIELDS } from '../../src/ir.js';
import { CT_STATES } from '../../src/data/conntrack.js';
import type { Atom } from './ast.js';
import { Cursor } from './cursor.js';
import { type Binop, type Lhs, readLhs } from './expression.js';
import { symbolSpace } from './match.js';
import { isToken } from './source.js';
import { scalarValue, type SymbolSpace } from './values.js';

/** `notrack`: later hooks see the packet as untracked. */
export const NOTRACK_EFFECTS: readonly FieldEffect[] = [{ field: 'ctState', value: BigInt(CT_STATES.untracked) }];

/** An update `(old & ~mask) ^ value`, the form FieldEffect carries. */
interface Xmark {
  value: bigint;
  mask: bigint;
}

/**
 * What `LHS set VALUE` does to the packet: a constant, the field itself combined with constants
 * (`meta mark set meta mark or 0x10`), or, for any other expression, an unknown value. Nothing
 * when the target is not a field the model knows.
 */
export function setEffects(lhs: Lhs, value: readonly Atom[]): FieldEffect[] {
  const target = lhs.parts[0]!.selector;
  const field = target.field;
  if (lhs.parts.length !== 1 || lhs.parts[0]!.binops.length > 0 || field === undefined) return [];
  const space = symbolSpace(target);
  const single = value.length === 1 ? scalarValue(field, value[0]!, space) : undefined;
  if (single !== undefined) return [{ field, value: single }];
  const update = selfUpdate(field, value, space);
  return [update === undefined ? { field } : { field, value: update.value, mask: update.mask }];
}

/** `FIELD and/or/xor CONSTANT …` on the field being set, as one xmark; undefined for anything else. */
function selfUpdate(field: FieldName, value: readonly Atom[], space: SymbolSpace): Xmark | undefined {
  const c = new Cursor(value);
  const source = readLhs(c);
  if (source === undefined || !c.done() || source.parts.length !== 1) return undefined;
  const { selector, binops } = source.parts[0]!;
  if (selector.field !== field || binops.length === 0) return undefined;
  const max = FIELDS[field].max;
  let update: Xmark = { value: 0n, mask: 0n };
  for (const binop of binops) {
    const step = binopUpdate(field, binop, max, space);
    if (step === undefined) return undefined;
    // x → ((x & ~m1) ^ v1) & ~m2 ^ v2 = (x & ~(m1|m2)) ^ ((v1 & ~m2) ^ v2)
    update = { mask: update.mask | step.mask, value: (update.value & ~step.mask & max) ^ step.value };
  }
  return update;
}

function binopUpdate(field: FieldName, binop: Binop, max: bigint, space: SymbolSpace): Xmark | undefined {
  const operand = isToken(binop.operand[0], 'LParen') ? binop.operand.slice(1, -1) : binop.operand;
  if (operand.length !== 1) return undefined;
  const constant = scalarValue(field, operand[0]!, space);
  if (constant === undefined) return undefined;
  switch (binop.op) {
    case '&':
    case 'and':
      return { value: 0n, mask: ~constant & max };
    case '|':
    case 'or':
      return { value: constant, mask: constant };
    case '^':
    case 'xor':
      return { value: constant, mask: 0n };
    default:
      return undefined;
  }
}
