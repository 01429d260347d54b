import type { FieldEffect } from '../ir.js';
import type { Box } from './box.js';
import { FIELD_ORDER, F, fieldIndex } from './fields.js';
import type { InterfaceAlphabet } from './interfaces.js';
import { contains } from './intervals.js';
import { coversEveryValue, effectResult } from './overrides.js';
import type { NumericField, Packet } from './packet.js';

/** The packet as a box of single values (fields it does not have stay unconstrained). */
export function packetBox(packet: Packet, alphabet: InterfaceAlphabet): Box {
  return FIELD_ORDER.map((name, f) => {
    if (f === F.iifname) return single(alphabet.symbolOf(packet.iifname));
    if (f === F.oifname) return single(alphabet.symbolOf(packet.oifname));
    const value = packet.values[name as NumericField];
    return value === undefined ? undefined : [value, value];
  });
}

function single(symbol: number): [bigint, bigint] {
  return [BigInt(symbol), BigInt(symbol)];
}

/**
 * A packet on its way through the hooks, as statements have changed it. Fields set to something
 * the model cannot compute are `unknown`: a test on them may or may not hold.
 */
export class PacketState {
  private readonly values: (readonly [bigint, bigint] | undefined)[];
  private readonly unknown = new Set<number>();

  constructor(point: Box) {
    this.values = point.map((set) => (set === undefined ? undefined : [set[0]!, set[0]!]));
  }

  /**
   * Whether the packet is in one of the boxes: `must` counts tests on unknown fields as failing,
   * `may` as holding. A box constraining a field the packet lacks excludes it.
   */
  inBoxes(boxes: readonly Box[], assume: 'may' | 'must'): boolean {
    return boxes.some((box) => boxContains(box, this.values, this.unknown, assume));
  }

  /** Applies a statement's effects; `certain` false means the statement may not have run at all. */
  apply(effects: readonly FieldEffect[], certain: boolean): void {
    for (const effect of effects) this.applyOne(effect, certain);
  }

  /** The field now holds some value the model cannot know. Fields the packet lacks stay absent. */
  forget(field: number): void {
    if (this.values[field] !== undefined) this.unknown.add(field);
  }

  private applyOne(effect: FieldEffect, certain: boolean): void {
    const f = fieldIndex(effect.field);
    const current = this.values[f];
    if (current === undefined) return;
    const next = certain ? effectResult(effect, this.unknown.has(f) ? undefined : current[0]) : undefined;
    if (next === undefined) {
      this.forget(f);
      return;
    }
    this.values[f] = [next, next];
    this.unknown.delete(f);
  }
}

function boxContains(box: Box, point: Box, unknown: ReadonlySet<number>, assume: 'may' | 'must'): boolean {
  return box.every((set, f) => {
    if (set === undefined) return true;
    const value = point[f];
    if (value === undefined) return false;
    if (unknown.has(f)) return assume === 'may' || coversEveryValue(f, set);
    return contains(set, value[0]!);
  });
}

