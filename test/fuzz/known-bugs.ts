/**
 * Bugs the fuzzer found in other parts of fwlint, reported and not yet fixed. An input whose only
 * problems match one of these is counted and printed, not failed; anything else fails the batch.
 * Remove an entry when its bug is fixed (the batch prints how many inputs each entry excused).
 */
import type { Dialect } from '../../src/ir.js';

export interface KnownBug {
  id: string;
  description: string;
  /** Whether this bug explains `problem` for this input. */
  explains(dialect: Dialect, text: string, problem: string): boolean;
}

export const KNOWN_BUGS: readonly KnownBug[] = [];
