import type { ConcatMatch, FieldMatch, Match, Rule, SetDecl, SimpleVerdict, ValueItem, VmapVerdict } from '../ir.js';
import { ANY_BOX, type Box, normalizeBox, normalizeOwnBox } from './box.js';
import { F, fieldIndex } from './fields.js';
import type { InterfaceAlphabet } from './interfaces.js';
import * as iv from './intervals.js';
import type { IntervalSet } from './intervals.js';
import { intersectAll, subtractAll } from './space.js';

/** What a chain's rules are compiled against. */
export interface CompileContext {
  alphabet: InterfaceAlphabet;
  maxima: readonly bigint[];
  /** Every packet that can reach the chain (family, hook, NAT's `ct new`). */
  universe: Box;
  /** Named sets and maps of the chain's table. */
  sets: ReadonlyMap<string, SetDecl>;
  /** False in chains that run before conntrack (priority < -200), where `ct state` is not known yet. */
  ctStateKnown: boolean;
}

/** One verdict-bearing slice of a rule: a whole rule, or one entry of its verdict map. */
export interface EffectiveRule {
  rule: Rule;
  /** Packets that may take this slice's verdict (unmodelled tests taken as true). */
  over: Box[];
  /** Packets that certainly take it (unmodelled tests taken as false). */
  under: Box[];
  /** Absent when the rule has no verdict and evaluation goes on with the next rule. */
  verdict?: SimpleVerdict;
}

export interface CompiledRule {
  rule: Rule;
  over: Box[];
  under: Box[];
  effective: EffectiveRule[];
}

/** `undefined` stands for "not modelled": the caller approximates. */
type Compiled = Box[] | undefined;

export function compileRule(rule: Rule, ctx: CompileContext): CompiledRule {
  // Plain field matches narrow one box in place; only concatenations can add boxes.
  const box = ctx.universe.slice();
  const multiBox: Box[][] = [];
  let approximate = false;
  let empty = false;
  for (const match of rule.matches) {
    if (match.kind === 'field') {
      const field = fieldIndex(match.field);
      const set = fieldSet(match, field, ctx);
      if (set === undefined) {
        approximate = true;
        continue;
      }
      const current = box[field];
      const narrowed = current === undefined ? set : iv.intersect(current, set);
      if (narrowed.length === 0) {
        empty = true;
        break;
      }
      box[field] = narrowed;
      continue;
    }
    const boxes = compileMatch(match, ctx);
    if (boxes === undefined) approximate = true;
    else multiBox.push(boxes);
  }
  let over: Box[] = !empty && normalizeOwnBox(box) ? [box] : [];
  for (const boxes of multiBox) {
    if (over.length === 0) break;
    over = intersectAll(over, boxes);
  }
  const under = approximate ? [] : over;
  return { rule, over, under, effective: effectiveRules(rule, over, under, ctx) };
}

function effectiveRules(rule: Rule, over: Box[], under: Box[], ctx: CompileContext): EffectiveRule[] {
  const verdict = rule.verdict;
  if (verdict === undefined) return [{ rule, over, under }];
  if (verdict.kind !== 'vmap') return [{ rule, over, under, verdict }];
  return splitVmap(rule, verdict, over, under, ctx);
}

/** One effective rule per map entry, the `*` catch-all last (it takes what no other key takes). */
function splitVmap(rule: Rule, vmap: VmapVerdict, over: Box[], under: Box[], ctx: CompileContext): EffectiveRule[] {
  const unknown: SimpleVerdict = { kind: 'unknown', name: 'vmap', span: vmap.span };
  const whole = (): EffectiveRule[] => [{ rule, over, under: [], verdict: unknown }];
  if (vmap.opaqueKey !== undefined) return whole();
  const fields = vmap.fields.map(fieldIndex);
  const entries = [...vmap.entries.map((e) => ({ key: e.key, verdict: e.verdict }))];
  if (vmap.setRef) {
    const map = ctx.sets.get(vmap.setRef.name);
    if (!map || map.dynamic) return whole();
    for (const element of map.elements) {
      if (element.verdict) entries.push({ key: element.key, verdict: element.verdict });
    }
  }
  const keyed: { boxes: Box[]; verdict: SimpleVerdict }[] = [];
  const catchAll: SimpleVerdict[] = [];
  for (const entry of entries) {
    if (isCatchAll(entry.key, fields, ctx)) {
      catchAll.push(entry.verdict);
      continue;
    }
    const boxes = tupleBoxes([entry.key], fields, ctx);
    if (boxes === undefined) return whole();
    keyed.push({ boxes, verdict: entry.verdict });
  }
  const out: EffectiveRule[] = keyed.map(({ boxes, verdict }) => ({
    rule,
    over: intersectAll(over, boxes),
    under: intersectAll(under, boxes),
    verdict,
  }));
  const rest = catchAll[0];
  if (rest) {
    const taken = keyed.flatMap((k) => k.boxes);
    out.push({ rule, over: subtractAll(over, taken), under: subtractAll(under, taken), verdict: rest });
  }
  return out;
}

function isCatchAll(key: readonly ValueItem[], fields: readonly number[], ctx: CompileContext): boolean {
  return (
    key.length === fields.length &&
    key.every((item, i) => item.kind === 'range' && item.low <= 0n && item.high >= ctx.maxima[fields[i]!]!)
  );
}

