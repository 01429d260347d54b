/** Marks a free slot of the child table, and a missing node. */
export const NONE = -1;

/**
 * A node's row: filings at or below it, its wildcard child, its first keyed child, its next
 * sibling, the entries filed at the node itself (see ENTRY) and where the first of them would go
 * next (see `fileFirst`). Six numbers rather than eight: at 100k rules the rows of both tries are
 * most of what a pass reads at random, and the less of it there is, the more stays in cache.
 */
const ROW = 6;
const COUNT = 0;
const WILDCARD = 1;
const FIRST_CHILD = 2;
const NEXT_SIBLING = 3;
/** NONE, the serial of the node's only entry, or -(k + 2) for a node holding several: `firsts[k]` and `later[k]`. */
const ENTRY = 4;
/** The first entry's next keyed step and key, packed as step * 2^KEY_BITS + key, or NONE. */
const NEXT = 5;
const KEY_BITS = 24;
/** Steps below this pack with a key into a positive 32-bit number. */
const STEP_LIMIT = 2 ** (31 - KEY_BITS);

/** A slot of the child table: parent, key, child. */
const SLOT = 3;
/**
 * How full the child table may get. Linear probing stays short even at this load (on average
 * about 2.2 probes to find a child and 6 to miss one, mostly in the same cache line), and a
 * smaller table keeps more of a 100k-rule trie in cache than a half-empty one.
 */
const MAX_LOAD = 0.7;
/** The fewest nodes a trie is made for: most chains are short, and a few hundred of them are each made a trie pair. */
const MIN_NODES = 16;

/**
 * The nodes of one coverage trie, by number, in rows of one typed array, and their children in
 * one open-addressing hash table keyed by (parent, key), each slot's three numbers side by side.
 * A trie of 100k rules has a few hundred thousand nodes: as objects with Maps, each step of a
 * lookup cost several cache misses and the collector copied every node; here a step costs about
 * one probe and one row. Keys are small integers by construction (address bytes, protocols,
 * interface symbols, ports and port buckets below 2^17), so they fit the table's 32-bit slots.
 */
export class TrieNodes {
  private size = 0;
  private rows: Int32Array;
  /** The key each node hangs under from its parent. */
  private keys: Int32Array;
  /**
   * For the few nodes that hold more than one entry (see ENTRY), the first serial and the later
   * ones, in chain order; serials are small integers, which the collector need not trace.
   */
  private readonly firsts: number[] = [];
  private readonly later: number[][] = [];

  private slots: Int32Array;
  private used = 0;

  /**
   * Sized for `expectedNodes` from the start. Typed arrays keep their numbers outside the heap, and
   * V8 runs a full collection whenever such memory grows by 64 MB: grown by doubling from a small
   * start, the arrays of a 100k-rule chain's two tries took 43 MB, half of it left-behind copies.
   */
  constructor(expectedNodes: number) {
    const capacity = Math.max(MIN_NODES, expectedNodes);
    this.rows = new Int32Array(capacity * ROW);
    this.keys = new Int32Array(capacity);
    // The child table is kept at most MAX_LOAD full. Not rounded up to a power of two: that left
    // a 100k-rule chain's tables two-thirds empty, spreading their probes over twice the memory.
    this.slots = new Int32Array(Math.ceil(capacity / MAX_LOAD) * SLOT).fill(NONE);
    this.root = this.create();
  }

  /** The first node, never fresh. */
  readonly root: number;

  /** Filings at or below the node: what a query that scans its whole subtree pays. */
  count(node: number): number {
    return this.rows[node * ROW + COUNT]!;
  }

  countFiling(node: number): void {
    this.rows[node * ROW + COUNT]!++;
  }

  /** How many entries are filed at the node itself. */
  ownCount(node: number): number {
    const entry = this.rows[node * ROW + ENTRY]!;
    if (entry >= 0) return 1;
    return entry === NONE ? 0 : 1 + this.later[-entry - 2]!.length;
  }

  /** The serial of the first entry filed at the node, when it holds any. */
  firstSerial(node: number): number {
    const entry = this.rows[node * ROW + ENTRY]!;
    return entry >= 0 ? entry : this.firsts[-entry - 2]!;
  }

  /**
   * The first keyed step (see `fileFirst`) of the node's first entry, packed as `level * 8 + depth`,
   * or NONE when there is none to check.
   */
  nextStep(node: number): number {
    const next = this.rows[node * ROW + NEXT]!;
    return next === NONE ? NONE : next >>> KEY_BITS;
  }

  nextKey(node: number): number {
    return this.rows[node * ROW + NEXT]! & (2 ** KEY_BITS - 1);
  }

  /**
   * Files the first entry at a fresh node, with the first keyed step its keys take below it
   * (level, depth and key), NONE when none: an entry that stops at the first node it creates
   * would go on there, so a query that does not take that step cannot overlap it. A step or key
   * too large to pack is not kept: queries then visit the entry, as they would with no step.
   */
  fileFirst(node: number, serial: number, nextStep: number, nextKey: number): void {
    this.file(node, serial);
    const packs = nextStep >= 0 && nextStep < STEP_LIMIT && nextKey >= 0 && nextKey < 2 ** KEY_BITS;
    this.rows[node * ROW + NEXT] = packs ? nextStep * 2 ** KEY_BITS + nextKey : NONE;
  }

