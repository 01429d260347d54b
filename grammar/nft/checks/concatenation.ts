import { isGroup } from '../ast.js';
import type { Lhs } from '../expression.js';
import { unquote } from '../source.js';
import type { RawProblem } from './raw-payload.js';

/**
 * A wildcard (`eth*`) among the parts of a lookup key (`tcp dport . eth* @s`): nft reads it as a
 * prefix, which only an element may hold, never the key that is looked up.
 */
export function concatenationConstant(lhs: Lhs): RawProblem | undefined {
  if (lhs.parts.length < 2) return undefined;
  for (const { selector } of lhs.parts) {
    const atom = selector.start;
    if (selector.head !== 'constant' || isGroup(atom)) continue;
    const text = unquote(atom.image);
    if (text.endsWith('*') && !text.endsWith('\\*')) {
      return { atom, message: `cannot use prefix in concatenation ("${text}" is a wildcard; a lookup key needs values)` };
    }
  }
  return undefined;
}
