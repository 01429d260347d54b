import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, Bang, Counters, lineLexer, unquote, Word, type Arg } from './tokens.js';

export type { Arg } from './tokens.js';

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
    value: token.tokenType === Word ? unquote(token.image) : token.image,
    raw: token.image,
    start: token.startOffset,
    end: token.startOffset + token.image.length,
  };
}

/**
 * The token-level grammar of the two line kinds that carry arguments:
 *
 *   ruleLine  := Counters? (Bang | Word | Counters)*
 *   chainLine := Word (Word Counters?)? (Bang | Word | Counters)*
 *
 * Everything past the shape (which option takes how many values, which module owns it) depends on
 * the modules loaded so far, so the option-level parser in options.ts reads the arguments.
 */
class IptablesLineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public ruleLine = this.RULE('ruleLine', (): LexedRuleLine => {
    const counters = this.OPTION(() => this.CONSUME(Counters));
    const args: Arg[] = [];
    this.MANY(() => {
      const token = this.SUBRULE(this.argument);
      this.ACTION(() => args.push(toArg(token)));
    });
    return this.ACTION(() => (counters === undefined ? { args } : { counters: toArg(counters), args }));
  });

  public chainLine = this.RULE('chainLine', (): LexedChainLine => {
    const name = this.CONSUME(Word);
    const policy = this.OPTION(() => {
      const word = this.CONSUME2(Word);
      this.OPTION2(() => this.CONSUME2(Counters));
      return word;
    });
    this.MANY(() => this.SUBRULE2(this.argument));
    return this.ACTION(() => (policy === undefined ? { name: toArg(name) } : { name: toArg(name), policy: toArg(policy) }));
  });

  private argument = this.RULE('argument', (): IToken =>
    this.OR([{ ALT: () => this.CONSUME(Bang) }, { ALT: () => this.CONSUME3(Word) }, { ALT: () => this.CONSUME3(Counters) }]),
  );
}

const parser = new IptablesLineParser();

/** Every character is covered by some token (an unclosed quote runs to the end), so lexing cannot fail. */
export function lexRuleLine(text: string): LexedRuleLine {
  parser.input = lineLexer.tokenize(text).tokens;
  return parser.ruleLine();
}

/**
 * `text` is the chain line without its leading `:`; undefined when it holds no name at all. A chain
 * line that starts with `!` or counters has no policy, but its first token is still the name
 * iptables reads.
 */
export function lexChainLine(text: string): LexedChainLine | undefined {
  const tokens = lineLexer.tokenize(text).tokens;
  const [first] = tokens;
  if (first === undefined) return undefined;
  if (first.tokenType !== Word) return { name: toArg(first) };
  parser.input = tokens;
  return parser.chainLine();
}