  /** The serials of the node's entries after its first, in chain order, when it holds more than one. */
  laterSerials(node: number): readonly number[] {
    return this.later[-this.rows[node * ROW + ENTRY]! - 2]!;
  }

  /** Files the entry at the node: it then holds something, and later inserts pass through it. */
  file(node: number, serial: number): void {
    const row = node * ROW;
    const entry = this.rows[row + ENTRY]!;
    if (entry === NONE) this.rows[row + ENTRY] = serial;
    else if (entry >= 0) {
      this.rows[row + ENTRY] = -this.later.length - 2;
      this.firsts.push(entry);
      this.later.push([serial]);
    } else this.later[-entry - 2]!.push(serial);
    this.rows[row + COUNT]!++;
  }

  /** The child for entries not narrow at the node's level, or NONE. */
  wildcard(node: number): number {
    return this.rows[node * ROW + WILDCARD]!;
  }

  /** The node's keyed children as a list: the first, then each one's next sibling. */
  firstChild(node: number): number {
    return this.rows[node * ROW + FIRST_CHILD]!;
  }

  nextSibling(node: number): number {
    return this.rows[node * ROW + NEXT_SIBLING]!;
  }

  keyOf(node: number): number {
    return this.keys[node]!;
  }

  /** Created by the insert under way and holding nothing yet: every other node but the root holds a filing. */
  isFresh(node: number): boolean {
    return this.rows[node * ROW + COUNT] === 0 && node !== this.root;
  }

  /** The child of `parent` under `key`, or NONE. */
  get(parent: number, key: number): number {
    const slots = this.slots;
    const count = slots.length / SLOT;
    for (let slot = slotOf(parent, key, count); ; slot = slot + 1 === count ? 0 : slot + 1) {
      const at = slot * SLOT;
      const owner = slots[at]!;
      if (owner === NONE) return NONE;
      if (owner === parent && slots[at + 1] === key) return slots[at + 2]!;
    }
  }

  /** The child of `parent` under `key`, created (fresh) when missing. */
  child(parent: number, key: number): number {
    const existing = this.get(parent, key);
    if (existing !== NONE) return existing;
    const node = this.create();
    this.keys[node] = key;
    this.rows[node * ROW + NEXT_SIBLING] = this.rows[parent * ROW + FIRST_CHILD]!;
    this.rows[parent * ROW + FIRST_CHILD] = node;
    if ((this.used + 1) * SLOT > MAX_LOAD * this.slots.length) this.growSlots();
    this.place(parent, key, node);
    return node;
  }

  /** The wildcard child of `parent`, created (fresh) when missing. */
  next(parent: number): number {
    let node = this.rows[parent * ROW + WILDCARD]!;
    if (node === NONE) {
      node = this.create();
      this.rows[parent * ROW + WILDCARD] = node;
    }
    return node;
  }

  private create(): number {
    if (this.size === this.keys.length) this.growNodes();
    const node = this.size++;
    const row = node * ROW;
    this.rows[row + COUNT] = 0;
    this.rows[row + WILDCARD] = NONE;
    this.rows[row + FIRST_CHILD] = NONE;
    this.rows[row + NEXT_SIBLING] = NONE;
    this.rows[row + ENTRY] = NONE;
    this.rows[row + NEXT] = NONE;
    return node;
  }

  private place(parent: number, key: number, child: number): void {
    const slots = this.slots;
    const count = slots.length / SLOT;
    let slot = slotOf(parent, key, count);
    while (slots[slot * SLOT] !== NONE) slot = slot + 1 === count ? 0 : slot + 1;
    slots[slot * SLOT] = parent;
    slots[slot * SLOT + 1] = key;
    slots[slot * SLOT + 2] = child;
    this.used++;
  }

  private growNodes(): void {
    const capacity = Math.ceil(this.keys.length * 1.5);
    const rows = new Int32Array(capacity * ROW);
    rows.set(this.rows);
    this.rows = rows;
    const keys = new Int32Array(capacity);
    keys.set(this.keys);
    this.keys = keys;
  }

  private growSlots(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(NONE);
    this.used = 0;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at] !== NONE) this.place(old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }
}

/**
 * Where (parent, key) starts probing among `count` slots: a multiplicative hash of both, so sibling
 * keys spread out, scaled to the table (a product of doubles, exact enough below 2^22 slots, is
 * far cheaper than a remainder by a number V8 cannot prove an integer).
 */
function slotOf(parent: number, key: number, count: number): number {
  let hash = Math.imul(parent, 0x9e3779b1) ^ Math.imul(key + 0x7f4a7c15, 0x85ebca77);
  hash ^= hash >>> 15;
  return Math.floor(((hash >>> 0) * count) / 2 ** 32);
}
