/**
 * Merges lists of entry serials, each ascending, into one ascending stream: a binary heap of list
 * heads. A serial in several lists comes out once per list; the caller skips repeats, which the
 * order puts side by side.
 */
export class SerialMerge {
  private readonly heap: number[] = [];
  private readonly offsets: number[];

  constructor(private readonly lists: readonly ArrayLike<number>[]) {
    this.offsets = new Array<number>(lists.length).fill(0);
    for (let i = 0; i < lists.length; i++) if (lists[i]!.length > 0) this.push(i);
  }

  /** The next serial, or -1 when every list is used up. */
  next(): number {
    const heap = this.heap;
    if (heap.length === 0) return -1;
    const list = heap[0]!;
    const serial = this.head(list);
    this.offsets[list]!++;
    if (this.offsets[list]! < this.lists[list]!.length) this.siftDown(0);
    else {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        this.siftDown(0);
      }
    }
    return serial;
  }

  private head(list: number): number {
    return this.lists[list]![this.offsets[list]!]!;
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
