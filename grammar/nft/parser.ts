import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import type { Atom as AtomNode, BodyItem, Group, ObjectSpec, TopItem } from './ast.js';
import { nftErrorMessages } from './errors.js';
import { ALL_TOKENS, AnyWord, Assign, Atom, Dollar, FamilyWord, Kw, LBrace, RBrace, Separator } from './tokens.js';

const OBJECT_KEYWORDS: TokenType[] = [Kw.counter, Kw.quota, Kw.limit, Kw.secmark, Kw.synproxy, Kw.tunnel];
const SET_KEYWORDS: TokenType[] = [Kw.set, Kw.map];
const COMMAND_VERBS: TokenType[] = [Kw.add, Kw.create, Kw.insert, Kw.replace, Kw.delete, Kw.destroy, Kw.flush, Kw.rename];
const OTHER_VERBS: TokenType[] = [Kw.list, Kw.reset, Kw.get, Kw.monitor, Kw.describe, Kw.import, Kw.export];

/**
 * The block structure of `nft -f` input: commands, tables, chains, sets, maps, flowtables and
 * stateful objects, with nft's separator rules (every block item, nested blocks included, must
 * be followed by a newline or `;`, except a set's `elements = { … }`). Rule and value bodies are
 * collected as atom sequences and interpreted by the IR builder.
 */
