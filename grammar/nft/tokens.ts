import { createToken, Lexer, type CustomPatternMatcherReturn, type ILexingResult, type TokenType } from 'chevrotain';

/**
 * Tokens of the nft language. Every bare word is a `Word` unless it is one of the few keywords
 * the block structure branches on; those are words retyped after lexing (see `lexNft`), with the
 * `AnyWord` category, so `filter`, `input` or `state` stay ordinary words and keywords remain
 * usable wherever a word is (names are checked against the global keyword list afterwards).
 */

export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
/** Everything that may appear inside a rule or a value: all tokens but separators and braces. */
export const Atom = createToken({ name: 'Atom', pattern: Lexer.NA });
export const Separator = createToken({ name: 'Separator', pattern: Lexer.NA });
export const FamilyWord = createToken({ name: 'FamilyWord', pattern: Lexer.NA, categories: [AnyWord, Atom] });

export const CarriageReturn = createToken({ name: 'CarriageReturn', pattern: /\r/ });
const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
const Continuation = createToken({
  name: 'Continuation',
  pattern: /\\\n/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true, categories: [Separator] });
export const Semi = createToken({ name: 'Semi', pattern: /;/, categories: [Separator] });
export const QuotedString = createToken({
  name: 'QuotedString',
  pattern: /"[^"]*"/,
  line_breaks: true,
  categories: [Atom],
});

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const BRACKETED = /\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\]/y;
const CLASSID_FOLLOWERS = new Set([' ', '\t', '\n', '\r', ':', '-', '}', ',', ';', undefined]);

function isAddressShaped(word: string, follower: string | undefined): boolean {
  if (word.startsWith('.') || word.endsWith('.')) return false;
  if (word.includes('::')) return !word.includes(':::');
  const groups = word.split(':');
  if (groups.length === 2) {
    // A tc classid such as `1:10`; nft only takes it when a delimiter follows, so `80:accept` splits.
    return HEX_GROUP.test(groups[0]!) && HEX_GROUP.test(groups[1]!) && CLASSID_FOLLOWERS.has(follower);
  }
  const last = groups.length - 1;
  return groups.every((g, i) => HEX_GROUP.test(g) || (i === last && i >= 6 && /^\d+\.\d+\.\d+\.\d+$/.test(g)));
}

function isHexOrDot(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70) || code === 46;
}

/**
 * IPv6 addresses (bare or in brackets), MAC addresses and classids: one word, as nft lexes them.
 * Scans by hand because this runs before every token starting with a hex digit (`accept`, `drop`,
 * `22` …) and nearly all of those contain no colon.
 */
function matchColonWord(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) === 91 /* [ */) {
    BRACKETED.lastIndex = offset;
    const found = BRACKETED.exec(text);
    return found === null ? null : ([found[0]] as CustomPatternMatcherReturn);
  }
  let end = offset;
  let colons = 0;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (code === 58) colons++;
    else if (!isHexOrDot(code)) break;
  }
  if (colons === 0) return null;
  let word = text.slice(offset, end);
  if (word.endsWith(':') && !word.endsWith('::')) word = word.slice(0, -1);
  if (!word.includes(':') || !isAddressShaped(word, text[offset + word.length])) return null;
  return [word] as CustomPatternMatcherReturn;
}

export const ColonWord = createToken({
  name: 'ColonWord',
  pattern: matchColonWord,
  line_breaks: false,
  start_chars_hint: [...'0123456789abcdefABCDEF:['],
  categories: [Atom],
});
export const IPv4Word = createToken({ name: 'IPv4Word', pattern: /\d+\.\d+\.\d+\.\d+/, categories: [Atom] });
/** `1h30m`, `10s`, `250ms`: time strings are words in nft. */
export const TimeWord = createToken({
  name: 'TimeWord',
  pattern: /\d+(?:ms|[dhms])(?:\d+(?:ms|[dhms]))*(?![A-Za-z0-9_])/,
  categories: [Atom],
});
const VlanWord = createToken({ name: 'VlanWord', pattern: /8021(?:q|ad)(?![A-Za-z0-9_])/, categories: [AnyWord, Atom] });
export const NumberTok = createToken({ name: 'Number', pattern: /0[xX][0-9a-fA-F]+|\d+/, categories: [Atom] });

/** A bare word: letters, digits, `_ - . /`, optionally ending in `*` (interface wildcard). */
export const Word = createToken({
  name: 'Word',
  pattern: /(?:[A-Za-z_]|\.(?=[A-Za-z0-9_]))[A-Za-z0-9/\-_.]*(?:\\?\*)?/,
  categories: [AnyWord, Atom],
});

