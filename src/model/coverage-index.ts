import type { Box } from './box.js';
import { NFPROTO_IPV4, NFPROTO_IPV6 } from '../ir.js';
import { DEPENDENCIES, F } from './fields.js';
import { approximate, type ApproxSet, mayOverlapRange, overlaps } from './intervals.js';
import { type BoxKeys, boxKeys, insertKeysAfterQuery, keyHigh, keyLow, type Level, ORDERS, scratchKeys } from './index-keys.js';
import { IntList } from './int-list.js';
import { SerialMerge } from './serial-merge.js';
import { NONE, TrieNodes } from './trie-nodes.js';

/** What a query reports back for each entry it visits. */
export type VisitResult = 'unchanged' | 'done';

/** The caller of a query: it looks at entries (by serial) in chain order until it has what it needs. */
export interface IndexVisitor {
  visit(serial: number): VisitResult;
}

/** Where coverage looks up the entries of earlier rules. */
export interface RuleIndex {
  /** Files an earlier rule's box under its serial: its order of creation in the chain, from 0. */
  insert(serial: number, box: Box): void;
  /** Visits, in chain order and each once, at least every entry that overlaps one of `boxes`, until the visitor is done. */
  query(boxes: readonly Box[], visitor: IndexVisitor): void;
}

/**
 * Earlier rules' boxes, filed so that a query visits only those that can overlap it. The tries
 * file entries by serial; a query gathers the nodes it must visit, as references that say which
 * trie (see nodeRef), then visits their entries in chain order.
 *
 * A trie no query has started from for a while stops filing entries and only notes their serials;
 * the first query to start from it files them all, by `boxOf`, before it looks. In a chain whose
 * rules are narrow in their destination or have no ports, no query starts from the ports-first
 * trie, and filing every entry there too cost 10-20% of a 100k-rule chain's pass.
 */
export class CoverageIndex implements RuleIndex {
  private readonly tries: readonly Trie[];
  private readonly keys = scratchKeys();
  /** Where a trie catching up files its pending entries: `keys` holds the query under way then. */
  private readonly catchUpKeys = scratchKeys();
  private readonly found = new IntList();
  private readonly serials = new IntList();
  /** The first serials of the nodes a query visits, when they are many. */
  private readonly firsts = new IntList();

  /**
   * `expectedEntries`: about how many entries will be filed, to size the tries once; `boxOf`: the
   * box filed under a serial, for a trie that files it late.
   */
  constructor(
    expectedEntries: number,
    private readonly boxOf: (serial: number) => Box,
  ) {
    this.tries = ORDERS.map((levels, tag) => new Trie(levels, tag, expectedEntries));
  }

  insert(serial: number, box: Box): void {
    // A rule's first entry is most often the very box it was just looked up with. (Keys last
    // computed to insert this box are the same again: recomputing its port keys changes nothing.)
    const keys = this.keys.boxes === box ? insertKeysAfterQuery(this.keys) : boxKeys(box, false, this.keys);
    for (const trie of this.tries) {
      if (trie.pending === undefined) trie.insert(serial, keys);
      else trie.pending.push(serial);
    }
  }

  /**
   * Visits, in chain order and each once, the entries that may overlap any of `boxes`, until the
   * visitor is done. Order matters: the first rule to match a packet is the one that decides it.
   * Each box is looked up in the trie whose estimated cost for it is lowest.
   */
  query(boxes: readonly Box[], visitor: IndexVisitor): void {
    const found = this.found;
    found.length = 0;
    for (const box of boxes) this.lookUp(boxKeys(box, true, this.keys), found);
    let total = 0;
    for (let i = 0; i < found.length; i++) {
      const ref = found.items[i]!;
      total += this.trieOf(ref).nodes.ownCount(nodeOf(ref)) - (skipsFirst(ref) ? 1 : 0);
    }
    if (total <= FEW_ENTRIES) this.visitFew(found, visitor);
    else this.visitMany(found, visitor);
  }

  /** Files the entries a trie only noted, in chain order, so that it can be walked. */
  private catchUp(trie: Trie): void {
    const pending = trie.pending;
    if (pending === undefined) return;
    trie.pending = undefined;
    for (const serial of pending) trie.insert(serial, boxKeys(this.boxOf(serial), false, this.catchUpKeys));
  }

  private trieOf(ref: number): Trie {
    return this.tries[ref & 1]!;
  }

