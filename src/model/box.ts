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

export function boxWith(base: Box, field: number, set: IntervalSet | undefined): Box {
  const copy = base.slice();
  copy[field] = set;
  return copy;
}

/** Adds the dependency constraints of every constrained field; undefined when that empties it. */
export function normalizeBox(box: Box): Box | undefined {
  let out: (IntervalSet | undefined)[] | undefined;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const set = box[f];
    if (set === undefined) continue;
    if (set.length === 0) return undefined;
    const dep = DEPENDENCIES[f];
    if (!dep) continue;
    const current = (out ?? box)[dep.field];
    const narrowed = current === undefined ? dep.allowed : iv.intersect(current, dep.allowed);
    if (narrowed.length === 0) return undefined;
    if (current === undefined || narrowed.length !== current.length || !iv.sameSet(narrowed, current)) {
      out ??= box.slice();
      out[dep.field] = narrowed;
    }
  }
  return out ?? box;
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

export function intersectBoxes(a: Box, b: Box): Box | undefined {
  const out = a.slice();
  for (let f = 0; f < FIELD_COUNT; f++) {
    const y = b[f];
    if (y === undefined) continue;
    const x = a[f];
    const set = x === undefined ? y : x === y ? x : iv.intersect(x, y);
    if (set.length === 0) return undefined;
    out[f] = set;
  }
  return out;
}

/** `a \ b` as disjoint boxes; `[a]` itself when they do not overlap. */
export function subtractBox(a: Box, b: Box): Box[] {
  if (!boxesOverlap(a, b)) return [a];
  return subtractOverlapping(a, b, ALL_FIELDS);
}

const ALL_FIELDS: readonly number[] = Array.from({ length: FIELD_COUNT }, (_, f) => f);

/**
 * The fields in which `box` is narrower than `universe` (where it holds a different set), in
 * field order. Boxes inside the same universe can only differ from each other in those fields.
 */
export function narrowedFields(box: Box, universe: Box): number[] {
  let count = 0;
  for (let f = 0; f < FIELD_COUNT; f++) if (box[f] !== universe[f]) count++;
  // Sized exactly: a chain's index keeps one list per entry alive.
  const fields = new Array<number>(count);
  let at = 0;
  for (let f = 0; f < FIELD_COUNT; f++) if (box[f] !== universe[f]) fields[at++] = f;
  return fields;
}

/** boxesOverlap for a `b` whose other fields are its universe's, which contains `a`. */
export function boxesOverlapOn(a: Box, b: Box, fields: readonly number[]): boolean {
  for (const f of fields) {
    const x = a[f];
    const y = b[f];
    if (x !== undefined && y !== undefined && x !== y && !iv.overlaps(x, y)) return false;
  }
  return true;
}

/**
 * A box's sets in some of its fields, as doubles (see ApproxSet) packed in one flat array: per
 * field, in the order given, the field's index, the count of bounds (-1 when the box leaves the
 * field open), then the bounds. Coverage checks one for every entry it visits, and each separate
 * object costs a cache miss once a chain holds many thousands of them. (A plain array: creating a
 * Float64Array per entry costs several times as much.)
 */
export type PackedApprox = readonly number[];

export function packedApproximation(box: Box, fields: readonly number[]): PackedApprox {
  let size = 0;
  for (const f of fields) size += 2 + (box[f]?.length ?? 0);
  // Sized exactly rather than grown by pushes, which would leave slack in every entry the index keeps.
  const packed = new Array<number>(size);
  let at = 0;
  for (const f of fields) {
    const set = box[f];
    packed[at++] = f;
    if (set === undefined) {
      packed[at++] = -1;
      continue;
    }
    packed[at++] = set.length;
    for (let i = 0; i < set.length; i++) packed[at++] = Number(set[i]!);
  }
  return packed;
}

/** A box's sets as doubles, each approximated the first time it is asked for. */
export class LazyApproxBox {
  private readonly sets: (ApproxSet | undefined)[] = [];

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

/**
 * boxesOverlapOn on approximations, `b` given by packedApproximation over the fields it may be
 * narrower in: false only when the boxes certainly do not overlap.
 */
export function boxesMayOverlapPacked(a: LazyApproxBox, b: PackedApprox): boolean {
  let at = 0;
  while (at < b.length) {
    const field = b[at]!;
    const count = b[at + 1]!;
    at += 2;
    if (count < 0) continue;
    const x = a.set(field);
    if (x !== undefined && !iv.mayOverlapPacked(x, b, at, at + count)) return false;
    at += count;
  }
  return true;
}

/** `a \ b` for overlapping boxes, splitting only on `fields` (where `b` may be narrower than `a`). */
export function subtractOverlapping(a: Box, b: Box, fields: readonly number[]): Box[] {
  const pieces: Box[] = [];
  let current: (IntervalSet | undefined)[] | undefined;
  for (const f of fields) {
    const y = b[f];
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
