import { performance } from 'node:perf_hooks';
import { parseText } from '../src/lint.js';
import { buildModel } from '../src/model/index.js';
import type { Ruleset } from '../src/ir.js';
import { generateIptablesChain, generateNftChain } from './generate.js';

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
const rows: string[] = [];
const coverageTimes = new Map<number, number>();

for (const size of sizes) {
  const nftText = generateNftChain(size);
  const iptText = generateIptablesChain(size);
  const runs = size >= 100_000 ? 3 : 5;
  // iptables first, so that its timing does not pay for garbage-collecting around the nft result kept for the model.
  const iptParse = best(runs, () => {
    parseOrThrow(`bench-${size}.rules.v4`, iptText);
  });
  let ruleset: Ruleset | undefined;
  const nftParse = best(runs, () => {
    ruleset = parseOrThrow(`bench-${size}.nft`, nftText);
  });
  const coverage = best(runs, () => {
    buildModel(ruleset!).coverageAll();
  });
  coverageTimes.set(size, coverage);
  rows.push(
    `${String(size).padStart(7)} rules | nft parse ${nftParse.toFixed(0).padStart(6)} ms | iptables parse ${iptParse
      .toFixed(0)
      .padStart(6)} ms | model+coverage ${coverage.toFixed(0).padStart(6)} ms`,
  );
}

process.stdout.write(`fwlint benchmark (best of several runs, node ${process.version})\n${rows.join('\n')}\n`);
const ratio = coverageTimes.get(100_000)! / coverageTimes.get(10_000)!;
process.stdout.write(`coverage time ratio 100k/10k: ${ratio.toFixed(1)} (target ≤ 12)\n`);
