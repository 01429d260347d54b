import { performance } from 'node:perf_hooks';
import { parseText } from '../src/lint.js';
import { buildModel } from '../src/model/index.js';
import type { Ruleset } from '../src/ir.js';
import { generateIptablesChain, generateNftChain, type Shape } from './generate.js';

/** Wall-clock timings of `runs` runs of `work`, in milliseconds, sorted. */
function timings(runs: number, work: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** The least disturbed run: what the code can do. */
function best(times: readonly number[]): number {
  return times[0]!;
}

/**
 * The typical run. Growth is judged on it too: a best-of at 10k rules picks a run in which no
 * major garbage collection happened at all, which no run at 100k can avoid, so a ratio of bests
 * compares unlike runs.
 */
function median(times: readonly number[]): number {
  const middle = times.length >> 1;
  return times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
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
const coverageTimes = new Map<string, number[]>();

/** Timings of model building plus coverage of every rule, and how many covering rules the answer names per rule. */
function coverage(size: number, shape: Shape, runs: number): { times: number[]; namedPerRule: number } {
  const ruleset = parseOrThrow(`bench-${size}-${shape}.nft`, generateNftChain(size, 1, shape));
  let named = 0;
  const times = timings(runs, () => {
    named = 0;
    for (const result of buildModel(ruleset).coverageAll()) named += result.coveredBy.length;
  });
  return { times, namedPerRule: named / size };
}

const ms = (value: number): string => `${value.toFixed(0).padStart(5)} ms`;

for (const size of sizes) {
  const iptText = generateIptablesChain(size);
  const nftText = generateNftChain(size);
  const runs = size >= 100_000 ? 5 : 9;
  const iptParse = best(timings(runs, () => parseOrThrow(`bench-${size}.rules.v4`, iptText)));
  const nftParse = best(timings(runs, () => parseOrThrow(`bench-${size}.nft`, nftText)));
  const cells = [`${String(size).padStart(7)} rules`, `nft parse ${ms(nftParse)}`, `iptables parse ${ms(iptParse)}`];
  for (const shape of shapes) {
    const result = coverage(size, shape, runs);
    coverageTimes.set(`${shape} ${size}`, result.times);
    cells.push(`coverage ${shape} best ${ms(best(result.times))}, median ${ms(median(result.times))} (${result.namedPerRule.toFixed(2)} covering rules named per rule)`);
  }
  rows.push(cells.join(' | '));
}

process.stdout.write(`fwlint benchmark (parse: best of several runs; coverage: best and median, node ${process.version})\n${rows.join('\n')}\n`);
for (const shape of shapes) {
  const large = coverageTimes.get(`${shape} 100000`)!;
  const small = coverageTimes.get(`${shape} 10000`)!;
  const ratio = (pick: (times: readonly number[]) => number): string => (pick(large) / pick(small)).toFixed(1);
  process.stdout.write(`coverage time ratio 100k/10k, ${shape}: ${ratio(median)} of medians, ${ratio(best)} of bests (target ≤ 12)\n`);
}
