import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../../src/ir.js';
import { type Atom, isGroup } from '../ast.js';
import { describeActual } from '../errors.js';
import { firstToken, isWord, parseError, type SourceFile } from '../source.js';

const ADDRESS_KEYS = new Set(['saddr', 'daddr']);

/**
 * What nft or the kernel refuse in a tunnel block. nft takes one symbol after `ip|ip6 saddr|daddr`
 * and then wants the line to end; the symbol must evaluate to a single value ("must be a value,
 * not set"); the source and the destination are each given once ("You can only specify this
 * once"). The kernel creates a tunnel only with a destination address (nft always sends the id,
 * and without `ip daddr`/`ip6 daddr` the kernel's tunnel init answers EINVAL). `declared` says
 * whether an earlier block created the tunnel: a block for an existing one changes nothing.
 */
export function tunnelProblems(name: IToken, lines: readonly Atom[][], declared: boolean, source: SourceFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const given = new Set<string>();
  for (const atoms of lines) {
    const [family, key, value, extra] = atoms;
    if (!(isWord(family, 'ip') || isWord(family, 'ip6')) || !isWord(key) || !ADDRESS_KEYS.has(key.image)) continue;
    if (value === undefined) {
      problems.push(parseError(source, key, `syntax error, unexpected newline, expecting an ${family.image === 'ip' ? 'IPv4' : 'IPv6'} address after "${family.image} ${key.image}"`));
      continue;
    }
    if (isGroup(value)) {
      problems.push(parseError(source, value.open, `must be a value, not set (a tunnel's ${key.image} is one address)`));
      continue;
    }
    if (extra !== undefined) {
      const next = firstToken(extra);
      problems.push(parseError(source, next, `syntax error, unexpected ${describeActual(next)}, expecting newline or ";" (a tunnel's ${key.image} is one address)`));
      continue;
    }
    if (given.has(key.image)) {
      problems.push(parseError(source, value, `You can only specify this once. This statement is duplicated. (the tunnel's ${key.image === 'saddr' ? 'source' : 'destination'} address is already set)`));
    }
    given.add(key.image);
  }
  if (!declared && !given.has('daddr')) {
    problems.push(parseError(source, name, `Could not process rule: Invalid argument (tunnel ${describeActual(name)} has no destination address: write "ip daddr …" or "ip6 daddr …")`));
  }
  return problems;
}
