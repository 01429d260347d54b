/** Marks a free slot of the child table, and a missing node. */
export const NONE = -1;

/**
 * A node's row: filings at or below it, its wildcard child, its first keyed child, its next
 * sibling, how many entries are filed at the node itself, the serial of the first of them, and
 * where that first entry would go next (see `fileFirst`).
 */
const ROW = 8;
const COUNT = 0;
const WILDCARD = 1;
const FIRST_CHILD = 2;
const NEXT_SIBLING = 3;
const OWN_ENTRIES = 4;
const FIRST_ENTRY = 5;
const NEXT_STEP = 6;
const NEXT_KEY = 7;

/** A slot of the child table: parent, key, child. */
const SLOT = 3;
/**
 * How full the child table may get. Linear probing stays short even at this load (on average
 * about 2.2 probes to find a child and 6 to miss one, mostly in the same cache line), and a
 * smaller table keeps more of a 100k-rule trie in cache than a half-empty one.
 */
const MAX_LOAD = 0.7;

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
  /** Created by the insert under way and holding nothing yet. */
  private freshness: Uint8Array;
  /**
   * Serials of the entries filed at a node after its first, in chain order, for the few nodes
   * that hold more than one (the row holds the first); serials are small integers, which the
   * collector need not trace.
   */
  private readonly later = new Map<number, number[]>();

  private slots: Int32Array;
  private used = 0;

  /**
   * Sized for `expectedNodes` from the start. Typed arrays keep their numbers outside the heap, and
   * V8 runs a full collection whenever such memory grows by 64 MB: grown by doubling from a small
   * start, the arrays of a 100k-rule chain's two tries took 43 MB, half of it left-behind copies.
   */
  constructor(expectedNodes: number) {
    const capacity = Math.max(1024, expectedNodes);
    this.rows = new Int32Array(capacity * ROW);
    this.keys = new Int32Array(capacity);
    this.freshness = new Uint8Array(capacity);
    // The child table is kept at most MAX_LOAD full; its size is a power of two for masking.
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(capacity / MAX_LOAD)) * SLOT).fill(NONE);
  }

  /** A new node, not fresh: the root. */
  root(): number {
    const node = this.create();
    this.freshness[node] = 0;
    return node;
  }

  /** Filings at or below the node: what a query that scans its whole subtree pays. */
  count(node: number): number {
    return this.rows[node * ROW + COUNT]!;
  }

  countFiling(node: number): void {
    this.rows[node * ROW + COUNT]!++;
  }

  /** How many entries are filed at the node itself. */
  ownCount(node: number): number {
    return this.rows[node * ROW + OWN_ENTRIES]!;
  }

  /** The serial of the first entry filed at the node, when it holds any. */
  firstSerial(node: number): number {
    return this.rows[node * ROW + FIRST_ENTRY]!;
  }

  /**
   * The first keyed step (see `fileFirst`) of the node's first entry, packed as `level * 16 + depth`,
   * or NONE when there is none to check.
   */
  nextStep(node: number): number {
    return this.rows[node * ROW + NEXT_STEP]!;
  }

  nextKey(node: number): number {
    return this.rows[node * ROW + NEXT_KEY]!;
  }

  /**
   * Files the first entry at a fresh node, with the first keyed step its keys take below it
   * (level, depth and key), NONE when none: an entry that stops at the first node it creates
   * would go on there, so a query that does not take that step cannot overlap it.
   */
  fileFirst(node: number, serial: number, nextStep: number, nextKey: number): void {
    this.file(node, serial);
    this.rows[node * ROW + NEXT_STEP] = nextStep;
    this.rows[node * ROW + NEXT_KEY] = nextKey;
  }

  /** The serials of the node's entries after its first, in chain order, when it holds more than one. */
  laterSerials(node: number): readonly number[] {
    return this.later.get(node)!;
  }

  /** Files the entry at the node: it then holds something, and later inserts pass through it. */
  file(node: number, serial: number): void {
    const row = node * ROW;
    const own = this.rows[row + OWN_ENTRIES]!;
    if (own === 0) this.rows[row + FIRST_ENTRY] = serial;
    else if (own === 1) this.later.set(node, [serial]);
    else this.later.get(node)!.push(serial);
    this.rows[row + OWN_ENTRIES] = own + 1;
    this.rows[row + COUNT]!++;
    this.freshness[node] = 0;
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

  isFresh(node: number): boolean {
    return this.freshness[node] === 1;
  }

  /** The child of `parent` under `key`, or NONE. */
  get(parent: number, key: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    for (let slot = slotOf(parent, key, mask); ; slot = (slot + 1) & mask) {
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
    this.rows[row + OWN_ENTRIES] = 0;
    this.rows[row + NEXT_STEP] = NONE;
    this.freshness[node] = 1;
    return node;
  }

  private place(parent: number, key: number, child: number): void {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    let slot = slotOf(parent, key, mask);
    while (slots[slot * SLOT] !== NONE) slot = (slot + 1) & mask;
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
    const freshness = new Uint8Array(capacity);
    freshness.set(this.freshness);
    this.freshness = freshness;
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

/** Where (parent, key) starts probing: a multiplicative hash of both, so sibling keys spread out. */
function slotOf(parent: number, key: number, mask: number): number {
  let hash = Math.imul(parent, 0x9e3779b1) ^ Math.imul(key + 0x7f4a7c15, 0x85ebca77);
  hash ^= hash >>> 15;
  return hash & mask;
}
