import type { IToken } from 'chevrotain';
import { FIELDS, type FieldName, NFPROTO_IPV4, NFPROTO_IPV6, type ValueItem } from '../../src/ir.js';
import { addressBits, allOnes, parseAddress, parsePrefix, prefixMask, type IpVersion } from '../../src/data/addresses.js';
import { ctDirection, ctStateBit, ctStatusBit, pktType, tcpFlagBit } from '../../src/data/conntrack.js';
import { icmpCodeByName, icmpTypeByName, icmpv6CodeByName, icmpv6TypeByName } from '../../src/data/icmp.js';
import { protocolNumber } from '../../src/data/protocols.js';
import { serviceToPort } from '../../src/data/services.js';
import { type Atom, isGroup } from './ast.js';
import { isToken, unquote } from './source.js';

export const BITMASK_FIELDS: ReadonlySet<FieldName> = new Set(['ctState', 'ctStatus', 'tcpFlags']);

/** Which symbol table names a field's values; ICMP depends on the header that was matched. */
export type SymbolSpace = 'icmp' | 'icmpv6' | 'default';

/**
 * nft's integer syntax: `0x` hex, a leading `0` octal (`022` is 18). A leading-zero string that
 * is not octal (`08`) is a word for nft, which then resolves as a service name; we give it the
 * decimal value getaddrinfo would.
 */
export function parseNftInteger(image: string): bigint | undefined {
  const decimal = plainDecimal(image);
  if (decimal !== undefined) return decimal;
  if (/^0[xX][0-9a-fA-F]+$/.test(image)) return BigInt(image);
  if (/^0[0-7]+$/.test(image)) return BigInt(`0o${image.slice(1)}`);
  if (/^\d+$/.test(image)) return BigInt(image);
  return undefined;
}

/**
 * Ports, protocols and marks repeat across a ruleset: one shared bigint per small value saves an
 * allocation per value read and per value kept in the IR.
 */
const SMALL_LIMIT = 65536;
// Allocated at full length: filling a growing array out of order would turn it into a dictionary.
const SMALL_VALUES = new Array<bigint | undefined>(SMALL_LIMIT);

export function smallBigInt(value: number): bigint {
  return (SMALL_VALUES[value] ??= BigInt(value));
}

/** The common case, a decimal number without a leading zero, without regular expressions. */
function plainDecimal(image: string): bigint | undefined {
  const length = image.length;
  if (length === 0 || length > 15 || (length > 1 && image.charCodeAt(0) === 48)) return undefined;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = image.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value < SMALL_LIMIT ? smallBigInt(value) : BigInt(value);
}

/**
 * nft's keyword for IP payload compression, which its grammar turns into protocol 108 where a
 * protocol is expected; the protocol database knows the protocol only as `ipcomp`.
 */
const IPPROTO_COMP = 108;

function lookupName(field: FieldName, name: string, space: SymbolSpace): number | undefined {
  switch (field) {
    case 'sport':
    case 'dport':
      return serviceToPort(name);
    case 'l4proto':
      return name === 'comp' ? IPPROTO_COMP : protocolNumber(name);
    case 'nfproto':
      return name === 'ipv4' ? Number(NFPROTO_IPV4) : name === 'ipv6' ? Number(NFPROTO_IPV6) : undefined;
    case 'icmpType':
      return space === 'icmpv6' ? icmpv6TypeByName(name) : icmpTypeByName(name);
    case 'icmpCode':
      return space === 'icmpv6' ? icmpv6CodeByName(name) : icmpCodeByName(name);
    case 'ctState':
      return ctStateBit(name);
    case 'ctStatus':
      return ctStatusBit(name);
    case 'ctDirection':
      return ctDirection(name);
    case 'tcpFlags':
      return tcpFlagBit(name);
    case 'pkttype':
      return pktType(name);
    case 'skuid':
    case 'skgid':
      return name === 'root' ? 0 : undefined;
    default:
      return undefined;
  }
}

