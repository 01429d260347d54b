import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../src/fuzz/check.js';
import { generateInput, type GeneratorOptions, type Seed } from '../../src/fuzz/mutate.js';
import { loadSeeds } from '../../src/fuzz/seeds.js';
import type { Dialect } from '../../src/ir.js';
import { corpusDir, hasCorpus, repoRoot } from '../support/shared.js';
import { KNOWN_BUGS, type KnownBug } from './known-bugs.js';

/** Fixed, so CI runs the same inputs every time; `npm run fuzz` explores other seeds. */
const SEED = 20_261_122;
const INPUTS_PER_DIALECT = 10_000;
const PER_INPUT_LIMIT_MS = 2_000;
/** Small seeds keep the CI batch near a second per thousand inputs on a busy two-core machine. */
const SEED_CHARS = 4 * 1024;
/** Long enough to cross lexer buffer sizes, short enough that a quadratic path cannot stall CI. */
const GENERATOR: GeneratorOptions = { longLineChars: 20_000 };

if (!hasCorpus) console.warn(`[fuzz] ${corpusDir} is absent: seeding from fixtures/ only`);
const seeds: Seed[] = loadSeeds([path.join(repoRoot, 'fixtures'), ...(hasCorpus ? [corpusDir] : [])], SEED_CHARS);

interface Failure {
  index: number;
  origin: string;
  problems: string[];
  /** The head of the input, enough to recognise it; the whole input is regenerated from the index. */
  head: string;
}

interface Batch {
  failures: Failure[];
  /** Inputs excused by a known bug, per bug. */
  excused: Map<KnownBug, number>;
  slowestMs: number;
  invalidChecked: number;
}

function runBatch(dialect: Dialect): Batch {
  const failures: Failure[] = [];
  const excused = new Map<KnownBug, number>();
  let slowestMs = 0;
  let invalidChecked = 0;
  for (let index = 0; index < INPUTS_PER_DIALECT; index++) {
    const input = generateInput(seeds, dialect, SEED, index, GENERATOR);
    if (input.certainlyInvalid) invalidChecked++;
    const outcome = checkInput(dialect, input.text, input.certainlyInvalid === true);
    slowestMs = Math.max(slowestMs, outcome.elapsedMs);
    const problems = [...outcome.problems];
    if (outcome.elapsedMs > PER_INPUT_LIMIT_MS) problems.push(`took ${outcome.elapsedMs.toFixed(0)} ms`);
    if (problems.length === 0) continue;
    const bug = KNOWN_BUGS.find((known) => problems.every((problem) => known.explains(dialect, input.text, problem)));
    if (bug) excused.set(bug, (excused.get(bug) ?? 0) + 1);
    else failures.push({ index, origin: input.origin, problems, head: JSON.stringify(input.text.slice(0, 200)) });
  }
  return { failures, excused, slowestMs, invalidChecked };
}

/** Failures grouped by kind of problem (numbers and quoted text blanked), with one example each. */
function groupFailures(failures: Failure[]): Array<{ problem: string; count: number; example: Failure }> {
  const groups = new Map<string, { problem: string; count: number; example: Failure }>();
  for (const failure of failures) {
    const problem = failure.problems[0]!.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    const group = groups.get(problem) ?? { problem, count: 0, example: failure };
    group.count++;
    groups.set(problem, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

describe.each(['nft', 'iptables'] as const)('fuzzing the %s grammar', (dialect) => {
  it(`survives ${INPUTS_PER_DIALECT} hostile inputs with well-located messages`, () => {
    const { failures, excused, slowestMs, invalidChecked } = runBatch(dialect);
    console.log(
      `[fuzz] ${dialect}: ${INPUTS_PER_DIALECT} inputs (seed ${SEED}), ${invalidChecked} certainly invalid, ` +
        `${failures.length} failing, slowest ${slowestMs.toFixed(0)} ms`,
    );
    for (const [bug, count] of excused) console.log(`[fuzz] ${dialect}: ${count} inputs hit known bug ${bug.id}: ${bug.description}`);
    for (const { problem, count, example } of groupFailures(failures)) {
      console.log(`[fuzz] ${dialect} x${count}: ${problem}\n    e.g. #${example.index} (${example.origin}): ${example.head}`);
    }
    expect(failures.map((f) => `#${f.index} ${f.origin}: ${f.problems[0]}`)).toEqual([]);
  }, 120_000);
});
