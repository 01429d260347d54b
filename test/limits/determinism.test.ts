/**
 * Same input, same bytes out: CI diffs, caches and SARIF uploads depend on it. Output follows the
 * order of the arguments and carries no clock or machine-specific temporary paths.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';
import { corpusDir, hasCorpus, repoRoot } from '../support/shared.js';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/** A few corpus files of each dialect (every n-th, so the pick is stable), when the corpus is here. */
function corpusSample(): string[] {
  if (!hasCorpus) return [];
  const every = (files: string[], n: number): string[] => files.filter((_, i) => i % n === 0);
  const nft = filesUnder(path.join(corpusDir, 'nft')).filter((f) => !/\/(bogons|py-t)\/|\.json-nft$/.test(f));
  const iptables = readdirSync(path.join(corpusDir, 'iptables'), { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(corpusDir, 'iptables', e.name))
    .sort();
  return [...every(nft, 60), ...every(iptables, 40)];
}

if (!hasCorpus) console.warn(`[determinism] ${corpusDir} is absent: using fixtures/ only`);
/** Relative paths, as a user types them; the CLI resolves them against the process's directory. */
const inputs = [...filesUnder(path.join(repoRoot, 'fixtures')), ...corpusSample()].map((f) => path.relative(process.cwd(), f));

/** Deterministic shuffle (a fixed rotation and reversal), so a failure reproduces. */
function shuffled<T>(items: readonly T[]): T[] {
  const rotated = [...items.slice(items.length / 3), ...items.slice(0, items.length / 3)];
  return rotated.reverse();
}

/** ISO dates and the `Mon Nov 22` style; bare `12:34:56` would also match MAC and IPv6 addresses. */
const TIMESTAMP = /\b(19|20)\d{2}-[01]\d-[0-3]\d\b|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) /;

describe.each(['stylish', 'json', 'compact'])('%s output', (format) => {
  it('is byte-identical across runs, with no timestamps or absolute paths', async () => {
    expect(inputs.length).toBeGreaterThan(0);
    const first = await runCli(['--format', format, ...inputs]);
    const second = await runCli(['--format', format, ...inputs]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(second.code).toBe(first.code);
    expect(first.stdout).not.toMatch(TIMESTAMP);
    expect(first.stdout).not.toContain(repoRoot);
    expect(first.stdout).not.toContain(tmpdir() + path.sep);
  });
});

describe('argument order', () => {
  it('decides the order of results in the output', async () => {
    const order = shuffled(inputs);
    const run = await runCli(['--format', 'json', ...order]);
    const reported = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => r.filePath);
    expect(reported).toEqual(order);
  });

  it('does not change any file\'s own findings', async () => {
    const straight = JSON.parse((await runCli(['--format', 'json', ...inputs])).stdout) as Array<{ filePath: string }>;
    const reordered = JSON.parse((await runCli(['--format', 'json', ...shuffled(inputs)])).stdout) as Array<{ filePath: string }>;
    const byFile = (results: Array<{ filePath: string }>): Map<string, string> => new Map(results.map((r) => [r.filePath, JSON.stringify(r)]));
    expect(byFile(reordered)).toEqual(byFile(straight));
  });
});
