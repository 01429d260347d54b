import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../../src/ir.js';
import { type Atom, type Group, isGroup } from '../ast.js';
import { describeActual } from '../errors.js';
import { isSeparator, isToken, isWord, parseError, type SourceFile } from '../source.js';

/** The conntrack states a timeout policy can set, per protocol (nft's tables for tcp and udp). */
const TIMEOUT_STATES: Readonly<Record<string, ReadonlySet<string>>> = {
  tcp: new Set(['syn_sent', 'syn_recv', 'established', 'fin_wait', 'close_wait', 'last_ack', 'time_wait', 'close', 'syn_sent2', 'retrans', 'unack']),
  udp: new Set(['unreplied', 'replied']),
};

/**
 * What nft refuses in a `ct timeout` block's `policy = { STATE : TIME, … }`: its grammar is a
 * comma-separated list of `name : time` with nothing after the last one (a trailing comma is
 * "unexpected '}', expecting string"), and evaluation looks each name up in the state table of
 * the block's `protocol` ("invalid state for this protocol").
 */
export function ctTimeoutProblems(lines: readonly Atom[][], source: SourceFile): Diagnostic[] {
  const protocolLine = lines.find((atoms) => isWord(atoms[0], 'protocol'));
  const protocol = protocolLine !== undefined && isWord(protocolLine[1]) ? protocolLine[1].image : undefined;
  const states = protocol === undefined ? undefined : TIMEOUT_STATES[protocol];
  const problems: Diagnostic[] = [];
  for (const atoms of lines) {
    const [head, assign, policy] = atoms;
    if (!isWord(head, 'policy') || !isToken(assign, 'Assign') || policy === undefined || !isGroup(policy)) continue;
    const problem = policyProblem(policy, states, protocol ?? '', source);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

function policyProblem(policy: Group, states: ReadonlySet<string> | undefined, protocol: string, source: SourceFile): Diagnostic | undefined {
  const items = policy.items.filter((item) => !isSeparator(item));
  // The grammar is checked first: nft refuses a malformed list before it looks at any name.
  const names: Atom[] = [];
  let expectName = true;
  for (const item of items) {
    if (expectName && isToken(item, 'Comma')) return expectedState(item, source);
    if (expectName) names.push(item);
    expectName = isToken(item, 'Comma');
  }
  if (expectName) return expectedState(policy.close, source);
  if (states === undefined) return undefined;
  const unknown = names.find((name) => isWord(name) && !states.has(name.image));
  if (unknown === undefined || !isWord(unknown)) return undefined;
  return parseError(source, unknown, `invalid state for this protocol: ${protocol} has no state "${unknown.image}" (expecting ${[...states].join(', ')})`);
}

function expectedState(token: IToken, source: SourceFile): Diagnostic {
  return parseError(source, token, `syntax error, unexpected ${describeActual(token)}, expecting string (a state name: "policy = { state : time, … }" takes no empty entry or trailing comma)`);
}