  /** The entries of nodes holding a few in all, sorted together: cheaper than a heap merge. */
  private visitFew(found: IntList, visitor: IndexVisitor): void {
    const serials = this.serials;
    serials.length = 0;
    for (let i = 0; i < found.length; i++) {
      const ref = found.items[i]!;
      const nodes = this.trieOf(ref).nodes;
      const node = nodeOf(ref);
      if (!skipsFirst(ref)) serials.insertSorted(nodes.firstSerial(node));
      if (nodes.ownCount(node) > 1) for (const serial of nodes.laterSerials(node)) serials.insertSorted(serial);
    }
    let previous = -1;
    for (let i = 0; i < serials.length; i++) {
      const serial = serials.items[i]!;
      if (serial === previous) continue;
      previous = serial;
      if (visitor.visit(serial) === 'done') return;
    }
  }

  /** The entries of nodes holding many, merged lazily: a visitor done early never sees most of them. */
  private visitMany(found: IntList, visitor: IndexVisitor): void {
    const firsts = this.firsts;
    firsts.length = 0;
    const lists: ArrayLike<number>[] = [];
    for (let i = 0; i < found.length; i++) {
      const ref = found.items[i]!;
      const nodes = this.trieOf(ref).nodes;
      const node = nodeOf(ref);
      if (!skipsFirst(ref)) firsts.push(nodes.firstSerial(node));
      if (nodes.ownCount(node) > 1) lists.push(nodes.laterSerials(node));
    }
    // A typed array sorts numbers natively; a comparator called from the sort cost more than the merge.
    lists.push(firsts.items.subarray(0, firsts.length).sort());
    const merge = new SerialMerge(lists);
    let previous = -1;
    for (let serial = merge.next(); serial !== -1; serial = merge.next()) {
      if (serial === previous) continue;
      previous = serial;
      if (visitor.visit(serial) === 'done') return;
    }
  }

  /**
   * Adds the nodes to visit for one query box from the trie where it is cheapest: addresses first
   * for a query with a narrow destination or wide in ports, ports first otherwise; the other only
   * when that looks dear. Pricing the first trie walks the very nodes a lookup there would, unless
   * it priced a subtree whole, so its nodes are kept when it wins.
   */
  private lookUp(keys: BoxKeys, found: IntList): void {
    const [portsFirst, addressesFirst] = this.tries as [Trie, Trie];
    const [first, second] = keys.keys[F.dport] !== undefined && !narrowDestination(keys) ? [portsFirst, addressesFirst] : [addressesFirst, portsFirst];
    this.catchUp(first);
    first.idleQueries = 0;
    // A trie that only notes serials is not priced: catching it up for a query that can do without it costs more.
    if (second.pending === undefined && ++second.idleQueries > IDLE_QUERIES) second.pending = [];
    const before = found.length;
    const firstCost = first.cost(keys, Infinity, found);
    const chosen = firstCost <= CHEAP_ENOUGH || second.pending !== undefined || second.cost(keys, firstCost) >= firstCost ? first : second;
    if (chosen === second) second.idleQueries = 0;
    if (chosen === first && first.walkedWhole) return;
    found.length = before;
    chosen.collect(keys, found);
  }
}

/**
 * A node of trie `tag` as one number, so that a query's nodes of both tries share one list, with
 * a bit that says to pass over its first entry (see Trie.passesFirst).
 */
function nodeRef(node: number, tag: number, skipFirst: boolean): number {
  return node * 4 + (skipFirst ? 2 : 0) + tag;
}

function nodeOf(ref: number): number {
  return ref >>> 2;
}

function skipsFirst(ref: number): boolean {
  return (ref & 2) !== 0;
}

/** Steps pack a level and a depth inside it (below 8: the bytes filed of an address, at most 8 of IPv6's 16). */
const STEP_LEVEL = 8;

/** Within one destination /24 (IPv4) or /48 (IPv6): narrow enough that few rules share the branch. */
function narrowDestination(keys: BoxKeys): boolean {
  return (keys.keys[F.daddr4]?.length ?? 0) >= 3 || (keys.keys[F.daddr6]?.length ?? 0) >= 6;
}

/** A trie that this many query boxes in a row did not start from stops filing entries until one does. */
const IDLE_QUERIES = 1024;

