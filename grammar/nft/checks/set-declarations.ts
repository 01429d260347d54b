import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../../src/ir.js';
import { type Atom, isGroup } from '../ast.js';
import { describeActual } from '../errors.js';
import { isToken, isWord, parseError, type SourceFile, splitOn } from '../source.js';

/** What one `set s { … }`/`map m { … }` block declares, as far as the kernel compares it. */
export interface SetBlockShape {
  kind: 'set' | 'map';
  /** `type` or `typeof`; undefined when the block names no key. */
  keyForm?: 'type' | 'typeof';
  /** The key's datatype names without blanks (`ipv4_addr.inet_service`), for the `type` form. */
  keyTypes?: string;
  dataTypes?: string;
  /** How many values the key concatenates. */
  keyParts?: number;
  /** The words of the block's last `flags` line: each one replaces the flags before it. */
  flagWords: string[];
  /** A `timeout` line, which adds the timeout flag wherever it stands. */
  timeout: boolean;
}

export function emptyShape(kind: 'set' | 'map'): SetBlockShape {
  return { kind, flagWords: [], timeout: false };
}

function typeNames(atoms: readonly Atom[]): string {
  return splitOn([...atoms], 'Dot')
    .map((part) => part.map((a) => (isWord(a) ? a.image : '?')).join(' '))
    .join('.');
}

/** Notes what a line of the block declares. */
export function observeSetLine(shape: SetBlockShape, atoms: readonly Atom[]): void {
  const head = atoms[0];
  if (isWord(head, 'type') || isWord(head, 'typeof')) {
    shape.keyForm = head.image as 'type' | 'typeof';
    const colon = atoms.findIndex((a) => isToken(a, 'Colon'));
    shape.keyParts = splitOn(atoms.slice(1, colon < 0 ? undefined : colon), 'Dot').length;
    if (head.image === 'type') {
      shape.keyTypes = typeNames(atoms.slice(1, colon < 0 ? undefined : colon));
      shape.dataTypes = colon < 0 ? undefined : typeNames(atoms.slice(colon + 1));
    }
  } else if (isWord(head, 'flags')) {
    shape.flagWords = atoms.slice(1).flatMap((a) => (isWord(a) ? [a.image] : []));
  } else if (isWord(head, 'timeout')) {
    shape.timeout = true;
  }
}

/** The flags a block asks the kernel for. */
function flagList(shape: SetBlockShape): string {
  const flags = new Set(shape.flagWords);
  if (shape.timeout) flags.add('timeout');
  return flags.size === 0 ? 'none' : [...flags].sort().join(', ');
}

/**
 * What nft or the kernel refuses in a set block: every block must name the key (nft evaluates
 * each block as a declaration of its own), and a block repeating an existing set must declare the
 * same thing: the kernel answers a NEWSET for an existing set whose kind (set, map, object map),
 * key or data types or flags differ with EEXIST. Key types written with `typeof` are compared only
 * by nft's evaluation of them, which is not modelled: they are left alone.
 */
export function setBlockProblems(name: IToken, shape: SetBlockShape, first: SetBlockShape | undefined, source: SourceFile): Diagnostic[] {
  const kind = shape.kind;
  if (shape.keyForm === undefined) return [parseError(source, name, `${kind} definition does not specify key`)];
  if (first === undefined) return [];
  if (first.kind !== kind) {
    return [parseError(source, name, `Cannot merge ${kind} with incompatible existing ${first.kind} of same name (${first.kind} "${name.image}" is declared earlier)`)];
  }
  for (const [what, earlier, now] of [['key', first.keyTypes, shape.keyTypes], ['data', first.dataTypes, shape.dataTypes]] as const) {
    if (earlier !== undefined && now !== undefined && earlier !== now) {
      return [parseError(source, name, `${kind} already exists with different datatype (${what} ${earlier} vs ${now})`)];
    }
  }
  const earlierFlags = flagList(first);
  const flags = flagList(shape);
  if (earlierFlags !== flags) {
    const message = `Could not process rule: File exists (${kind} "${name.image}" was declared with flags ${earlierFlags}, this block asks for ${flags}: a block adding to an existing ${kind} must repeat its flags and timeout, and a later flags line replaces an earlier one)`;
    return [parseError(source, name, message)];
  }
  return [];
}

/** `ct` keys that name objects or statements, not values a key can hold. */
const NOT_CT_VALUES = new Set(['expectation', 'timeout', 'count']);

function notASelector(part: readonly Atom[]): Atom | undefined {
  const [first, second, third] = part;
  if (part.length === 1 && (isToken(first, 'Number') || isToken(first, 'QuotedString'))) return first;
  if (!isWord(first, 'ct')) return undefined;
  const key = isWord(second, 'original') || isWord(second, 'reply') ? third : second;
  return isWord(key) && NOT_CT_VALUES.has(key.image) ? key : undefined;
}

/**
 * `typeof` takes selectors only (nft's typeof_expr): a constant (`typeof ip saddr . 0`) or a ct
 * object keyword (`typeof ct saddr : ct expectation`) is a syntax error.
 */
export function typeofProblems(atoms: readonly Atom[], source: SourceFile): Diagnostic[] {
  if (!isWord(atoms[0], 'typeof')) return [];
  const problems: Diagnostic[] = [];
  for (const side of splitOn(atoms.slice(1), 'Colon')) {
    for (const part of splitOn(side, 'Dot')) {
      const bad = notASelector(part);
      if (bad !== undefined && !isGroup(bad)) problems.push(parseError(source, bad, `syntax error, unexpected ${describeActual(bad)}, expecting a selector (typeof takes expressions such as ip saddr or meta mark)`));
    }
  }
  return problems;
}