/** One scalar value of a numeric field: a number, or a symbolic name. */
export function scalarValue(field: FieldName, atom: Atom, space: SymbolSpace): bigint | undefined {
  if (isGroup(atom)) return undefined;
  let value: bigint | undefined;
  const image = atom.tokenType.name === 'QuotedString' ? unquote(atom.image) : atom.image;
  if (atom.tokenType.name === 'Number') {
    value = parseNftInteger(image);
    if (value === undefined && /^\d+$/.test(image) && (field === 'sport' || field === 'dport')) value = BigInt(image);
  } else if (FIELDS[field].kind === 'address') {
    // Masks and values of `ip6 saddr & ::ffff == ::1`.
    value = parseAddress(image.startsWith('[') ? image.slice(1, -1) : image, addressVersion(field))?.value;
  } else {
    const named = lookupName(field, image, space);
    value = named === undefined ? parseNftInteger(image) : smallBigInt(named);
  }
  return value !== undefined && value <= FIELDS[field].max ? value : undefined;
}

function addressVersion(field: FieldName): IpVersion {
  return field === 'saddr4' || field === 'daddr4' ? 4 : 6;
}

function addressText(token: IToken): string {
  const image = token.image;
  return image.startsWith('[') && image.endsWith(']') ? image.slice(1, -1) : image;
}

const PREFIX_LENGTH = /^\d{1,3}$/;
const PREFIX_MASKS: Record<IpVersion, bigint[]> = { 4: [], 6: [] };
const HOST_MASKS: Record<IpVersion, bigint[]> = { 4: [], 6: [] };

/**
 * `address/length`, the usual prefix, without the general parser's string building and mask
 * validation (a length always gives a contiguous mask). Undefined when it is not that shape.
 */
function prefixItem(address: string, length: string, version: IpVersion): ValueItem | undefined {
  if (!PREFIX_LENGTH.test(length) || address.includes('/')) return undefined;
  const bits = Number(length);
  if (bits > addressBits(version)) return undefined;
  const parsed = parseAddress(address, version);
  if (parsed === undefined) return undefined;
  const mask = (PREFIX_MASKS[version][bits] ??= prefixMask(version, bits));
  const hostBits = (HOST_MASKS[version][bits] ??= allOnes(version) ^ mask);
  const low = parsed.value & mask;
  return { kind: 'range', low, high: low | hostBits };
}

function addressItem(field: FieldName, atoms: Atom[]): ValueItem | undefined {
  const version = addressVersion(field);
  const [a, op, b] = atoms;
  if (a === undefined || isGroup(a) || atoms.length > 3) return undefined;
  if (atoms.length === 1) {
    const parsed = parseAddress(addressText(a), version);
    return parsed && { kind: 'range', low: parsed.value, high: parsed.value };
  }
  if (b === undefined || isGroup(b) || atoms.length !== 3) return undefined;
  if (isToken(op, 'Slash')) {
    const fast = prefixItem(addressText(a), b.image, version);
    if (fast !== undefined) return fast;
    const prefix = parsePrefix(`${addressText(a)}/${b.image}`, version);
    return prefix && { kind: 'range', low: prefix.range.low, high: prefix.range.high };
  }
  if (isToken(op, 'Dash')) {
    const low = parseAddress(addressText(a), version);
    const high = parseAddress(addressText(b), version);
    return low && high && low.value <= high.value ? { kind: 'range', low: low.value, high: high.value } : undefined;
  }
  return undefined;
}

/**
 * `"eth0"/16`: a prefix of whole bytes on a name matches the names that begin with those bytes,
 * `"et*"` (nft lists it so). A name is NUL-padded, so a prefix that reaches past it is the name itself.
 */
function interfacePrefixItem(name: string, length: Atom | undefined): ValueItem | undefined {
  if (!isToken(length, 'Number') || name.includes('*')) return undefined;
  const bits = Number(length.image);
  if (bits <= 0 || bits % 8 !== 0) return undefined;
  const bytes = bits / 8;
  return bytes > name.length ? { kind: 'iface', name, wildcard: false } : { kind: 'iface', name: name.slice(0, bytes), wildcard: true };
}

