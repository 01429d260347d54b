/**
 * Sets of bigints as sorted, disjoint, non-adjacent inclusive intervals, stored flat
 * (`[low0, high0, low1, high1, …]`) because rulesets create millions of them and a flat array
 * is the cheapest shape to allocate and scan.
 */
export type IntervalSet = readonly bigint[];

export const EMPTY: IntervalSet = [];

/** Single small values (protocols, states, ports below 1024) recur in nearly every rule: one set each. */
const SMALL_POINTS: IntervalSet[] = [];
const SMALL_POINT_LIMIT = 1024n;

export function interval(low: bigint, high: bigint): IntervalSet {
  if (low === high && low >= 0n && low < SMALL_POINT_LIMIT) return (SMALL_POINTS[Number(low)] ??= [low, low]);
  return low <= high ? [low, high] : EMPTY;
}

/** Sorts and merges arbitrary intervals (given flat) into canonical form. */
export function normalize(flat: readonly bigint[]): IntervalSet {
  if (flat.length <= 2) return flat.length === 2 && flat[0]! <= flat[1]! ? flat : EMPTY;
  const sorted = flat.length <= 2 * FEW_INTERVALS ? sortFewFlat(flat) : sortManyFlat(flat);
  const out: bigint[] = [];
  for (let i = 0; i < sorted.length; i += 2) {
    const low = sorted[i]!;
    const high = sorted[i + 1]!;
    if (low > high) continue;
    const last = out.length - 1;
    if (last > 0 && low <= out[last]! + 1n) {
      if (high > out[last]!) out[last] = high;
    } else {
      out.push(low, high);
    }
  }
  return exact(out);
}

/** Up to this many intervals (a rule's anonymous set), insertion sort beats building pairs for Array.sort. */
const FEW_INTERVALS = 16;

/** A flat copy of `flat` with its intervals in order of their low bounds, sorted in place. */
function sortFewFlat(flat: readonly bigint[]): bigint[] {
  const out = flat.slice();
  for (let i = 2; i < out.length; i += 2) {
    const low = out[i]!;
    const high = out[i + 1]!;
    let at = i;
    while (at > 0 && out[at - 2]! > low) {
      out[at] = out[at - 2]!;
      out[at + 1] = out[at - 1]!;
      at -= 2;
    }
    out[at] = low;
    out[at + 1] = high;
  }
  return out;
}

function sortManyFlat(flat: readonly bigint[]): bigint[] {
  const pairs: [bigint, bigint][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: bigint[] = [];
  for (const [low, high] of pairs) out.push(low, high);
  return out;
}

export function contains(set: IntervalSet, value: bigint): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (value < set[i]!) return false;
    if (value <= set[i + 1]!) return true;
  }
  return false;
}

