import type { Chain, Diagnostic } from '../../../src/ir.js';
import type { BodyItem } from '../ast.js';
import { isWord, parseError, type SourceFile } from '../source.js';

/** Settings only a base chain has. */
const BASE_CHAIN_SETTINGS = new Set(['policy', 'devices']);

/**
 * `policy` or `devices` in a block of a chain that no block so far (this one included) gave a
 * `type … hook …`: the chain is new to the kernel (fwlint lints a file as the whole ruleset) and not
 * a base chain, and the kernel refuses to create it with base chain settings (EOPNOTSUPP, EINVAL).
 */
export function hooklessChainSettings(items: readonly BodyItem[], chain: Chain, source: SourceFile): Diagnostic[] {
  // A block with a malformed hook line has its error already.
  if (chain.base !== undefined || items.some((item) => item.kind === 'line' && isWord(item.line.atoms[0], 'type'))) return [];
  const problems: Diagnostic[] = [];
  for (const item of items) {
    if (item.kind !== 'line') continue;
    const head = item.line.atoms[0];
    if (!isWord(head) || !BASE_CHAIN_SETTINGS.has(head.image)) continue;
    const message = `Could not process rule: Operation not supported (chain ${chain.name} has no "type … hook …", so it is not a base chain and takes no ${head.image})`;
    problems.push(parseError(source, head, message));
  }
  return problems;
}
