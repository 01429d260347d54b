import type { Box } from './box.js';
import { F, FIELD_COUNT } from './fields.js';
import type { IntervalSet } from './intervals.js';

export type Level =
  | { kind: 'point'; field: number }
  | { kind: 'port'; field: number }
  | { kind: 'prefix'; field: number; width: number; bytes: number };

/**
 * The fields rules are most often told apart by. Each level sends an entry down a keyed branch
 * when its value there is narrow (one protocol, a few ports, an address prefix, byte by byte),
 * and down the wildcard branch otherwise, so a query walks only branches it can intersect.
 */
const NFPROTO: Level = { kind: 'point', field: F.nfproto };
const L4PROTO: Level = { kind: 'point', field: F.l4proto };
const DPORT: Level = { kind: 'port', field: F.dport };
const SADDR4: Level = { kind: 'prefix', field: F.saddr4, width: 32, bytes: 4 };
const DADDR4: Level = { kind: 'prefix', field: F.daddr4, width: 32, bytes: 4 };
const SADDR6: Level = { kind: 'prefix', field: F.saddr6, width: 128, bytes: 8 };
const DADDR6: Level = { kind: 'prefix', field: F.daddr6, width: 128, bytes: 8 };
const IIFNAME: Level = { kind: 'point', field: F.iifname };
const OIFNAME: Level = { kind: 'point', field: F.oifname };

/**
 * The same levels in two orders. A query that is wide in a field must scan every branch at that
 * level, so each query uses the order in which it stays narrow longest: ports first for service
 * rules, addresses first for rules without ports.
 */
export const ORDERS: readonly (readonly Level[])[] = [
  [NFPROTO, L4PROTO, DPORT, SADDR4, DADDR4, SADDR6, DADDR6, IIFNAME, OIFNAME],
  [NFPROTO, L4PROTO, DADDR4, DADDR6, SADDR4, SADDR6, DPORT, IIFNAME, OIFNAME],
];

/** Narrow queries look their ports up one by one; wider ones scan the keys present. */
const MAX_ENUMERATED_QUERY_PORTS = 64;

/**
 * How a box is filed, per field, computed once per insert or query: the keys of a point or port
 * field (undefined when wide), the common leading bytes of an address field.
 */
export interface BoxKeys {
  keys: (readonly number[] | undefined)[];
  boxes: Box;
}

const ONE_KEY: (readonly number[])[] = [];

/** The key list of one value: shared for values below 2^16 (protocols, ports, interfaces), which recur in every box. */
function oneKey(value: number): readonly number[] {
  if (value >= 1 << 16) return [value];
  return (ONE_KEY[value] ??= [value]);
}

/** An empty BoxKeys for boxKeys to fill again and again: each is used up before the next is asked for. */
export function scratchKeys(): BoxKeys {
  return { keys: new Array<readonly number[] | undefined>(FIELD_COUNT), boxes: [] };
}

export function boxKeys(box: Box, forQuery: boolean, into: BoxKeys): BoxKeys {
  const keys = into.keys;
  into.boxes = box;
  for (const spec of ORDERS[0]!) keys[spec.field] = forQuery ? queryLevelKeys(box, spec) : levelKeys(box, spec);
  return into;
}

/**
 * boxKeys for inserting a box whose keys for a query are in `into` already: they differ only in
 * the port levels, so only those are computed again.
 */
export function insertKeysAfterQuery(into: BoxKeys): BoxKeys {
  for (const spec of ORDERS[0]!) if (spec.kind === 'port') into.keys[spec.field] = levelKeys(into.boxes, spec);
  return into;
}

function queryLevelKeys(box: Box, spec: Level): readonly number[] | undefined {
  const set = box[spec.field];
  return set !== undefined && spec.kind === 'port' ? queryPortKeys(set) : levelKeys(box, spec);
}

/** The keys an entry's box is filed under at one level (see BoxKeys). */
function levelKeys(box: Box, spec: Level): readonly number[] | undefined {
  const set = box[spec.field];
  if (set === undefined) return undefined;
  switch (spec.kind) {
    case 'point': {
      const value = singleValue(set);
      return value === undefined ? undefined : oneKey(value);
    }
    case 'port':
      return portKeys(set);
    case 'prefix':
      return prefixBytes(set, spec.width, spec.bytes);
  }
}

