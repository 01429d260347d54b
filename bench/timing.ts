import { performance } from 'node:perf_hooks';
import type { Ruleset } from '../src/ir.js';
import { parseText } from '../src/lint.js';

/** Wall-clock timings of `runs` runs of `work`, in milliseconds, in the order taken. */
export function timings(runs: number, work: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

/** The least disturbed run: what the code can do. */
export function best(times: readonly number[]): number {
  return Math.min(...times);
}

/**
 * The typical run. Growth is judged on it too: a best-of picks runs in which no major garbage
 * collection happened, and the larger the heap, the fewer such runs there are.
 */
export function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function parseOrThrow(name: string, text: string): Ruleset {
  const { ruleset, diagnostics } = parseText(name, text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${name}: ${errors[0]!.message}`);
  return ruleset;
}
