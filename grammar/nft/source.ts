import { type IToken, tokenMatcher } from 'chevrotain';
import type { Diagnostic, SourceSpan } from '../../src/ir.js';
import { type Atom, type Group, isGroup } from './ast.js';
import { AnyWord } from './tokens.js';

/** One file being interpreted: its name and text, for spans and rule texts. */
export interface SourceFile {
  path: string;
  text: string;
}

export function tokenSpan(file: string, token: IToken): SourceSpan {
  return {
    file,
    line: token.startLine ?? 1,
    column: token.startColumn ?? 1,
    endLine: token.endLine ?? token.startLine ?? 1,
    endColumn: (token.endColumn ?? token.startColumn ?? 0) + 1,
  };
}

export function firstToken(atom: Atom): IToken {
  return isGroup(atom) ? atom.open : atom;
}

export function lastToken(atom: Atom): IToken {
  return isGroup(atom) ? atom.close : atom;
}

export function atomsSpan(file: string, first: Atom, last: Atom): SourceSpan {
  const start = firstToken(first);
  const end = lastToken(last);
  return {
    file,
    line: start.startLine ?? 1,
    column: start.startColumn ?? 1,
    endLine: end.endLine ?? end.startLine ?? 1,
    endColumn: (end.endColumn ?? end.startColumn ?? 0) + 1,
  };
}

/** The source text between two atoms, on one line with whitespace collapsed. */
export function atomsText(source: SourceFile, first: Atom, last: Atom): string {
  const start = firstToken(first).startOffset;
  const end = (lastToken(last).endOffset ?? start) + 1;
  const text = source.text.slice(start, end);
  // Most rules are one line with single spaces: skip the regex for them.
  if (text.indexOf('  ') < 0 && text.indexOf('\n') < 0 && text.indexOf('\t') < 0 && text.indexOf('\\') < 0) return text;
  return text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

export function parseError(file: string, token: IToken, message: string): Diagnostic {
  return { ruleId: 'parse-error', severity: 'error', message, span: tokenSpan(file, token) };
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

/** Splits at top-level tokens of the given type (`.` for concatenations). */
export function splitOn(atoms: Atom[], typeName: string): Atom[][] {
  const parts: Atom[][] = [[]];
  for (const atom of atoms) {
    if (isToken(atom, typeName)) parts.push([]);
    else parts[parts.length - 1]!.push(atom);
  }
  return parts;
}
