import { createToken, Lexer, type CustomPatternMatcherReturn } from 'chevrotain';

/**
 * The words of one restore line, split the way iptables-restore's `add_param_to_argv` does:
 * blanks (space, tab) separate words, only double quotes quote, a backslash escapes inside quotes
 * only, and a closing quote always ends the word (`a"b c"d` is two words, `ab c` and `d`). A quote
 * never closed runs to the end of the line.
 */

/** One argument as iptables sees it, with where it was written (0-based offsets in the line). */
export interface Arg {
  /** The value after quote removal. */
  value: string;
  /** The text as written. */
  raw: string;
  start: number;
  end: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE;
}

/** Past the closing quote; an unclosed quote stops before a backslash that escapes nothing. */
function quotedEnd(text: string, start: number): number {
  const length = text.length;
  let i = start;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i + 1;
    if (code === BACKSLASH) {
      if (i + 1 === length) return i;
      i += 2;
    } else i++;
  }
  return length;
}

/**
 * A word in one pass (a custom matcher: the regex alternatives a quoted word needs would be tried
 * one after another on every word of a 100k-rule dump).
 */
function matchWord(text: string, offset: number): CustomPatternMatcherReturn | null {
  const length = text.length;
  let i = offset;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isBlank(code)) break;
    if (code === QUOTE) {
      i = quotedEnd(text, i + 1);
      break;
    }
    i++;
  }
  return i === offset ? null : [text.slice(offset, i)];
}

const Blank = createToken({ name: 'Blank', pattern: /[ \t\n]+/, group: Lexer.SKIPPED });

/** `[pkts:bytes]`, written by `iptables-save -c` in front of a rule and after a chain line. */
export const Counters = createToken({ name: 'Counters', pattern: /\[\d+:\d+\](?![^ \t\n])/ });

/** A lone `!` negates the next option; `!x` is an ordinary word for getopt. */
export const Bang = createToken({ name: 'Bang', pattern: /!(?![^ \t\n])/ });

export const Word = createToken({ name: 'Word', pattern: { exec: matchWord }, line_breaks: false });

export const allTokens = [Blank, Counters, Bang, Word];

export const lineLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

/** The argument value iptables sees: quotes removed, escapes inside quotes resolved. */
export function unquote(raw: string): string {
  if (!raw.includes('"')) return raw;
  let value = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '"') quoted = !quoted;
    else if (quoted && ch === '\\' && i + 1 < raw.length) value += raw[++i];
    else value += ch;
  }
  return value;
}
