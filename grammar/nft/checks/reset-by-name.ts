import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../../src/ir.js';
import type { Atom } from '../ast.js';
import { isWord, parseError, type SourceFile } from '../source.js';

const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

/** `reset set t handle 6`: nft resets a set or map by name only (its grammar takes set_spec). */
export function resetByHandle(verb: IToken, rest: readonly Atom[], source: SourceFile): Diagnostic | undefined {
  const [object, ...spec] = rest;
  if (verb.image !== 'reset' || !(isWord(object, 'set') || isWord(object, 'map'))) return undefined;
  const name = spec[isWord(spec[0]) && FAMILIES.has(spec[0].image) ? 2 : 1];
  if (!isWord(name, 'handle')) return undefined;
  return parseError(source, name, `syntax error, unexpected handle (reset ${object.image} names the ${object.image}: only reset by name is supported)`);
}
