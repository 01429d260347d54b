import { type Box, boxesOverlap, intersectBoxes, subtractBox } from './box.js';
import type { InterfaceAlphabet } from './interfaces.js';

/**
 * A set of packets: a union of boxes. Spaces of one model share its interface alphabet, which
 * witnesses need to name interfaces.
 */
export class PacketSpace {
  constructor(
    readonly boxes: readonly Box[],
    readonly alphabet: InterfaceAlphabet,
  ) {}

  isEmpty(): boolean {
    return this.boxes.length === 0;
  }

  intersect(other: PacketSpace): PacketSpace {
    return new PacketSpace(intersectAll(this.boxes, other.boxes), this.alphabet);
  }

  subtract(other: PacketSpace): PacketSpace {
    return new PacketSpace(subtractAll(this.boxes, other.boxes), this.alphabet);
  }

  union(other: PacketSpace): PacketSpace {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    return new PacketSpace([...this.boxes, ...subtractAll(other.boxes, this.boxes)], this.alphabet);
  }

  overlaps(other: PacketSpace): boolean {
    return this.boxes.some((a) => other.boxes.some((b) => boxesOverlap(a, b)));
  }

  /** True when every packet of this space is in `other`. */
  isSubsetOf(other: PacketSpace): boolean {
    return subtractAll(this.boxes, other.boxes).length === 0;
  }
}

export function intersectAll(a: readonly Box[], b: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const x of a) {
    for (const y of b) {
      const box = intersectBoxes(x, y);
      if (box) out.push(box);
    }
  }
  return out;
}

export function subtractAll(a: readonly Box[], b: readonly Box[]): Box[] {
  let current: Box[] = a.slice();
  for (const y of b) {
    if (current.length === 0) break;
    const next: Box[] = [];
    for (const x of current) {
      for (const piece of subtractBox(x, y)) next.push(piece);
    }
    current = next;
  }
  return current;
}
