import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complement, intersect, type IntervalSet, normalize, subtract } from '../../src/model/intervals.js';

const MAX = 40;

/** The values of a set, one by one: the slow truth the interval operations must agree with. */
function members(set: IntervalSet): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.length; i += 2) for (let v = Number(set[i]!); v <= Number(set[i + 1]!); v++) out.push(v);
  return out;
}

const intervalSet = fc
  .array(fc.tuple(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 0, max: 6 })), { maxLength: 5 })
  .map((pairs) => normalize(pairs.flatMap(([low, width]) => [BigInt(low), BigInt(Math.min(MAX, low + width))])));

function isCanonical(set: IntervalSet): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > set[i + 1]!) return false;
    if (i > 0 && set[i]! <= set[i - 1]! + 1n) return false;
  }
  return true;
}

describe('interval sets against their members', () => {
  it('normalizes any list of intervals, short or long, to a canonical set of exactly their members', () => {
    const bounds = fc.integer({ min: 0, max: MAX });
    fc.assert(
      // Up to 40 intervals: lists of more than 16 are sorted another way than short ones.
      fc.property(fc.array(fc.tuple(bounds, bounds), { maxLength: 40 }), (pairs) => {
        const set = normalize(pairs.flatMap(([low, high]) => [BigInt(low), BigInt(high)]));
        const expected = new Set(pairs.flatMap(([low, high]) => Array.from({ length: Math.max(0, high - low + 1) }, (_, k) => low + k)));
        expect(members(set)).toEqual([...expected].sort((x, y) => x - y));
        expect(isCanonical(set)).toBe(true);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('intersect, subtract and complement give canonical sets with exactly the right members', () => {
    fc.assert(
      fc.property(intervalSet, intervalSet, (a, b) => {
        const inB = new Set(members(b));
        const meet = intersect(a, b);
        const rest = subtract(a, b);
        const outside = complement(a, BigInt(MAX));
        expect(members(meet)).toEqual(members(a).filter((v) => inB.has(v)));
        expect(members(rest)).toEqual(members(a).filter((v) => !inB.has(v)));
        expect(members(outside)).toEqual(Array.from({ length: MAX + 1 }, (_, v) => v).filter((v) => !members(a).includes(v)));
        for (const set of [meet, rest, outside]) expect(isCanonical(set)).toBe(true);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
