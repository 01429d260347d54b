import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../src/ir.js';
import { parseError, type SourceFile } from './source.js';

/** Statements whose `{` opens a block of lines, not a set of values (after an optional verb). */
const BLOCK_OBJECTS: ReadonlySet<string> = new Set([
  'table', 'chain', 'set', 'map', 'flowtable', 'counter', 'quota', 'limit', 'ct', 'secmark', 'synproxy', 'meter',
]);
const VERBS: ReadonlySet<string> = new Set(['add', 'create', 'insert', 'replace', 'delete', 'destroy', 'flush', 'list', 'reset']);
/** `jump { … }` and `goto { … }` open an anonymous chain. */
const CHAIN_OPENERS: ReadonlySet<string> = new Set(['jump', 'goto']);
/** Words that end a rule; inside a set of values they can only be map data, after `:`. */
const VERDICT_WORDS: ReadonlySet<string> = new Set(['accept', 'drop', 'reject', 'jump', 'goto', 'return', 'queue', 'continue']);

interface OpenBrace {
  token: IToken;
  holdsValues: boolean;
  /** Column of the first token on the line of the `{`: where its `}` is expected to line up. */
  indent: number;
}

function isSeparatorToken(token: IToken): boolean {
  const name = token.tokenType.name;
  return name === 'Newline' || name === 'Semi';
}

/** The first token of the statement that `index` is in, at the same brace depth. */
function statementStart(tokens: IToken[], index: number): number {
  let start = index;
  while (start > 0) {
    const before = tokens[start - 1]!;
    if (isSeparatorToken(before) || before.tokenType.name === 'LBrace' || before.tokenType.name === 'RBrace') break;
    start--;
  }
  return start;
}

function opensBlock(tokens: IToken[], index: number): boolean {
  const previous = tokens[index - 1];
  if (previous !== undefined && CHAIN_OPENERS.has(previous.image)) return true;
  let first = statementStart(tokens, index);
  if (VERBS.has(tokens[first]?.image ?? '')) first++;
  const head = tokens[first]?.image ?? '';
  // `add element … { … }` and `add rule … { … }` hold values; the block objects do not. A rule
  // may start with `ct` too (`ct state { … }`): `ct helper NAME {` has a name between.
  if (head === 'ct') return index - first === 3;
  return first < index && BLOCK_OBJECTS.has(head);
}

function lineIndent(source: SourceFile, tokens: IToken[], index: number): number {
  let first = index;
  while (first > 0 && tokens[first - 1]!.tokenType.name !== 'Newline') first--;
  return source.span(tokens[first]!.startOffset, tokens[first]!.startOffset).column;
}

/**
 * Explains a file that ended inside braces. nft stops at the first word that cannot be a set
 * element (a verdict after `{ 22, 80`), so that is reported where nft reports it; failing that,
 * the message names the `{` that was most likely left open, since "end of file" alone does not
 * say where to look.
 */
export type UnclosedDiagnosis = { kind: 'element'; diagnostic: Diagnostic } | { kind: 'opened'; where: string };

export function diagnoseUnclosed(source: SourceFile, tokens: IToken[]): UnclosedDiagnosis | undefined {
  const stack: OpenBrace[] = [];
  let misaligned: IToken | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const name = token.tokenType.name;
    const top = stack[stack.length - 1];
    if (name === 'LBrace') {
      stack.push({ token, holdsValues: top?.holdsValues === true || !opensBlock(tokens, i), indent: lineIndent(source, tokens, i) });
    } else if (name === 'RBrace') {
      const closed = stack.pop();
      const startsLine = i === 0 || tokens[i - 1]!.tokenType.name === 'Newline';
      const column = source.span(token.startOffset, token.startOffset).column;
      if (closed !== undefined && startsLine && column < closed.indent) misaligned ??= closed.token;
    } else if (top?.holdsValues === true && VERDICT_WORDS.has(token.image) && tokens[i - 1]?.tokenType.name !== 'Colon') {
      return { kind: 'element', diagnostic: parseError(source, token, `syntax error, unexpected ${token.image}, expecting comma or "}"`) };
    }
  }
  const unclosed = misaligned ?? stack[stack.length - 1]?.token;
  if (unclosed === undefined) return undefined;
  const at = source.span(unclosed.startOffset, unclosed.startOffset);
  return { kind: 'opened', where: `unclosed "{" opened at ${at.line}:${at.column}` };
}
