/**
 * Compares fwlint's IR of an nft listing with nft's own JSON listing of the same ruleset: tables,
 * chains (type, hook, priority, policy), rule counts, and set elements (count, and values where the
 * JSON spells them as plain numbers, addresses, prefixes or ranges).
 */
import { parseAddress, parsePrefix } from '../../src/data/addresses.js';
import type { Ruleset, ValueItem } from '../../src/ir.js';

export type Aspect = 'tables' | 'chains' | 'rules' | 'set elements' | 'element values';
export const ASPECTS: readonly Aspect[] = ['tables', 'chains', 'rules', 'set elements', 'element values'];

export interface TwinComparison {
  /** Aspects that differ, each with a short description of the first difference. */
  differences: Partial<Record<Aspect, string>>;
  /** Aspects the JSON gave nothing to compare (no sets, or no simple element values). */
  notApplicable: Aspect[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonObjects(json: unknown, kind: string): Json[] {
  if (!isObject(json) || !Array.isArray(json['nftables'])) return [];
  return json['nftables'].flatMap((entry: unknown) => (isObject(entry) && isObject(entry[kind]) ? [entry[kind] as Json] : []));
}

function firstDifference(label: string, ours: string[], theirs: string[]): string | undefined {
  const a = [...ours].sort();
  const b = [...theirs].sort();
  const missing = b.filter((x) => !a.includes(x));
  const extra = a.filter((x) => !b.includes(x));
  if (missing.length === 0 && extra.length === 0 && a.length === b.length) return undefined;
  if (missing.length > 0) return `${label}: nft has ${missing[0]} (${missing.length} missing in fwlint)`;
  if (extra.length > 0) return `${label}: fwlint has ${extra[0]} (${extra.length} not in nft)`;
  return `${label}: ${a.length} in fwlint, ${b.length} in nft`;
}

/** A JSON element value as an inclusive range, when it is one of the simple spellings. */
function simpleValue(value: unknown): [bigint, bigint] | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return [BigInt(value), BigInt(value)];
  if (typeof value === 'string') {
    const address = parseAddress(value);
    return address ? [address.value, address.value] : undefined;
  }
  if (!isObject(value)) return undefined;
  const prefix = value['prefix'];
  if (isObject(prefix) && typeof prefix['addr'] === 'string' && typeof prefix['len'] === 'number') {
    const parsed = parsePrefix(`${prefix['addr']}/${prefix['len']}`);
    return parsed ? [parsed.range.low, parsed.range.high] : undefined;
  }
  const range = value['range'];
  if (Array.isArray(range) && range.length === 2) {
    const low = simpleValue(range[0]);
    const high = simpleValue(range[1]);
    return low && high ? [low[0], high[1]] : undefined;
  }
  if (isObject(value['elem'])) return simpleValue(value['elem']['val']);
  return undefined;
}

/** The key of a JSON set element: map elements are `[key, data]`. */
function elementKey(element: unknown, isMap: boolean): unknown {
  return isMap && Array.isArray(element) ? element[0] : element;
}

function irValue(key: readonly ValueItem[]): [bigint, bigint] | undefined {
  const [item] = key;
  return key.length === 1 && item?.kind === 'range' ? [item.low, item.high] : undefined;
}

/**
 * Key types whose elements fwlint keeps as plain values; for others (`typeof vlan id`, `ct bytes`)
 * the IR records the element without a typed key, by design, and values are not compared.
 */
const VALUE_TYPES = /^(ipv4_addr|ipv6_addr|inet_service|inet_proto|mark|typeof (ip6? [sd]addr|(tcp|udp|th) [sd]port|meta mark))$/;

const rangeText = ([low, high]: [bigint, bigint]): string => (low === high ? `${low}` : `${low}-${high}`);

export function compareWithJson(ruleset: Ruleset, json: unknown): TwinComparison {
  const differences: Partial<Record<Aspect, string>> = {};
  const notApplicable: Aspect[] = [];
  const note = (aspect: Aspect, difference: string | undefined): void => {
    if (difference) differences[aspect] = difference;
  };

  note('tables', firstDifference('tables', ruleset.tables.map((t) => `${t.family} ${t.name}`), jsonObjects(json, 'table').map((t) => `${t['family']} ${t['name']}`)));

  const ourChains = ruleset.tables.flatMap((t) => t.chains.filter((c) => !c.anonymous));
  const theirChains = jsonObjects(json, 'chain');
  note(
    'chains',
    firstDifference(
      'chains',
      ourChains.map((c) => {
        const base = c.base ? ` ${c.base.type} ${c.base.hook} ${c.base.priority}` : '';
        const policy = c.base && theirChains.some((j) => j['name'] === c.name && j['table'] === c.table && j['family'] === c.family && 'policy' in j) ? ` ${c.base.policy}` : '';
        return `${c.family} ${c.table} ${c.name}${base}${policy}`;
      }),
      theirChains.map((j) => {
        const base = 'hook' in j ? ` ${j['type']} ${j['hook']} ${j['prio']}` : '';
        const policy = 'policy' in j ? ` ${j['policy']}` : '';
        return `${j['family']} ${j['table']} ${j['name']}${base}${policy}`;
      }),
    ),
  );

  const theirRules = jsonObjects(json, 'rule');
  note(
    'rules',
    firstDifference(
      'rules per chain',
      ourChains.map((c) => `${c.family} ${c.table} ${c.name}: ${c.rules.length}`),
      theirChains.map((j) => {
        const count = theirRules.filter((r) => r['family'] === j['family'] && r['table'] === j['table'] && r['chain'] === j['name']).length;
        return `${j['family']} ${j['table']} ${j['name']}: ${count}`;
      }),
    ),
  );

  const theirSets = [...jsonObjects(json, 'set').map((s) => ({ s, isMap: false })), ...jsonObjects(json, 'map').map((s) => ({ s, isMap: true }))];
  if (theirSets.length === 0) notApplicable.push('set elements', 'element values');
  let valuesCompared = 0;
  for (const { s, isMap } of theirSets) {
    const label = `${s['family']} ${s['table']} ${s['name']}`;
    const ours = ruleset.tables
      .find((t) => t.family === s['family'] && t.name === s['table'])
      ?.sets.find((set) => set.name === s['name']);
    const elements = Array.isArray(s['elem']) ? (s['elem'] as unknown[]) : [];
    if (!ours) {
      differences['set elements'] ??= `set ${label} missing in fwlint`;
      continue;
    }
    if (ours.elements.length !== elements.length) {
      differences['set elements'] ??= `set ${label}: ${ours.elements.length} elements in fwlint, ${elements.length} in nft`;
      continue;
    }
    const theirValues = elements.map((e) => simpleValue(elementKey(e, isMap)));
    if (elements.length === 0 || theirValues.some((v) => v === undefined)) continue;
    if (ours.keyFields === undefined && !VALUE_TYPES.test(ours.keyType)) continue;
    valuesCompared++;
    note(
      'element values',
      differences['element values'] ??
        firstDifference(
          `set ${label} values`,
          ours.elements.map((e) => {
            const value = irValue(e.key);
            return value ? rangeText(value) : 'not a plain range';
          }),
          theirValues.map((v) => rangeText(v!)),
        ),
    );
  }
  if (theirSets.length > 0 && valuesCompared === 0) notApplicable.push('element values');
  return { differences, notApplicable };
}