export function overlaps(a: IntervalSet, b: IntervalSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

/**
 * A set's bounds as doubles, for quick overlap tests: comparing doubles is far cheaper than
 * comparing bigints. Exact up to 2^53; above (IPv6 addresses) rounding is monotone, so sets whose
 * rounded bounds do not meet cannot meet either, while a "may overlap" needs an exact check.
 */
export type ApproxSet = readonly number[];

export function approximate(set: IntervalSet): ApproxSet {
  const out = new Array<number>(set.length);
  for (let i = 0; i < set.length; i++) out[i] = Number(set[i]!);
  return out;
}

/** False only when the sets are certainly disjoint; `b` is given as the bounds `packed[from..to)`. */
export function mayOverlapPacked(a: ApproxSet, packed: readonly number[], from: number, to: number): boolean {
  let i = 0;
  let j = from;
  while (i < a.length && j < to) {
    if (a[i + 1]! < packed[j]!) i += 2;
    else if (packed[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

export function mayOverlapRange(set: ApproxSet, low: number, high: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > high) return false;
    if (set[i + 1]! >= low) return true;
  }
  return false;
}

/**
 * A result built by pushing, as an array of its own length: `[]` grows its store by 17 slots on
 * the first push, and the model keeps millions of two-bound sets alive.
 */
function exact(out: bigint[]): IntervalSet {
  return out.length === 0 ? EMPTY : out.slice();
}

/** The operand equal to `out`, when there is one: sets are immutable, so sharing them is safe. */
function sameAsOperand(out: bigint[], a: IntervalSet, b: IntervalSet): IntervalSet {
  if (out.length === a.length && sameSet(out, a)) return a;
  if (out.length === b.length && sameSet(out, b)) return b;
  return exact(out);
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 2 && b.length === 2) return intersectIntervals(a, b);
  if (b.length === 2 && insideOneInterval(b, a)) return b;
  if (a.length === 2 && insideOneInterval(a, b)) return a;
  const out: bigint[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const low = a[i]! > b[j]! ? a[i]! : b[j]!;
    const high = a[i + 1]! < b[j + 1]! ? a[i + 1]! : b[j + 1]!;
    if (low <= high) out.push(low, high);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return sameAsOperand(out, a, b);
}

/** Whether the single interval `one` lies inside one interval of `set` (a protocol inside its family's). */
function insideOneInterval(one: IntervalSet, set: IntervalSet): boolean {
  const low = one[0]!;
  const high = one[1]!;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > low) return false;
    if (high <= set[i + 1]!) return true;
  }
  return false;
}

function intersectIntervals(a: IntervalSet, b: IntervalSet): IntervalSet {
  const low = a[0]! > b[0]! ? a[0]! : b[0]!;
  const high = a[1]! < b[1]! ? a[1]! : b[1]!;
  if (low > high) return EMPTY;
  if (low === a[0] && high === a[1]) return a;
  if (low === b[0] && high === b[1]) return b;
  return [low, high];
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (b.length === 0 || a.length === 0) return a;
  const out: bigint[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let low = a[i]!;
    const high = a[i + 1]!;
    while (j < b.length && b[j + 1]! < low) j += 2;
    let k = j;
    while (k < b.length && b[k]! <= high && low <= high) {
      if (b[k]! > low) out.push(low, b[k]! - 1n);
      low = b[k + 1]! + 1n;
      k += 2;
    }
    if (low <= high) out.push(low, high);
  }
  return out.length === a.length && sameSet(out, a) ? a : exact(out);
}

export function complement(set: IntervalSet, max: bigint): IntervalSet {
  return subtract([0n, max], set);
}

export function sameSet(a: IntervalSet, b: IntervalSet): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Largest number of intervals we enumerate for a masked match before approximating. */
const MAX_MASK_INTERVALS = 4096;

/**
 * `(x & mask) == value` over `[0, max]`, or undefined when it would take more than
 * MAX_MASK_INTERVALS intervals (arbitrary 32-bit masks), so callers approximate instead.
 */
export function maskedSet(value: bigint, mask: bigint, max: bigint): IntervalSet | undefined {
  const width = BigInt(max.toString(2).length);
  const effectiveMask = mask & max;
  if ((value & ~effectiveMask & max) !== 0n) return EMPTY;
  let trailingFree = 0n;
  while (trailingFree < width && ((effectiveMask >> trailingFree) & 1n) === 0n) trailingFree++;
  const freeAbove: bigint[] = [];
  for (let bit = trailingFree; bit < width; bit++) {
    if (((effectiveMask >> bit) & 1n) === 0n) freeAbove.push(bit);
  }
  if (freeAbove.length > Math.log2(MAX_MASK_INTERVALS)) return undefined;
  const blockSize = 1n << trailingFree;
  const out: bigint[] = [];
  const combos = 1 << freeAbove.length;
  for (let c = 0; c < combos; c++) {
    let base = value & effectiveMask;
    freeAbove.forEach((bit, k) => {
      if ((c >> k) & 1) base |= 1n << bit;
    });
    out.push(base, base + blockSize - 1n);
  }
  return normalize(out);
}
