import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../src/ir.js';
import type { Atom, BodyItem, TopItem } from './ast.js';
import { describeActual } from './errors.js';
import { nftParser } from './parser.js';
import { parseError, type SourceFile } from './source.js';
import { lexNft } from './tokens.js';
import { diagnoseUnclosed } from './unclosed.js';

/** Where a file's text is parsed: a whole file, or an include inside a table or chain block. */
export type ParseMode = 'file' | 'table' | 'chain';

export type Parsed<M extends ParseMode> = M extends 'file' ? TopItem[] : BodyItem[];

/** After this many errors in one file the rest is not worth reporting. */
const MAX_ERRORS_PER_FILE = 10;

function lex(source: SourceFile, diagnostics: Diagnostic[]): IToken[] {
  const lexed = lexNft(source.text);
  for (const error of lexed.errors.slice(0, MAX_ERRORS_PER_FILE)) {
    const junk = source.text.slice(error.offset, error.offset + Math.min(error.length, 20));
    const at = source.span(error.offset, error.offset);
    diagnostics.push({
      ruleId: 'parse-error',
      severity: 'error',
      message: `syntax error, unexpected junk "${junk}"`,
      span: { ...at, endLine: at.line, endColumn: at.column + error.length },
    });
  }
  const tokens = lexed.tokens;
  // A text search is far cheaper than looking at every token, and nearly every file has no CR.
  if (!source.text.includes('\r')) return tokens;
  const cr = tokens.find((t) => t.tokenType.name === 'CarriageReturn');
  if (cr === undefined) return tokens;
  diagnostics.push(
    parseError(source, cr, 'syntax error, unexpected junk: CRLF line terminators are not accepted by nft (convert the file to LF line endings)'),
  );
  return tokens.filter((t) => t.tokenType.name !== 'CarriageReturn');
}

function isNewline(token: IToken | undefined): boolean {
  return token?.tokenType.name === 'Newline';
}

/**
 * The tokens of the offending line, so parsing can resume after it. Undefined when removing the
 * line would unbalance braces, since whatever follows would then be misread (errors would cascade).
 */
function lineAround(tokens: IToken[], index: number): [number, number] | undefined {
  let start = index;
  while (start > 0 && !isNewline(tokens[start - 1])) start--;
  let end = index;
  while (end < tokens.length && !isNewline(tokens[end])) end++;
  if (isNewline(tokens[index])) {
    end = index;
    start = index;
    while (start > 0 && !isNewline(tokens[start - 1])) start--;
  }
  let depth = 0;
  for (let i = start; i < end; i++) {
    const name = tokens[i]!.tokenType.name;
    if (name === 'LBrace') depth++;
    else if (name === 'RBrace') depth--;
  }
  return depth === 0 && end > start ? [start, end] : undefined;
}

/** Located where nft puts it: just past the last character of the file. */
function endOfFileError(source: SourceFile, message: string): Diagnostic {
  const lines = source.text.split('\n');
  const line = lines.length;
  const column = lines[line - 1]!.length + 1;
  return { ruleId: 'parse-error', severity: 'error', message, span: { file: source.path, line, column, endLine: line, endColumn: column } };
}

/**
 * Lexes and parses one file. On a syntax error the offending line is reported, dropped, and the
 * file parsed again, so several independent mistakes are reported in one run.
 */
export function parseSource<M extends ParseMode>(source: SourceFile, mode: M, diagnostics: Diagnostic[]): Parsed<M> {
  let tokens = lex(source, diagnostics);
  const parser = nftParser();
  for (let attempt = 0; attempt < MAX_ERRORS_PER_FILE; attempt++) {
    parser.input = tokens;
    const result = mode === 'file' ? parser.file() : mode === 'table' ? parser.tableContent() : parser.chainContent();
    const error = parser.errors[0];
    // The singleton would otherwise keep the whole token array alive until the next file.
    parser.input = [];
    if (error === undefined) return result as Parsed<M>;
    if (error.token.tokenType.name === 'EOF') {
      const message = error.message.replace(describeActual(error.token), 'end of file');
      const diagnosis = diagnoseUnclosed(source, tokens);
      if (diagnosis?.kind === 'element') diagnostics.push(diagnosis.diagnostic);
      else diagnostics.push(endOfFileError(source, diagnosis === undefined ? message : `${message}; ${diagnosis.where}`));
      break;
    }
    diagnostics.push(parseError(source, error.token, error.message));
    const index = tokens.indexOf(error.token);
    const line = index < 0 ? undefined : lineAround(tokens, index);
    if (line === undefined) break;
    tokens = [...tokens.slice(0, line[0]), ...tokens.slice(line[1])];
  }
  return [] as Parsed<M>;
}

/** Parses `nft -D name=value` text as a value. */
export function parseDefineValue(text: string): Atom[] | undefined {
  const lexed = lexNft(text);
  if (lexed.errors.length > 0) return undefined;
  const parser = nftParser();
  parser.input = lexed.tokens;
  const atoms = parser.atomsRequired();
  const ok = parser.errors.length === 0;
  parser.input = [];
  return ok ? atoms : undefined;
}
