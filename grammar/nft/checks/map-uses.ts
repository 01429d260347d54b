import type { Diagnostic } from '../../../src/ir.js';
import { type Atom, isGroup } from '../ast.js';
import { Cursor } from '../cursor.js';
import { readLhs } from '../expression.js';
import { firstToken, isToken, isWord, mappingData, parseError, type SourceFile, splitElements, splitOn, unquote } from '../source.js';
import { elementProblems } from './set-elements.js';

/** A lookup written `KEY map { … }`, `KEY vmap @m`, `name KEY map { … }` …, as the reader met it. */
export interface MapUse {
  /** The `{ … }` group, or `@` and the name. */
  table: Atom[];
  keyParts: number;
  /** The data names stateful objects (`counter name ip saddr map { … }`, `ct helper set … map`). */
  objects: boolean;
}

export type SetKindLookup = (name: string) => 'set' | 'map' | undefined;

/** A wildcard string (`"ftp*"`): nft reads it as a prefix, not a value. */
function isWildcard(atom: Atom): boolean {
  if (isGroup(atom)) return false;
  const text = unquote(atom.image);
  return text.endsWith('*') && !text.endsWith('\\*');
}

function objectDataProblems(group: Atom, source: SourceFile): Diagnostic[] {
  if (!isGroup(group)) return [];
  const problems: Diagnostic[] = [];
  for (const element of splitElements(group)) {
    const data = mappingData(element);
    if (data.length === 1 && isWildcard(data[0]!)) {
      problems.push(parseError(source, firstToken(data[0]!), 'Object mapping data should be a value, not prefix (a name ending in "*" is a prefix)'));
    }
  }
  return problems;
}

/**
 * What nft refuses in a map lookup whatever the packet: an element without data or with the wrong
 * number of concatenated values, a wildcard where an object name is needed, and a named set that
 * is not a map (nft: "Expression is not a map"). Only sets declared before the lookup are judged.
 */
export function mapUseProblems(use: MapUse, setKind: SetKindLookup, source: SourceFile): Diagnostic[] {
  const [first, name] = use.table;
  if (first === undefined) return [];
  if (isGroup(first)) {
    const problems = elementProblems(first, { kind: 'map', keyParts: use.keyParts }, source);
    return use.objects ? [...problems, ...objectDataProblems(first, source)] : problems;
  }
  if (isToken(first, 'At') && name !== undefined && !isGroup(name) && setKind(name.image) === 'set') {
    return [parseError(source, name, `Expression is not a map (${name.image} is a set; a lookup with "map" or "vmap" needs a map)`)];
  }
  return [];
}

/** How many values a lookup key concatenates: `ip saddr . tcp dport` is two, `jhash ip saddr . tcp dport` one. */
function keyPartsOf(key: readonly Atom[]): number {
  return readLhs(new Cursor(key))?.parts.length ?? 1;
}

/** Words between a NAT keyword and the address expression: `snat ip prefix to …`. */
const NAT_PREAMBLE = new Set(['ip', 'ip6', 'prefix', 'to']);

/**
 * The map lookup of a NAT statement (`snat to ip saddr map { … }`, `dnat to tcp dport map @m`),
 * with what nft refuses in it outright: a port after a map whose data is an address and a port
 * ("nat map and protocol are mutually exclusive").
 */
export function natMapUse(atoms: readonly Atom[], from: number, end: number): { use: MapUse; problem?: { atom: Atom; message: string } } | undefined {
  let keyStart = from;
  const preamble = (atom: Atom | undefined): boolean => isToken(atom, 'Colon') || (isWord(atom) && NAT_PREAMBLE.has(atom.image));
  while (keyStart < end && preamble(atoms[keyStart])) keyStart++;
  let map = keyStart;
  while (map < end && !isWord(atoms[map], 'map')) map++;
  if (map >= end || map === keyStart) return undefined;
  const table = isGroup(atoms[map + 1]!) ? [atoms[map + 1]!] : atoms.slice(map + 1, map + 3);
  const use: MapUse = { table, keyParts: keyPartsOf(atoms.slice(keyStart, map)), objects: false };
  const group = atoms[map + 1];
  const port = atoms[map + 3];
  if (group !== undefined && isGroup(group) && isToken(atoms[map + 2], 'Colon') && port !== undefined && concatenatedData(group)) {
    return { use, problem: { atom: port, message: 'nat map and protocol are mutually exclusive (the map already gives address and port)' } };
  }
  const portsOnly = atoms.slice(from, map).some((atom) => isToken(atom, 'Colon'));
  const odd = portsOnly && group !== undefined ? oddPortData(group) : undefined;
  if (odd !== undefined) {
    return { use, problem: { atom: odd, message: 'a port map mixing single ports with port ranges is refused by the kernel (Could not process rule: Invalid argument); write every port as a range' } };
  }
  return { use };
}

/**
 * In an anonymous map of NAT ports, the first data whose kind (single port, or range/prefix)
 * differs from the first element's. nft 1.0.6 sends the two kinds at different lengths; later nft
 * widens the single ports but pads the ranges past the map's data length. The kernel refuses both.
 */
function oddPortData(group: Atom): Atom | undefined {
  if (!isGroup(group)) return undefined;
  let firstIsRange: boolean | undefined;
  for (const element of splitElements(group)) {
    const data = mappingData(element);
    if (data.length === 0) continue;
    const isRange = data.some((a) => isToken(a, 'Dash') || isToken(a, 'Slash'));
    if (firstIsRange === undefined) firstIsRange = isRange;
    else if (isRange !== firstIsRange) return data[0];
  }
  return undefined;
}

function concatenatedData(group: Atom): boolean {
  if (!isGroup(group)) return false;
  return splitElements(group).some((element) => {
    return splitOn(mappingData(element), 'Dot').length > 1;
  });
}
