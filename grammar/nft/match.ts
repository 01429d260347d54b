import type { Family, FieldMatch, FieldName, Match, SourceSpan, ValueItem } from '../../src/ir.js';
import { FIELDS, NFPROTO_IPV4, NFPROTO_IPV6 } from '../../src/ir.js';
import { type Atom, isGroup } from './ast.js';
import { hasStatefulElement, splitElementOptions } from './element-options.js';
import type { Binop, Lhs } from './expression.js';
import type { Selector } from './selectors.js';
import { isToken, splitElements, splitOn } from './source.js';
import { BITMASK_FIELDS, bitUnion, scalarValue, smallBigInt, type SymbolSpace, valueItem } from './values.js';

export type RelOp = 'implicit' | 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

const OP_BY_IMAGE: ReadonlyMap<string, RelOp> = new Map([
  ['==', 'eq'], ['eq', 'eq'], ['!=', 'ne'], ['ne', 'ne'], ['<', 'lt'], ['lt', 'lt'], ['>', 'gt'], ['gt', 'gt'],
  ['<=', 'le'], ['le', 'le'], ['>=', 'ge'], ['ge', 'ge'],
]);

export function relOp(image: string | undefined): RelOp | undefined {
  return image === undefined ? undefined : OP_BY_IMAGE.get(image);
}

export function symbolSpace(selector: Selector): SymbolSpace {
  return selector.head === 'icmpv6' ? 'icmpv6' : selector.head === 'icmp' ? 'icmp' : 'default';
}

export interface MatchSite {
  span: SourceSpan;
  text: string;
}

function stripParens(atoms: Atom[]): Atom[] {
  return isToken(atoms[0], 'LParen') && isToken(atoms[atoms.length - 1], 'RParen') ? atoms.slice(1, -1) : atoms;
}

/** A single-field test after `&`: `tcp flags & (syn|ack) == syn`, `meta mark and 0xff == 1`. */
function maskedItems(field: FieldName, binops: Binop[], op: RelOp, rhs: Atom[], space: SymbolSpace): ValueItem[] | undefined {
  if (binops.length !== 1 || (binops[0]!.op !== '&' && binops[0]!.op !== 'and')) return undefined;
  if (op !== 'implicit' && op !== 'eq' && op !== 'ne') return undefined;
  const mask = bitUnion(field, stripParens(binops[0]!.operand), space);
  const value = bitUnion(field, stripParens(rhs), space);
  if (mask === undefined || value === undefined) return undefined;
  return [{ kind: 'masked', value: value & mask, mask }];
}

function relationalItem(field: FieldName, op: RelOp, rhs: Atom[], space: SymbolSpace): ValueItem | undefined {
  if (rhs.length !== 1) return undefined;
  const value = scalarValue(field, rhs[0]!, space);
  if (value === undefined) return undefined;
  const max = FIELDS[field].max;
  switch (op) {
    case 'lt':
      return value === 0n ? undefined : { kind: 'range', low: 0n, high: value - 1n };
    case 'le':
      return { kind: 'range', low: 0n, high: value };
    case 'gt':
      return value === max ? undefined : { kind: 'range', low: value + 1n, high: max };
    case 'ge':
      return { kind: 'range', low: value, high: max };
    default:
      return undefined;
  }
}

/** Items of a bitmask comma list, with nft's meaning of each operator (reference §7.1). */
function bitmaskItems(field: FieldName, op: RelOp, rhs: Atom[], space: SymbolSpace): ValueItem[] | undefined {
  const slash = rhs.findIndex((a) => isToken(a, 'Slash'));
  if (slash >= 0) {
    const value = bitUnion(field, rhs.slice(0, slash), space);
    const mask = bitUnion(field, rhs.slice(slash + 1), space);
    if (value === undefined || mask === undefined || (op !== 'implicit' && op !== 'eq' && op !== 'ne')) return undefined;
    return [{ kind: 'masked', value: value & mask, mask }];
  }
  const union = bitUnion(field, rhs, space);
  if (union === undefined) return undefined;
  if (op === 'implicit') return [{ kind: 'anyBits', mask: union }];
  if (op === 'eq' || op === 'ne') return [{ kind: 'range', low: union, high: union }];
  return undefined;
}

