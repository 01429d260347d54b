import type { Diagnostic } from '../../../src/ir.js';
import type { Atom } from '../ast.js';
import { isWord, parseError, type SourceFile } from '../source.js';

/** The statements whose `… name X` form refers to a named object (objref statements). */
const OBJECT_REFERENCES = new Set(['counter', 'quota', 'limit']);

/**
 * A set or map block takes stateful statements that give each element its own state (`counter`,
 * `quota 10 mbytes`, `limit rate 1/second`, `ct count 5`, `last`). `counter name X` and its kin
 * refer to a named object instead: nft's grammar has them among a rule's statements only, so in a
 * set block the word after `counter` must be an argument or the end of the line.
 */
export function setStatementProblem(atoms: readonly Atom[], source: SourceFile): Diagnostic | undefined {
  const [head, next] = atoms;
  if (!isWord(head) || !OBJECT_REFERENCES.has(head.image) || !isWord(next, 'name')) return undefined;
  return parseError(source, next, `syntax error, unexpected "name", expecting newline or ";" (a set's ${head.image} is one per element; "${head.image} name …" refers to a named object, which only a rule can)`);
}