/** The lowest value filed under the key of a point or port level. */
export function keyLow(spec: Level, key: number): number {
  if (spec.kind === 'port' && key >= COARSE_BASE) return (key - COARSE_BASE) * 256;
  if (spec.kind === 'port' && key >= FINE_BASE) return (key - FINE_BASE) * 16;
  return key;
}

/** The highest value filed under the key of a point or port level. */
export function keyHigh(spec: Level, key: number): number {
  if (spec.kind === 'port' && key >= COARSE_BASE) return (key - COARSE_BASE) * 256 + 255;
  if (spec.kind === 'port' && key >= FINE_BASE) return (key - FINE_BASE) * 16 + 15;
  return key;
}

function singleValue(set: IntervalSet): number | undefined {
  return set.length === 2 && set[0] === set[1] ? Number(set[0]) : undefined;
}

function portCount(set: IntervalSet): number {
  let count = 0;
  for (let i = 0; i < set.length; i += 2) count += Number(set[i + 1]! - set[i]!) + 1;
  return count;
}

/** Port buckets: 16 ports (keys from FINE_BASE) and 256 ports (keys from COARSE_BASE). */
const FINE_BASE = 1 << 16;
const COARSE_BASE = FINE_BASE + (1 << 12);
const MAX_KEYS_PER_ENTRY = 2;

/**
 * Adds to `keys` the buckets the set's ports fall in; false (and `keys` is not to be used) once
 * that makes more than `limit` keys.
 */
function addBuckets(set: IntervalSet, bits: number, base: number, keys: number[], limit = Infinity): boolean {
  const first = keys.length;
  for (let i = 0; i < set.length; i += 2) {
    const high = Number(set[i + 1]!) >> bits;
    for (let b = Number(set[i]!) >> bits; b <= high; b++) {
      if (keys.length > first && keys[keys.length - 1] === base + b) continue;
      if (keys.length === limit) return false;
      keys.push(base + b);
    }
  }
  return true;
}

/**
 * The keys an entry is filed under: its port, else the one or two 16-port buckets its ports fall
 * in, else one or two 256-port buckets; undefined (the wildcard branch) for anything wider.
 */
function portKeys(set: IntervalSet): readonly number[] | undefined {
  const value = singleValue(set);
  if (value !== undefined) return oneKey(value);
  const fine: number[] = [];
  if (addBuckets(set, 4, FINE_BASE, fine, MAX_KEYS_PER_ENTRY)) return fine;
  const coarse: number[] = [];
  return addBuckets(set, 8, COARSE_BASE, coarse, MAX_KEYS_PER_ENTRY) ? coarse : undefined;
}

/** Keys a query looks up: every port and bucket it touches, or undefined to scan them all. */
function queryPortKeys(set: IntervalSet): number[] | undefined {
  if (portCount(set) > MAX_ENUMERATED_QUERY_PORTS) return undefined;
  const keys: number[] = [];
  for (let i = 0; i < set.length; i += 2) {
    const high = Number(set[i + 1]!);
    for (let port = Number(set[i]!); port <= high; port++) keys.push(port);
  }
  addBuckets(set, 4, FINE_BASE, keys);
  addBuckets(set, 8, COARSE_BASE, keys);
  return keys;
}

/** The leading bytes all values of the set share (at most `bytes` of them). */
function prefixBytes(set: IntervalSet, width: number, bytes: number): number[] {
  const low = set[0]!;
  const high = set[set.length - 1]!;
  if (width === 32) return ipv4PrefixBytes(Number(low), Number(high));
  const out: number[] = [];
  for (let depth = 0; depth < bytes; depth++) {
    const shift = BigInt(width - 8 * (depth + 1));
    if (low >> shift !== high >> shift) break;
    out.push(Number((low >> shift) & 0xffn));
  }
  return out;
}

/** prefixBytes for IPv4, in 32-bit integers: no bigint is created for each byte. */
function ipv4PrefixBytes(low: number, high: number): number[] {
  let shared = 0;
  while (shared < 4 && low >>> (24 - 8 * shared) === high >>> (24 - 8 * shared)) shared++;
  const out = new Array<number>(shared);
  for (let depth = 0; depth < shared; depth++) out[depth] = (low >>> (24 - 8 * depth)) & 255;
  return out;
}
