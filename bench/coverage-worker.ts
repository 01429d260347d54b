/**
 * One process's coverage timings for the benchmark: `node --expose-gc coverage-worker.js SHAPE SIZE
 * RUNS` prints `{"times": [...], "namedPerRule": n}`. Each process first warms the compiler up on
 * another 10k-rule chain, so every size is timed with the same code already optimised, and
 * collects the parser's garbage before that: the runs then pay for all of their own garbage and
 * none of the parser's.
 */
import type { Ruleset } from '../src/ir.js';
import { buildModel } from '../src/model/index.js';
import { generateNftChain, type Shape } from './generate.js';
import { parseOrThrow, timings } from './timing.js';

const WARM_UP_RULES = 10_000;
const WARM_UP_RUNS = 3;

/** Model building plus coverage of every rule; returns how many covering rules the answer names. */
function coverAll(ruleset: Ruleset): number {
  let named = 0;
  for (const result of buildModel(ruleset).coverageAll()) named += result.coveredBy.length;
  return named;
}

const [shape, sizeText, runsText] = process.argv.slice(2) as [Shape, string, string];
const size = Number(sizeText);
const warmUp = parseOrThrow('warm-up.nft', generateNftChain(WARM_UP_RULES, 2, shape));
const ruleset = parseOrThrow(`bench-${size}-${shape}.nft`, generateNftChain(size, 1, shape));
// Collecting shrinks the young generation; the warm-up runs after it let it grow back.
(globalThis as { gc?: () => void }).gc?.();
timings(WARM_UP_RUNS, () => coverAll(warmUp));
let named = 0;
const times = timings(Number(runsText), () => {
  named = coverAll(ruleset);
});
process.stdout.write(JSON.stringify({ times, namedPerRule: named / size }));
