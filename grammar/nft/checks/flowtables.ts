import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../../src/ir.js';
import { type BodyItem, isGroup } from '../ast.js';
import { EMPTY_DEVICE_MESSAGE } from '../chain-spec.js';
import { describeActual } from '../errors.js';
import { isToken, isWord, parseError, type SourceFile, splitElements } from '../source.js';

/**
 * What nft or the kernel refuse in a flowtable block: a hook other than ingress (the only one a
 * flowtable has), an empty device name, and a flowtable first declared without `hook … priority …`
 * (nft: "missing hook and priority in flowtable declaration"; with devices only, the kernel's
 * ENOENT). `declared` says whether an earlier block created the flowtable.
 */
export function flowtableProblems(name: IToken, body: readonly BodyItem[], declared: boolean, source: SourceFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  let hooked = false;
  for (const item of body) {
    if (item.kind !== 'line') continue;
    const [head, value] = item.line.atoms;
    if (isWord(head, 'hook')) {
      hooked = true;
      if (isWord(value) && value.image !== 'ingress') problems.push(parseError(source, value, `invalid hook ${value.image} (a flowtable hooks into ingress only)`));
    } else if (isWord(head, 'devices')) {
      const list = item.line.atoms.find((a) => isGroup(a));
      if (list === undefined || !isGroup(list)) continue;
      for (const element of splitElements(list)) {
        const first = element[0];
        if (isToken(first, 'QuotedString') && first.image === '""') problems.push(parseError(source, first, EMPTY_DEVICE_MESSAGE));
      }
    }
  }
  if (!declared && !hooked) {
    problems.push(parseError(source, name, `missing hook and priority in flowtable declaration (flowtable ${describeActual(name)} is new: write "hook ingress priority …")`));
  }
  return problems;
}