/** Keywords are lexed as words and retyped by `lexNft`, so they have no pattern of their own. */
function keyword(image: string, extraCategories: TokenType[] = []): TokenType {
  return createToken({ name: `Kw_${image}`, pattern: Lexer.NA, categories: [AnyWord, Atom, ...extraCategories] });
}

export const Kw = {
  table: keyword('table'),
  chain: keyword('chain'),
  set: keyword('set'),
  map: keyword('map'),
  flowtable: keyword('flowtable'),
  element: keyword('element'),
  elements: keyword('elements'),
  rule: keyword('rule'),
  ruleset: keyword('ruleset'),
  include: keyword('include'),
  define: keyword('define'),
  redefine: keyword('redefine'),
  undefine: keyword('undefine'),
  add: keyword('add'),
  create: keyword('create'),
  insert: keyword('insert'),
  replace: keyword('replace'),
  delete: keyword('delete'),
  destroy: keyword('destroy'),
  flush: keyword('flush'),
  rename: keyword('rename'),
  list: keyword('list'),
  reset: keyword('reset'),
  get: keyword('get'),
  monitor: keyword('monitor'),
  describe: keyword('describe'),
  import: keyword('import'),
  export: keyword('export'),
  counter: keyword('counter'),
  quota: keyword('quota'),
  limit: keyword('limit'),
  ct: keyword('ct'),
  secmark: keyword('secmark'),
  synproxy: keyword('synproxy'),
  tunnel: keyword('tunnel'),
  ip: keyword('ip', [FamilyWord]),
  ip6: keyword('ip6', [FamilyWord]),
  inet: keyword('inet', [FamilyWord]),
  arp: keyword('arp', [FamilyWord]),
  bridge: keyword('bridge', [FamilyWord]),
  netdev: keyword('netdev', [FamilyWord]),
} as const;

export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Assign = createToken({ name: 'Assign', pattern: /=/, categories: [Atom] });
export const Dollar = createToken({ name: 'Dollar', pattern: /\$/, categories: [Atom] });

function punct(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, categories: [Atom] });
}

/** Longer operators first: Chevrotain takes the first pattern that matches, not the longest. */
const PUNCTUATION = [
  punct('EqEq', /==/),
  punct('NotEq', /!=/),
  punct('LessEq', /<=/),
  punct('GreaterEq', />=/),
  punct('ShiftLeft', /<</),
  punct('ShiftRight', />>/),
  punct('Less', /</),
  punct('Greater', />/),
  Assign,
  punct('Bang', /!/),
  punct('LBracket', /\[/),
  punct('RBracket', /\]/),
  punct('LParen', /\(/),
  punct('RParen', /\)/),
  punct('Comma', /,/),
  punct('Colon', /:/),
  punct('Slash', /\//),
  punct('Dash', /-/),
  punct('Plus', /\+/),
  punct('Star', /\*/),
  punct('At', /@/),
  Dollar,
  punct('Amp', /&/),
  punct('Pipe', /\|/),
  punct('Caret', /\^/),
  punct('Dot', /\./),
  punct('Backslash', /\\/),
];

/** Each keyword type by its image (the type is named `Kw_<image>`). */
const KEYWORDS: ReadonlyMap<string, TokenType> = new Map(Object.values(Kw).map((type) => [type.name.slice(3), type]));

/** The parser's vocabulary. */
export const ALL_TOKENS: TokenType[] = [
  CarriageReturn,
  Whitespace,
  Continuation,
  Comment,
  Newline,
  Semi,
  QuotedString,
  ColonWord,
  IPv4Word,
  TimeWord,
  VlanWord,
  NumberTok,
  ...Object.values(Kw),
  Word,
  LBrace,
  RBrace,
  ...PUNCTUATION,
  AnyWord,
  Atom,
  Separator,
  FamilyWord,
];

/**
 * Tokens carry offsets only (`SourceFile` finds lines and columns): full position tracking
 * doubled the lexer's cost.
 */
const nftLexer = new Lexer(ALL_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/**
 * Lexes, then retypes words that are keywords. A pattern per keyword, with `Word` as its longer
 * alternative, made every word starting with a keyword's letter cost several regex runs; a word
 * is a keyword exactly when its whole image is one, which is what that rule decided.
 */
export function lexNft(text: string): ILexingResult {
  const lexed = nftLexer.tokenize(text);
  for (const token of lexed.tokens) {
    if (token.tokenType !== Word) continue;
    const keyword = KEYWORDS.get(token.image);
    if (keyword === undefined) continue;
    token.tokenType = keyword;
    token.tokenTypeIdx = keyword.tokenTypeIdx!;
  }
  return lexed;
}