function setItems(field: FieldName, group: Atom, space: SymbolSpace): ValueItem[] | undefined {
  if (!isGroup(group)) return undefined;
  const items: ValueItem[] = [];
  for (const element of splitElements(group)) {
    if (element.length === 1 && isGroup(element[0]!)) {
      const nested = setItems(field, element[0]!, space);
      if (nested === undefined) return undefined;
      items.push(...nested);
      continue;
    }
    const item = valueItem(field, splitElementOptions(element).key, space);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return items;
}

function fieldItems(lhs: Lhs, op: RelOp, rhs: Atom[]): ValueItem[] | undefined {
  const { selector, binops } = lhs.parts[0]!;
  const field = selector.field!;
  const space = symbolSpace(selector);
  if (binops.length > 0) return maskedItems(field, binops, op, rhs, space);
  const only = rhs.length === 1 ? rhs[0]! : undefined;
  if (only !== undefined && isGroup(only)) return op === 'implicit' || op === 'eq' || op === 'ne' ? setItems(field, only, space) : undefined;
  if (rhs.length === 2 && isToken(rhs[0], 'At')) return op === 'implicit' || op === 'eq' || op === 'ne' ? [valueItem(field, rhs, space)!] : undefined;
  if (BITMASK_FIELDS.has(field)) return bitmaskItems(field, op, rhs, space);
  if (rhs.some((a) => isToken(a, 'Comma'))) return undefined;
  if (op === 'implicit' || op === 'eq' || op === 'ne') {
    const item = valueItem(field, rhs, space);
    return item && [item];
  }
  const item = relationalItem(field, op, rhs, space);
  return item && [item];
}

function tupleOf(fields: FieldName[], spaces: SymbolSpace[], element: Atom[]): ValueItem[] | undefined {
  const parts = splitOn(element, 'Dot');
  if (parts.length !== fields.length) return undefined;
  const tuple: ValueItem[] = [];
  for (let i = 0; i < parts.length; i++) {
    const item = valueItem(fields[i]!, parts[i]!, spaces[i]!);
    if (item === undefined) return undefined;
    tuple.push(item);
  }
  return tuple;
}

function concatMatch(lhs: Lhs, op: RelOp, rhs: Atom[], site: MatchSite): Match | undefined {
  if (op !== 'implicit' && op !== 'eq' && op !== 'ne') return undefined;
  if (lhs.parts.some((p) => p.selector.field === undefined || p.binops.length > 0)) return undefined;
  const fields = lhs.parts.map((p) => p.selector.field!);
  const spaces = lhs.parts.map((p) => symbolSpace(p.selector));
  const negate = op === 'ne';
  if (rhs.length === 2 && isToken(rhs[0], 'At') && !isGroup(rhs[1]!)) {
    return { kind: 'concat', fields, negate, tuples: [], setRef: { name: (rhs[1] as { image: string }).image }, span: site.span, text: site.text };
  }
  const elements = rhs.length === 1 && isGroup(rhs[0]!) ? splitElements(rhs[0]) : [rhs];
  const tuples: ValueItem[][] = [];
  for (const element of elements) {
    const tuple = tupleOf(fields, spaces, splitElementOptions(element).key);
    if (tuple === undefined) return undefined;
    tuples.push(tuple);
  }
  return { kind: 'concat', fields, negate, tuples, span: site.span, text: site.text };
}

function typedMatch(lhs: Lhs, op: RelOp, rhs: Atom[], site: MatchSite): Match | undefined {
  const first = lhs.parts[0]!.selector;
  if (lhs.parts.length === 1 && first.field !== undefined) {
    const items = fieldItems(lhs, op, rhs);
    return items && { kind: 'field', field: first.field, negate: op === 'ne', items, span: site.span, text: site.text };
  }
  return lhs.parts.length > 1 ? concatMatch(lhs, op, rhs, site) : undefined;
}

/** Turns `LHS OP RHS` into a typed match where the IR has fields for it, else an opaque one. */
export function buildMatch(lhs: Lhs, op: RelOp, rhs: Atom[], site: MatchSite): Match {
  // An element with a limit, quota or `ct count` matches only while its state allows: the whole
  // test stays opaque and nondeterministic rather than claim a membership we cannot know.
  const stateful = rhs.length === 1 && hasStatefulElement(rhs[0]!);
  const typed = stateful ? undefined : typedMatch(lhs, op, rhs, site);
  if (typed !== undefined) return typed;
  return {
    kind: 'opaque',
    what: lhs.parts.map((p) => p.selector.key).join(' . '),
    nondeterministic: stateful || lhs.parts.some((p) => p.selector.nondeterministic),
    span: site.span,
    text: site.text,
  };
}

function sameDependency(match: Match, field: FieldName, value: bigint): boolean {
  return (
    match.kind === 'field' &&
    match.field === field &&
    !match.negate &&
    match.items.length === 1 &&
    match.items[0]!.kind === 'range' &&
    match.items[0]!.low === value &&
    match.items[0]!.high === value
  );
}

const FAMILIES_WITH_NFPROTO: ReadonlySet<Family> = new Set(['inet', 'bridge', 'netdev']);

/**
 * Adds the protocol dependencies nft inserts before a selector, unless the rule already has them.
 * `site` is only asked for when a dependency is added: most matches need none, or have it already.
 */
export function addDependencies(matches: Match[], family: Family, lhs: Lhs, site: () => MatchSite): void {
  for (const { selector } of lhs.parts) {
    if (selector.nfproto !== undefined && FAMILIES_WITH_NFPROTO.has(family)) {
      addImplicit(matches, 'nfproto', selector.nfproto === 'ipv4' ? NFPROTO_IPV4 : NFPROTO_IPV6, site);
    }
    if (selector.l4proto !== undefined) addImplicit(matches, 'l4proto', smallBigInt(selector.l4proto), site);
  }
}

const IMPLICIT_ITEMS = new Map<FieldName, Map<bigint, ValueItem[]>>();

/**
 * Nearly every rule carries a dependency or two, always one of a handful of values: they share
 * one frozen item list per value (nothing downstream modifies the IR; freezing makes sure).
 */
function implicitItems(field: FieldName, value: bigint): ValueItem[] {
  let byValue = IMPLICIT_ITEMS.get(field);
  if (byValue === undefined) IMPLICIT_ITEMS.set(field, (byValue = new Map()));
  let items = byValue.get(value);
  if (items === undefined) {
    const item: ValueItem = Object.freeze({ kind: 'range', low: value, high: value });
    // The IR's lists are typed mutable for the builders; this one is only ever read.
    items = Object.freeze([item]) as ValueItem[];
    byValue.set(value, items);
  }
  return items;
}

function addImplicit(matches: Match[], field: FieldName, value: bigint, siteOf: () => MatchSite): void {
  for (const match of matches) if (sameDependency(match, field, value)) return;
  const site = siteOf();
  const dependency: FieldMatch = {
    kind: 'field',
    field,
    negate: false,
    items: implicitItems(field, value),
    implicit: true,
    span: site.span,
    text: site.text,
  };
  matches.push(dependency);
}