function interfaceItem(atoms: Atom[]): ValueItem | undefined {
  const [a] = atoms;
  if (a === undefined || isGroup(a)) return undefined;
  const name = a.tokenType.name === 'QuotedString' ? unquote(a.image) : a.image;
  if (atoms.length === 3 && isToken(atoms[1], 'Slash')) return interfacePrefixItem(name, atoms[2]);
  if (atoms.length !== 1) return undefined;
  if (name.endsWith('\\*')) return { kind: 'iface', name: `${name.slice(0, -2)}*`, wildcard: false };
  if (name.endsWith('*')) return { kind: 'iface', name: name.slice(0, -1), wildcard: true };
  return { kind: 'iface', name, wildcard: false };
}

/** `syn|ack` style bit unions, for bitmask fields. */
export function bitUnion(field: FieldName, atoms: Atom[], space: SymbolSpace): bigint | undefined {
  let value = 0n;
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    if (i % 2 === 1) {
      if (!isToken(atom, 'Pipe') && !isToken(atom, 'Comma')) return undefined;
      continue;
    }
    const bit = scalarValue(field, atom, space);
    if (bit === undefined) return undefined;
    value |= bit;
  }
  return atoms.length > 0 ? value : undefined;
}

/**
 * `meta mark 0x1/0x1f` is not a mask but a prefix over the field's width (nft: "Prefix length 255
 * is invalid" for /0xff): the top `length` bits are fixed, the rest are free.
 */
function numericPrefix(field: FieldName, valueAtom: Atom, lengthAtom: Atom, space: SymbolSpace): ValueItem | undefined {
  const value = scalarValue(field, valueAtom, space);
  if (value === undefined || isGroup(lengthAtom)) return undefined;
  const length = Number(lengthAtom.image);
  const max = FIELDS[field].max;
  const width = max.toString(2).length;
  if (!Number.isInteger(length) || length < 0 || length > width) return undefined;
  const hostBits = (1n << BigInt(width - length)) - 1n;
  const low = value & max & ~hostBits;
  return { kind: 'range', low, high: low | hostBits };
}

/** The whole domain of a field: what a `*` key covers. */
export function everything(field: FieldName): ValueItem {
  if (FIELDS[field].kind === 'interface') return { kind: 'iface', name: '', wildcard: true };
  return { kind: 'range', low: 0n, high: FIELDS[field].max };
}

/**
 * One element of a value list for a field: a value, a prefix, a range `a-b`, `*`, or for bitmask
 * fields a `|` union. Undefined when it is not something we can type (a hostname, an expression).
 */
export function valueItem(field: FieldName, atoms: Atom[], space: SymbolSpace): ValueItem | undefined {
  const first = atoms[0];
  if (first === undefined) return undefined;
  if (atoms.length === 1 && isToken(first, 'Star')) return everything(field);
  if (atoms.length === 2 && isToken(first, 'At') && !isGroup(atoms[1]!)) {
    return { kind: 'setRef', name: (atoms[1] as IToken).image };
  }
  const kind = FIELDS[field].kind;
  if (kind === 'address') return addressItem(field, atoms);
  if (kind === 'interface') return interfaceItem(atoms);
  if (atoms.length === 1) {
    const value = scalarValue(field, first, space);
    return value === undefined ? undefined : { kind: 'range', low: value, high: value };
  }
  if (atoms.length === 3 && isToken(atoms[1], 'Slash') && kind === 'number') {
    return numericPrefix(field, first, atoms[2]!, space);
  }
  if (atoms.length === 3 && isToken(atoms[1], 'Dash')) {
    const low = scalarValue(field, first, space);
    const high = scalarValue(field, atoms[2]!, space);
    return low !== undefined && high !== undefined && low <= high ? { kind: 'range', low, high } : undefined;
  }
  if (BITMASK_FIELDS.has(field)) {
    const value = bitUnion(field, atoms, space);
    return value === undefined ? undefined : { kind: 'range', low: value, high: value };
  }
  return undefined;
}