/** Up to this many entries in all, a query's lists are sorted together rather than merged lazily. */
const FEW_ENTRIES = 32;
/** A query this cheap in the first trie tried takes it without pricing the other. */
const CHEAP_ENOUGH = 16;
/** A subtree the pricing walk crosses wide is walked rather than priced at its count up to this many filings. */
const SMALL_WIDE_SUBTREE = 16;

/** Nodes a trie makes per entry it files, with room to spare: 1.3–1.5 in the first, 0.9–1.2 in the second on generated chains. */
const NODES_PER_ENTRY = 1.6;

/**
 * Which address levels a branch still has: below the IPv4 key of the nfproto level every entry is
 * IPv4 only, so it goes down the wildcard of both IPv6 address levels, and a query there has no
 * IPv6 address either: those levels are passed over rather than kept as nodes that sort nothing,
 * each one a cache miss more for every walk at 100k rules. Likewise for IPv6.
 */
const ALL_LEVELS = 0;
const IPV4_LEVELS = 1;
const IPV6_LEVELS = 2;
const IPV4_KEY = Number(NFPROTO_IPV4);
const IPV6_KEY = Number(NFPROTO_IPV6);

/** The levels of a branch below key `key` of level `spec`, on a branch with levels `mode`. */
function modeBelow(spec: Level, key: number, mode: number): number {
  if (spec.field !== F.nfproto) return mode;
  return key === IPV4_KEY ? IPV4_LEVELS : key === IPV6_KEY ? IPV6_LEVELS : mode;
}

/** Per mode, the level after each level (the number of levels past the last). */
function nextLevels(levels: readonly Level[]): readonly (readonly number[])[] {
  const skipped = [new Set<number>(), new Set([F.saddr6, F.daddr6]), new Set([F.saddr4, F.daddr4])];
  return skipped.map((fields) =>
    levels.map((_, level) => {
      let next = level + 1;
      while (next < levels.length && fields.has(levels[next]!.field)) next++;
      return next;
    }),
  );
}

/** nextLevels of each order, made once: a ruleset of many short chains makes a trie pair per chain. */
const NEXT_LEVELS = ORDERS.map(nextLevels);

class Trie {
  readonly nodes: TrieNodes;
  private readonly root: number;
  /** See modeBelow. */
  private readonly after: readonly (readonly number[])[];
  private keys: BoxKeys = { keys: [], boxes: [] };
  /** Where a walk adds the nodes holding entries it passes (see nodeRef). */
  private found = new IntList();
  /** The nodes the pricing walk passes, when the caller keeps them. */
  private passed: IntList | undefined;
  /** The last pricing walked every node a lookup would, rather than pricing a subtree at its count. */
  walkedWhole = true;
  /** Serials filed in the index since this trie stopped filing them, in chain order; undefined while it files them. */
  pending: number[] | undefined;
  /** Query boxes since one last started from this trie. */
  idleQueries = 0;

  constructor(
    private readonly levels: readonly Level[],
    private readonly tag: number,
    expectedEntries: number,
  ) {
    this.nodes = new TrieNodes(Math.ceil(expectedEntries * NODES_PER_ENTRY));
    this.root = this.nodes.root;
    this.after = NEXT_LEVELS[tag]!;
  }

  insert(serial: number, keys: BoxKeys): void {
    let last = -1;
    for (let level = 0; level < this.levels.length; level++) {
      const known = keys.keys[this.levels[level]!.field];
      if (known !== undefined && known.length > 0) last = level;
    }
    this.insertAt(this.root, 0, 0, ALL_LEVELS, serial, keys, last);
  }

  /** Adds to `found` every node holding entries on a branch the query's box may overlap. */
  collect(keys: BoxKeys, found: IntList): void {
    this.keys = keys;
    this.found = found;
    this.collectAt(this.root, 0, 0, ALL_LEVELS, 0);
  }

  /**
   * About how many filings a query for `keys` would visit here: the entries on the branches its
   * keys lead to, plus whole subtrees where it is wide. Stops counting once past `bound`.
   */
  cost(keys: BoxKeys, bound: number, passed?: IntList): number {
    this.keys = keys;
    this.passed = passed;
    this.walkedWhole = true;
    const cost = this.costAt(this.root, 0, 0, ALL_LEVELS, bound, 0);
    this.passed = undefined;
    return cost;
  }

