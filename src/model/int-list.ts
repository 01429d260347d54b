/**
 * A list of 32-bit integers to fill and clear again and again: clearing keeps its storage,
 * whereas `array.length = 0` drops a plain array's and the next pushes allocate it anew, which a
 * query for every rule of a chain turns into most of the collector's work.
 */
export class IntList {
  items = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[this.length++] = value;
  }

  /** Adds `value` to a list kept in ascending order (by insertion: lists here are short). */
  insertSorted(value: number): void {
    if (this.length === this.items.length) this.grow();
    const items = this.items;
    let at = this.length++;
    while (at > 0 && items[at - 1]! > value) {
      items[at] = items[at - 1]!;
      at--;
    }
    items[at] = value;
  }

  private grow(): void {
    const grown = new Int32Array(this.items.length * 2);
    grown.set(this.items);
    this.items = grown;
  }
}
