import type { Box, LazyApproxBox, NarrowedBox } from './box.js';
import { EXACT_AS_DOUBLE } from './fields.js';
import { type IntervalSet, mayOverlapPacked } from './intervals.js';

/**
 * The sets of a chain's index entries as doubles, by serial, packed one after another into a
 * single array: per entry and per field it is narrower in, the field's index, the count of
 * bounds (-1 when the entry leaves the field open), then the bounds. Doubles hold every value of
 * every field but IPv6 addresses exactly, so for most entries these numbers are the entry: a query
 * tests them without touching the entry, and the entry need not keep its bigint sets alive (the
 * collector copies whatever a chain's index keeps, so that halves its work).
 *
 * Plain arrays of numbers (unboxed doubles in V8), not a Float64Array: a typed array's store lives
 * outside the heap, and V8 starts a full collection whenever such stores grow by 64 MB, which the
 * grown copies of a 100k-rule chain's sets did in every pass. In the heap they grow unnoticed.
 */
export class PackedSets {
  private readonly bounds: number[] = [];
  /** Where each entry's numbers start; entries are packed in serial order, so the next one's start is its end. */
  private readonly starts: number[] = [0];

  /** Packs the box's sets in `fields` for entry `serial`; true when the doubles hold them exactly. */
  add(serial: number, box: Box, fields: readonly number[]): boolean {
    if (serial !== this.starts.length - 1) throw new Error(`entry ${serial} packed out of order`);
    const bounds = this.bounds;
    // Stores one past the end grow the array as push does, without a call per number.
    let at = bounds.length;
    let exact = true;
    for (const f of fields) {
      if (!EXACT_AS_DOUBLE[f]) exact = false;
      const set = box[f];
      bounds[at++] = f;
      if (set === undefined) {
        bounds[at++] = -1;
        continue;
      }
      bounds[at++] = set.length;
      for (let i = 0; i < set.length; i++) bounds[at++] = Number(set[i]!);
    }
    this.starts.push(at);
    return exact;
  }

  /**
   * False when the query box and entry `serial` do not overlap; true when they may. For an entry
   * packed exactly and a query exact in the same fields, true means they do.
   */
  mayOverlap(query: LazyApproxBox, serial: number): boolean {
    const bounds = this.bounds;
    const end = this.starts[serial + 1]!;
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

  /** The fields and sets entry `serial` was packed with, as bigints again: exact for an entry packed exactly. */
  narrowed(serial: number): NarrowedBox {
    const bounds = this.bounds;
    const end = this.starts[serial + 1]!;
    const fields: number[] = [];
    const sets: (IntervalSet | undefined)[] = [];
    for (let at = this.starts[serial]!; at < end; ) {
      fields.push(bounds[at]!);
      const count = bounds[at + 1]!;
      at += 2;
      if (count < 0) {
        sets.push(undefined);
        continue;
      }
      const set = new Array<bigint>(count);
      for (let i = 0; i < count; i++) set[i] = BigInt(bounds[at + i]!);
      sets.push(set);
      at += count;
    }
    return { fields, sets };
  }
}
