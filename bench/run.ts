import { performance } from 'node:perf_hooks';
import { parseText } from '../src/lint.js';
import { buildModel } from '../src/model/index.js';
import type { Ruleset } from '../src/ir.js';
import { generateIptablesChain, generateNftChain, type Shape } from './generate.js';

/** Best of `runs` wall-clock timings, in milliseconds: the least disturbed by other processes. */
function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function parseOrThrow(name: string, text: string): Ruleset {
  const { ruleset, diagnostics } = parseText(name, text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${name}: ${errors[0]!.message}`);
  return ruleset;
}

const sizes = [1_000, 10_000, 100_000];
const shapes: Shape[] = ['spread', 'dense'];
const rows: string[] = [];
const coverageTimes = new Map<string, number>();

/** Best time of model building plus coverage of every rule, and how many covering rules the answer names per rule. */
function coverage(size: number, shape: Shape, runs: number): { ms: number; namedPerRule: number } {
  const ruleset = parseOrThrow(`bench-${size}-${shape}.nft`, generateNftChain(size, 1, shape));
  let named = 0;
  const ms = best(runs, () => {
    named = 0;
    for (const result of buildModel(ruleset).coverageAll().values()) named += result.coveredBy.length;
  });
  return { ms, namedPerRule: named / size };
}

for (const size of sizes) {
  const iptText = generateIptablesChain(size);
  const nftText = generateNftChain(size);
  const runs = size >= 100_000 ? 3 : 5;
  const iptParse = best(runs, () => {
    parseOrThrow(`bench-${size}.rules.v4`, iptText);
  });
  const nftParse = best(runs, () => {
    parseOrThrow(`bench-${size}.nft`, nftText);
  });
  const cells = [`${String(size).padStart(7)} rules`, `nft parse ${nftParse.toFixed(0).padStart(5)} ms`, `iptables parse ${iptParse.toFixed(0).padStart(5)} ms`];
  for (const shape of shapes) {
    const result = coverage(size, shape, runs);
    coverageTimes.set(`${shape} ${size}`, result.ms);
    cells.push(`coverage ${shape} ${result.ms.toFixed(0).padStart(5)} ms (${result.namedPerRule.toFixed(2)} covering rules named per rule)`);
  }
  rows.push(cells.join(' | '));
}

process.stdout.write(`fwlint benchmark (best of several runs, node ${process.version})\n${rows.join('\n')}\n`);
for (const shape of shapes) {
  const ratio = coverageTimes.get(`${shape} 100000`)! / coverageTimes.get(`${shape} 10000`)!;
  process.stdout.write(`coverage time ratio 100k/10k, ${shape}: ${ratio.toFixed(1)} (target ≤ 12)\n`);
}
