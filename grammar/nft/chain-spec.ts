import type { BaseChainSpec, ChainType, Family, Hook } from '../../src/ir.js';
import { resolvePriorityName } from '../../src/data/hooks.js';
import { type Atom, isGroup } from './ast.js';
import { Cursor } from './cursor.js';
import { describeActual } from './errors.js';
import { atomsText, isToken, isWord, type SourceFile, splitElements, unquote } from './source.js';
import { parseNftInteger } from './values.js';

export const EMPTY_DEVICE_MESSAGE = 'empty interface name';

const CHAIN_TYPES = new Set<string>(['filter', 'nat', 'route']);
const HOOKS = new Set<string>(['prerouting', 'input', 'forward', 'output', 'postrouting', 'ingress', 'egress']);

export interface SpecProblem {
  atom: Atom;
  message: string;
  ruleId?: string;
}

function tokenText(atom: Atom): string {
  return isGroup(atom) ? '{' : unquote(atom.image);
}

function signedNumber(c: Cursor): number | undefined {
  const negative = c.isType('Dash');
  const atom = c.peek(negative ? 1 : 0);
  if (!isToken(atom, 'Number')) return undefined;
  const value = parseNftInteger(atom.image);
  if (value === undefined) return undefined;
  c.index += negative ? 2 : 1;
  return Number(negative ? -value : value);
}

/** `priority -150`, `priority filter - 1`, `priority dstnat`, `priority $p` (already expanded). */
function readPriority(c: Cursor, family: Family, hook: Hook): { value: number } | SpecProblem {
  const numeric = signedNumber(c);
  if (numeric !== undefined) return { value: numeric };
  const atom = c.peek();
  if (atom === undefined) return { atom: c.last(), message: 'syntax error, expecting a priority after "priority"' };
  if (isGroup(atom) || !(isWord(atom) || isToken(atom, 'QuotedString'))) {
    return { atom, message: `syntax error, unexpected ${isGroup(atom) ? '"{"' : describeActual(atom)}, expecting a priority` };
  }
  c.index++;
  const name = tokenText(atom);
  const base = resolvePriorityName(family, hook, name);
  if (base === undefined) {
    return { atom, message: `invalid priority expression "${name}" (a number, or a standard name such as filter, optionally "+ N"/"- N" with spaces)` };
  }
  if (base === 'invalid-hook') {
    return { atom, message: `priority "${name}" is not valid for the ${hook} hook in family ${family}`, ruleId: 'invalid-priority' };
  }
  let offset = 0;
  if (c.isType('Plus') || c.isType('Dash')) {
    const sign = c.isType('Plus') ? 1 : -1;
    const n = c.peek(1);
    if (!isToken(n, 'Number')) return { atom: n ?? c.peek()!, message: 'syntax error, expecting a number after the priority name' };
    c.index += 2;
    offset = sign * Number(parseNftInteger(n.image) ?? 0n);
  }
  return { value: base + offset };
}

/** Reads `type T hook H [device D | devices = { … }] priority P`. */
export function readHookSpec(
  atoms: Atom[],
  family: Family,
  source: SourceFile,
): { spec: Omit<BaseChainSpec, 'policy'> } | SpecProblem {
  const c = new Cursor(atoms);
  c.index = 1;
  const type = c.word();
  if (type === undefined || !CHAIN_TYPES.has(type)) {
    return { atom: c.peek() ?? atoms[0]!, message: 'syntax error, expecting a chain type (filter, nat or route) after "type"' };
  }
  c.index++;
  if (c.accept('hook') === undefined) return { atom: c.peek() ?? c.last(), message: 'syntax error, expecting "hook"' };
  const hook = c.word();
  if (hook === undefined || !HOOKS.has(hook)) return { atom: c.peek() ?? c.last(), message: 'syntax error, expecting a hook name' };
  c.index++;
  const devices: string[] = [];
  if (c.accept('device') !== undefined) {
    const device = c.peek();
    if (device === undefined || isGroup(device)) return { atom: device ?? c.last(), message: 'syntax error, expecting a device name' };
    if (tokenText(device) === '') return { atom: device, message: EMPTY_DEVICE_MESSAGE };
    devices.push(tokenText(device));
    c.index++;
  } else if (c.accept('devices') !== undefined) {
    if (c.isType('Assign')) c.index++;
    const list = c.peek();
    if (list === undefined) return { atom: c.last(), message: 'syntax error, expecting a device list' };
    if (isGroup(list)) {
      for (const element of splitElements(list)) {
        if (isToken(element[0], 'QuotedString') && tokenText(element[0]) === '') return { atom: element[0], message: EMPTY_DEVICE_MESSAGE };
        devices.push(element.map(tokenText).join(''));
      }
    }
    else devices.push(tokenText(list));
    c.index++;
  }
  if (c.accept('priority') === undefined) {
    const atom = c.peek() ?? c.last();
    return { atom, message: `syntax error, unexpected ${c.done() ? 'end of line' : isGroup(atom) ? '"{"' : describeActual(atom)}, expecting "priority"` };
  }
  const priorityStart = c.index;
  const priority = readPriority(c, family, hook as Hook);
  if ('message' in priority) return priority;
  if (!c.done()) {
    const atom = c.peek()!;
    return { atom, message: `syntax error, unexpected ${isGroup(atom) ? '"{"' : describeActual(atom)}, expecting newline or ";"` };
  }
  return {
    spec: {
      type: type as ChainType,
      hook: hook as Hook,
      priority: priority.value,
      priorityText: atomsText(source, atoms[priorityStart]!, atoms[atoms.length - 1]!),
      devices,
    },
  };
}
