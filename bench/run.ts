import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateIptablesChain, generateNftChain, type Shape } from './generate.js';
import { best, median, parseOrThrow, timings } from './timing.js';

const sizes = [1_000, 10_000, 100_000];
const shapes: Shape[] = ['spread', 'dense'];
/**
 * Coverage is timed in fresh processes, one size after the other, round after round. The speed of
 * a shared VM drifts by a third from one minute to the next: timing every run of one size before
 * the next would put that drift into the 100k/10k ratio, and runs of different sizes in one
 * process would leave each other garbage to collect.
 */
const ROUNDS = 4;
const runsPerProcess = (size: number): number => (size >= 100_000 ? 3 : 5);

const ms = (value: number): string => `${value.toFixed(0).padStart(5)} ms`;

interface WorkerResult {
  times: number[];
  namedPerRule: number;
}

const worker = fileURLToPath(new URL('./coverage-worker.js', import.meta.url));

function coverageInFreshProcess(shape: Shape, size: number): WorkerResult {
  const child = spawnSync(process.execPath, ['--expose-gc', worker, shape, String(size), String(runsPerProcess(size))], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`coverage worker (${shape}, ${size} rules) failed: ${child.stderr || child.error?.message}`);
  return JSON.parse(child.stdout) as WorkerResult;
}

const cells = sizes.map((size) => [`${String(size).padStart(7)} rules`]);
for (const [k, size] of sizes.entries()) {
  const nftText = generateNftChain(size);
  const iptText = generateIptablesChain(size);
  const runs = size >= 100_000 ? 5 : 9;
  cells[k]!.push(`nft parse ${ms(best(timings(runs, () => parseOrThrow(`bench-${size}.nft`, nftText))))}`);
  cells[k]!.push(`iptables parse ${ms(best(timings(runs, () => parseOrThrow(`bench-${size}.rules.v4`, iptText))))}`);
}

const ratios: string[] = [];
for (const shape of shapes) {
  const times = sizes.map((): number[] => []);
  const namedPerRule = sizes.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, size] of sizes.entries()) {
      const result = coverageInFreshProcess(shape, size);
      times[k]!.push(...result.times);
      namedPerRule[k] = result.namedPerRule;
    }
  }
  for (const [k, list] of times.entries()) {
    cells[k]!.push(`coverage ${shape} best ${ms(best(list))}, median ${ms(median(list))} (${namedPerRule[k]!.toFixed(2)} covering rules named per rule)`);
  }
  const large = times[sizes.indexOf(100_000)]!;
  const small = times[sizes.indexOf(10_000)]!;
  const ratio = (pick: (list: readonly number[]) => number): string => (pick(large) / pick(small)).toFixed(1);
  ratios.push(`coverage time ratio 100k/10k, ${shape}: ${ratio(median)} of medians, ${ratio(best)} of bests (target ≤ 12)`);
}

process.stdout.write(
  `fwlint benchmark (parse: best of several runs; coverage: best and median of ${ROUNDS} alternating processes per size, node ${process.version})\n` +
    `${cells.map((row) => row.join(' | ')).join('\n')}\n${ratios.join('\n')}\n`,
);
