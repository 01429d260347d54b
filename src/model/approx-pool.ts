import type { Box, LazyApproxBox } from './box.js';
import { mayOverlapPacked } from './intervals.js';

/**
 * The approximations (see ApproxSet) of a chain's index entries, by serial, packed one after
 * another into a single Float64Array: per entry and per field it may be narrower in, the field's
 * index, the count of bounds (-1 when the entry leaves the field open), then the bounds. A query
 * rules out nearly every entry it visits on these numbers alone, without touching the entry or
 * its bigints; one array rather than one per entry keeps that to a cache line or two, and leaves
 * the collector nothing to trace.
 */
export class ApproxPool {
  private bounds = new Float64Array(1 << 14);
  private used = 0;
  private starts = new Int32Array(1 << 10);
  private ends = new Int32Array(1 << 10);

  /** Packs the box's sets in `fields` as the approximation of entry `serial`. */
  add(serial: number, box: Box, fields: readonly number[]): void {
    let size = 0;
    for (const f of fields) size += 2 + (box[f]?.length ?? 0);
    if (this.used + size > this.bounds.length) this.bounds = grown(this.bounds, this.used + size);
    if (serial >= this.starts.length) {
      this.starts = grown(this.starts, serial + 1);
      this.ends = grown(this.ends, serial + 1);
    }
    const bounds = this.bounds;
    let at = this.used;
    this.starts[serial] = at;
    for (const f of fields) {
      const set = box[f];
      bounds[at++] = f;
      if (set === undefined) {
        bounds[at++] = -1;
        continue;
      }
      bounds[at++] = set.length;
      for (let i = 0; i < set.length; i++) bounds[at++] = Number(set[i]!);
    }
    this.ends[serial] = at;
    this.used = at;
  }

  /** False only when the query box and entry `serial` certainly do not overlap. */
  mayOverlap(query: LazyApproxBox, serial: number): boolean {
    const bounds = this.bounds;
    const end = this.ends[serial]!;
    let at = this.starts[serial]!;
    while (at < end) {
      const field = bounds[at]!;
      const count = bounds[at + 1]!;
      at += 2;
      if (count < 0) continue;
      const set = query.set(field);
      if (set !== undefined && !mayOverlapPacked(set, bounds, at, at + count)) return false;
      at += count;
    }
    return true;
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const out = new (array.constructor as new (size: number) => T)(size);
  out.set(array);
  return out;
}
