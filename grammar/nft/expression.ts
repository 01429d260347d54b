import { type Atom, isGroup } from './ast.js';
import type { MapUse } from './checks/map-uses.js';
import type { Cursor } from './cursor.js';
import { readSelector, type Selector } from './selectors.js';
import { isToken } from './source.js';

/** `&`/`and` and the other binary operators that may follow a selector. */
const BINOP_TOKENS = new Set(['Amp', 'Pipe', 'Caret', 'ShiftLeft', 'ShiftRight']);
const BINOP_WORDS = new Set(['and', 'or', 'xor', 'lshift', 'rshift']);

export interface Binop {
  op: string;
  operand: Atom[];
}

/** A selector, or a concatenation of selectors, each with the binary operations applied to it. */
export interface Lhs {
  parts: { selector: Selector; binops: Binop[] }[];
  start: number;
}

const VALUE_TOKENS = new Set(['QuotedString', 'Number', 'IPv4Word', 'ColonWord', 'TimeWord', 'Star']);

/** Reads `( … )` with balanced parentheses; the cursor is on `(`. */
function readParenthesised(c: Cursor): Atom[] | undefined {
  const start = c.index;
  let depth = 0;
  while (!c.done()) {
    const atom = c.next();
    if (isToken(atom, 'LParen')) depth++;
    else if (isToken(atom, 'RParen') && --depth === 0) return c.atoms.slice(start, c.index) as Atom[];
  }
  c.index = start;
  return undefined;
}

/** One value: a word, number, string, address, group, `@set`, `(…)` or negative number. */
export function readPrimary(c: Cursor, out: Atom[]): boolean {
  const atom = c.peek();
  if (atom === undefined) return false;
  if (isGroup(atom)) {
    out.push(c.next());
    return true;
  }
  const typeName = atom.tokenType.name;
  if (typeName === 'LParen') {
    const inner = readParenthesised(c);
    if (inner === undefined) return false;
    out.push(...inner);
    return true;
  }
  if (typeName === 'At' || (typeName === 'Dash' && c.isType('Number', 1))) {
    if (c.peek(1) === undefined) return false;
    out.push(c.next(), c.next());
    return true;
  }
  if (VALUE_TOKENS.has(typeName) || c.word() !== undefined) {
    out.push(c.next());
    return true;
  }
  return false;
}

const RHS_JOINERS = new Set(['Slash', 'Dash', 'Comma', 'Dot', 'Pipe']);

/** A right-hand side: primaries joined by `/ - , . |`. Empty when there is no value. */
export function readRhs(c: Cursor): Atom[] {
  const out: Atom[] = [];
  if (!readPrimary(c, out)) return out;
  while (!c.done()) {
    const joiner = c.peek()!;
    if (isGroup(joiner) || !RHS_JOINERS.has(joiner.tokenType.name)) break;
    const save = c.index;
    c.index++;
    out.push(joiner);
    // readPrimary adds nothing when it fails.
    if (!readPrimary(c, out)) {
      out.pop();
      c.index = save;
      break;
    }
  }
  return out;
}

function readBinops(c: Cursor): Binop[] {
  const binops: Binop[] = [];
  for (;;) {
    const atom = c.peek();
    const isOp =
      (atom !== undefined && !isGroup(atom) && BINOP_TOKENS.has(atom.tokenType.name)) ||
      (c.word() !== undefined && BINOP_WORDS.has(c.word()!));
    if (!isOp) return binops;
    const save = c.index;
    const op = (c.next() as { image: string }).image;
    const operand: Atom[] = [];
    const operandStart = c.index;
    if (readSelector(c) !== undefined) operand.push(...c.atoms.slice(operandStart, c.index));
    else if (!readPrimary(c, operand)) {
      c.index = save;
      return binops;
    }
    binops.push({ op, operand });
  }
}

/** A constant inside a concatenation (`ip saddr . "lo" @s`): a part with no field. */
function readConstantPart(c: Cursor): Selector | undefined {
  const start = c.index;
  const atom = c.peek();
  if (atom === undefined || isGroup(atom) || !readPrimary(c, [])) return undefined;
  return { key: atom.image, head: 'constant', nondeterministic: false, start: c.atoms[start]!, end: c.last() };
}

/** Reads a selector expression (`ip saddr`, `meta mark & 0xff`, `ip saddr . tcp dport`). */
export function readLhs(c: Cursor): Lhs | undefined {
  const start = c.index;
  const first = readSelector(c);
  if (first === undefined) return undefined;
  const parts = [{ selector: first, binops: readBinops(c) }];
  while (c.isType('Dot')) {
    const save = c.index;
    c.index++;
    const next = readSelector(c) ?? readConstantPart(c);
    if (next === undefined) {
      c.index = save;
      break;
    }
    parts.push({ selector: next, binops: readBinops(c) });
  }
  return { parts, start };
}

/**
 * The value of a `set` statement or of `to`/`device` arguments: a selector expression (optionally
 * mapped with `map { … }`/`map @m`) or a plain value. A mapping is added to `maps`, for the checks
 * that need the lookup's key.
 */
export function readExpression(c: Cursor, maps?: MapUse[], objects = false): boolean {
  const lhs = readLhs(c);
  if (lhs === undefined) {
    if (readRhs(c).length === 0) return false;
    readBinops(c);
  }
  if (c.accept('map') !== undefined) {
    const table: Atom[] = [];
    readPrimary(c, table);
    maps?.push({ table, keyParts: lhs?.parts.length ?? 1, objects });
  }
  return true;
}