  /** `mode` and `prefix` as in collectAt. A wide subtree small enough is walked as a lookup would, not priced. */
  private costAt(node: number, level: number, depth: number, mode: number, bound: number, prefix: number): number {
    const nodes = this.nodes;
    const own = nodes.ownCount(node);
    let cost = this.passed === undefined ? own : this.noteNode(node, this.passed);
    if (level === this.levels.length || cost > bound) return cost;
    const wildcard = nodes.wildcard(node);
    if (wildcard !== NONE) cost += this.costAt(wildcard, this.after[mode]![level]!, 0, mode, bound - cost, 0);
    if (nodes.firstChild(node) === NONE || cost > bound) return cost;
    const spec = this.levels[level]!;
    const known = this.keys.keys[spec.field];
    if (known === undefined || (spec.kind === 'prefix' && depth >= known.length)) {
      if (this.excludedByProtocol(spec)) return cost;
      const wide = nodes.count(node) - own - (wildcard === NONE ? 0 : nodes.count(wildcard));
      if (this.passed !== undefined && wide <= SMALL_WIDE_SUBTREE) {
        this.found = this.passed;
        this.collectWide(node, spec, level, depth, mode, prefix);
      } else {
        this.walkedWhole = false;
      }
      return cost + wide;
    }
    if (spec.kind === 'prefix') {
      const child = nodes.get(node, known[depth]!);
      return child === NONE ? cost : cost + this.costAt(child, level, depth + 1, mode, bound - cost, prefix * 256 + known[depth]!);
    }
    for (const key of known) {
      const child = nodes.get(node, key);
      if (child === NONE) continue;
      const below = modeBelow(spec, key, mode);
      cost += this.costAt(child, this.after[below]![level]!, 0, below, bound - cost, 0);
      if (cost > bound) break;
    }
    return cost;
  }

  /** The query's protocol rules the field out, so no entry it can overlap is filed under a key there. */
  private excludedByProtocol(spec: Level): boolean {
    const dep = DEPENDENCIES[spec.field];
    const depSet = dep ? this.keys.boxes[dep.field] : undefined;
    return dep !== undefined && depSet !== undefined && !overlaps(depSet, dep.allowed);
  }

  /**
   * Files the entry down its narrow levels and stops after `last`, the last of them, or at the
   * first node it creates: an entry alone on its path needs no deeper nodes, and a query that
   * reaches the node visits it anyway (the visitor checks the real overlap). Moving such an entry
   * down when a later one passes its node, so that fewer queries visit it, cost more than it saved.
   */
  private insertAt(node: number, level: number, depth: number, mode: number, serial: number, keys: BoxKeys, last: number): void {
    const nodes = this.nodes;
    let current = node;
    let currentLevel = level;
    let currentDepth = depth;
    let currentMode = mode;
    while (currentLevel <= last && !nodes.isFresh(current)) {
      nodes.countFiling(current);
      const spec = this.levels[currentLevel]!;
      const known = keys.keys[spec.field];
      if (spec.kind === 'prefix') {
        const byte = known?.[currentDepth];
        if (byte === undefined) {
          current = nodes.next(current);
          currentLevel = this.after[currentMode]![currentLevel]!;
          currentDepth = 0;
        } else {
          current = nodes.child(current, byte);
          currentDepth++;
        }
        continue;
      }
      if (known !== undefined && known.length > 1) {
        for (const key of known) {
          const below = modeBelow(spec, key, currentMode);
          this.insertAt(nodes.child(current, key), this.after[below]![currentLevel]!, 0, below, serial, keys, last);
        }
        return;
      }
      if (known === undefined) current = nodes.next(current);
      else {
        current = nodes.child(current, known[0]!);
        currentMode = modeBelow(spec, known[0]!, currentMode);
      }
      currentLevel = this.after[currentMode]![currentLevel]!;
      currentDepth = 0;
    }
    if (!nodes.isFresh(current) || currentLevel > last) {
      nodes.file(current, serial);
      return;
    }
    const step = this.nextKeyedStep(currentLevel, currentDepth, keys, last);
    // At the step the keys take one key: the byte at its depth, or the level's only key (depth 0).
    nodes.fileFirst(current, serial, step, step === NONE ? 0 : keys.keys[this.levelAt(step).field]![step % STEP_LEVEL]!);
  }

