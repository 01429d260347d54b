import type { FieldName } from '../../src/ir.js';
import type { Atom } from './ast.js';
import type { Cursor } from './cursor.js';
import { isToken } from './source.js';
import { parseNftInteger } from './values.js';

/** The left-hand side of a match or `set`: a packet/meta/ct selector as nft spells it. */
export interface Selector {
  /** The selector words joined by spaces, `meta` added to unqualified meta keys (`meta mark`). */
  key: string;
  head: string;
  field?: FieldName;
  /** Implicit dependencies nft adds for this selector. */
  l4proto?: number;
  nfproto?: 'ipv4' | 'ipv6';
  nondeterministic: boolean;
  /** Bit offset and length of a raw payload load (`@th,16,8`). */
  raw?: { offset: number; length: number };
  start: Atom;
  end: Atom;
}

/** Payload headers and the dependency each implies. */
const HEADERS: Record<string, { l4proto?: number; nfproto?: 'ipv4' | 'ipv6' }> = {
  ip: { nfproto: 'ipv4' },
  ip6: { nfproto: 'ipv6' },
  tcp: { l4proto: 6 },
  udp: { l4proto: 17 },
  udplite: { l4proto: 136 },
  sctp: { l4proto: 132 },
  dccp: { l4proto: 33 },
  icmp: { l4proto: 1, nfproto: 'ipv4' },
  icmpv6: { l4proto: 58, nfproto: 'ipv6' },
  igmp: { l4proto: 2, nfproto: 'ipv4' },
  ah: { l4proto: 51 },
  esp: { l4proto: 50 },
  comp: { l4proto: 108 },
  gre: { l4proto: 47 },
  th: {},
  ether: {},
  vlan: {},
  arp: {},
  hbh: {},
  rt0: {},
  rt2: {},
  srh: {},
  frag: {},
  dst: {},
  mh: {},
  exthdr: {},
  vxlan: {},
  geneve: {},
  gretap: {},
};

/** Meta keys usable without the `meta` keyword. */
export const UNQUALIFIED_META = new Set([
  'mark', 'iif', 'iifname', 'iiftype', 'oif', 'oifname', 'oiftype', 'skuid', 'skgid', 'nftrace',
  'rtclassid', 'ibrname', 'obrname', 'ibriport', 'obriport', 'pkttype', 'cpu', 'iifgroup',
  'oifgroup', 'cgroup', 'time', 'day', 'hour',
]);

const TIME_KEYS = new Set(['time', 'day', 'hour']);

const META_KEYS = new Set([
  ...UNQUALIFIED_META, 'length', 'protocol', 'priority', 'random', 'secmark', 'nfproto', 'l4proto', 'iifkind',
  'oifkind', 'ibrpvid', 'ibrvproto', 'sdif', 'sdifname', 'broute', 'ibrhwaddr', 'ipsec', 'secpath',
  'ibridgename', 'obridgename',
]);

const CT_KEYS = new Set([
  'state', 'status', 'mark', 'direction', 'expiration', 'helper', 'label', 'l3proto', 'protocol', 'saddr',
  'daddr', 'proto-src', 'proto-dst', 'bytes', 'packets', 'avgpkt', 'zone', 'event', 'secmark', 'id', 'count',
  'timeout', 'expectation', 'ip', 'ip6',
]);

const FIELDS_BY_KEY: Record<string, FieldName> = {
  'ip saddr': 'saddr4',
  'ip daddr': 'daddr4',
  'ip6 saddr': 'saddr6',
  'ip6 daddr': 'daddr6',
  'ip protocol': 'l4proto',
  'ip6 nexthdr': 'l4proto',
  'meta l4proto': 'l4proto',
  'meta nfproto': 'nfproto',
  'tcp sport': 'sport',
  'tcp dport': 'dport',
  'udp sport': 'sport',
  'udp dport': 'dport',
  'udplite sport': 'sport',
  'udplite dport': 'dport',
  'sctp sport': 'sport',
  'sctp dport': 'dport',
  'dccp sport': 'sport',
  'dccp dport': 'dport',
  'th sport': 'sport',
  'th dport': 'dport',
  'icmp type': 'icmpType',
  'icmp code': 'icmpCode',
  'icmpv6 type': 'icmpType',
  'icmpv6 code': 'icmpCode',
  'meta iif': 'iifname',
  'meta iifname': 'iifname',
  'meta oif': 'oifname',
  'meta oifname': 'oifname',
  'ct state': 'ctState',
  'ct status': 'ctStatus',
  'ct direction': 'ctDirection',
  'ct mark': 'ctMark',
  'meta mark': 'mark',
  'meta skuid': 'skuid',
  'meta skgid': 'skgid',
  'tcp flags': 'tcpFlags',
  'meta pkttype': 'pkttype',
  'ip ttl': 'ttl',
  'ip6 hoplimit': 'ttl',
  'meta length': 'length',
};

