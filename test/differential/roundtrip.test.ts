/**
 * Round trips: load a ruleset into a throwaway namespace, let the tool list it back, and check
 * that fwlint reads the original and the re-listing as the same chains, policies and per-rule
 * match spaces. The tool's listing is canonical, so this catches misreadings of either spelling.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryHost, readRulesetFile } from '../../src/files.js';
import type { Dialect } from '../../src/ir.js';
import { parseText } from '../../src/lint.js';
import { iptablesAvailable, iptablesRestoreAndSave, mapLimit, nftAvailable, nftLoadAndList, type ToolRun } from '../support/oracle.js';
import { fixturesDir, hasCorpus } from '../support/shared.js';
import { iptablesDumps, iptablesIpVersion, nftRulesets } from './corpus-files.js';
import { compareRulesets } from './roundtrip-compare.js';
import { loadKnownDifferences } from './verdicts.js';

const nft = nftAvailable();
const iptables = iptablesAvailable();
if (!nft.available) console.warn(`[roundtrip] nft round trips skipped: ${nft.reason}`);
if (!iptables.available) console.warn(`[roundtrip] iptables round trips skipped: ${iptables.reason}`);
if (!hasCorpus) console.warn('[roundtrip] shared corpus absent: round trips use fixtures/ only');

function fixtureFiles(pattern: RegExp): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every n-th file, so the sample is spread over all sources and stable from run to run. */
const everyNth = (files: string[], n: number): string[] => files.filter((_, i) => i % n === 0);

interface Outcome {
  file: string;
  status: 'agree' | 'differ' | 'tool rejects' | 'fwlint rejects';
  /** Rule-level differences, or the tool's complaint when it would not load the file. */
  differences: string[];
}

function readWithFwlint(file: string, text: string, dialect: Dialect, ipVersion: 4 | 6 | undefined) {
  const parsed = parseText(file, text, {
    dialect,
    ...(ipVersion ? { ipVersion } : {}),
    ...(file.startsWith('<') ? { host: memoryHost({}) } : {}),
  });
  return parsed.diagnostics.some((d) => d.severity === 'error') ? undefined : parsed.ruleset;
}

function roundTrip(file: string, run: ToolRun, dialect: Dialect, ipVersion?: 4 | 6): Outcome {
  if (!run.ok) return { file, status: 'tool rejects', differences: [run.stderr.trim().split('\n')[0] ?? ''] };
  const read = readRulesetFile(file);
  const original = read.ok ? readWithFwlint(file, read.text, dialect, ipVersion) : undefined;
  if (!original) return { file, status: 'fwlint rejects', differences: [] };
  const relisted = readWithFwlint('<re-listing>', run.stdout, dialect, ipVersion);
  if (!relisted) return { file, status: 'differ', differences: ['fwlint cannot read the tool\'s own listing'] };
  const differences = compareRulesets(original, relisted);
  return { file, status: differences.length === 0 ? 'agree' : 'differ', differences };
}

const knownRoundTrips = loadKnownDifferences().roundtrip;

function isKnown(outcome: Outcome): boolean {
  return knownRoundTrips.some((entry) => entry.file !== undefined && new RegExp(entry.file).test(path.basename(outcome.file)));
}

/** Prints the counts and every difference; returns the differences not on the reviewed list. */
function summarize(label: string, outcomes: Outcome[]): Outcome[] {
  const count = (status: Outcome['status']): number => outcomes.filter((o) => o.status === status).length;
  console.log(
    `[roundtrip] ${label}: ${outcomes.length} sampled, ${count('tool rejects')} not loadable, ${count('fwlint rejects')} not read by fwlint, ` +
      `${count('agree')} agree, ${count('differ')} differ`,
  );
  const unloadable = new Map<string, number>();
  for (const o of outcomes.filter((o) => o.status === 'tool rejects')) {
    const complaint = (o.differences[0] ?? '').replace(/^.*?(Error: |\(nf_tables\): |restore[^:]*: )/, '').replace(/\d+/g, 'N');
    unloadable.set(complaint, (unloadable.get(complaint) ?? 0) + 1);
  }
  for (const [complaint, n] of unloadable) console.log(`[roundtrip]   not loadable x${n}: ${complaint.slice(0, 120)}`);
  const differing = outcomes.filter((o) => o.status === 'differ');
  for (const o of differing) {
    console.log(`[roundtrip] ${isKnown(o) ? 'known ' : ''}DIFF ${path.basename(o.file)}: ${o.differences.slice(0, 3).join(' | ')}`);
  }
  return differing.filter((o) => !isKnown(o));
}

describe('the round-trip comparison itself', () => {
  const read = (text: string) => parseText('/virtual/t.nft', text, { dialect: 'nft', host: memoryHost({}) }).ruleset;
  const chain = (rule: string): string => `table inet t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy drop;\n\t\t${rule}\n\t}\n}\n`;

  it('finds two spellings of the same rule equal', () => {
    expect(compareRulesets(read(chain('tcp dport { 22, 23 } accept')), read(chain('meta l4proto tcp tcp dport 22-23 accept')))).toEqual([]);
  });

  it('finds different ports, policies and rule counts different', () => {
    expect(compareRulesets(read(chain('tcp dport 22 accept')), read(chain('tcp dport 23 accept')))).toHaveLength(1);
    expect(compareRulesets(read(chain('accept')), read(chain('accept').replace('drop', 'accept')))).toHaveLength(1);
    expect(compareRulesets(read(chain('accept')), read(chain('accept\n\t\taccept')))).toHaveLength(1);
  });
});

describe.skipIf(!nft.available)('nft round trips through `nft list ruleset`', () => {
  it('reads the original and the re-listing as the same ruleset', async () => {
    const files = [...fixtureFiles(/\.(nft|conf)$/), ...(hasCorpus ? everyNth(nftRulesets(), 6) : [])];
    const runs = await mapLimit(files, 2, (file) => nftLoadAndList(file, 'text'));
    const outcomes = files.map((file, i) => roundTrip(file, runs[i]!, 'nft'));
    const differing = summarize('nft', outcomes);
    expect(outcomes.filter((o) => o.status === 'agree').length).toBeGreaterThan(0);
    expect(differing.map((o) => `${path.basename(o.file)}: ${o.differences[0]}`)).toEqual([]);
  }, 600_000);
});

describe.skipIf(!iptables.available)('iptables round trips through iptables-save', () => {
  it('reads the original and the re-listing as the same ruleset', async () => {
    const files = [...fixtureFiles(/\.(rules|v4|v6)$/), ...(hasCorpus ? everyNth(iptablesDumps(), 4) : [])];
    const versions = files.map((file) => iptablesIpVersion(file, readFileSync(file, 'latin1')));
    const runs = await mapLimit(files, 2, (file) => iptablesRestoreAndSave(file, versions[files.indexOf(file)]!));
    const outcomes = files.map((file, i) => roundTrip(file, runs[i]!, 'iptables', versions[i]));
    const differing = summarize('iptables', outcomes);
    expect(outcomes.filter((o) => o.status === 'agree').length).toBeGreaterThan(0);
    expect(differing.map((o) => `${path.basename(o.file)}: ${o.differences[0]}`)).toEqual([]);
  }, 600_000);
});