  /**
   * The first step at or below (level, depth) where the keys go down a keyed branch rather than
   * a wildcard one, packed as in TrieNodes.nextStep; NONE when the keys go nowhere keyed, or fan
   * out to several keys there.
   */
  private nextKeyedStep(level: number, depth: number, keys: BoxKeys, last: number): number {
    for (let at = level, d = depth; at <= last; at++, d = 0) {
      const spec = this.levels[at]!;
      const known = keys.keys[spec.field];
      if (known === undefined || (spec.kind === 'prefix' && d >= known.length)) continue;
      return spec.kind !== 'prefix' && known.length > 1 ? NONE : at * STEP_LEVEL + d;
    }
    return NONE;
  }

  private levelAt(step: number): Level {
    return this.levels[Math.floor(step / STEP_LEVEL)]!;
  }

  /**
   * Whether the query certainly does not take the step the first entry of `node` would take below
   * it: then it cannot overlap that entry, as if the entry had been filed one step further down.
   */
  private passesFirst(node: number): boolean {
    const step = this.nodes.nextStep(node);
    if (step === NONE) return false;
    const spec = this.levelAt(step);
    const depth = step % STEP_LEVEL;
    const known = this.keys.keys[spec.field];
    if (known === undefined || (spec.kind === 'prefix' && depth >= known.length)) return false;
    const key = this.nodes.nextKey(node);
    if (spec.kind === 'prefix') return known[depth] !== key;
    return !known.includes(key);
  }

  /** Adds the node to a walk's list when it holds entries the query may overlap. */
  private noteNode(node: number, into: IntList): number {
    const own = this.nodes.ownCount(node);
    if (own === 0) return 0;
    const skipFirst = this.passesFirst(node);
    if (skipFirst && own === 1) return 0;
    into.push(nodeRef(node, this.tag, skipFirst));
    return skipFirst ? own - 1 : own;
  }

  /**
   * Walks the branches that may overlap the query. `mode` says which levels the branch has (see
   * modeBelow); `prefix` holds the address bytes taken so far inside an address level, as a
   * number (exact for IPv4, the only width whose children are pruned).
   */
  private collectAt(node: number, level: number, depth: number, mode: number, prefix: number): void {
    const nodes = this.nodes;
    this.noteNode(node, this.found);
    if (level === this.levels.length) return;
    const wildcard = nodes.wildcard(node);
    if (wildcard !== NONE) this.collectAt(wildcard, this.after[mode]![level]!, 0, mode, 0);
    if (nodes.firstChild(node) === NONE) return;
    const spec = this.levels[level]!;
    const known = this.keys.keys[spec.field];
    if (known !== undefined && (spec.kind !== 'prefix' || depth < known.length)) {
      if (spec.kind === 'prefix') {
        const child = nodes.get(node, known[depth]!);
        if (child !== NONE) this.collectAt(child, level, depth + 1, mode, prefix * 256 + known[depth]!);
        return;
      }
      for (const key of known) {
        const child = nodes.get(node, key);
        if (child === NONE) continue;
        const below = modeBelow(spec, key, mode);
        this.collectAt(child, this.after[below]![level]!, 0, below, 0);
      }
      return;
    }
    if (!this.excludedByProtocol(spec)) this.collectWide(node, spec, level, depth, mode, prefix);
  }

  /** collectAt's walk of every child a query wide at this level may overlap. */
  private collectWide(node: number, spec: Level, level: number, depth: number, mode: number, prefix: number): void {
    const nodes = this.nodes;
    const set = this.keys.boxes[spec.field];
    const values = set === undefined ? undefined : approximate(set);
    const pruned = spec.kind !== 'prefix' || spec.width === 32 ? values : undefined;
    for (let child = nodes.firstChild(node); child !== NONE; child = nodes.nextSibling(child)) {
      const key = nodes.keyOf(child);
      if (spec.kind === 'prefix') {
        const next = prefix * 256 + key;
        if (pruned === undefined || mayOverlapBytes(pruned, next, depth + 1)) this.collectAt(child, level, depth + 1, mode, next);
      } else if (pruned === undefined || mayOverlapRange(pruned, keyLow(spec, key), keyHigh(spec, key))) {
        const below = modeBelow(spec, key, mode);
        this.collectAt(child, this.after[below]![level]!, 0, below, 0);
      }
    }
  }
}

/** Whether an IPv4 set may hold an address starting with the `bytes` leading bytes `prefix`. */
function mayOverlapBytes(set: ApproxSet, prefix: number, bytes: number): boolean {
  const size = 2 ** (32 - 8 * bytes);
  const low = prefix * size;
  return mayOverlapRange(set, low, low + size - 1);
}
