import { type IToken, tokenMatcher } from 'chevrotain';
import type { Diagnostic, SourceSpan } from '../../src/ir.js';
import { type Atom, type Group, isGroup } from './ast.js';
import { AnyWord } from './tokens.js';

/**
 * One file being interpreted: its name and text, for spans and rule texts. Tokens carry only
 * offsets (full position tracking doubles the lexer's cost), so lines and columns are looked up
 * here, in a table of line starts built on first use.
 */
export class SourceFile {
  private lineStarts: number[] | undefined;
  /** Spans are mostly asked for in file order, so the previous answer is usually right again. */
  private lastLine = 0;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  /** The 0-based line holding `offset`. */
  private lineIndex(offset: number): number {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    const last = this.lastLine;
    if (starts[last]! <= offset && (last + 1 >= starts.length || offset < starts[last + 1]!)) return last;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    this.lastLine = low;
    return low;
  }

  /** The span from the character at `startOffset` to the one at `endOffset`, inclusive. */
  span(startOffset: number, endOffset: number): SourceSpan {
    const startLine = this.lineIndex(startOffset);
    const column = startOffset - this.lineStarts![startLine]! + 1;
    const endLine = this.lineIndex(endOffset);
    const endColumn = endOffset - this.lineStarts![endLine]! + 2;
    return { file: this.path, line: startLine + 1, column, endLine: endLine + 1, endColumn };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Offset of a token's last character; the lexer records only where tokens start. */
export function endOffsetOf(token: IToken): number {
  return token.endOffset ?? token.startOffset + token.image.length - 1;
}

export function tokenSpan(source: SourceFile, token: IToken): SourceSpan {
  return source.span(token.startOffset, endOffsetOf(token));
}

export function firstToken(atom: Atom): IToken {
  return isGroup(atom) ? atom.open : atom;
}

export function lastToken(atom: Atom): IToken {
  return isGroup(atom) ? atom.close : atom;
}

export function atomsSpan(source: SourceFile, first: Atom, last: Atom): SourceSpan {
  return source.span(firstToken(first).startOffset, endOffsetOf(lastToken(last)));
}

/** The source text between two atoms, on one line with whitespace collapsed. */
export function atomsText(source: SourceFile, first: Atom, last: Atom): string {
  const start = firstToken(first).startOffset;
  const end = endOffsetOf(lastToken(last)) + 1;
  const text = source.text.slice(start, end);
  // Most rules are one line with single spaces: skip the regex for them.
  if (text.indexOf('  ') < 0 && text.indexOf('\n') < 0 && text.indexOf('\t') < 0 && text.indexOf('\\') < 0) return text;
  return text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

export function parseError(source: SourceFile, token: IToken, message: string): Diagnostic {
  return { ruleId: 'parse-error', severity: 'error', message, span: tokenSpan(source, token) };
}

export function isWord(atom: Atom | undefined, image?: string): atom is IToken {
  if (atom === undefined || isGroup(atom)) return false;
  return tokenMatcher(atom, AnyWord) && (image === undefined || atom.image === image);
}

export function isToken(atom: Atom | undefined, typeName: string): atom is IToken {
  return atom !== undefined && !isGroup(atom) && atom.tokenType.name === typeName;
}

export function isSeparator(atom: Atom): boolean {
  return !isGroup(atom) && (atom.tokenType.name === 'Newline' || atom.tokenType.name === 'Semi');
}

export function unquote(image: string): string {
  return image.length >= 2 && image.startsWith('"') && image.endsWith('"') ? image.slice(1, -1) : image;
}

/** Splits a group's items at top-level commas, dropping the separators nft allows inside. */
export function splitElements(group: Group): Atom[][] {
  const elements: Atom[][] = [];
  let current: Atom[] = [];
  for (const item of group.items) {
    if (isToken(item, 'Comma')) {
      if (current.length > 0) elements.push(current);
      current = [];
    } else if (!isSeparator(item)) current.push(item);
  }
  if (current.length > 0) elements.push(current);
  return elements;
}

/** A map element's data: what follows its top-level `:` (nothing for a set element). */
export function mappingData(element: Atom[]): Atom[] {
  const colon = element.findIndex((a) => isToken(a, 'Colon'));
  return colon < 0 ? [] : element.slice(colon + 1);
}

/** Splits at top-level tokens of the given type (`.` for concatenations). */
export function splitOn(atoms: Atom[], typeName: string): Atom[][] {
  const parts: Atom[][] = [[]];
  for (const atom of atoms) {
    if (isToken(atom, typeName)) parts.push([]);
    else parts[parts.length - 1]!.push(atom);
  }
  return parts;
}
