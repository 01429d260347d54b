import type { Box } from '../../src/model/box.js';
import type { IndexVisitor, RuleIndex } from '../../src/model/coverage-index.js';

/** The plainest index there is: every entry, in chain order. The reference the trie index must agree with. */
export class LinearIndex implements RuleIndex {
  private readonly serials: number[] = [];

  insert(serial: number): void {
    this.serials.push(serial);
  }

  query(_boxes: readonly Box[], visitor: IndexVisitor): void {
    for (const serial of this.serials) if (visitor.visit(serial) === 'done') return;
  }
}
