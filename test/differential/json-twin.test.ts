/**
 * nft's JSON listing is nft's own reading of a ruleset. For each `.nft` dump with a `.json-nft`
 * twin, fwlint's IR of the text must describe the same tables, chains, rule counts and sets.
 * The agreement rate may only go up: it fails below the reviewed baseline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRulesetFile } from '../../src/files.js';
import { parseText } from '../../src/lint.js';
import { hasCorpus, warnIfNoCorpus } from '../support/shared.js';
import { jsonTwins } from './corpus-files.js';
import { ASPECTS, compareWithJson, type Aspect } from './json-twin.js';

warnIfNoCorpus('json-twin');

interface Baseline {
  /** Twins where every aspect agrees, out of all twins. */
  minimumAgreeingFiles: number;
  reason: string;
}

const baseline = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'json-twin-baseline.json'), 'utf8'),
) as Baseline;

describe('the JSON-twin comparison itself', () => {
  const text = 'table inet t {\n\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 10.0.0.1, 10.0.0.2 }\n\t}\n\tchain c {\n\t\ttype filter hook input priority 0; policy drop;\n\t\ttcp dport 22 accept\n\t}\n}\n';
  const json = (policy: string, rules: number, elements: unknown[]): unknown => ({
    nftables: [
      { table: { family: 'inet', name: 't' } },
      { set: { family: 'inet', table: 't', name: 's', type: 'ipv4_addr', elem: elements } },
      { chain: { family: 'inet', table: 't', name: 'c', type: 'filter', hook: 'input', prio: 0, policy } },
      ...Array.from({ length: rules }, () => ({ rule: { family: 'inet', table: 't', chain: 'c', expr: [] } })),
    ],
  });
  const ruleset = parseText('/virtual/t.nft', text, { dialect: 'nft' }).ruleset;

  it('agrees with a faithful listing', () => {
    expect(compareWithJson(ruleset, json('drop', 1, ['10.0.0.1', '10.0.0.2'])).differences).toEqual({});
  });

  it('notices a different policy, rule count and element', () => {
    const { differences } = compareWithJson(ruleset, json('accept', 2, ['10.0.0.1', '10.0.0.3']));
    expect(Object.keys(differences).sort()).toEqual(['chains', 'element values', 'rules']);
  });
});

describe.skipIf(!hasCorpus)('fwlint IR against the nft JSON twins', () => {
  it('agrees with nft on tables, chains, rule counts and set elements at least as often as the baseline', () => {
    const twins = jsonTwins();
    const perAspect = new Map<Aspect, { agree: number; compared: number }>(ASPECTS.map((a) => [a, { agree: 0, compared: 0 }]));
    const disagreements: string[] = [];
    let agreeing = 0;
    for (const [nftFile, jsonFile] of twins) {
      const read = readRulesetFile(nftFile);
      const name = path.basename(nftFile);
      const parsed = read.ok ? parseText(nftFile, read.text, { dialect: 'nft' }) : undefined;
      const errors = parsed ? parsed.diagnostics.filter((d) => d.severity === 'error') : [];
      if (!parsed || errors.length > 0) {
        disagreements.push(`${name}: fwlint cannot read it (${read.ok ? errors[0]!.message : read.message})`);
        for (const counts of perAspect.values()) counts.compared++;
        continue;
      }
      const { differences, notApplicable } = compareWithJson(parsed.ruleset, JSON.parse(readFileSync(jsonFile, 'utf8')));
      for (const aspect of ASPECTS) {
        if (notApplicable.includes(aspect)) continue;
        const counts = perAspect.get(aspect)!;
        counts.compared++;
        if (!differences[aspect]) counts.agree++;
      }
      const found = Object.values(differences);
      if (found.length === 0) agreeing++;
      else disagreements.push(`${name}: ${found.join('; ')}`);
    }
    const rate = ((100 * agreeing) / twins.length).toFixed(1);
    console.log(`[json-twin] ${agreeing}/${twins.length} twins agree in every aspect (${rate}%); baseline ${baseline.minimumAgreeingFiles}`);
    for (const [aspect, { agree, compared }] of perAspect) console.log(`[json-twin]   ${aspect}: ${agree}/${compared}`);
    for (const line of disagreements) console.log(`[json-twin] DIFF ${line}`);
    expect(agreeing).toBeGreaterThanOrEqual(baseline.minimumAgreeingFiles);
  }, 300_000);
});