export function compileMatch(match: Match, ctx: CompileContext): Compiled {
  switch (match.kind) {
    case 'opaque':
      return undefined;
    case 'field':
      return compileField(match, ctx);
    case 'concat':
      return compileConcat(match, ctx);
  }
}

function compileField(match: FieldMatch, ctx: CompileContext): Compiled {
  const field = fieldIndex(match.field);
  const set = fieldSet(match, field, ctx);
  if (set === undefined) return undefined;
  const box = ANY_BOX.slice();
  box[field] = set;
  return normalizeOwnBox(box) ? [box] : [];
}

/** The values of `field` a field match accepts, or undefined when not modelled. */
function fieldSet(match: FieldMatch, field: number, ctx: CompileContext): IntervalSet | undefined {
  if (field === F.ctState && !ctx.ctStateKnown) return undefined;
  const set = itemsSet(match.items, field, ctx);
  if (set === undefined) return undefined;
  return match.negate ? iv.complement(set, ctx.maxima[field]!) : set;
}

function compileConcat(match: ConcatMatch, ctx: CompileContext): Compiled {
  const fields = match.fields.map(fieldIndex);
  if (fields.includes(F.ctState) && !ctx.ctStateKnown) return undefined;
  const tuples: (readonly ValueItem[])[] = [...match.tuples];
  if (match.setRef) {
    const set = ctx.sets.get(match.setRef.name);
    if (match.setRef.external || !set || set.dynamic) return undefined;
    for (const element of set.elements) tuples.push(element.key);
  }
  const boxes = tupleBoxes(tuples, fields, ctx);
  if (boxes === undefined) return undefined;
  return match.negate ? subtractAll([ANY_BOX], boxes).flatMap((b) => normalizedOrNone(b)) : boxes;
}

function normalizedOrNone(box: Box): Box[] {
  const normal = normalizeBox(box);
  return normal ? [normal] : [];
}

function tupleBoxes(tuples: readonly (readonly ValueItem[])[], fields: readonly number[], ctx: CompileContext): Compiled {
  const boxes: Box[] = [];
  for (const tuple of tuples) {
    if (tuple.length !== fields.length) return undefined;
    const box = ANY_BOX.slice();
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const set = itemsSet([tuple[i]!], field, ctx);
      if (set === undefined) return undefined;
      box[field] = box[field] === undefined ? set : iv.intersect(box[field], set);
    }
    if (normalizeOwnBox(box)) boxes.push(box);
  }
  return boxes;
}

/** The values a list of alternatives selects, or undefined when one of them is not modelled. */
export function itemsSet(items: readonly ValueItem[], field: number, ctx: CompileContext): IntervalSet | undefined {
  const max = ctx.maxima[field]!;
  if (items.length === 1) return itemSet(items[0]!, field, max, ctx);
  const flat: bigint[] = [];
  for (const item of items) {
    const set = itemSet(item, field, max, ctx);
    if (set === undefined) return undefined;
    flat.push(...set);
  }
  return iv.normalize(flat);
}

function itemSet(item: ValueItem, field: number, max: bigint, ctx: CompileContext): IntervalSet | undefined {
  switch (item.kind) {
    case 'range':
      return iv.interval(item.low < 0n ? 0n : item.low, item.high > max ? max : item.high);
    case 'iface':
      return ctx.alphabet.select(item.name, item.wildcard);
    case 'masked':
      return maskedCached(item.value, item.mask, max);
    case 'anyBits': {
      const none = maskedCached(0n, item.mask, max);
      return none === undefined ? undefined : iv.complement(none, max);
    }
    case 'setRef':
      return setElements(item.name, item.external === true, field, ctx);
  }
}

function setElements(name: string, external: boolean, field: number, ctx: CompileContext): IntervalSet | undefined {
  const set = ctx.sets.get(name);
  if (external || !set || set.dynamic) return undefined;
  const max = ctx.maxima[field]!;
  const flat: bigint[] = [];
  for (const element of set.elements) {
    const first = element.key[0];
    if (element.key.length !== 1 || first === undefined || first.kind === 'setRef') return undefined;
    const values = itemSet(first, field, max, ctx);
    if (values === undefined) return undefined;
    flat.push(...values);
  }
  return iv.normalize(flat);
}

/**
 * Masked sets by maximum, then mask, then value: keyed by the bigints themselves, since writing
 * them out as a string key cost more than most lookups save.
 */
const maskCache = new Map<bigint, Map<bigint, Map<bigint, IntervalSet | undefined>>>();
let maskCacheSize = 0;
const MASK_CACHE_LIMIT = 10_000;

function maskedCached(value: bigint, mask: bigint, max: bigint): IntervalSet | undefined {
  const known = maskCache.get(max)?.get(mask);
  if (known?.has(value)) return known.get(value);
  const set = iv.maskedSet(value, mask, max);
  if (maskCacheSize === MASK_CACHE_LIMIT) {
    maskCache.clear();
    maskCacheSize = 0;
  }
  let byMask = maskCache.get(max);
  if (byMask === undefined) maskCache.set(max, (byMask = new Map()));
  let byValue = byMask.get(mask);
  if (byValue === undefined) byMask.set(mask, (byValue = new Map()));
  byValue.set(value, set);
  maskCacheSize++;
  return set;
}
