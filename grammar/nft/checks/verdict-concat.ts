import type { Diagnostic } from '../../../src/ir.js';
import type { Atom } from '../ast.js';
import { isToken, isWord, parseError, type SourceFile, splitOn } from '../source.js';

/**
 * `type … : ipv4_addr . verdict`: each part of a concatenated key or data type needs a fixed
 * size, and a verdict has none (a jump carries a chain name), so nft refuses the declaration:
 * "can not use variable sized data types (verdict) in concat expressions". A verdict is data on
 * its own only.
 */
export function verdictInConcatenation(atoms: readonly Atom[], source: SourceFile): Diagnostic | undefined {
  if (!isWord(atoms[0], 'type')) return undefined;
  const colon = atoms.findIndex((atom) => isToken(atom, 'Colon'));
  const sides = colon < 0 ? [atoms.slice(1)] : [atoms.slice(1, colon), atoms.slice(colon + 1)];
  for (const side of sides) {
    const parts = splitOn([...side], 'Dot');
    if (parts.length < 2) continue;
    const verdict = parts.find((part) => part.length === 1 && isWord(part[0], 'verdict'))?.[0];
    if (verdict !== undefined && isWord(verdict)) {
      return parseError(source, verdict, 'can not use variable sized data types (verdict) in concat expressions (a verdict is a map\'s data on its own only)');
    }
  }
  return undefined;
}
