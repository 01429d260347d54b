import type { Diagnostic } from '../../../src/ir.js';
import type { Group } from '../ast.js';
import { isToken, parseError, type SourceFile, splitElements } from '../source.js';

/** How a map names classid data: by type or by the selector whose type it is. */
const CLASSID_DATA = new Set(['classid', 'meta priority']);

/**
 * Map data that can never be a tc classid. nft reads a classid as `root`, `none`, a plain number,
 * or hex `MAJOR:MINOR` with exactly one colon and digits before it; a word with `::` (which nft's
 * scanner takes for an IPv6 address) has either nothing before its first colon or a colon after
 * it, and nft answers "Could not parse TC classid".
 */
export function classidDataProblems(group: Group, dataType: string | undefined, source: SourceFile): Diagnostic[] {
  if (dataType === undefined || !CLASSID_DATA.has(dataType)) return [];
  const problems: Diagnostic[] = [];
  for (const element of splitElements(group)) {
    const colon = element.findIndex((atom) => isToken(atom, 'Colon'));
    const data = colon < 0 ? undefined : element[colon + 1];
    if (isToken(data, 'ColonWord') && data.image.includes('::')) {
      problems.push(parseError(source, data, `Could not parse TC classid "${data.image}" (expecting root, none or MAJOR:MINOR in hex, such as 1:10)`));
    }
  }
  return problems;
}
