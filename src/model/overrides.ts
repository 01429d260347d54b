import type { Chain, FieldEffect, FieldName, Rule } from '../ir.js';
import { FIELDS } from '../ir.js';
import { CT_STATES } from '../data/conntrack.js';
import type { Box } from './box.js';
import type { ChainDirectory } from './chains.js';
import { F, FIELD_ORDER, fieldIndex } from './fields.js';
import { contains, type IntervalSet } from './intervals.js';

/**
 * What statements earlier on a packet's path did to some of its fields: field index → the value
 * it now has, or `undefined` when the model cannot compute it. Boxes stay in the coordinates of
 * the packet as it arrived; a later test on an overridden field is decided by the new value
 * instead of the box.
 */
export type Overrides = ReadonlyMap<number, bigint | undefined>;

export const NO_OVERRIDES: Overrides = new Map();

export function statementEffects(rule: Rule): FieldEffect[] {
  return rule.statements.flatMap((statement) => statement.effects ?? []);
}

/** The value after the effect, or undefined when it depends on a value the model does not have. */
export function effectResult(effect: FieldEffect, old: bigint | undefined): bigint | undefined {
  if (effect.value === undefined) return undefined;
  const max = FIELDS[effect.field].max;
  if (effect.mask === undefined || (effect.mask & max) === max) return effect.value & max;
  return old === undefined ? undefined : ((old & ~effect.mask) ^ effect.value) & max;
}

/**
 * Overrides after the effects ran (`certain`) or may have run. A masked update of a field not yet
 * overridden depends on each packet's own value, which boxes do not single out: it becomes unknown.
 */
export function withEffects(overrides: Overrides, effects: readonly FieldEffect[], certain: boolean): Overrides {
  if (effects.length === 0) return overrides;
  const out = new Map(overrides);
  for (const effect of effects) {
    const f = fieldIndex(effect.field);
    out.set(f, certain ? effectResult(effect, out.get(f)) : undefined);
  }
  return out;
}

export function withUnknown(overrides: Overrides, fields: readonly FieldName[]): Overrides {
  if (fields.length === 0) return overrides;
  const out = new Map(overrides);
  for (const field of fields) out.set(fieldIndex(field), undefined);
  return out;
}

const CT_STATE_BITS = Object.values(CT_STATES).map(BigInt);

/** A test every value of the field passes (a packet has exactly one ct state, so a set of all of them). */
export function coversEveryValue(field: number, set: IntervalSet): boolean {
  if (field === F.ctState) return CT_STATE_BITS.every((bit) => contains(set, bit));
  const max = FIELDS[FIELD_ORDER[field]!].max;
  return set.length === 2 && set[0] === 0n && set[1]! >= max;
}

/**
 * A rule's boxes as tests on the arriving packet, given the overrides: a test on an overridden
 * field holds or fails as a whole. Unknown values make the test hold (`over`) or fail (`under`),
 * unless every value passes it.
 */
export function adjustBoxes(boxes: readonly Box[], overrides: Overrides, mode: 'over' | 'under'): Box[] {
  if (overrides.size === 0) return boxes as Box[];
  const out: Box[] = [];
  for (const box of boxes) {
    let adjusted: (IntervalSet | undefined)[] | undefined = box.slice();
    for (const [field, value] of overrides) {
      const set = adjusted[field];
      if (set === undefined) continue;
      const holds = value === undefined ? mode === 'over' || coversEveryValue(field, set) : contains(set, value);
      if (!holds) {
        adjusted = undefined;
        break;
      }
      adjusted[field] = undefined;
    }
    if (adjusted) out.push(adjusted);
  }
  return out;
}

const NO_FIELDS: ReadonlySet<number> = new Set();

const TERMINAL: ReadonlySet<string> = new Set(['accept', 'drop', 'reject', 'return', 'goto', 'nat']);

/**
 * The fields a rule may change for the rules after it in its chain: its own statements' and,
 * through a jump that returns, everything the called chains change.
 */
export class MutationFinder {
  private readonly byChain = new Map<Chain, ReadonlySet<number>>();

  constructor(private readonly directory: ChainDirectory) {}

  ofRule(rule: Rule, chain: Chain): ReadonlySet<number> {
    // Packets a terminal verdict takes out of the chain carry its statements' changes elsewhere.
    const stays = rule.verdict === undefined || !TERMINAL.has(rule.verdict.kind);
    let fields: Set<number> | undefined;
    if (stays) for (const effect of statementEffects(rule)) (fields ??= new Set()).add(fieldIndex(effect.field));
    for (const jump of this.directory.jumpsOf(rule, chain)) {
      const target = jump.kind === 'jump' ? this.directory.chain(chain, jump.target) : undefined;
      if (target) for (const field of this.ofChain(target)) (fields ??= new Set()).add(field);
    }
    return fields ?? NO_FIELDS;
  }

  /** Every field a chain, or a chain it jumps or goes to, may change. */
  ofChain(chain: Chain): ReadonlySet<number> {
    const cached = this.byChain.get(chain);
    if (cached) return cached;
    const fields = new Set<number>();
    // Seen before being filled: a jump loop (refused by the kernel anyway) ends here.
    this.byChain.set(chain, fields);
    for (const rule of chain.rules) {
      for (const effect of statementEffects(rule)) fields.add(fieldIndex(effect.field));
      for (const jump of this.directory.jumpsOf(rule, chain)) {
        const target = this.directory.chain(chain, jump.target);
        if (target) for (const field of this.ofChain(target)) fields.add(field);
      }
    }
    return fields;
  }
}
