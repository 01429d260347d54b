import type { ParsedCommand } from './options.js';
import type { Arg } from './parser.js';
import { buildRules, ruleSpec } from './rules.js';
import { chainNameProblem, createChain, setPolicy, type ChainState, type LineSink, type TableState } from './table-state.js';

/** The restore commands (`-A -I -D -R -N -P -F -X -E`) applied to the table being read. */

/** The chain a command names as its first argument, reported when the table has no such chain. */
function chainArg(sink: LineSink, table: TableState, parsed: ParsedCommand): ChainState | undefined {
  const arg = parsed.command!.positionals[0];
  if (!arg) return undefined;
  const state = table.chains.get(arg.value);
  if (!state) {
    sink.report('parse-error', 'error', `chain \`${arg.value}' does not exist in table "${table.name}" (declare it with ":${arg.value} - [0:0]" or "-N ${arg.value}" first)`, arg.start, arg.end);
  }
  return state;
}

function ruleNumber(sink: LineSink, arg: Arg | undefined): number | undefined {
  if (!arg) return undefined;
  if (!/^\d+$/.test(arg.value) || Number(arg.value) === 0) {
    sink.report('parse-error', 'error', `Invalid rule number \`${arg.value}'`, arg.start, arg.end);
    return undefined;
  }
  return Number(arg.value);
}

export function runCommand(sink: LineSink, table: TableState, parsed: ParsedCommand, args: Arg[]): void {
  const command = parsed.command!;
  const [, second] = command.positionals;
  switch (command.def.name) {
    case 'append':
    case 'insert': {
      const state = chainArg(sink, table, parsed);
      if (!state) return;
      const position = command.def.name === 'insert' ? (second ? ruleNumber(sink, second) : 1) : state.chain.rules.length + 1;
      if (position === undefined) return;
      if (position > state.chain.rules.length + 1) {
        sink.report('parse-error', 'error', `index of insertion too big: chain \`${state.chain.name}' has ${state.chain.rules.length} rules`, second!.start, second!.end);
        return;
      }
      const rules = buildRules(sink, table, state, parsed, args);
      if (position === state.chain.rules.length + 1) state.chain.rules.push(...rules);
      else state.chain.rules.splice(position - 1, 0, ...rules);
      return;
    }
    case 'delete':
      return deleteRule(sink, table, parsed, args);
    case 'replace': {
      const state = chainArg(sink, table, parsed);
      const number = ruleNumber(sink, second);
      if (!state || number === undefined) return;
      if (number > state.chain.rules.length) {
        sink.report('parse-error', 'error', `Index of replacement too big: chain \`${state.chain.name}' has ${state.chain.rules.length} rules`, second!.start, second!.end);
        return;
      }
      state.chain.rules.splice(number - 1, 1, ...buildRules(sink, table, state, parsed, args));
      return;
    }
    case 'new-chain': {
      const name = command.positionals[0]!;
      if (chainNameProblem(sink, name)) return;
      if (table.chains.has(name.value)) {
        sink.report('parse-error', 'error', `chain \`${name.value}' already exists`, name.start, name.end);
        return;
      }
      createChain(sink, table, name);
      return;
    }
    case 'policy': {
      const state = chainArg(sink, table, parsed);
      if (!state) return;
      if (!state.builtin) {
        sink.report('policy-on-user-chain', 'warning', `-P on user chain \`${state.chain.name}': only built-in chains have a policy`, command.positionals[0]!.start, command.positionals[0]!.end);
        return;
      }
      setPolicy(sink, state, second!);
      return;
    }
    case 'flush': {
      const targets = command.positionals[0] ? [chainArg(sink, table, parsed)] : [...table.chains.values()];
      for (const state of targets) if (state) state.chain.rules = [];
      return;
    }
    case 'delete-chain':
      return deleteChain(sink, table, parsed);
    case 'rename-chain':
      return renameChain(sink, table, parsed);
    default:
      // -Z, -L, -S, -C change no rule.
      return;
  }
}

function deleteRule(sink: LineSink, table: TableState, parsed: ParsedCommand, args: Arg[]): void {
  const state = chainArg(sink, table, parsed);
  if (!state) return;
  const second = parsed.command!.positionals[1];
  if (second) {
    const number = ruleNumber(sink, second);
    if (number === undefined) return;
    if (number > state.chain.rules.length) {
      sink.report('parse-error', 'error', `Index of deletion too big: chain \`${state.chain.name}' has ${state.chain.rules.length} rules`, second.start, second.end);
      return;
    }
    state.chain.rules.splice(number - 1, 1);
    return;
  }
  const spec = ruleSpec(parsed, args);
  const index = state.chain.rules.findIndex((r) => table.specs.get(r) === spec);
  if (index === -1) {
    sink.report('parse-error', 'error', `Bad rule (does a matching rule exist in chain \`${state.chain.name}'?)`, 0, sink.lineText().length);
    return;
  }
  state.chain.rules.splice(index, 1);
}

function deleteChain(sink: LineSink, table: TableState, parsed: ParsedCommand): void {
  const arg = parsed.command!.positionals[0];
  if (!arg) {
    for (const [name, state] of table.chains) if (!state.builtin) table.chains.delete(name);
    return;
  }
  const state = chainArg(sink, table, parsed);
  if (!state) return;
  if (state.builtin) {
    sink.report('parse-error', 'error', `cannot delete built-in chain \`${arg.value}'`, arg.start, arg.end);
    return;
  }
  table.chains.delete(arg.value);
}

function renameChain(sink: LineSink, table: TableState, parsed: ParsedCommand): void {
  const state = chainArg(sink, table, parsed);
  const newName = parsed.command!.positionals[1]!;
  if (!state || chainNameProblem(sink, newName)) return;
  if (state.builtin) {
    sink.report('parse-error', 'error', `cannot rename built-in chain \`${state.chain.name}'`, newName.start, newName.end);
    return;
  }
  const oldName = state.chain.name;
  table.chains.delete(oldName);
  state.chain.name = newName.value;
  table.chains.set(newName.value, state);
  for (const { chain } of table.chains.values()) {
    for (const rule of chain.rules) {
      if (rule.chain === oldName) rule.chain = newName.value;
      const verdict = rule.verdict;
      if (verdict && (verdict.kind === 'jump' || verdict.kind === 'goto') && verdict.target === oldName) verdict.target = newName.value;
    }
  }
}
