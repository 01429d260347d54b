import type { Chain, FieldMatch, Match, ParseResult, Rule } from '../../src/ir.js';
import { memoryHost } from '../../src/files.js';
import { type NftParseOptions, parseNft } from '../../grammar/nft/index.js';

export function parseText(text: string, extra: Partial<NftParseOptions> & { files?: Record<string, string> } = {}): ParseResult {
  const { files = {}, ...options } = extra;
  return parseNft('/etc/nft/main.nft', text, {
    host: memoryHost({ '/etc/nft/main.nft': text, ...files }),
    includeDirs: [],
    ...options,
  });
}

export function errors(result: ParseResult, ruleId = 'parse-error'): string[] {
  return result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${d.span.line}:${d.span.column} ${d.message}`);
}

export function chain(result: ParseResult, name: string): Chain {
  for (const table of result.ruleset.tables) {
    const found = table.chains.find((c) => c.name === name);
    if (found) return found;
  }
  throw new Error(`no chain ${name}; have ${result.ruleset.tables.flatMap((t) => t.chains.map((c) => c.name)).join(', ')}`);
}

/** The rules of chain `c` in a one-table ruleset written as `family` with `body` as chain body. */
export function rulesOf(body: string, family = 'inet'): Rule[] {
  const result = parseText(`table ${family} t {\n\tchain c {\n${body}\n\t}\n}\n`);
  const problems = result.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) throw new Error(problems.map((d) => `${d.span.line}:${d.span.column} ${d.message}`).join('\n'));
  return chain(result, 'c').rules;
}

export function onlyRule(body: string, family = 'inet'): Rule {
  const rules = rulesOf(body, family);
  if (rules.length !== 1) throw new Error(`expected one rule, got ${rules.length}`);
  return rules[0]!;
}

export function explicitMatches(rule: Rule): Match[] {
  return rule.matches.filter((m) => !(m.kind === 'field' && m.implicit));
}

export function fieldMatch(rule: Rule, field: FieldMatch['field']): FieldMatch {
  const found = rule.matches.find((m): m is FieldMatch => m.kind === 'field' && m.field === field && !m.implicit);
  if (!found) throw new Error(`no ${field} match in ${rule.text}`);
  return found;
}

export const range = (low: bigint | number, high: bigint | number = low) => ({ kind: 'range', low: BigInt(low), high: BigInt(high) });
