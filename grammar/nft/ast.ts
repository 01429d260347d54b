import type { IToken } from 'chevrotain';

/**
 * What the Chevrotain parser hands to the IR builder: the block structure of the file, with the
 * insides of rules and values kept as token sequences (`Atom`s) in which `{ … }` is a `Group`.
 * Statement syntax is decided later, where the context (which selector, which key type) is known.
 */
export interface Group {
  open: IToken;
  /** Tokens and nested groups; separators (newline, `;`) inside the braces are kept. */
  items: Atom[];
  close: IToken;
}

export type Atom = IToken | Group;

export function isGroup(atom: Atom): atom is Group {
  return (atom as Group).items !== undefined;
}

/** A line inside a block, or a rule: the tokens up to the separator. */
export interface Line {
  atoms: Atom[];
}

export interface ObjectSpec {
  family?: IToken;
  names: IToken[];
}

export type BodyItem =
  | { kind: 'line'; line: Line }
  | { kind: 'include'; keyword: IToken; path: IToken }
  | { kind: 'define'; keyword: IToken; name: IToken; value: Atom[] }
  | { kind: 'undefine'; keyword: IToken; name: IToken }
  | { kind: 'block'; keyword: IToken; objectType: string; name: IToken; body: BodyItem[]; close: IToken }
  /** `elements = { … }` or `elements = $var`. */
  | { kind: 'elements'; keyword: IToken; value: Atom[] };

export type TopItem =
  | Exclude<BodyItem, { kind: 'line' } | { kind: 'block' } | { kind: 'elements' }>
  | {
      kind: 'command';
      /** The verb, or absent for the implicit `add` (`table inet t { … }`, `inet t c accept`). */
      verb?: IToken;
      /** `table`, `chain`, `rule`, `set` …; absent for a bare rule (`inet filter input accept`). */
      object?: IToken;
      spec: ObjectSpec;
      body?: BodyItem[];
      close?: IToken;
      /** Tokens after the spec (rule statements, `handle N`, a new name, element groups …). */
      rest: Atom[];
      first: IToken;
    }
  | { kind: 'other'; first: IToken; rest: Atom[] };
