import type { Ruleset } from './ir.js';

/** JSON of the IR; bigints (addresses, marks) are printed as decimal strings. */
export function printIr(ruleset: Ruleset): string {
  return JSON.stringify(ruleset, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2) + '\n';
}
