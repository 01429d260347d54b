/**
 * Differential test: for every corpus file, fwlint accepts exactly what the real tool loads.
 * The tools run for real in throwaway namespaces (a check-only run misses kernel validation).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iptablesAvailable, iptablesRestore, mapLimit, nftAvailable, nftLoad, type ToolRun } from '../support/oracle.js';
import { hasCorpus, warnIfNoCorpus } from '../support/shared.js';
import { iptablesDumps, iptablesIpVersion, nftBogons, nftRulesets } from './corpus-files.js';
import {
  findKnownDifference,
  formatTable,
  fwlintVerdict,
  loadKnownDifferences,
  type KnownDifference,
  type PartTally,
} from './verdicts.js';

warnIfNoCorpus('differential');
const nft = nftAvailable();
const iptables = iptablesAvailable();
if (!nft.available) console.warn(`[differential] nft comparison skipped: ${nft.reason}`);
if (!iptables.available) console.warn(`[differential] iptables comparison skipped: ${iptables.reason}`);

const known = hasCorpus ? loadKnownDifferences() : { nft: [], iptables: [] };
const CONCURRENCY = 2;
/** `FWLINT_DIFFERENTIAL_VERBOSE=1` lists every file of a group of unexpected differences, not just three. */
const examplesPerGroup = process.env['FWLINT_DIFFERENTIAL_VERBOSE'] ? Infinity : 3;

/** The tool's complaint without the file and position, so that alike failures group together. */
function toolComplaint(run: ToolRun): string {
  const lines = run.stderr.split('\n');
  const line = lines.find((l) => /Error:|BUG|error/i.test(l)) ?? lines.find((l) => l.trim() !== '') ?? '(no message)';
  return line.replace(/^.*?Error:\s*/, '').replace(/^.*\(nf_tables\):\s*|^ip6?tables-restore[^:]*:\s*/, '').trim().slice(0, 120);
}

function tally(
  part: string,
  files: readonly string[],
  runs: readonly ToolRun[],
  list: readonly KnownDifference[],
  used: Set<KnownDifference>,
): PartTally {
  const result: PartTally = { part, files: files.length, agree: 0, knownDifferences: 0, unexpected: [] };
  files.forEach((file, index) => {
    const run = runs[index]!;
    const ours = fwlintVerdict(file);
    const name = path.basename(file);
    if (ours.crash) {
      console.log(`[differential] fwlint threw on ${file}:\n${ours.crash}`);
      result.unexpected.push(`fwlint threw: ${ours.crash.split('\n')[0]} [${name}]`);
      return;
    }
    const tool = run.ok ? 'accepts' : 'rejects';
    if (ours.verdict === tool) {
      result.agree++;
      return;
    }
    const entry = findKnownDifference(list, file, ours.verdict, run.stderr);
    if (entry) {
      used.add(entry);
      result.knownDifferences++;
      return;
    }
    result.unexpected.push(
      ours.verdict === 'accepts'
        ? `fwlint accepts, tool rejects: ${toolComplaint(run)} [${name}]`
        : `fwlint rejects, tool accepts: ${ours.reason} [${name}]`,
    );
  });
  return result;
}

/** Prints the table, then unexpected differences grouped by complaint (a few files each). */
function report(title: string, tallies: PartTally[], list: readonly KnownDifference[], used: Set<KnownDifference>): void {
  console.log(`[differential] ${title}\n${formatTable(tallies)}`);
  for (const t of tallies) {
    const groups = new Map<string, string[]>();
    for (const line of t.unexpected) {
      const [complaint, file] = line.split(/ \[(?=[^[]*\]$)/);
      const key = complaint!.replace(/\d+/g, 'N').replace(/["'`][^"'`]*["'`]/g, '"…"');
      groups.set(key, [...(groups.get(key) ?? []), `${file?.slice(0, -1) ?? ''} (${complaint})`]);
    }
    for (const [key, files] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`[differential] UNEXPECTED ${t.part} x${files.length}: ${key}\n    e.g. ${files.slice(0, examplesPerGroup).join('\n    e.g. ')}`);
    }
  }
  for (const entry of list) {
    if (!used.has(entry)) console.warn(`[differential] known difference no longer seen (review it): ${entry.reason}`);
  }
  const gaps = [...used].filter((entry) => entry.kind === 'fwlint-gap').length;
  if (gaps > 0) console.log(`[differential] ${gaps} known-difference entries are fwlint gaps still to fix`);
}

describe.skipIf(!hasCorpus || !nft.available)(`nft corpus against ${nft.version || 'nft'}`, () => {
  it('accepts exactly what `nft -f` loads, apart from the reviewed differences', async () => {
    const used = new Set<KnownDifference>();
    const parts: Array<[string, string[]]> = [
      ['nft rulesets', nftRulesets()],
      ['nft bogons', nftBogons()],
    ];
    const tallies: PartTally[] = [];
    for (const [part, files] of parts) {
      const runs = await mapLimit(files, CONCURRENCY, nftLoad);
      tallies.push(tally(part, files, runs, known.nft, used));
    }
    report('nft: fwlint vs nft -f', tallies, known.nft, used);
    expect(tallies.flatMap((t) => t.unexpected)).toEqual([]);
  }, 600_000);
});

describe.skipIf(!hasCorpus || !iptables.available)('iptables corpus against iptables-restore', () => {
  it('accepts exactly what iptables-restore (or the legacy variant) loads, apart from the reviewed differences', async () => {
    const used = new Set<KnownDifference>();
    const files = iptablesDumps();
    const runs = await mapLimit(files, CONCURRENCY, (file) => iptablesRestore(file, iptablesIpVersion(file, readFileSync(file, 'latin1'))));
    const tallies = [tally('iptables dumps', files, runs, known.iptables, used)];
    report('iptables: fwlint vs iptables-restore', tallies, known.iptables, used);
    expect(tallies.flatMap((t) => t.unexpected)).toEqual([]);
  }, 600_000);
});
