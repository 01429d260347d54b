import { type Atom, isGroup } from './ast.js';
import { isWord, splitElements } from './source.js';

/**
 * Words that end a set element's key and start its options and per-element statements
 * (`1.2.3.4 timeout 1h comment "x"`, `0x0a counter packets 0 bytes 0`, `2.2.2.2 ct count over 5`).
 */
const ELEMENT_OPTIONS: ReadonlySet<string> = new Set(['timeout', 'expires', 'comment', 'counter', 'quota', 'limit', 'last', 'ct']);

/**
 * Per-element statements whose state decides whether the element matches a given packet: a
 * lookup that hits such an element can still fail once the limit, quota or connection count is
 * exceeded. Counters, timeouts and comments never change a lookup's outcome.
 */
const STATEFUL_OPTIONS: ReadonlySet<string> = new Set(['quota', 'limit', 'ct']);

export interface ElementParts {
  key: Atom[];
  /** The element carries a limit, quota or `ct count`: its membership is not a fixed fact. */
  stateful: boolean;
}

export function splitElementOptions(atoms: Atom[]): ElementParts {
  const end = atoms.findIndex((a) => isWord(a) && ELEMENT_OPTIONS.has(a.image));
  if (end < 0) return { key: atoms, stateful: false };
  const stateful = atoms.slice(end).some((a) => isWord(a) && STATEFUL_OPTIONS.has(a.image));
  return { key: atoms.slice(0, end), stateful };
}

/** Whether any element of an anonymous set (nested sets included) carries stateful statements. */
export function hasStatefulElement(group: Atom): boolean {
  if (!isGroup(group)) return false;
  return splitElements(group).some((element) =>
    element.length === 1 && isGroup(element[0]!) ? hasStatefulElement(element[0]) : splitElementOptions(element).stateful,
  );
}
