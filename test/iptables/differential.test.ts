import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessIpVersion, parseIptables } from '../../grammar/iptables/index.js';
import type { FieldMatch, Rule, Ruleset, ValueItem } from '../../src/ir.js';
import { iptablesAvailable, iptablesRestoreAndSave, mapLimit } from '../support/oracle.js';
import { fixturesDir, iptablesCorpusDir as corpusDir, repoRoot } from '../support/shared.js';

const validFixtures = path.join(fixturesDir, 'iptables/valid');

/**
 * Loads corpus files into a throwaway namespace for real (`iptables-restore F && iptables-save`)
 * and checks that fwlint's IR of the input and fwlint's IR of the re-saved dump agree, and that
 * both agree with the dump text itself: the same tables, chains, policies and rules per chain.
 */

const corpusMissing = !existsSync(corpusDir);
const reason = corpusMissing ? `${corpusDir} is absent` : iptablesAvailable().reason;
if (reason) console.warn(`skipping the iptables differential test: ${reason}`);

/** `table/chain` → `policy rules=N`, sorted: the shape both sides must share. */
type Shape = string[];

function irShape(ruleset: Ruleset): Shape {
  return ruleset.tables
    .flatMap((t) => t.chains.map((c) => `${t.name}/${c.name} ${c.base ? c.base.policy : '-'} rules=${c.rules.length}`))
    .sort();
}

function itemText(item: ValueItem): string {
  switch (item.kind) {
    case 'range':
      return item.low === item.high ? `${item.low}` : `${item.low}-${item.high}`;
    case 'masked':
      return `${item.value}/${item.mask}`;
    case 'anyBits':
      return `any/${item.mask}`;
    case 'iface':
      return `${item.name}${item.wildcard ? '*' : ''}`;
    case 'setRef':
      return `@${item.name}`;
  }
}

/**
 * What a rule tests and does, in a form that survives iptables-save's normalisations (names to
 * numbers, `--syn` to `--tcp-flags`, state order, implicit `-m tcp`): typed fields with their
 * values, how many opaque tests, the verdict and the statement kinds.
 */
function ruleContent(rule: Rule): string {
  const fields = rule.matches
    .filter((m): m is FieldMatch => m.kind === 'field' && !m.implicit)
    .map((m) => `${m.field}${m.negate ? '!=' : '='}${m.items.map(itemText).sort().join(',')}`)
    .sort();
  const opaque = rule.matches.filter((m) => m.kind === 'opaque').length;
  const verdict = rule.verdict ? `${rule.verdict.kind}${'target' in rule.verdict ? ` ${rule.verdict.target}` : ''}` : 'none';
  return `${fields.join(' ')} | opaque=${opaque} | ${verdict} | ${rule.statements.map((s) => s.kind).join(',')} | ${rule.comment ?? ''}`;
}

function contents(ruleset: Ruleset): string[] {
  return ruleset.tables.flatMap((t) => t.chains.flatMap((c) => c.rules.map((r, i) => `${t.name}/${c.name}#${i + 1}: ${ruleContent(r)}`))).sort();
}

/** Hostnames are resolved by the load, so their rules cannot read the same before and after. */
function hasHostname(ruleset: Ruleset): boolean {
  return ruleset.tables.some((t) => t.chains.some((c) => c.rules.some((r) => r.matches.some((m) => m.kind === 'opaque' && m.what.startsWith('hostname')))));
}

/** Read straight from iptables-save's text, without fwlint's parser. */
function dumpShape(dump: string): Shape {
  const chains = new Map<string, { policy: string; rules: number }>();
  let table = '';
  for (const line of dump.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1).trim();
    else if (line.startsWith(':')) {
      const [name = '', policy = ''] = line.slice(1).split(' ');
      chains.set(`${table}/${name}`, { policy: policy === '-' ? '-' : policy.toLowerCase(), rules: 0 });
    } else if (line.startsWith('-A ')) {
      const chain = chains.get(`${table}/${line.split(' ')[1]}`);
      if (chain) chain.rules++;
    }
  }
  return [...chains].map(([key, c]) => `${key} ${c.policy} rules=${c.rules}`).sort();
}

/**
 * Every top-level corpus file, and the valid fixtures, which spell things the way save rewrites
 * them (names, `--syn`, state order, `-i +`, restore-only commands).
 */
function sample(): string[] {
  const inFolder = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .map((name) => path.join(dir, name))
      .filter((file) => statSync(file).isFile());
  return [...inFolder(corpusDir), ...inFolder(validFixtures)];
}

describe.skipIf(reason !== undefined)('iptables differential: input IR vs re-saved dump', () => {
  it('keeps tables, chains, policies, per-chain rule counts and what each rule tests and does', { timeout: 900_000 }, async () => {
    const files = sample();
    const results = await mapLimit(files, 2, async (file) => {
      const name = path.relative(repoRoot, file);
      const text = readFileSync(file, 'utf8');
      const version = guessIpVersion(file, text);
      const run = await iptablesRestoreAndSave(file, version);
      return { name, text, version, dump: run.ok ? run.stdout : undefined };
    });
    const loaded = results.filter((r) => r.dump !== undefined);
    const disagreements: string[] = [];
    for (const { name, text, version, dump } of loaded) {
      const inputRuleset = parseIptables(name, text, { ipVersion: version }).ruleset;
      const input = irShape(inputRuleset);
      const saved = parseIptables(`${name}.saved`, dump!, { ipVersion: version });
      const savedErrors = saved.diagnostics.filter((d) => d.severity === 'error');
      const fromText = dumpShape(dump!);
      const output = irShape(saved.ruleset);
      if (savedErrors.length > 0) disagreements.push(`${name}: the re-saved dump has parse-errors: ${savedErrors[0]!.message}`);
      if (JSON.stringify(input) !== JSON.stringify(output)) {
        disagreements.push(`${name}: input IR ${describeDiff(input, output)} re-saved IR`);
      }
      if (!hasHostname(inputRuleset) && JSON.stringify(contents(inputRuleset)) !== JSON.stringify(contents(saved.ruleset))) {
        disagreements.push(`${name}: rule contents ${describeDiff(contents(inputRuleset), contents(saved.ruleset))} re-saved IR`);
      }
      if (JSON.stringify(output) !== JSON.stringify(fromText)) {
        disagreements.push(`${name}: re-saved IR ${describeDiff(output, fromText)} dump text`);
      }
    }
    const agreeing = loaded.length - new Set(disagreements.map((d) => d.split(':')[0])).size;
    console.warn(`iptables differential: ${agreeing}/${loaded.length} loaded files agree (${files.length} sampled, ${files.length - loaded.length} failed to load)`);
    expect(loaded.length).toBeGreaterThanOrEqual(30);
    expect(disagreements).toEqual([]);
  });
});

function describeDiff(a: Shape, b: Shape): string {
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  return `has [${onlyA.slice(0, 3).join(', ')}] where there is [${onlyB.slice(0, 3).join(', ')}] in the`;
}
