/**
 * `npm run fuzz`: a long fuzz batch over both dialects. Each input runs in a worker thread with a
 * deadline; an input that throws, hangs or yields a mislocated message is written to the output
 * directory with a note on how to regenerate it (seed and index).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Dialect } from '../ir.js';
import type { CheckOutcome } from './check.js';
import { generateInput, type FuzzInput } from './mutate.js';
import { loadSeeds } from './seeds.js';
import type { WorkRequest } from './worker.js';

interface FuzzOptions {
  count: number;
  seed: number;
  dialect: 'nft' | 'iptables' | 'both';
  timeout: number;
  out: string;
  seedDir: string[];
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

class Runner {
  private worker!: Worker;
  private ready!: Promise<void>;

  constructor(private readonly timeoutMs: number) {
    this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(new URL('./worker.js', import.meta.url));
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  }

  /** Resolves with the outcome, or with a "hang" problem after the deadline (the worker is replaced). */
  async run(request: WorkRequest): Promise<CheckOutcome> {
    await this.ready;
    const worker = this.worker;
    return new Promise((resolve) => {
      // Only our own events: a Worker keeps internal listeners that a bare removeAllListeners() breaks.
      const detach = (): void => {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
      };
      const timer = setTimeout(() => {
        detach();
        void worker.terminate();
        this.spawn();
        resolve({ problems: [`no answer within ${this.timeoutMs} ms (hang)`], elapsedMs: this.timeoutMs });
      }, this.timeoutMs);
      const settle = (outcome: CheckOutcome): void => {
        clearTimeout(timer);
        detach();
        resolve(outcome);
      };
      worker.once('message', settle);
      worker.once('error', (error: Error) => {
        this.spawn();
        settle({ problems: [`worker died: ${error.message}`], elapsedMs: 0 });
      });
      worker.postMessage(request);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

function saveFailure(out: string, input: FuzzInput, seed: number, index: number, outcome: CheckOutcome): string {
  mkdirSync(out, { recursive: true });
  const base = path.join(out, `${input.dialect}-seed${seed}-${index}`);
  writeFileSync(`${base}.input`, input.text);
  writeFileSync(
    `${base}.json`,
    JSON.stringify({ dialect: input.dialect, seed, index, origin: input.origin, elapsedMs: outcome.elapsedMs, problems: outcome.problems }, null, 2) + '\n',
  );
  return `${base}.input`;
}

async function fuzz(options: FuzzOptions): Promise<number> {
  const seeds = loadSeeds([path.join(packageRoot, 'fixtures'), ...options.seedDir]);
  const dialects: Dialect[] = options.dialect === 'both' ? ['nft', 'iptables'] : [options.dialect];
  const runner = new Runner(options.timeout);
  let failures = 0;
  let slowest = 0;
  process.stdout.write(`fuzz: seed ${options.seed}, ${options.count} inputs per dialect, ${seeds.length} seed files\n`);
  for (const dialect of dialects) {
    for (let index = 0; index < options.count; index++) {
      const input = generateInput(seeds, dialect, options.seed, index);
      const outcome = await runner.run({ dialect, text: input.text, mustReportError: input.certainlyInvalid === true });
      slowest = Math.max(slowest, outcome.elapsedMs);
      if (outcome.problems.length > 0) {
        failures++;
        const file = saveFailure(options.out, input, options.seed, index, outcome);
        process.stdout.write(`FAIL ${dialect} #${index} (${input.origin}): ${outcome.problems[0]} -> ${file}\n`);
      }
    }
    process.stdout.write(`fuzz: ${dialect} done\n`);
  }
  await runner.close();
  process.stdout.write(`fuzz: ${failures} failing inputs; slowest input ${slowest.toFixed(0)} ms\n`);
  return failures === 0 ? 0 : 1;
}

const program = new Command('fwlint-fuzz')
  .description('fuzz fwlint with mutated and random rulesets')
  .addOption(new Option('-n, --count <n>', 'inputs per dialect').argParser(positiveInteger).default(100_000))
  .addOption(
    new Option('-s, --seed <n>', 'generator seed (default: random)').argParser(positiveInteger).default(Math.floor(Math.random() * 2 ** 31)),
  )
  .addOption(new Option('-d, --dialect <dialect>', 'which grammar').choices(['nft', 'iptables', 'both']).default('both'))
  .addOption(new Option('-t, --timeout <ms>', 'deadline per input').argParser(positiveInteger).default(2000))
  .option('-o, --out <dir>', 'where failing inputs are written', 'fuzz-failures')
  .option('--seed-dir <dir>', 'extra directory of seed rulesets, e.g. ../shared/corpus (repeatable)', collect, [])
  .action(async (options: FuzzOptions) => {
    process.exitCode = await fuzz(options);
  });

await program.parseAsync(process.argv);
