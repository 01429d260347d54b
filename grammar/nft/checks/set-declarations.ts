import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../../src/ir.js';
import type { Atom } from '../ast.js';
import { describeActual } from '../errors.js';
import { firstToken, isToken, isWord, parseError, type SourceFile, splitOn } from '../source.js';

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

/** `ct` keys that name objects or statements: a map's data may name such objects, a key may not. */
const CT_OBJECTS = new Set(['expectation', 'timeout', 'count']);
/** `ct saddr` takes its type from the rule's network protocol, which a declaration has none of. */
const CT_ADDRESSES = new Set(['saddr', 'daddr']);

function notAKey(part: readonly Atom[]): { atom: Atom; message: string } | undefined {
  const [first, second, third] = part;
  if (part.length === 1 && (isToken(first, 'Number') || isToken(first, 'QuotedString'))) {
    return { atom: first, message: `syntax error, unexpected ${describeActual(first)}, expecting a selector (typeof takes expressions such as ip saddr or meta mark)` };
  }
  if (!isWord(first, 'ct')) return undefined;
  const key = isWord(second, 'original') || isWord(second, 'reply') ? third : second;
  if (!isWord(key)) return undefined;
  if (CT_OBJECTS.has(key.image)) return { atom: key, message: `syntax error, unexpected ${describeActual(key)}, expecting a selector (ct ${key.image} names objects, not a key)` };
  if (CT_ADDRESSES.has(key.image)) {
    return { atom: key, message: `unqualified type invalid specified in the key (write ct ip ${key.image} or ct ip6 ${key.image}: a declaration has no network protocol to take the type from)` };
  }
  return undefined;
}

/**
 * `typeof` takes selectors only (nft's typeof_expr): a constant (`typeof ip saddr . 0`) or a ct
 * object keyword in the key (`typeof ct timeout`) is a syntax error, and an unqualified `ct saddr`
 * has no type there.
 */
export function typeofProblems(atoms: readonly Atom[], source: SourceFile): Diagnostic[] {
  if (!isWord(atoms[0], 'typeof')) return [];
  const colon = atoms.findIndex((a) => isToken(a, 'Colon'));
  const key = atoms.slice(1, colon < 0 ? undefined : colon);
  const data = colon < 0 ? [] : atoms.slice(colon + 1);
  const problems: Diagnostic[] = [];
  for (const part of splitOn(key, 'Dot')) {
    const bad = notAKey(part);
    if (bad !== undefined) problems.push(parseError(source, firstToken(bad.atom), bad.message));
  }
  for (const part of splitOn(data, 'Dot')) {
    const [only] = part;
    if (part.length === 1 && (isToken(only, 'Number') || isToken(only, 'QuotedString'))) {
      problems.push(parseError(source, only, `syntax error, unexpected ${describeActual(only)}, expecting a selector (typeof takes expressions such as ip saddr or meta mark)`));
    }
  }
  return problems;
}
