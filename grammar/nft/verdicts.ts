import type { FieldName, SimpleVerdict, SourceSpan, VmapEntry, VmapVerdict } from '../../src/ir.js';
import { type Atom, type Group, isGroup } from './ast.js';
import type { Lhs } from './expression.js';
import { symbolSpace } from './match.js';
import { isToken, isWord, splitElements, splitOn } from './source.js';
import { valueItem } from './values.js';

export interface VerdictEnv {
  span(first: Atom, last: Atom): SourceSpan;
  /** Builds the chain of a `jump { … }` body and returns its generated name. */
  anonymousChain(body: Group, holder: Atom): string;
}

/** `accept`, `jump x`, `goto { … }` …: a verdict written as data (vmap entries, map values). */
export function verdictFromAtoms(atoms: Atom[], env: VerdictEnv): SimpleVerdict | undefined {
  const [first, target] = atoms;
  if (!isWord(first)) return undefined;
  const span = env.span(first, atoms[atoms.length - 1]!);
  switch (first.image) {
    case 'accept':
    case 'drop':
    case 'return':
    case 'continue':
      return atoms.length === 1 ? { kind: first.image, span } : undefined;
    case 'jump':
    case 'goto': {
      if (atoms.length !== 2 || target === undefined) return undefined;
      if (isGroup(target)) return { kind: first.image, target: env.anonymousChain(target, first), span };
      return isWord(target) ? { kind: first.image, target: target.image, span } : undefined;
    }
    default:
      return undefined;
  }
}

function topLevelColon(element: Atom[]): number {
  return element.findIndex((a) => isToken(a, 'Colon'));
}

/** `LHS vmap { key : verdict, … }` or `LHS vmap @name`. */
export function buildVmap(lhs: Lhs, table: Atom[], lhsText: string, span: SourceSpan, env: VerdictEnv): VmapVerdict | undefined {
  const typed = lhs.parts.every((p) => p.selector.field !== undefined && p.binops.length === 0);
  const fields: FieldName[] = typed ? lhs.parts.map((p) => p.selector.field!) : [];
  const base: VmapVerdict = { kind: 'vmap', fields, entries: [], span };
  const [first, second] = table;
  if (isToken(first, 'At') && isWord(second)) return { ...base, setRef: { name: second.image } };
  if (first === undefined || !isGroup(first) || table.length !== 1) return undefined;
  let opaque = !typed;
  for (const element of splitElements(first)) {
    const colon = topLevelColon(element);
    if (colon < 0) return undefined;
    const verdict = verdictFromAtoms(element.slice(colon + 1), env);
    if (verdict === undefined) return undefined;
    const parts = splitOn(element.slice(0, colon), 'Dot');
    const key = opaque || parts.length !== fields.length ? undefined : keyItems(lhs, fields, parts);
    if (key === undefined) opaque = true;
    // Entries stay even for untyped keys: their jump targets still tell which chains are reachable.
    base.entries.push({ key: key ?? [], verdict });
  }
  if (opaque) {
    base.opaqueKey = lhsText;
    base.fields = [];
    for (const entry of base.entries) entry.key = [];
  }
  return base;
}

function keyItems(lhs: Lhs, fields: FieldName[], parts: Atom[][]): VmapEntry['key'] | undefined {
  const key: VmapEntry['key'] = [];
  for (let i = 0; i < parts.length; i++) {
    const item = valueItem(fields[i]!, parts[i]!, symbolSpace(lhs.parts[i]!.selector));
    if (item === undefined) return undefined;
    key.push(item);
  }
  return key;
}
