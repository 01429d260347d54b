import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../src/ir.js';
import { type Atom, type Group, isGroup } from './ast.js';
import { endOffsetOf, isToken, isWord, type SourceFile, tokenSpan, unquote } from './source.js';

/** nft's define scoping: a block sees its own definitions and those of enclosing blocks. */
export class Scope {
  private readonly values = new Map<string, Atom[]>();
  constructor(readonly parent?: Scope) {}

  lookup(name: string): Atom[] | undefined {
    return this.values.get(name) ?? this.parent?.lookup(name);
  }
  hasOwn(name: string): boolean {
    return this.values.has(name);
  }
  set(name: string, value: Atom[]): void {
    this.values.set(name, value);
  }
  /** `redefine`: rebinds where the name is visible, or defines it here. */
  redefine(name: string, value: Atom[]): void {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.values.has(name)) {
        scope.values.set(name, value);
        return;
      }
    }
    this.values.set(name, value);
  }
  undefine(name: string): void {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.values.delete(name)) return;
    }
  }
}

/** Copies a defined value to the place it is used, so spans and texts point at the `$name`. */
function relocate(atom: Atom, dollar: IToken, name: IToken): Atom {
  const place = (t: IToken): IToken => ({ ...t, startOffset: dollar.startOffset, endOffset: endOffsetOf(name) });
  if (!isGroup(atom)) return place(atom);
  return { open: place(atom.open), items: atom.items.map((a) => relocate(a, dollar, name)), close: place(atom.close) };
}

function hasVariable(atoms: readonly Atom[]): boolean {
  for (const a of atoms) {
    if (isGroup(a) ? hasVariable(a.items) : a.tokenType.name === 'Dollar' || (a.tokenType.name === 'QuotedString' && a.image.includes('$'))) {
      return true;
    }
  }
  return false;
}

const VARIABLE_IN_STRING = /\$([A-Za-z0-9_]+)/g;

function valueText(value: Atom[]): string {
  return value.map((a) => (isGroup(a) ? '' : unquote(a.image))).join(' ');
}

/**
 * nft expands `$name` inside a `log prefix` string (and nowhere else in strings, reference §1).
 * Returns undefined after reporting a name that is not defined.
 */
function expandLogPrefix(token: IToken, scope: Scope, source: SourceFile, diagnostics: Diagnostic[]): IToken | undefined {
  let missing: string | undefined;
  const image = token.image.replace(VARIABLE_IN_STRING, (text, name: string) => {
    const value = scope.lookup(name);
    if (value === undefined) missing ??= name;
    return value === undefined ? text : valueText(value);
  });
  if (missing !== undefined) {
    diagnostics.push({
      ruleId: 'undefined-variable',
      severity: 'error',
      message: `undefined variable $${missing} in a log prefix (nft expands variables there): define it or pass -D/--define ${missing}=…`,
      span: tokenSpan(source, token),
    });
    return undefined;
  }
  return image === token.image ? token : { ...token, image };
}

/**
 * Substitutes `$name` references. Returns undefined when a name is not defined (reported as
 * `undefined-variable`), since the statement cannot be understood without it.
 */
export function expandVariables(atoms: Atom[], scope: Scope, source: SourceFile, diagnostics: Diagnostic[]): Atom[] | undefined {
  if (!hasVariable(atoms)) return atoms;
  const out: Atom[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    if (isGroup(atom)) {
      const items = expandVariables(atom.items, scope, source, diagnostics);
      if (items === undefined) return undefined;
      out.push({ ...atom, items } satisfies Group);
      continue;
    }
    if (isToken(atom, 'QuotedString') && isWord(out[out.length - 1], 'prefix')) {
      const expanded = expandLogPrefix(atom, scope, source, diagnostics);
      if (expanded === undefined) return undefined;
      out.push(expanded);
      continue;
    }
    if (!isToken(atom, 'Dollar')) {
      out.push(atom);
      continue;
    }
    const name = atoms[i + 1];
    if (name === undefined || isGroup(name) || !(isWord(name) || isToken(name, 'Number'))) {
      diagnostics.push({
        ruleId: 'parse-error',
        severity: 'error',
        message: 'syntax error, expecting a variable name after "$"',
        span: tokenSpan(source, atom),
      });
      return undefined;
    }
    i++;
    const value = scope.lookup(name.image);
    if (value === undefined) {
      const span = tokenSpan(source, atom);
      diagnostics.push({
        ruleId: 'undefined-variable',
        severity: 'error',
        message: `undefined variable $${name.image}: define it before use (define ${name.image} = …) or pass it with -D/--define ${name.image}=…`,
        span: { ...span, endLine: tokenSpan(source, name).endLine, endColumn: tokenSpan(source, name).endColumn },
      });
      return undefined;
    }
    for (const v of value) out.push(relocate(v, atom, name));
  }
  return out;
}