/** Words that may follow a `tcp option`/`ip option` name as its field. */
const OPTION_FIELDS = new Set([
  'kind', 'length', 'size', 'count', 'value', 'left', 'right', 'tsval', 'tsecr', 'type', 'addr',
  'ptr', 'subtype', 'mptcp',
]);

/** Selectors whose outcome differs from packet to packet for the same headers. */
const NONDETERMINISTIC_KEYS = new Set([
  'meta random', 'ct expiration', 'ct bytes', 'ct packets', 'ct avgpkt', 'meta cpu', 'ct count',
]);

/**
 * The known two-word keys, by their words: each match looks its key up several times, and the
 * shared string spares building (and hashing) a new one per match.
 */
const KNOWN_PAIRS = new Map<string, Map<string, string>>();
for (const key of [...Object.keys(FIELDS_BY_KEY), ...NONDETERMINISTIC_KEYS]) {
  const [head, tail, ...more] = key.split(' ');
  if (more.length > 0 || tail === undefined) continue;
  let tails = KNOWN_PAIRS.get(head!);
  if (tails === undefined) KNOWN_PAIRS.set(head!, (tails = new Map()));
  tails.set(tail, key);
}

function selectorKey(words: string[]): string {
  return (words.length === 2 ? KNOWN_PAIRS.get(words[0]!)?.get(words[1]!) : undefined) ?? words.join(' ');
}

function consumeWord(c: Cursor): string | undefined {
  const w = c.word();
  if (w !== undefined) c.index++;
  return w;
}

function consumeNumber(c: Cursor): boolean {
  if (c.isType('Number')) {
    c.index++;
    return true;
  }
  return false;
}

/** `mod N [seed N] [offset N]` after numgen/jhash/symhash. */
function consumeHashTail(c: Cursor): void {
  while (c.accept('mod', 'seed', 'offset') !== undefined) consumeNumber(c);
}

function payloadTail(c: Cursor, head: string, words: string[]): boolean {
  const field = consumeWord(c);
  if (field === undefined) return false;
  words.push(field);
  if (field === 'option' || (head === 'sctp' && field === 'chunk')) {
    const name = consumeWord(c);
    if (name === undefined) return false;
    words.push(name);
    if (c.word() !== undefined && OPTION_FIELDS.has(c.word()!)) words.push(consumeWord(c)!);
    else if (head === 'sctp' && c.word() !== undefined && /^[a-z][a-z-]*$/.test(c.word()!) && c.word() !== 'exists' && c.word() !== 'missing') {
      words.push(consumeWord(c)!);
    }
  } else if (head === 'arp' && (field === 'saddr' || field === 'daddr')) {
    const kind = c.accept('ip', 'ether');
    if (kind !== undefined) words.push(kind);
  } else if (head === 'exthdr' || ((head === 'vxlan' || head === 'geneve' || head === 'gretap' || head === 'gre') && field in HEADERS)) {
    const inner = consumeWord(c);
    if (inner !== undefined) words.push(inner);
  }
  return true;
}

function buildSelector(c: Cursor, start: number, head: string, words: string[]): Selector {
  const key = selectorKey(words);
  const dep = HEADERS[head];
  return {
    key,
    head,
    field: FIELDS_BY_KEY[key],
    l4proto: dep?.l4proto,
    nfproto: dep?.nfproto,
    nondeterministic: NONDETERMINISTIC_KEYS.has(key) || head === 'numgen' || TIME_KEYS.has(words[1] ?? ''),
    start: c.atoms[start]!,
    end: c.last(),
  };
}

function rewind(c: Cursor, start: number): undefined {
  c.index = start;
  return undefined;
}

