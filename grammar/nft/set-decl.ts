import type { IToken } from 'chevrotain';
import type { SetDecl } from '../../src/ir.js';
import type { Atom } from './ast.js';
import { readKeyType } from './sets.js';
import { isWord, type SourceFile, tokenSpan } from './source.js';
import type { SetEntry, TableState } from './state.js';

/** The set or map of that name, declared on first sight (repeated blocks add to it). */
export function declareSet(state: TableState, kind: 'set' | 'map', name: IToken, source: SourceFile): SetEntry {
  const existing = state.sets.get(name.image);
  if (existing !== undefined) return existing;
  const decl: SetDecl = {
    kind,
    family: state.table.family,
    table: state.table.name,
    name: name.image,
    span: tokenSpan(source, name),
    keyType: '',
    flags: [],
    elements: [],
    dynamic: false,
  };
  const entry = { decl, spaces: [] };
  state.sets.set(name.image, entry);
  state.table.sets.push(decl);
  return entry;
}

/** One `type`/`typeof`/`flags`/`timeout` … line of a set block. */
export function applySetLine(entry: SetEntry, atoms: Atom[], source: SourceFile): void {
  const { decl } = entry;
  const head = isWord(atoms[0]) ? atoms[0].image : '';
  if (head === 'type' || head === 'typeof') {
    const key = readKeyType(atoms, source);
    decl.keyType = key.keyType;
    decl.keyFields = key.keyFields;
    decl.dataType = key.dataType;
    entry.spaces = key.spaces;
  } else if (head === 'flags') {
    for (const a of atoms.slice(1)) if (isWord(a)) decl.flags.push(a.image);
    if (decl.flags.includes('timeout') || decl.flags.includes('dynamic')) decl.dynamic = true;
  } else if (head === 'timeout') decl.dynamic = true;
}
