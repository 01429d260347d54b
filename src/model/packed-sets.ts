import type { Box, LazyApproxBox, NarrowedBox } from './box.js';
import { EXACT_AS_DOUBLE } from './fields.js';
import { type IntervalSet, mayOverlapPacked } from './intervals.js';

/**
 * The sets of a chain's index entries as doubles, by serial, packed one after another into a
 * single Float64Array: per entry and per field it is narrower in, the field's index, the count of
 * bounds (-1 when the entry leaves the field open), then the bounds. Doubles hold every value of
 * every field but IPv6 addresses exactly, so for most entries these numbers are the entry: a query
 * tests them without touching the entry, and the entry need not keep its bigint sets alive (the
 * collector copies whatever a chain's index keeps, so that halves its work).
 */
export class PackedSets {
  private bounds = new Float64Array(1 << 14);
  private used = 0;
  private starts = new Int32Array(1 << 10);
  private ends = new Int32Array(1 << 10);

  /** Packs the box's sets in `fields` for entry `serial`; true when the doubles hold them exactly. */
  add(serial: number, box: Box, fields: readonly number[]): boolean {
    let size = 0;
    let exact = true;
    for (const f of fields) {
      size += 2 + (box[f]?.length ?? 0);
      if (!EXACT_AS_DOUBLE[f]) exact = false;
    }
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
    return exact;
  }

  /**
   * False when the query box and entry `serial` do not overlap; true when they may. For an entry
   * packed exactly and a query exact in the same fields, true means they do.
   */
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

  /** The fields and sets entry `serial` was packed with, as bigints again: exact for an entry packed exactly. */
  narrowed(serial: number): NarrowedBox {
    const bounds = this.bounds;
    const end = this.ends[serial]!;
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

function grown<T extends Float64Array | Int32Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const out = new (array.constructor as new (size: number) => T)(size);
  out.set(array);
  return out;
}
