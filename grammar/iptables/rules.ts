import type { Match, Rule } from '../../src/ir.js';
import { buildMatches, type LineContext } from './matches.js';
import type { ParsedCommand } from './options.js';
import type { Arg } from './parser.js';
import type { ChainState, LineSink, TableState } from './table-state.js';
import { convertTarget } from './targets.js';

/** Builds the IR rules of one `-A`/`-I`/`-R` line, after the checks iptables makes on it. */

const EXTENSION_NAME = /^[A-Z][A-Z0-9_]*$/;

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
  const context: LineContext = {
    ipVersion: sink.ipVersion,
    span: (start, end) => sink.span(start, end),
    text: (start, end) => sink.lineText().slice(start, end),
  };
  const built = buildMatches(parsed, context);
  const target = parsed.target
    ? convertTarget(parsed.target, { ...context, ...(state.builtin ? { hook: state.builtin.hook } : {}) }, (name) => table.chains.has(name))
    : { statements: [], problems: [] };
  if (sink.reportProblems([...built.problems, ...target.problems])) return [];
  const text = args.map((a) => a.raw).join(' ');
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
      ...(target.verdict ? { verdict: target.verdict } : {}),
      ...(built.comment === undefined ? {} : { comment: built.comment }),
    };
    table.specs.set(rule, spec);
    return rule;
  });
}

/** The rule's own arguments (everything but the command and its chain and number), for `-D`. */
export function ruleSpec(parsed: ParsedCommand, args: Arg[]): string {
  const command = parsed.command!;
  const own = new Set([command.spelled, ...command.positionals]);
  return args.filter((a) => !own.has(a)).map((a) => a.value).join('\u0000');
}

/** The cross product of the alternative slots (`-s a,b -d c,d` gives four rules). */
function expand(slots: Array<Match | Match[]>): Match[][] {
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