class NftParser extends EmbeddedActionsParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: false, maxLookahead: 2, errorMessageProvider: nftErrorMessages });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): TopItem[] => {
    const items: TopItem[] = [];
    this.OPTION(() => items.push(this.SUBRULE(this.topLine)));
    this.MANY(() => {
      this.CONSUME(Separator);
      this.OPTION2(() => items.push(this.SUBRULE2(this.topLine)));
    });
    return items;
  });

  /** The contents of a file included inside a table block. */
  public tableContent = this.RULE('tableContent', (): BodyItem[] => {
    const items: BodyItem[] = [];
    this.OPTION(() => items.push(this.SUBRULE(this.tableItem)));
    this.MANY(() => {
      this.CONSUME(Separator);
      this.OPTION2(() => items.push(this.SUBRULE2(this.tableItem)));
    });
    return items;
  });

  /** The contents of a file included inside a chain (or flowtable, set …) block. */
  public chainContent = this.RULE('chainContent', (): BodyItem[] => {
    const items: BodyItem[] = [];
    this.OPTION(() => items.push(this.SUBRULE(this.lineItem)));
    this.MANY(() => {
      this.CONSUME(Separator);
      this.OPTION2(() => items.push(this.SUBRULE2(this.lineItem)));
    });
    return items;
  });

  private topLine = this.RULE('topLine', (): TopItem => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.include) },
      { ALT: () => this.SUBRULE(this.define) },
      { ALT: () => this.SUBRULE(this.undefine) },
      {
        ALT: () => {
          const verb = this.OR2(COMMAND_VERBS.map((t) => ({ ALT: () => this.CONSUME(t) })));
          return this.SUBRULE(this.objectCommand, { ARGS: [verb] });
        },
      },
      {
        ALT: () => {
          const first = this.OR3(OTHER_VERBS.map((t) => ({ ALT: () => this.CONSUME2(t) })));
          const rest = this.SUBRULE(this.atoms);
          return { kind: 'other' as const, first, rest };
        },
      },
      { ALT: () => this.SUBRULE2(this.objectCommand, { ARGS: [undefined] }), IGNORE_AMBIGUITIES: true },
    ]);
  });

  private include = this.RULE('include', (): BodyItem & { kind: 'include' } => {
    const keyword = this.CONSUME(Kw.include);
    // Any atom, so a missing quote is reported as such rather than as a mysterious rule.
    const path = this.CONSUME(Atom);
    return { kind: 'include', keyword, path };
  });

  private define = this.RULE('define', (): BodyItem & { kind: 'define' } => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(Kw.define) }, { ALT: () => this.CONSUME(Kw.redefine) }]);
    const name = this.CONSUME(AnyWord);
    this.CONSUME(Assign);
    const value = this.SUBRULE(this.atomsRequired);
    return { kind: 'define', keyword, name, value };
  });

  private undefine = this.RULE('undefine', (): BodyItem & { kind: 'undefine' } => {
    const keyword = this.CONSUME(Kw.undefine);
    const name = this.CONSUME(AnyWord);
    return { kind: 'undefine', keyword, name };
  });

  private objectCommand = this.RULE('objectCommand', (verb: IToken | undefined): TopItem => {
    let object: IToken | undefined;
    let spec: ObjectSpec = { names: [] };
    let body: BodyItem[] | undefined;
    let close: IToken | undefined;
    this.OR([
      {
        ALT: () => {
          object = this.CONSUME(Kw.table);
          spec = this.SUBRULE(this.tableSpec);
          this.OPTION(() => {
            const block = this.SUBRULE(this.tableBlock);
            body = block.body;
            close = block.close;
          });
        },
      },
      {
        ALT: () => {
          object = this.CONSUME(Kw.chain);
          spec = this.SUBRULE(this.objectSpec);
          this.OPTION2(() => {
            const block = this.SUBRULE(this.chainBlock);
            body = block.body;
            close = block.close;
          });
        },
      },
      {
        ALT: () => {
          object = this.OR2(SET_KEYWORDS.map((t) => ({ ALT: () => this.CONSUME(t) })));
          spec = this.SUBRULE2(this.objectSpec);
          this.OPTION3(() => {
            const block = this.SUBRULE(this.setBlock);
            body = block.body;
            close = block.close;
          });
        },
      },
      {
        ALT: () => {
          object = this.CONSUME(Kw.flowtable);
          spec = this.SUBRULE3(this.objectSpec);
          this.OPTION4(() => {
            const block = this.SUBRULE2(this.chainBlock);
            body = block.body;
            close = block.close;
          });
        },
      },
      {
        ALT: () => {
          object = this.OR3(OBJECT_KEYWORDS.map((t) => ({ ALT: () => this.CONSUME(t) })));
          spec = this.SUBRULE4(this.objectSpec);
          this.OPTION5(() => {
            const block = this.SUBRULE(this.objectBlock);
            body = block.body;
            close = block.close;
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(Kw.ct);
          object = this.CONSUME(AnyWord);
          spec = this.SUBRULE5(this.objectSpec);
          this.OPTION6(() => {
            const block = this.SUBRULE2(this.objectBlock);
            body = block.body;
            close = block.close;
          });
        },
      },
      {
        ALT: () => {
          object = this.OR4([
            { ALT: () => this.CONSUME(Kw.rule) },
            { ALT: () => this.CONSUME(Kw.element) },
          ]);
          spec = this.SUBRULE6(this.objectSpec);
        },
      },
      {
        ALT: () => {
          object = this.CONSUME(Kw.ruleset);
          this.OPTION7(() => {
            const family = this.CONSUME(FamilyWord);
            spec = { family, names: [] };
          });
        },
      },
      {
        // The implicit `add rule`: `[family] table chain statements…`.
        ALT: () => {
          spec = this.SUBRULE7(this.objectSpec);
        },
        IGNORE_AMBIGUITIES: true,
      },
    ]);
    // After a block only a separator may follow; the IR builder reports anything else.
    const rest = this.SUBRULE(this.atoms);
    return this.ACTION(() => ({
      kind: 'command' as const,
      verb,
      object,
      spec,
      body,
      close,
      rest,
      first: verb ?? object ?? spec.family ?? spec.names[0]!,
    }));
  });

  private tableSpec = this.RULE('tableSpec', (): ObjectSpec => {
    const family = this.OPTION(() => this.CONSUME(FamilyWord));
    const name = this.CONSUME(AnyWord);
    return { family, names: [name] };
  });

  /** `[family] table [name]`: the second name is absent for `delete chain inet t handle 5` style. */
  private objectSpec = this.RULE('objectSpec', (): ObjectSpec => {
    const family = this.OPTION(() => this.CONSUME(FamilyWord));
    const table = this.CONSUME(AnyWord);
    const names = [table];
    this.OPTION2(() => names.push(this.CONSUME2(AnyWord)));
    return { family, names };
  });

  private tableBlock = this.RULE('tableBlock', (): { body: BodyItem[]; close: IToken } => {
    this.CONSUME(LBrace);
    const body: BodyItem[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Separator) },
        {
          ALT: () => {
            body.push(this.SUBRULE(this.tableItem));
            this.CONSUME2(Separator);
          },
        },
      ]);
    });
    const close = this.CONSUME(RBrace);
    return { body, close };
  });

  private tableItem = this.RULE('tableItem', (): BodyItem => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.include) },
      { ALT: () => this.SUBRULE(this.define) },
      { ALT: () => this.SUBRULE(this.undefine) },
      {
        ALT: () => {
          const keyword = this.CONSUME(Kw.chain);
          const name = this.CONSUME(AnyWord);
          const block = this.SUBRULE(this.chainBlock);
          return { kind: 'block' as const, keyword, objectType: 'chain', name, ...block };
        },
      },
      {
        ALT: () => {
          const keyword = this.OR2(SET_KEYWORDS.map((t) => ({ ALT: () => this.CONSUME(t) })));
          const name = this.CONSUME2(AnyWord);
          const block = this.SUBRULE(this.setBlock);
          return this.ACTION(() => ({ kind: 'block' as const, keyword, objectType: keyword.image, name, ...block }));
        },
      },
      {
        ALT: () => {
          const keyword = this.CONSUME(Kw.flowtable);
          const name = this.CONSUME3(AnyWord);
          const block = this.SUBRULE2(this.chainBlock);
          return { kind: 'block' as const, keyword, objectType: 'flowtable', name, ...block };
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        ALT: () => {
          const keyword = this.OR3(OBJECT_KEYWORDS.map((t) => ({ ALT: () => this.CONSUME2(t) })));
          const name = this.CONSUME4(AnyWord);
          const block = this.SUBRULE(this.objectBlock);
          return this.ACTION(() => ({ kind: 'block' as const, keyword, objectType: keyword.image, name, ...block }));
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        ALT: () => {
          this.CONSUME(Kw.ct);
          const keyword = this.CONSUME5(AnyWord);
          const name = this.CONSUME6(AnyWord);
          const block = this.SUBRULE2(this.objectBlock);
          return this.ACTION(() => ({ kind: 'block' as const, keyword, objectType: `ct ${keyword.image}`, name, ...block }));
        },
        IGNORE_AMBIGUITIES: true,
      },
      { ALT: () => ({ kind: 'line' as const, line: { atoms: this.SUBRULE(this.atomsRequired) } }), IGNORE_AMBIGUITIES: true },
    ]);
  });

  /** Chain and flowtable bodies: lines, each ending in a separator. */
  private chainBlock = this.RULE('chainBlock', (): { body: BodyItem[]; close: IToken } => {
    this.CONSUME(LBrace);
    const body: BodyItem[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Separator) },
        {
          ALT: () => {
            body.push(this.SUBRULE(this.lineItem));
            this.CONSUME2(Separator);
          },
        },
      ]);
    });
    const close = this.CONSUME(RBrace);
    return { body, close };
  });

  private lineItem = this.RULE('lineItem', (): BodyItem => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.include) },
      { ALT: () => this.SUBRULE(this.define) },
      { ALT: () => this.SUBRULE(this.undefine) },
      { ALT: () => ({ kind: 'line' as const, line: { atoms: this.SUBRULE(this.atomsRequired) } }), IGNORE_AMBIGUITIES: true },
    ]);
  });

  /** Set and map bodies: like a chain, but `elements = { … }` needs no separator after it. */
  private setBlock = this.RULE('setBlock', (): { body: BodyItem[]; close: IToken } => {
    this.CONSUME(LBrace);
    const body: BodyItem[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Separator) },
        {
          ALT: () => {
            const keyword = this.CONSUME(Kw.elements);
            this.CONSUME(Assign);
            const value = this.OR2([
              { ALT: (): AtomNode[] => [this.SUBRULE(this.group)] },
              { ALT: (): AtomNode[] => [this.CONSUME(Dollar), this.CONSUME2(AnyWord)] },
            ]);
            body.push({ kind: 'elements', keyword, value });
          },
        },
        {
          ALT: () => {
            body.push(this.SUBRULE(this.lineItem));
            this.CONSUME2(Separator);
          },
          IGNORE_AMBIGUITIES: true,
        },
      ]);
    });
    const close = this.CONSUME(RBrace);
    return { body, close };
  });

  /** Stateful object bodies (`counter c { packets 0 bytes 0 }`): separators are optional. */
  private objectBlock = this.RULE('objectBlock', (): { body: BodyItem[]; close: IToken } => {
    this.CONSUME(LBrace);
    const body: BodyItem[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Separator) },
        { ALT: () => body.push({ kind: 'line', line: { atoms: this.SUBRULE(this.atomsRequired) } }) },
      ]);
    });
    const close = this.CONSUME(RBrace);
    return { body, close };
  });

  private atoms = this.RULE('atoms', (): AtomNode[] => {
    const items: AtomNode[] = [];
    this.MANY(() => {
      this.OR([{ ALT: () => items.push(this.CONSUME(Atom)) }, { ALT: () => items.push(this.SUBRULE(this.group)) }]);
    });
    return items;
  });

  public atomsRequired = this.RULE('atomsRequired', (): AtomNode[] => {
    const items: AtomNode[] = [];
    this.AT_LEAST_ONE(() => {
      this.OR([{ ALT: () => items.push(this.CONSUME(Atom)) }, { ALT: () => items.push(this.SUBRULE(this.group)) }]);
    });
    return items;
  });

  private group = this.RULE('group', (): Group => {
    const open = this.CONSUME(LBrace);
    const items: AtomNode[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => items.push(this.CONSUME(Atom)) },
        { ALT: () => items.push(this.CONSUME(Separator)) },
        { ALT: () => items.push(this.SUBRULE(this.group)) },
      ]);
    });
    const close = this.CONSUME(RBrace);
    return { open, items, close };
  });
}

let instance: NftParser | undefined;

/** The parser is built once (grammar analysis is costly) and reused for every file. */
export function nftParser(): NftParser {
  instance ??= new NftParser();
  return instance;
}
