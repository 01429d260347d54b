import { DEPENDENCIES, FIELD_COUNT, fieldMaxima } from './fields.js';
import * as iv from './intervals.js';
import type { ApproxSet, IntervalSet } from './intervals.js';

/**
 * A box: one interval set per field (indexed as FIELD_ORDER), `undefined` meaning "any value".
 * Boxes are normalised: a constrained field that exists only for some protocols also constrains
 * its dependency (see fields.ts), so an empty field means an empty box.
 */
export type Box = readonly (IntervalSet | undefined)[];

export const ANY_BOX: Box = new Array<IntervalSet | undefined>(FIELD_COUNT).fill(undefined);

/** Adds the dependency constraints of every constrained field; undefined when that empties it. */
export function normalizeBox(box: Box): Box | undefined {
  const copy = box.slice();
  if (!normalizeOwnBox(copy)) return undefined;
  // Narrowing keeps a set itself where it changes nothing: then the box needs no copy either.
  return copy.every((set, f) => set === box[f]) ? box : copy;
}

/**
 * normalizeBox on a box the caller owns and may change: dependencies are narrowed in place rather
 * than in a copy. False when that empties the box.
 */
export function normalizeOwnBox(box: (IntervalSet | undefined)[]): boolean {
  for (let f = 0; f < FIELD_COUNT; f++) {
    const set = box[f];
    if (set === undefined) continue;
    if (set.length === 0) return false;
    const dep = DEPENDENCIES[f];
    if (!dep) continue;
    const current = box[dep.field];
    const narrowed = current === undefined ? dep.allowed : iv.intersect(current, dep.allowed);
    if (narrowed.length === 0) return false;
    box[dep.field] = narrowed;
  }
  return true;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  for (let f = 0; f < FIELD_COUNT; f++) {
    const x = a[f];
    const y = b[f];
    if (x !== undefined && y !== undefined && !iv.overlaps(x, y)) return false;
  }
  return true;
}

/** `a ∩ b`; `a` itself when `b` does not narrow it (boxes are never changed, so sharing is safe). */
export function intersectBoxes(a: Box, b: Box): Box | undefined {
  let out: (IntervalSet | undefined)[] | undefined;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const y = b[f];
    if (y === undefined) continue;
    const x = a[f];
    const set = x === undefined ? y : x === y ? x : iv.intersect(x, y);
    if (set.length === 0) return undefined;
    if (set !== x) (out ??= a.slice())[f] = set;
  }
  return out ?? a;
}

/** `a \ b` as disjoint boxes; `[a]` itself when they do not overlap. */
export function subtractBox(a: Box, b: Box): Box[] {
  if (!boxesOverlap(a, b)) return [a];
  return subtractOverlapping(a, { fields: ALL_FIELDS, sets: b });
}

const ALL_FIELDS: readonly number[] = Array.from({ length: FIELD_COUNT }, (_, f) => f);

/**
 * The fields in which `box` is narrower than `universe` (where it holds a different set), in
 * field order. Boxes inside the same universe can only differ from each other in those fields.
 */
export function narrowedFields(box: Box, universe: Box): number[] {
  let count = 0;
  for (let f = 0; f < FIELD_COUNT; f++) if (box[f] !== universe[f]) count++;
  // Sized exactly: an index entry may keep it.
  const fields = new Array<number>(count);
  let at = 0;
  for (let f = 0; f < FIELD_COUNT; f++) if (box[f] !== universe[f]) fields[at++] = f;
  return fields;
}

/**
 * A box inside a known universe, kept as only the fields where it is narrower (in field order)
 * and its sets there, in the same order: all that boxesOverlapOn and subtractOverlapping read of
 * it, and a fraction of a whole box's size for the many a coverage index keeps.
 */
export interface NarrowedBox {
  readonly fields: readonly number[];
  readonly sets: readonly (IntervalSet | undefined)[];
}

/** The box's sets in `fields`, in that order. */
export function setsIn(box: Box, fields: readonly number[]): (IntervalSet | undefined)[] {
  const sets = new Array<IntervalSet | undefined>(fields.length);
  for (let k = 0; k < fields.length; k++) sets[k] = box[fields[k]!];
  return sets;
}

/** The whole box again: the universe with the narrowed sets put back. */
export function widened(box: NarrowedBox, universe: Box): Box {
  const whole = universe.slice();
  for (let k = 0; k < box.fields.length; k++) whole[box.fields[k]!] = box.sets[k];
  return whole;
}

/** boxesOverlap for a `b` whose other fields are its universe's, which contains `a`. */
export function boxesOverlapOn(a: Box, b: NarrowedBox): boolean {
  const { fields, sets } = b;
  for (let k = 0; k < fields.length; k++) {
    const x = a[fields[k]!];
    const y = sets[k];
    if (x !== undefined && y !== undefined && x !== y && !iv.overlaps(x, y)) return false;
  }
  return true;
}

/** A box's sets as doubles, each approximated the first time it is asked for. */
export class LazyApproxBox {
  // Sized once: filled field by field, an empty array would be reallocated as it grows.
  private readonly sets = new Array<ApproxSet | undefined>(FIELD_COUNT);

  constructor(private readonly box: Box) {}

  /** The approximated set of field `f`, undefined when the box leaves it open. */
  set(f: number): ApproxSet | undefined {
    const known = this.sets[f];
    if (known !== undefined) return known;
    const set = this.box[f];
    if (set === undefined) return undefined;
    const approx = iv.approximate(set);
    this.sets[f] = approx;
    return approx;
  }
}

/** `a \ b` for overlapping boxes, splitting only on b's narrowed fields (where it may be narrower than `a`). */
export function subtractOverlapping(a: Box, b: NarrowedBox): Box[] {
  const pieces: Box[] = [];
  let current: (IntervalSet | undefined)[] | undefined;
  const { fields, sets } = b;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    const y = sets[k];
    if (y === undefined) continue;
    const base = current ?? a;
    const x = base[f];
    if (x === y) continue;
    const rest = x === undefined ? iv.complement(y, maxOf(f)) : iv.subtract(x, y);
    if (rest.length > 0) {
      const piece = base.slice();
      piece[f] = rest;
      pieces.push(piece);
    }
    current ??= a.slice();
    current[f] = x === undefined ? y : iv.intersect(x, y);
  }
  return pieces;
}

// Interface fields have no fixed maximum, but every space the model builds is cut down to its
// universe, which names the interface alphabet explicitly, so they are never complemented here.
const FIXED_MAXIMA = fieldMaxima(1 << 16);

function maxOf(field: number): bigint {
  return FIXED_MAXIMA[field]!;
}
