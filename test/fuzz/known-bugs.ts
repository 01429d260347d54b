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

const POSITION_PROBLEM = /outside (the file's|line)|before start/;

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 'nft-crlf-line-numbers',
    description:
      'grammar/nft counts "\\r\\n" as two line breaks, so in a CRLF file every position after the first line ' +
      'is off (lintText("a.nft", "table ip x {\\r\\n}\\r\\n}\\r\\n", {dialect: "nft"}) reports the stray "}" at 5:1, not 3:1).',
    explains: (dialect, text, problem) => dialect === 'nft' && text.includes('\r\n') && POSITION_PROBLEM.test(problem),
  },
];
