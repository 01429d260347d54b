import type { IndexEntry } from './coverage-index.js';

/**
 * Merges lists of index entries, each already in chain order, into one stream in chain order: a
 * binary heap of list heads keyed by serial. Entries filed in several lists come out once per
 * list; the caller skips repeats.
 */
export class EntryMerge {
  private readonly heap: number[] = [];
  private readonly offsets: number[];

  constructor(private readonly lists: readonly (readonly IndexEntry[])[]) {
    this.offsets = new Array<number>(lists.length).fill(0);
    for (let i = 0; i < lists.length; i++) if (lists[i]!.length > 0) this.push(i);
  }

  next(): IndexEntry | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const list = heap[0]!;
    const entry = this.lists[list]![this.offsets[list]!]!;
    this.offsets[list]!++;
    if (this.offsets[list]! < this.lists[list]!.length) this.siftDown(0);
    else {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        this.siftDown(0);
      }
    }
    return entry;
  }

  private head(list: number): number {
    return this.lists[list]![this.offsets[list]!]!.serial;
  }

  private push(list: number): void {
    const heap = this.heap;
    heap.push(list);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.head(heap[parent]!) <= this.head(list)) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = list;
  }

  private siftDown(from: number): void {
    const heap = this.heap;
    const list = heap[from]!;
    const serial = this.head(list);
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && this.head(heap[child + 1]!) < this.head(heap[child]!)) child++;
      if (this.head(heap[child]!) >= serial) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = list;
  }
}
