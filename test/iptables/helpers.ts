import { parseIptables } from '../../grammar/iptables/index.js';
import type { Chain, Diagnostic, FieldMatch, Match, ParseResult, Rule } from '../../src/ir.js';

/** Parses a filter-table body (the lines between `*filter` and `COMMIT`). */
export function parseFilter(body: string, ipVersion: 4 | 6 = 4, header = ':INPUT ACCEPT [0:0]\n'): ParseResult {
  return parseIptables('test.rules', `*filter\n${header}${body}\nCOMMIT\n`, { ipVersion });
}

export function chain(result: ParseResult, name: string, table = 'filter'): Chain {
  const found = result.ruleset.tables.find((t) => t.name === table)?.chains.find((c) => c.name === name);
  if (!found) throw new Error(`no chain ${table}/${name}`);
  return found;
}

export function errors(result: ParseResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'error');
}

/** The rules of INPUT, after checking the text parsed without any diagnostic. */
export function inputRules(body: string, ipVersion: 4 | 6 = 4): Rule[] {
  const result = parseFilter(body, ipVersion);
  if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return chain(result, 'INPUT').rules;
}

/** The single rule of a one-line INPUT body. */
export function onlyRule(line: string, ipVersion: 4 | 6 = 4): Rule {
  const rules = inputRules(line, ipVersion);
  if (rules.length !== 1) throw new Error(`expected one rule, got ${rules.length}`);
  return rules[0]!;
}

export function fields(rule: Rule): FieldMatch[] {
  return rule.matches.filter((m): m is FieldMatch => m.kind === 'field');
}

export function field(rule: Rule, name: FieldMatch['field']): FieldMatch {
  const found = fields(rule).find((m) => m.field === name);
  if (!found) throw new Error(`no ${name} match in ${rule.text}`);
  return found;
}

/** A match without its span and text, for compact expectations. */
export function shape(match: Match): unknown {
  const { span: _span, text: _text, ...rest } = match;
  return rest;
}

export const range = (low: bigint, high = low) => ({ kind: 'range', low, high }) as const;
