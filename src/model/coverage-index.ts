import type { Box } from './box.js';
import { DEPENDENCIES } from './fields.js';
import { approximate, mayOverlapRange, overlaps } from './intervals.js';
import { type BoxKeys, boxKeys, keyHigh, keyLow, keyRange, type Level, ORDERS, prefixRange } from './index-keys.js';

/** One indexed box of an earlier rule, with what coverage needs to know about it. */
export interface IndexEntry {
  box: Box;
  position: number;
  /** Last query that visited this entry, so entries stored under several keys are seen once. */
  stamp: number;
}

/** Past this many children a node looks them up in a Map; below, a short array scan is cheaper. */
const SMALL_NODE = 8;

class IndexNode {
  /** Children by key: parallel arrays while few, a Map once many. */
  keys: number[] | undefined;
  kids: IndexNode[] | undefined;
  map: Map<number, IndexNode> | undefined;
  /** Entries not narrow at this level: on to the next field. */
  wildcard: IndexNode | undefined;
  /** Entries filed here: wide in every level from here on, or alone on their path so far. */
  entries: IndexEntry[] | undefined;
  /** Created by the insert under way and holding nothing yet. */
  fresh = true;

  get(key: number): IndexNode | undefined {
    if (this.map) return this.map.get(key);
    const keys = this.keys;
    if (!keys) return undefined;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.kids![i];
    return undefined;
  }

  child(key: number): IndexNode {
    const existing = this.get(key);
    if (existing) return existing;
    const node = new IndexNode();
    if (this.map) {
      this.map.set(key, node);
    } else if (this.keys && this.keys.length >= SMALL_NODE) {
      this.map = new Map(this.keys.map((k, i) => [k, this.kids![i]!]));
      this.map.set(key, node);
      this.keys = undefined;
      this.kids = undefined;
    } else {
      (this.keys ??= []).push(key);
      (this.kids ??= []).push(node);
    }
    return node;
  }

  hasChildren(): boolean {
    return this.map !== undefined || this.keys !== undefined;
  }

  /** Calls `step` for each child until it returns true; true when one did. */
  someChild(step: (key: number, child: IndexNode) => boolean): boolean {
    if (this.map) {
      for (const [key, child] of this.map) if (step(key, child)) return true;
      return false;
    }
    const keys = this.keys ?? [];
    for (let i = 0; i < keys.length; i++) if (step(keys[i]!, this.kids![i]!)) return true;
    return false;
  }

  next(): IndexNode {
    this.wildcard ??= new IndexNode();
    return this.wildcard;
  }
}

/** What a query reports back for each entry it visits. */
export type VisitResult = 'unchanged' | 'changed' | 'done';

/**
 * The caller of a query: it looks at entries, and tells the index which key ranges still matter
 * (the part it is still looking for shrinks as entries are visited), so the walk can skip branches
 * that no longer can overlap it.
 */
export interface IndexVisitor {
  visit(entry: IndexEntry): VisitResult;
  stillWanted(field: number, low: bigint, high: bigint): boolean;
}

/** Earlier rules' boxes, filed so that a query visits only those that can overlap it. */
export class CoverageIndex {
  private readonly tries = ORDERS.map((levels) => new Trie(levels));
  private stamp = 0;

  insert(entry: IndexEntry): void {
    const keys = boxKeys(entry.box, false);
    for (const trie of this.tries) trie.insert(entry, keys);
  }

  /** Starts a query round: each entry is visited at most once until the next round. */
  newRound(): void {
    this.stamp++;
  }

  /** Visits each entry of this round that may overlap `box`, until the visitor is done. */
  query(box: Box, visitor: IndexVisitor): void {
    const keys = boxKeys(box, true);
    let best = this.tries[0]!;
    let bestScore = -1;
    for (const trie of this.tries) {
      const score = trie.narrowness(box, keys);
      if (score > bestScore) {
        best = trie;
        bestScore = score;
      }
    }
    best.query(keys, this.stamp, visitor);
  }
}

class Trie {
  private readonly root = Trie.rootNode();
  private stamp = 0;
  private keys: BoxKeys = { keys: [], boxes: [] };
  private visitor: IndexVisitor | undefined;
  /** Something was subtracted during this walk, so key ranges are checked again before descending. */
  private dirty = false;

  constructor(private readonly levels: readonly Level[]) {}

  private static rootNode(): IndexNode {
    const root = new IndexNode();
    root.fresh = false;
    return root;
  }

  insert(entry: IndexEntry, keys: BoxKeys): void {
    let last = -1;
    this.levels.forEach((spec, level) => {
      if (keys.keys[spec.field] !== undefined && keys.keys[spec.field]!.length > 0) last = level;
    });
    this.insertAt(this.root, 0, 0, entry, keys, last);
  }

  query(keys: BoxKeys, stamp: number, visitor: IndexVisitor): void {
    this.stamp = stamp;
    this.keys = keys;
    this.visitor = visitor;
    this.dirty = false;
    this.queryAt(this.root, 0, 0, undefined);
    this.visitor = undefined;
  }

