import type { IToken } from 'chevrotain';
import type { FieldName } from '../../../src/ir.js';
import { type Atom, isGroup } from '../ast.js';
import type { Lhs } from '../expression.js';
import { isToken, unquote } from '../source.js';

/**
 * Bit widths of the fields whose every nft spelling has the same width (`meta length` and
 * `ip length` differ, so `length` is not here; neither are fields the IR stores narrower).
 */
const WIDTH: Partial<Record<FieldName, number>> = {
  saddr4: 32,
  daddr4: 32,
  saddr6: 128,
  daddr6: 128,
  sport: 16,
  dport: 16,
  l4proto: 8,
  ttl: 8,
  icmpType: 8,
  icmpCode: 8,
  mark: 32,
  ctMark: 32,
  skuid: 32,
  skgid: 32,
};

export interface PrefixProblem {
  atom: Atom;
  message: string;
}

/** `/255.255.255.0`: nft's grammar takes only a number after the slash. */
function netmaskProblem(mask: IToken): PrefixProblem {
  return { atom: mask, message: `syntax error, unexpected "${mask.image}", expecting a prefix length (nft takes no netmask after "/": write the number of leading one bits)` };
}

function* slashes(atoms: readonly Atom[]): Generator<[Atom | undefined, Atom | undefined]> {
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    if (isGroup(atom)) yield* slashes(atom.items);
    else if (isToken(atom, 'Slash')) yield [atoms[i - 1], atoms[i + 1]];
  }
}

/** A string that nft turns into a wildcard (a prefix itself): it ends with an unescaped `*`. */
function endsInWildcard(text: string): boolean {
  return text.length > 1 && text.endsWith('*') && !text.endsWith('\\*');
}

/**
 * `"eth*"/16`, or `"ab*cd"/24`, whose first 24 bits end in `*`: nft reads the string as a
 * wildcard, once whole and once cut to the prefix length, and a wildcard is a prefix already.
 * Current nft refuses it ("Binary operation (&) is undefined for prefix expressions"); 1.0.6
 * refuses the first and aborts on an assertion for the second.
 */
function wildcardProblem(value: Atom, length: Atom): PrefixProblem | undefined {
  if (!isToken(value, 'QuotedString') || !isToken(length, 'Number')) return undefined;
  const text = unquote(value.image);
  const bytes = Math.floor(Number(length.image) / 8);
  const cut = text.slice(0, bytes);
  const why = endsInWildcard(text) ? `"${text}" ends in "*"` : bytes < text.length && endsInWildcard(cut) ? `its first ${bytes} bytes, "${cut}", end in "*"` : undefined;
  if (why === undefined) return undefined;
  return { atom: value, message: `Binary operation (&) is undefined for prefix expressions (${why}: nft reads that as a wildcard, which is a prefix already)` };
}

/**
 * A prefix in the right-hand side of a match that nft refuses: a netmask instead of a length, a
 * length beyond the width of the matched field (`ip daddr 10.0.0.0/33`, `meta mark 1/0xff`), or
 * one on a wildcard string.
 */
export function prefixProblem(lhs: Lhs, rhs: readonly Atom[]): PrefixProblem | undefined {
  const only = lhs.parts.length === 1 && lhs.parts[0]!.binops.length === 0 ? lhs.parts[0]!.selector.field : undefined;
  const width = only === undefined ? undefined : WIDTH[only];
  for (const [value, length] of slashes(rhs)) {
    if (isToken(length, 'IPv4Word') || isToken(length, 'ColonWord')) return netmaskProblem(length);
    const wildcard = value !== undefined && length !== undefined ? wildcardProblem(value, length) : undefined;
    if (wildcard !== undefined) return wildcard;
    if (width === undefined || value === undefined || !isToken(length, 'Number')) continue;
    const bits = BigInt(length.image);
    if (bits > BigInt(width)) return { atom: value, message: `Prefix length ${bits} is invalid for type of ${width} bits width` };
  }
  return undefined;
}
