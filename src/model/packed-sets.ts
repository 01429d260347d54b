import type { Box, LazyApproxBox, NarrowedBox } from './box.js';
import { EXACT_AS_DOUBLE, F } from './fields.js';
import { type IntervalSet, mayOverlapPacked } from './intervals.js';

/**
 * Numbers per full chunk: 32 KB of doubles, an ordinary young object. Chunks past V8's largest
 * regular object (128 KB) went to the large-object space, where allocating one took 120-270 us,
 * about as long again as filling it.
 */
const CHUNK = 1 << 12;
/** A chain's first chunk: a short chain must not pay for a whole one. Each next chunk is twice the size, up to CHUNK. */
const FIRST_CHUNK = 256;

/**
 * The fields rules are most often told apart by, where most entries a query visits but does not
 * overlap differ from it (entries filed near it in the index: other hosts of the same network).
 * Every value of them fits 32 bits.
 */
const HULL_FIELDS = [F.daddr4, F.saddr4, F.dport];
const HULL = 2 * HULL_FIELDS.length;
/** Entries per chunk of hulls: 6 KB, small enough for a chain of a few rules, of which a ruleset may have thousands. */
const HULL_CHUNK = 256;
const WHOLE_FIELD_LOW = 0;
const WHOLE_FIELD_HIGH = 2 ** 32 - 1;

/**
 * The sets of a chain's index entries as doubles, by serial, packed one after another: per entry,
 * how many fields it is narrower in, then per such field its index, the count of bounds (-1 when
 * the entry leaves the field open) and the bounds. Doubles hold every value of every field but
 * IPv6 addresses exactly, so for most entries these numbers are the entry: a query tests them
 * without touching the entry, and the entry need not keep its bigint sets alive (the collector
 * copies whatever a chain's index keeps, so that halves its work).
 *
 * Plain arrays of numbers (unboxed doubles in V8), not Float64Arrays: a typed array's store lives
 * outside the heap, and V8 starts a full collection whenever such stores grow by 64 MB. The
 * numbers go into chunks that are never grown: one growing array was copied each time it grew,
 * and those copies were a sixth of what a 100k-rule chain allocated.
 */
export class PackedSets {
  private readonly chunks: number[][] = [];
  private chunk: number[] = [];
  private used = 0;
  /** Where each entry starts, as chunk * CHUNK + offset (an offset is below CHUNK). */
  private readonly starts: number[] = [];
  /**
   * Per entry, the lowest and highest value of each of HULL_FIELDS, the whole field where it is
   * open: a few bytes per entry, so that a query rules most entries out without reading their
   * bounds, which at 100k rules lie far apart in memory and cost a cache miss each.
   */
  private readonly hulls: Uint32Array[] = [];

  /** Packs the box's sets in `fields` for entry `serial`; true when the doubles hold them exactly. */
  add(serial: number, box: Box, fields: readonly number[]): boolean {
    if (serial !== this.starts.length) throw new Error(`entry ${serial} packed out of order`);
    let size = 1;
    for (let k = 0; k < fields.length; k++) size += 2 + (box[fields[k]!]?.length ?? 0);
    if (this.used + size > this.chunk.length) this.startChunk(size);
    const chunk = this.chunk;
    let at = this.used;
    this.starts.push((this.chunks.length - 1) * CHUNK + at);
    chunk[at++] = fields.length;
    let exact = true;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      if (!EXACT_AS_DOUBLE[f]) exact = false;
      const set = box[f];
      chunk[at++] = f;
      if (set === undefined) {
        chunk[at++] = -1;
        continue;
      }
      chunk[at++] = set.length;
      for (let i = 0; i < set.length; i++) chunk[at++] = Number(set[i]!);
    }
    this.used = at;
    this.addHull(serial, box);
    return exact;
  }

  private addHull(serial: number, box: Box): void {
    if (serial % HULL_CHUNK === 0) this.hulls.push(new Uint32Array(HULL_CHUNK * HULL));
    const hulls = this.hulls[this.hulls.length - 1]!;
    let at = (serial % HULL_CHUNK) * HULL;
    for (const f of HULL_FIELDS) {
      const set = box[f];
      hulls[at++] = set === undefined ? WHOLE_FIELD_LOW : Number(set[0]!);
      hulls[at++] = set === undefined ? WHOLE_FIELD_HIGH : Number(set[set.length - 1]!);
    }
  }

  /**
   * False when the query box and entry `serial` do not overlap; true when they may. For an entry
   * packed exactly and a query exact in the same fields, true means they do.
   */
  mayOverlap(query: LazyApproxBox, serial: number): boolean {
    const hulls = this.hulls[Math.floor(serial / HULL_CHUNK)]!;
    let hull = (serial % HULL_CHUNK) * HULL;
    for (let k = 0; k < HULL_FIELDS.length; k++, hull += 2) {
      const set = query.set(HULL_FIELDS[k]!);
      if (set !== undefined && (set[set.length - 1]! < hulls[hull]! || set[0]! > hulls[hull + 1]!)) return false;
    }
    const start = this.starts[serial]!;
    const chunk = this.chunks[Math.floor(start / CHUNK)]!;
    let at = start % CHUNK;
    for (let fields = chunk[at++]!; fields > 0; fields--) {
      const field = chunk[at]!;
      const count = chunk[at + 1]!;
      at += 2;
      if (count < 0) continue;
      const set = query.set(field);
      if (set !== undefined && !mayOverlapPacked(set, chunk, at, at + count)) return false;
      at += count;
    }
    return true;
  }

  /** The fields and sets entry `serial` was packed with, as bigints again: exact for an entry packed exactly. */
  narrowed(serial: number): NarrowedBox {
    const start = this.starts[serial]!;
    const chunk = this.chunks[Math.floor(start / CHUNK)]!;
    let at = start % CHUNK;
    const fields: number[] = [];
    const sets: (IntervalSet | undefined)[] = [];
    for (let left = chunk[at++]!; left > 0; left--) {
      fields.push(chunk[at]!);
      const count = chunk[at + 1]!;
      at += 2;
      if (count < 0) {
        sets.push(undefined);
        continue;
      }
      const set = new Array<bigint>(count);
      for (let i = 0; i < count; i++) set[i] = BigInt(chunk[at + i]!);
      sets.push(set);
      at += count;
    }
    return { fields, sets };
  }

  /** Moves on to a new chunk with room for `size` numbers; an entry larger than CHUNK gets one of its own. */
  private startChunk(size: number): void {
    const previous = this.chunks.length === 0 ? FIRST_CHUNK / 2 : this.chunk.length;
    this.chunk = new Array<number>(Math.max(size, Math.min(CHUNK, previous * 2)));
    this.chunks.push(this.chunk);
    this.used = 0;
  }
}