  /**
   * How far down the query can follow single branches: one point per narrow point or port level,
   * one per known address byte. Fields the query's protocol rules out cost nothing: no entry under
   * the same protocol constrains them.
   */
  narrowness(box: Box, keys: BoxKeys): number {
    let score = 0;
    for (const spec of this.levels) {
      const known = keys.keys[spec.field];
      if (known === undefined) {
        const dep = DEPENDENCIES[spec.field];
        const depSet = dep ? box[dep.field] : undefined;
        if (dep && depSet !== undefined && !overlaps(depSet, dep.allowed)) continue;
        return score;
      }
      if (spec.kind !== 'prefix') {
        score++;
        continue;
      }
      score += known.length;
      if (known.length < spec.bytes) return score;
    }
    return score;
  }

  /**
   * Files the entry down its narrow levels and stops after `last`, the last of them, or at the
   * first node it creates: an entry alone on its path needs no deeper nodes, and a query that
   * reaches the node visits it anyway (the visitor checks the real overlap).
   */
  private insertAt(node: IndexNode, level: number, depth: number, entry: IndexEntry, keys: BoxKeys, last: number): void {
    let current = node;
    let currentLevel = level;
    let currentDepth = depth;
    while (currentLevel <= last && !current.fresh) {
      const spec = this.levels[currentLevel]!;
      const known = keys.keys[spec.field];
      if (spec.kind === 'prefix') {
        const byte = known?.[currentDepth];
        if (byte === undefined) {
          current = current.next();
          currentLevel++;
          currentDepth = 0;
        } else {
          current = current.child(byte);
          currentDepth++;
        }
        continue;
      }
      if (known !== undefined && known.length > 1) {
        for (const key of known) this.insertAt(current.child(key), currentLevel + 1, 0, entry, keys, last);
        return;
      }
      current = known === undefined ? current.next() : current.child(known[0]!);
      currentLevel++;
      currentDepth = 0;
    }
    current.fresh = false;
    (current.entries ??= []).push(entry);
  }

  /**
   * Walks the branches that may overlap the query; true once the visitor is done. `key` is the
   * branch the node hangs under; within an address level it also carries the bytes above.
   */
  private queryAt(node: IndexNode, level: number, depth: number, key: NodeKey | undefined): boolean {
    const entries = node.entries;
    if (entries) {
      for (const entry of entries) {
        if (entry.stamp === this.stamp) continue;
        entry.stamp = this.stamp;
        const result = this.visitor!.visit(entry);
        if (result === 'done') return true;
        if (result === 'changed') {
          this.dirty = true;
          if (!this.wanted(key)) return false;
        }
      }
    }
    if (level === this.levels.length) return false;
    if (node.wildcard) {
      if (this.queryAt(node.wildcard, level + 1, 0, undefined)) return true;
      if (!this.wanted(key)) return false;
    }
    if (!node.hasChildren()) return false;
    const spec = this.levels[level]!;
    const known = this.keys.keys[spec.field];
    const above = depth > 0 ? key : undefined;
    if (known !== undefined && (spec.kind !== 'prefix' || depth < known.length)) {
      if (spec.kind === 'prefix') {
        const child = node.get(known[depth]!);
        return child !== undefined && this.descend(child, spec, level, depth, above, known[depth]!);
      }
      for (const childKey of known) {
        const child = node.get(childKey);
        if (!child) continue;
        if (this.descend(child, spec, level, depth, above, childKey)) return true;
        if (!this.wanted(key)) return false;
      }
      return false;
    }
    const set = this.keys.boxes[spec.field];
    const values = set !== undefined && spec.kind !== 'prefix' ? approximate(set) : undefined;
    let done = false;
    node.someChild((childKey, child) => {
      if (values !== undefined && !mayOverlapRange(values, keyLow(spec, childKey), keyHigh(spec, childKey))) return false;
      done = this.descend(child, spec, level, depth, above, childKey);
      return done || !this.wanted(key);
    });
    return done;
  }

  private descend(child: IndexNode, spec: Level, level: number, depth: number, above: NodeKey | undefined, childKey: number): boolean {
    const isPrefix = spec.kind === 'prefix';
    const key: NodeKey = { spec, number: childKey, depth: isPrefix ? depth + 1 : 0, above };
    if (!this.wanted(key)) return false;
    return isPrefix ? this.queryAt(child, level, depth + 1, key) : this.queryAt(child, level + 1, 0, key);
  }

  /** Whether the part of the query still open can overlap the branch under `key`. */
  private wanted(key: NodeKey | undefined): boolean {
    if (!this.dirty || key === undefined) return true;
    const range = key.spec.kind === 'prefix' ? prefixRange(key.spec, key.depth, prefixOf(key)) : keyRange(key.spec, key.number);
    return this.visitor!.stillWanted(range.field, range.low, range.high);
  }
}

/** The address bytes leading to a node of an address level, as one number. */
function prefixOf(key: NodeKey): bigint {
  let prefix = 0n;
  let shift = 0n;
  for (let k: NodeKey | undefined = key; k !== undefined; k = k.above) {
    prefix |= BigInt(k.number) << shift;
    shift += 8n;
  }
  return prefix;
}

/** The branch a node hangs under, turned into a value range only when a check needs it. */
interface NodeKey {
  spec: Level;
  number: number;
  depth: number;
  /** The key of the byte before, inside an address level. */
  above: NodeKey | undefined;
}
