import type { FieldName, SetDecl, SetElement, ValueItem } from '../../src/ir.js';
import { type Atom, type Group, isGroup } from './ast.js';
import { Cursor } from './cursor.js';
import { readSelector } from './selectors.js';
import { splitElementOptions } from './element-options.js';
import { atomsText, isToken, isWord, type SourceFile, splitElements, splitOn } from './source.js';
import { type SymbolSpace, valueItem } from './values.js';
import { verdictFromAtoms, type VerdictEnv } from './verdicts.js';

/**
 * Set key types that map onto model fields. A type does not say which header field a set is
 * used with (`ipv4_addr` serves saddr and daddr alike), so address types map to the source
 * field; the value domain is what matters for element parsing.
 */
const TYPE_FIELDS: Record<string, { field: FieldName; space?: SymbolSpace }> = {
  ipv4_addr: { field: 'saddr4' },
  ipv6_addr: { field: 'saddr6' },
  inet_service: { field: 'dport' },
  inet_proto: { field: 'l4proto' },
  ifname: { field: 'iifname' },
  iface_index: { field: 'iifname' },
  mark: { field: 'mark' },
  ct_state: { field: 'ctState' },
  ct_status: { field: 'ctStatus' },
  nf_proto: { field: 'nfproto' },
  icmp_type: { field: 'icmpType', space: 'icmp' },
  icmpv6_type: { field: 'icmpType', space: 'icmpv6' },
  pkt_type: { field: 'pkttype' },
  tcp_flag: { field: 'tcpFlags' },
  uid: { field: 'skuid' },
  gid: { field: 'skgid' },
};

export interface KeyType {
  keyType: string;
  keyFields?: FieldName[];
  spaces: SymbolSpace[];
  dataType?: string;
}

/** `type ipv4_addr . inet_service : verdict` or `typeof ip saddr . tcp dport : meta mark`. */
export function readKeyType(atoms: Atom[], source: SourceFile): KeyType {
  const colon = atoms.findIndex((a) => isToken(a, 'Colon'));
  const keyAtoms = atoms.slice(1, colon < 0 ? undefined : colon);
  const dataAtoms = colon < 0 ? [] : atoms.slice(colon + 1);
  const keyType = keyAtoms.length > 0 ? atomsText(source, keyAtoms[0]!, keyAtoms[keyAtoms.length - 1]!) : '';
  const dataType = dataAtoms.length > 0 ? atomsText(source, dataAtoms[0]!, dataAtoms[dataAtoms.length - 1]!) : undefined;
  const fields: FieldName[] = [];
  const spaces: SymbolSpace[] = [];
  const typeofForm = isWord(atoms[0], 'typeof');
  for (const part of splitOn(keyAtoms, 'Dot')) {
    if (typeofForm) {
      const c = new Cursor(part);
      const selector = readSelector(c);
      if (selector?.field === undefined || !c.done()) return { keyType, spaces: [], dataType };
      fields.push(selector.field);
      spaces.push(selector.head === 'icmpv6' ? 'icmpv6' : 'default');
    } else {
      const only = part.length === 1 && isWord(part[0]) ? TYPE_FIELDS[part[0].image] : undefined;
      if (only === undefined) return { keyType, spaces: [], dataType };
      fields.push(only.field);
      spaces.push(only.space ?? 'default');
    }
  }
  return fields.length > 0 ? { keyType, keyFields: fields, spaces, dataType } : { keyType, spaces, dataType };
}

function flatten(group: Group): Atom[][] {
  return splitElements(group).flatMap((element) =>
    element.length === 1 && isGroup(element[0]!) ? flatten(element[0]) : [element],
  );
}

/**
 * Parses `elements = { … }` (or an `add element` list) against the set's key type. Untyped sets
 * keep their elements with empty keys so map data (verdicts, jump targets) is not lost. An element
 * with a limit, quota or `ct count` may stop matching at run time, so its set counts as dynamic.
 */
export function readElements(set: SetDecl, spaces: SymbolSpace[], group: Group, source: SourceFile, env: VerdictEnv): void {
  for (const element of flatten(group)) {
    const colon = set.kind === 'map' ? element.findIndex((a) => isToken(a, 'Colon')) : -1;
    const { key: keyAtoms, stateful } = splitElementOptions(colon < 0 ? element : element.slice(0, colon));
    if (stateful) set.dynamic = true;
    const entry: SetElement = { key: [] };
    // Read afresh each time: once one element is untyped the set is, and the rest skip typing.
    const fields = set.keyFields;
    if (fields !== undefined) {
      const parts = splitOn(keyAtoms, 'Dot');
      const items = parts.length === fields.length ? parts.map((p, i) => valueItem(fields[i]!, p, spaces[i] ?? 'default')) : [];
      if (items.length === fields.length && items.every((i) => i !== undefined)) entry.key = items as SetElement['key'];
      else {
        set.keyFields = undefined;
        for (const earlier of set.elements) earlier.key = [];
      }
    }
    if (colon >= 0) {
      const data = element.slice(colon + 1);
      const verdict = set.dataType === 'verdict' ? verdictFromAtoms(data, env) : undefined;
      if (verdict !== undefined) entry.verdict = verdict;
      else if (data.length > 0) entry.data = atomsText(source, data[0]!, data[data.length - 1]!);
    }
    set.elements.push(set.keyFields === undefined ? { ...entry, key: [] } : entry);
  }
}

function sameItem(a: ValueItem, b: ValueItem): boolean {
  switch (a.kind) {
    case 'range':
      return b.kind === 'range' && a.low === b.low && a.high === b.high;
    case 'iface':
      return b.kind === 'iface' && a.name === b.name && a.wildcard === b.wildcard;
    case 'masked':
      return b.kind === 'masked' && a.value === b.value && a.mask === b.mask;
    case 'anyBits':
      return b.kind === 'anyBits' && a.mask === b.mask;
    case 'setRef':
      return b.kind === 'setRef' && a.name === b.name;
  }
}

/** `delete element`: drops the elements whose typed keys equal the listed ones. */
export function removeElements(set: SetDecl, spaces: SymbolSpace[], group: Group, source: SourceFile, env: VerdictEnv): void {
  if (set.keyFields === undefined) return;
  const listed: SetDecl = { ...set, elements: [] };
  readElements(listed, spaces, group, source, env);
  if (listed.keyFields === undefined) return;
  set.elements = set.elements.filter(
    (element) => !listed.elements.some((gone) => gone.key.length === element.key.length && gone.key.every((item, i) => sameItem(item, element.key[i]!))),
  );
}
