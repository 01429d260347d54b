import type { Match, Rule } from '../../src/ir.js';
import { buildMatches } from './matches.js';
import type { ParsedCommand } from './options.js';
import type { Arg } from './parser.js';
import type { ChainState, LineSink, TableState } from './table-state.js';
import { convertTarget, type TargetResult } from './targets.js';

/** Builds the IR rules of one `-A`/`-I`/`-R` line, after the checks iptables makes on it. */

const EXTENSION_NAME = /^[A-Z][A-Z0-9_]*$/;

const NO_TARGET: TargetResult = { statements: [], problems: [] };

function interfaceProblem(sink: LineSink, state: ChainState, parsed: ParsedCommand): boolean {
  const hook = state.builtin?.hook;
  if (!hook) return false;
  for (const use of parsed.base) {
    const inbound = use.def.name === 'in-interface';
    if (!inbound && use.def.name !== 'out-interface') continue;
    const forbidden = inbound ? hook === 'output' || hook === 'postrouting' : hook === 'input' || hook === 'prerouting';
    if (forbidden) {
      sink.report('parse-error', 'error', `Can't use -${inbound ? 'i' : 'o'} with ${state.chain.name}: ${state.chain.name} packets have no ${inbound ? 'input' : 'output'} interface`, use.start, use.end);
      return true;
    }
  }
  return false;
}

/**
 * `-j NAME` where NAME is neither a target we know nor a chain declared so far. iptables cannot
 * load it either, unless it is an extension we have no table for; those are upper case by
 * convention, so an upper-case name only gets a warning (and an `unknown` verdict).
 */
function targetProblem(sink: LineSink, table: TableState, parsed: ParsedCommand): boolean {
  const target = parsed.target;
  if (!target || target.def) return false;
  const state = table.chains.get(target.name);
  const flag = target.goto ? '-g' : '-j';
  let message: string | undefined;
  if (state?.builtin) message = `${flag} ${target.name}: a rule cannot jump to the built-in chain \`${target.name}'`;
  else if (!state && target.goto) message = `-g ${target.name}: chain \`${target.name}' does not exist in table "${table.name}"`;
  else if (!state && !EXTENSION_NAME.test(target.name)) {
    message = `Couldn't load target \`${target.name}': it is neither a known target nor a chain declared before this line`;
  } else if (!state) {
    sink.report('unknown-target', 'warning', `-j ${target.name}: not a target fwlint knows and not a chain declared before this line; if it is a chain, declare it first, or iptables-restore fails with "Couldn't load target"`, target.start, target.end);
  }
  if (message === undefined) return false;
  sink.report('parse-error', 'error', message, target.start, target.end);
  return true;
}

export function buildRules(sink: LineSink, table: TableState, state: ChainState, parsed: ParsedCommand, args: Arg[]): Rule[] {
  if (interfaceProblem(sink, state, parsed) || targetProblem(sink, table, parsed)) return [];
  const built = buildMatches(parsed, sink);
  const target = parsed.target ? convertTarget(parsed.target, sink, state.builtin?.hook, (name) => table.chains.has(name)) : NO_TARGET;
  const matchesFailed = sink.reportProblems(built.problems);
  if (sink.reportProblems(target.problems) || matchesFailed) return [];
  const text = writtenText(sink.lineText(), args);
  const spec = ruleSpec(parsed, args);
  return expand(built.slots).map((matches) => {
    const rule: Rule = {
      family: sink.family,
      table: table.name,
      chain: state.chain.name,
      span: sink.span(0, sink.lineText().length),
      text,
      matches,
      statements: [...target.statements],
    };
    if (target.verdict) rule.verdict = target.verdict;
    if (built.comment !== undefined) rule.comment = built.comment;
    table.specs.set(rule, spec);
    return rule;
  });
}

/**
 * The arguments as written, one blank apart. Usually that is the line itself, which the IR then
 * shares instead of holding a second copy of every line.
 */
function writtenText(line: string, args: Arg[]): string {
  let next = 0;
  for (const arg of args) {
    if (arg.start !== next || (next > 0 && line[next - 1] !== ' ')) return args.map((a) => a.raw).join(' ');
    next = arg.end + 1;
  }
  return next === line.length + 1 ? line : args.map((a) => a.raw).join(' ');
}

/** The rule's own arguments (everything but the command and its chain and number), for `-D`. */
export function ruleSpec(parsed: ParsedCommand, args: Arg[]): string {
  const command = parsed.command!;
  const values: string[] = [];
  for (const arg of args) if (arg !== command.spelled && !command.positionals.includes(arg)) values.push(arg.value);
  return values.join('\u0000');
}

function givesOneRule(slots: Array<Match | Match[]>): boolean {
  for (const slot of slots) if (Array.isArray(slot) && slot.length !== 1) return false;
  return true;
}

/** The cross product of the alternative slots (`-s a,b -d c,d` gives four rules). */
function expand(slots: Array<Match | Match[]>): Match[][] {
  // The usual case, built by `map` because a pushed-to array keeps spare room, and the IR of a
  // large dump holds one per rule.
  if (givesOneRule(slots)) return [slots.map((slot) => (Array.isArray(slot) ? slot[0]! : slot))];
  let rules: Match[][] = [[]];
  for (const slot of slots) {
    if (!Array.isArray(slot)) {
      for (const rule of rules) rule.push(slot);
      continue;
    }
    rules = rules.flatMap((rule) => slot.map((alternative) => [...rule, alternative]));
  }
  return rules;
}
