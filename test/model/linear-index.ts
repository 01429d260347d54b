import type { Box } from '../../src/model/box.js';
import type { IndexEntry, IndexVisitor, RuleIndex } from '../../src/model/coverage-index.js';

/** The plainest index there is: every entry, in chain order. The reference the trie index must agree with. */
export class LinearIndex implements RuleIndex {
  private readonly entries: IndexEntry[] = [];

  insert(entry: IndexEntry): void {
    this.entries.push(entry);
  }

  query(_boxes: readonly Box[], visitor: IndexVisitor): void {
    for (const entry of this.entries) if (visitor.visit(entry) === 'done') return;
  }
}
