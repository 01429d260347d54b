import type { Chain, Family, Rule, Severity, SourceSpan } from '../../src/ir.js';
import type { IptablesBuiltinChain } from '../../src/data/hooks.js';
import type { LineContext } from './matches.js';
import type { LineProblem } from './options.js';
import type { Arg } from './parser.js';

/** What the file reader knows about the table section being read. */

const MAX_CHAIN_NAME = 28;
export const POLICIES = new Set(['ACCEPT', 'DROP']);

export interface ChainState {
  chain: Chain;
  builtin?: IptablesBuiltinChain;
}

export interface TableState {
  name: string;
  span: SourceSpan;
  /** False for `*foo`: its lines are skipped until COMMIT, the header already carries the error. */
  known: boolean;
  chains: Map<string, ChainState>;
  /**
   * The rule spec (arguments after the command) of each rule, for `-D CHAIN rulespec`. A Map, as
   * the table state is dropped at COMMIT anyway: a WeakMap of 100k rules burdens every major GC.
   */
  specs: Map<Rule, string>;
}

/** The line being read, as the command and rule builders see it. */
export interface LineSink extends LineContext {
  readonly family: Family;
  lineText(): string;
  report(ruleId: string, severity: Severity, message: string, start: number, end: number): void;
  /** Reports them all; true when one of them is an error. */
  reportProblems(problems: LineProblem[]): boolean;
}

export function chainNameProblem(sink: LineSink, name: Arg): boolean {
  if (name.value.length > MAX_CHAIN_NAME) {
    sink.report('parse-error', 'error', `chain name \`${name.value}' too long (${name.value.length} characters; the limit is ${MAX_CHAIN_NAME})`, name.start, name.end);
    return true;
  }
  if (name.value === '' || name.value.startsWith('-') || name.value.startsWith('!')) {
    sink.report('parse-error', 'error', `invalid chain name \`${name.value}'`, name.start, name.end);
    return true;
  }
  return false;
}

export function setPolicy(sink: LineSink, state: ChainState, policy: Arg): void {
  if (policy.value === '-') return;
  if (!POLICIES.has(policy.value)) {
    sink.report('parse-error', 'error', `Bad policy name \`${policy.value}' (expected ACCEPT or DROP, in upper case)`, policy.start, policy.end);
    return;
  }
  const base = state.chain.base!;
  base.policy = policy.value === 'ACCEPT' ? 'accept' : 'drop';
  base.policySpan = sink.span(policy.start, policy.end);
}

export function createChain(sink: LineSink, table: TableState, name: Arg): void {
  const chain: Chain = { family: sink.family, table: table.name, name: name.value, span: sink.span(0, sink.lineText().length), rules: [] };
  table.chains.set(name.value, { chain });
}
