import { createToken, Lexer } from 'chevrotain';

/**
 * Tokens of one restore line, split the way iptables-restore's `add_param_to_argv` does:
 * blanks separate words, only double quotes quote, a backslash escapes inside quotes only, and a
 * closing quote always ends the word (`a"b c"d` is two words, `ab c` and `d`).
 */

const Blank = createToken({ name: 'Blank', pattern: /[ \t\n]+/, group: Lexer.SKIPPED });

/** `[pkts:bytes]`, written by `iptables-save -c` in front of a rule and after a chain line. */
export const Counters = createToken({ name: 'Counters', pattern: /\[\d+:\d+\](?![^ \t\n])/ });

/** A lone `!`: `!x` is an ordinary word for getopt. */
export const Bang = createToken({ name: 'Bang', pattern: /!(?![^ \t\n])/ });

export const Word = createToken({ name: 'Word', pattern: Lexer.NA });

export const QuotedWord = createToken({
  name: 'QuotedWord',
  pattern: /[^ \t\n"]*"(?:[^"\\]|\\[^])*"/,
  categories: [Word],
});

/**
 * iptables-restore lets a quote run to the end of the line when it is never closed. Tried after
 * QuotedWord, so there is no closing quote left and the repetition runs to the end.
 */
export const UnclosedQuotedWord = createToken({
  name: 'UnclosedQuotedWord',
  pattern: /[^ \t\n"]*"(?:[^"\\]|\\[^])*/,
  categories: [Word],
});

export const BareWord = createToken({ name: 'BareWord', pattern: /[^ \t\n"]+/, categories: [Word] });

export const allTokens = [Blank, Counters, Bang, QuotedWord, UnclosedQuotedWord, BareWord, Word];

export const lineLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

/** The argument value iptables sees: quotes removed, escapes inside quotes resolved. */
export function unquote(raw: string): string {
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
