import type { Family } from '../../../src/ir.js';
import { type Atom, isGroup } from '../ast.js';
import { isToken, isWord } from '../source.js';
import { parseNftInteger } from '../values.js';

/**
 * The first atom of a range (`1-2`, `"a"-"b"`) among the top-level atoms of a value. A `-` at the
 * start is a sign; dashes inside words (`eth-lan`) are part of the word's token.
 */
export function rangeStart(atoms: readonly Atom[]): Atom | undefined {
  for (let i = 1; i < atoms.length; i++) if (isToken(atoms[i], 'Dash') && !isToken(atoms[i - 1], 'Dash')) return atoms[i - 1];
  return undefined;
}

/** The first atom of a prefix (`10.0.0.0/8`) among the top-level atoms of a value. */
export function prefixStart(atoms: readonly Atom[]): Atom | undefined {
  for (let i = 1; i < atoms.length; i++) if (isToken(atoms[i], 'Slash')) return atoms[i - 1];
  return undefined;
}

/** The meta keys the kernel's meta expression can write (nft_meta_set_init); EOPNOTSUPP for the rest. */
const SETTABLE_META = new Set(['meta mark', 'meta priority', 'meta pkttype', 'meta nftrace', 'meta secmark']);

export function metaNotSettable(key: string, family: Family): string | undefined {
  if (SETTABLE_META.has(key) || (family === 'bridge' && key === 'meta broute')) return undefined;
  const only = family === 'bridge' ? 'mark, priority, pkttype, nftrace, secmark and broute' : 'mark, priority, pkttype, nftrace and secmark';
  return `Could not process rule: Operation not supported (${key} cannot be set: the kernel sets only meta ${only})`;
}

const SHIFTS = new Set(['ShiftLeft', 'ShiftRight']);
const SHIFT_WORDS = new Set(['lshift', 'rshift']);
const LARGEST_SHIFT = 0xffffffffn;

/** `<<`, `>>`, `lshift` or `rshift`. */
export function isShiftOperator(atom: Atom): boolean {
  return !isGroup(atom) && (SHIFTS.has(atom.tokenType.name) || (isWord(atom) && SHIFT_WORDS.has(atom.image)));
}

/** The amount of a shift by more than 2^32 - 1 bits, which nft refuses whatever it shifts. */
export function oversizedShift(atoms: readonly Atom[]): Atom | undefined {
  for (let i = 0; i + 1 < atoms.length; i++) {
    const atom = atoms[i]!;
    if (!isShiftOperator(atom)) continue;
    const amount = atoms[i + 1]!;
    if (!isToken(amount, 'Number')) continue;
    const value = parseNftInteger(amount.image);
    if (value !== undefined && value > LARGEST_SHIFT) return amount;
  }
  return undefined;
}

/**
 * A range or prefix as a tproxy target (`tproxy to 192.168.0.1:42-80`, `tproxy to 10.0.0.0/8`):
 * the kernel's tproxy takes one address and one port.
 */
export function tproxyRange(atoms: readonly Atom[]): { atom: Atom; message: string } | undefined {
  const to = atoms.findIndex((a) => isWord(a, 'to'));
  if (to < 0) return undefined;
  const value = atoms.slice(to + 1);
  const colon = value.findIndex((a) => isToken(a, 'Colon'));
  const address = colon < 0 ? value : value.slice(0, colon);
  const port = colon < 0 ? [] : value.slice(colon + 1);
  const addressRange = rangeStart(address) ?? prefixStart(address);
  if (addressRange !== undefined) return { atom: addressRange, message: 'Address ranges are not supported for tproxy.' };
  const portRange = rangeStart(port);
  if (portRange !== undefined) return { atom: portRange, message: 'Port ranges are not supported for tproxy.' };
  return undefined;
}
