import { CstParser, type CstNode, type IToken } from 'chevrotain';
import { allTokens, Bang, Counters, lineLexer, unquote, Word } from './tokens.js';

/**
 * The token-level grammar of the two line kinds that carry arguments:
 *
 *   ruleLine  := Counters? (Bang | Word | Counters)*
 *   chainLine := Word (Word (Counters)?)? (Bang | Word | Counters)*
 *
 * Everything past the shape (which option takes how many values, which module owns it) depends on
 * the modules loaded so far, so the option-level parser in options.ts reads the arguments.
 */
class IptablesLineParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public ruleLine = this.RULE('ruleLine', () => {
    this.OPTION(() => this.CONSUME(Counters, { LABEL: 'prefixCounters' }));
    this.MANY(() => this.SUBRULE(this.argument));
  });

  public chainLine = this.RULE('chainLine', () => {
    this.CONSUME(Word, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME2(Word, { LABEL: 'policy' });
      this.OPTION2(() => this.CONSUME(Counters, { LABEL: 'counters' }));
    });
    this.MANY(() => this.SUBRULE(this.argument, { LABEL: 'extra' }));
  });

  private argument = this.RULE('argument', () => {
    this.OR([
      { ALT: () => this.CONSUME(Bang) },
      { ALT: () => this.CONSUME3(Word) },
      { ALT: () => this.CONSUME2(Counters) },
    ]);
  });
}

const parser = new IptablesLineParser();

/** One argument as iptables sees it, with where it was written (0-based offsets in the line). */
export interface Arg {
  /** The value after quote removal. */
  value: string;
  /** The text as written. */
  raw: string;
  start: number;
  end: number;
}

export interface LexedRuleLine {
  counters?: Arg;
  args: Arg[];
}

/** A chain line's name and policy; iptables-restore ignores what follows (the counters). */
export interface LexedChainLine {
  name: Arg;
  policy?: Arg;
}

function toArg(token: IToken): Arg {
  return {
    value: token.tokenType === Bang ? '!' : unquote(token.image),
    raw: token.image,
    start: token.startOffset,
    end: token.startOffset + token.image.length,
  };
}

function argumentTokens(node: CstNode): IToken[] {
  const tokens: IToken[] = [];
  for (const list of Object.values(node.children)) {
    for (const element of list) if ('image' in element) tokens.push(element);
  }
  return tokens;
}

function argumentsOf(nodes: CstNode[] | undefined): Arg[] {
  const tokens = (nodes ?? []).flatMap(argumentTokens);
  return tokens.sort((a, b) => a.startOffset - b.startOffset).map(toArg);
}

function firstToken(node: CstNode, label: string): IToken | undefined {
  const list = node.children[label];
  const element = list?.[0];
  return element !== undefined && 'image' in element ? element : undefined;
}

/** Every character is covered by some token (an unclosed quote runs to the end), so lexing cannot fail. */
export function lexRuleLine(text: string): LexedRuleLine {
  parser.input = lineLexer.tokenize(text).tokens;
  const cst = parser.ruleLine();
  const prefix = firstToken(cst, 'prefixCounters');
  const args = argumentsOf(cst.children['argument'] as CstNode[] | undefined);
  return prefix === undefined ? { args } : { counters: toArg(prefix), args };
}

/** `text` is the chain line without its leading `:`; undefined when it holds no name at all. */
export function lexChainLine(text: string): LexedChainLine | undefined {
  const tokens = lineLexer.tokenize(text).tokens;
  if (tokens.length === 0) return undefined;
  parser.input = tokens;
  const cst = parser.chainLine();
  const name = firstToken(cst, 'name');
  if (name === undefined || parser.errors.length > 0) {
    // A chain line that starts with `!` or counters: its first token is still the name iptables reads.
    const [first] = tokens;
    return first === undefined ? undefined : { name: toArg(first) };
  }
  const policy = firstToken(cst, 'policy');
  return policy ? { name: toArg(name), policy: toArg(policy) } : { name: toArg(name) };
}
