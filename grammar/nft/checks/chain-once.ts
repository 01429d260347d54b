import type { Diagnostic } from '../../../src/ir.js';
import type { BodyItem } from '../ast.js';
import { isWord, parseError, type SourceFile } from '../source.js';

/** What nft says when a chain block repeats a setting it takes once. */
const REPEAT_MESSAGES: Readonly<Record<string, string>> = {
  comment: 'You can only specify this once. This statement is duplicated.',
  policy: 'you cannot set chain policy twice',
};

/**
 * nft takes one `comment` and one `policy` per chain block: a second one in the same
 * `chain c { … }` is refused (one in a later block of the same chain is not). Lines an include
 * brings in are not looked at: they are not certainly in the same block.
 */
export function repeatedChainSettings(items: readonly BodyItem[], source: SourceFile): Diagnostic[] {
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const item of items) {
    if (item.kind !== 'line') continue;
    const head = item.line.atoms[0];
    if (!isWord(head)) continue;
    const message = REPEAT_MESSAGES[head.image];
    if (message === undefined) continue;
    if (seen.has(head.image)) problems.push(parseError(source, head, message));
    seen.add(head.image);
  }
  return problems;
}