/**
 * Reads one selector at the cursor. Returns undefined (cursor unchanged) when the atom there
 * does not start one.
 */
export function readSelector(c: Cursor): Selector | undefined {
  const start = c.index;
  const w = c.word();
  if (w === undefined) {
    if (c.isType('At') && isToken(c.peek(2), 'Comma')) return readRawPayload(c, start) ?? rewind(c, start);
    return undefined;
  }
  c.index++;
  if (w === 'meta') {
    const key = consumeWord(c);
    return key === undefined || !META_KEYS.has(key) ? rewind(c, start) : buildSelector(c, start, 'meta', ['meta', key]);
  }
  if (UNQUALIFIED_META.has(w)) return buildSelector(c, start, 'meta', ['meta', w]);
  if (w === 'ct') {
    const words = ['ct'];
    const dir = c.accept('original', 'reply');
    if (dir !== undefined) words.push(dir);
    const key = consumeWord(c);
    if (key === undefined || !CT_KEYS.has(key)) return rewind(c, start);
    words.push(key);
    if ((key === 'ip' || key === 'ip6') && c.word() !== undefined) words.push(consumeWord(c)!);
    return buildSelector(c, start, 'ct', words);
  }
  if (w === 'fib') {
    if (consumeWord(c) === undefined) return rewind(c, start);
    while (c.isType('Dot') && c.word(1) !== undefined) c.index += 2;
    return consumeWord(c) === undefined ? rewind(c, start) : buildSelector(c, start, 'fib', ['fib']);
  }
  if (w === 'rt' || w === 'rt6') {
    c.accept('ip', 'ip6');
    const key = consumeWord(c);
    return key === undefined ? rewind(c, start) : buildSelector(c, start, 'rt', ['rt', key]);
  }
  if (w === 'socket') {
    const key = consumeWord(c);
    if (key === undefined) return rewind(c, start);
    if (c.accept('level') !== undefined) consumeNumber(c);
    return buildSelector(c, start, 'socket', ['socket', key]);
  }
  if (w === 'osf') {
    if (c.accept('ttl') !== undefined) consumeWord(c);
    const key = consumeWord(c);
    return key === undefined ? rewind(c, start) : buildSelector(c, start, 'osf', ['osf', key]);
  }
  if (w === 'numgen') {
    if (consumeWord(c) === undefined) return rewind(c, start);
    consumeHashTail(c);
    return buildSelector(c, start, 'numgen', ['numgen']);
  }
  if (w === 'symhash') {
    consumeHashTail(c);
    return buildSelector(c, start, 'symhash', ['symhash']);
  }
  if (w === 'jhash') {
    do {
      if (readSelector(c) === undefined) return rewind(c, start);
    } while (c.isType('Dot') && c.index++ >= 0);
    consumeHashTail(c);
    return buildSelector(c, start, 'jhash', ['jhash']);
  }
  if (w === 'ipsec') {
    if (c.accept('in', 'out') === undefined) return rewind(c, start);
    if (c.accept('spnum') !== undefined) consumeNumber(c);
    const key = consumeWord(c);
    if (key === undefined) return rewind(c, start);
    if ((key === 'ip' || key === 'ip6') && c.word() !== undefined) consumeWord(c);
    return buildSelector(c, start, 'ipsec', ['ipsec', key]);
  }
  if (w === 'rt' || w in HEADERS) {
    const words = [w];
    if (!payloadTail(c, w, words)) return rewind(c, start);
    return buildSelector(c, start, w, words);
  }
  return rewind(c, start);
}

/** `@nh,16,8`: a raw payload load (base, bit offset, bit length). */
function readRawPayload(c: Cursor, start: number): Selector | undefined {
  c.index++;
  const base = consumeWord(c);
  if (base === undefined) return undefined;
  const bits: number[] = [];
  for (let i = 0; i < 2; i++) {
    if (!c.isType('Comma')) return undefined;
    c.index++;
    const number = c.peek();
    if (!consumeNumber(c)) return undefined;
    bits.push(Number(parseNftInteger((number as { image: string }).image) ?? 0n));
  }
  return { ...buildSelector(c, start, 'raw', ['raw', base]), raw: { offset: bits[0]!, length: bits[1]! } };
}
