import type { Diagnostic } from '../../../src/ir.js';
import { type Atom, type Group, isGroup } from '../ast.js';
import { splitElementOptions } from '../element-options.js';
import { firstToken, isToken, parseError, type SourceFile, splitElements, splitOn } from '../source.js';
import { isShiftOperator } from './statement-values.js';

/** What the elements of a set or map must look like. */
export interface ElementShape {
  kind: 'set' | 'map';
  /** How many values the key concatenates (1 for a plain key). */
  keyParts: number;
}

function elementsOf(group: Group): Atom[][] {
  return splitElements(group).flatMap((element) => (element.length === 1 && isGroup(element[0]!) ? elementsOf(element[0]) : [element]));
}

/** An element's key: what comes before `:` (map data) and before options such as `timeout`. */
function keyOf(element: Atom[]): Atom[] {
  const colon = element.findIndex((a) => isToken(a, 'Colon'));
  return splitElementOptions(colon < 0 ? element : element.slice(0, colon)).key;
}

function elementProblem(element: Atom[], shape: ElementShape): string | undefined {
  if (shape.kind === 'map' && !element.some((a) => isToken(a, 'Colon'))) {
    return 'expected mapping, not set element (every element of a map needs "key : value"; the kernel refuses one without data)';
  }
  const key = keyOf(element);
  if (shape.keyParts < 2 || key.length === 0 || (key.length === 1 && isToken(key[0], 'Star')) || isToken(key[0], 'At')) return undefined;
  if (splitOn(key, 'Dot').length === 1) {
    return `expression is not a concatenation (the ${shape.kind}'s key concatenates ${shape.keyParts} values: write them joined by ".")`;
  }
  return undefined;
}

/**
 * Elements nft or the kernel refuses whatever their values: a map element without data (named
 * maps: EINVAL; anonymous maps: "expected mapping"), and a single value where the key is a
 * concatenation. Only an element with no `.` at all is judged: counting the parts of one that has
 * some would need the value grammar of every type.
 */
export function elementProblems(group: Group, shape: ElementShape, source: SourceFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const element of elementsOf(group)) {
    const message = elementProblem(element, shape);
    if (message !== undefined) problems.push(parseError(source, firstToken(element[0]!), message));
  }
  return problems;
}

/** The address type a set's key names (`type ipv4_addr`, `typeof ip6 saddr`), undefined for any other key. */
function addressKey(keyType: string): string | undefined {
  if (keyType === 'ipv4_addr' || /^ip [sd]addr$/.test(keyType)) return 'IPv4 address';
  if (keyType === 'ipv6_addr' || /^ip6 [sd]addr$/.test(keyType)) return 'IPv6 address';
  return undefined;
}

/**
 * An element computed with a shift (`10 << 8`) in a set of addresses: a shift yields a plain
 * integer, which current nft refuses as an address ("Element mismatches set definition"); 1.0.6
 * stored it without asking.
 */
export function shiftedAddressElements(group: Group, keyType: string, source: SourceFile): Diagnostic[] {
  const expected = addressKey(keyType);
  if (expected === undefined) return [];
  const problems: Diagnostic[] = [];
  for (const element of elementsOf(group)) {
    const key = keyOf(element);
    if (!key.some(isShiftOperator)) continue;
    problems.push(parseError(source, firstToken(key[0]!), `Element mismatches set definition, expected ${expected}, not 'integer' (a shift gives a plain number)`));
  }
  return problems;
}
