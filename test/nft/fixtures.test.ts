import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diskHost } from '../../src/files.js';
import { parseNft } from '../../grammar/nft/index.js';
import { oracleUnavailable } from './oracle.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtureDir = path.join(repoRoot, 'fixtures', 'nft');
const validDir = path.join(fixtureDir, 'valid');
const invalidDir = path.join(fixtureDir, 'invalid');

const nftFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.nft')).sort();

/** Valid syntax the oracle here still rejects: kernel features it lacks, or syntax newer than 1.0.6. */
const ORACLE_REJECTS_VALID: Record<string, string> = {
  'flowtable.nft': 'the sandbox kernel has no flowtable support',
  'queue.nft': 'the sandbox kernel has no nft_queue',
  'secmark.nft': 'the sandbox kernel has no usable secmark',
  'newer-syntax.nft': 'destroy and priority dstnat on output are nft 1.1 syntax',
  'xt-dump.nft': 'xt match/target cannot be loaded back by nft',
};

function parseFixture(file: string) {
  return parseNft(file, readFileSync(file, 'utf8'), { host: diskHost, includeDirs: [] });
}

const ERROR_RULES = new Set(['parse-error', 'include-error', 'undefined-variable', 'internal-error']);

describe('valid nft fixtures', () => {
  it.each(nftFiles(validDir))('%s parses without errors', (name) => {
    const result = parseFixture(path.join(validDir, name));
    expect(result.diagnostics.filter((d) => ERROR_RULES.has(d.ruleId))).toEqual([]);
    expect(result.ruleset.tables.length).toBeGreaterThan(0);
  });
});

describe('invalid nft fixtures', () => {
  it.each(nftFiles(invalidDir))('%s reports a parse error exactly on each marked line', (name) => {
    const file = path.join(invalidDir, name);
    const lines = readFileSync(file, 'utf8').split('\n');
    const marked = lines.flatMap((line, i) => (line.trim() === '# expect: parse-error' ? [i + 2] : []));
    expect(marked.length).toBeGreaterThan(0);
    const errorLines = parseFixture(file)
      .diagnostics.filter((d) => d.ruleId === 'parse-error')
      .map((d) => d.span.line);
    expect([...new Set(errorLines)].sort((a, b) => a - b)).toEqual(marked);
  });
});

const oracleMissing = oracleUnavailable();
if (oracleMissing !== undefined) console.warn(`skipping the nft oracle checks of fixtures: ${oracleMissing}`);

function oracleAccepts(file: string): boolean {
  const run = spawnSync('unshare', ['-Urn', 'nft', '-c', '-f', path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8' });
  return run.status === 0;
}

describe.skipIf(oracleMissing !== undefined)('nft fixtures agree with the real nft', () => {
  it.each(nftFiles(validDir))('nft accepts valid/%s (unless listed as kernel/version dependent)', (name) => {
    expect(oracleAccepts(path.join(validDir, name))).toBe(!(name in ORACLE_REJECTS_VALID));
  });
  it.each(nftFiles(invalidDir))('nft rejects invalid/%s', (name) => {
    expect(oracleAccepts(path.join(invalidDir, name))).toBe(false);
  });
});
