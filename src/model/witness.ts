import type { Hook } from '../ir.js';
import { NFPROTO_IPV4, NFPROTO_IPV6 } from '../ir.js';
import { CT_STATES } from '../data/conntrack.js';
import type { Box } from './box.js';
import { F, FIELD_ORDER } from './fields.js';
import type { InterfaceAlphabet } from './interfaces.js';
import { contains, intersect, type IntervalSet } from './intervals.js';
import { DEFAULTS, defaultTcpFlags, type NumericField, type Packet } from './packet.js';

const TEST_NET_3: IntervalSet = [0xcb007100n, 0xcb0071ffn]; // 203.0.113.0/24
const TEST_NET_2: IntervalSet = [0xc6336400n, 0xc63364ffn]; // 198.51.100.0/24
const DOC_V6: IntervalSet = [0x20010db8n << 96n, ((0x20010db8n + 1n) << 96n) - 1n]; // 2001:db8::/32

/** Picks the first preferred value the set allows, else the most readable value it has. */
function pick(set: IntervalSet | undefined, preferred: readonly bigint[], fallbackRanges: readonly IntervalSet[] = []): bigint {
  for (const value of preferred) if (set === undefined || contains(set, value)) return value;
  if (set === undefined || set.length === 0) return preferred[0] ?? 0n;
  for (const range of fallbackRanges) {
    const inside = intersect(set, range);
    if (inside.length > 0) return readable(inside);
  }
  return readable(set);
}

/** The low end of the first interval, skipping an all-zero host part (10.0.0.0/8 → 10.0.0.1). */
function readable(set: IntervalSet): bigint {
  const low = set[0]!;
  return set[1]! > low && (low & 0xffn) === 0n ? low + 1n : low;
}

const CT_PREFERENCE = [CT_STATES.new, CT_STATES.established, CT_STATES.related, CT_STATES.invalid, CT_STATES.untracked].map(BigInt);

/** A concrete packet inside a box, chosen to read well (documentation addresses, port 40000 …). */
export function packetInBox(box: Box, alphabet: InterfaceAlphabet): Packet {
  const v: Partial<Record<NumericField, bigint>> = {};
  v.nfproto = pick(box[F.nfproto], [NFPROTO_IPV4, NFPROTO_IPV6]);
  if (v.nfproto === NFPROTO_IPV6) {
    v.saddr6 = pick(box[F.saddr6], [DEFAULTS.saddr6], [DOC_V6]);
    v.daddr6 = pick(box[F.daddr6], [DEFAULTS.daddr6], [DOC_V6]);
  } else {
    v.saddr4 = pick(box[F.saddr4], [DEFAULTS.saddr4], [TEST_NET_3, TEST_NET_2]);
    v.daddr4 = pick(box[F.daddr4], [DEFAULTS.daddr4], [TEST_NET_2, TEST_NET_3]);
  }
  const proto = pick(box[F.l4proto], [6n, 17n, v.nfproto === NFPROTO_IPV6 ? 58n : 1n]);
  v.l4proto = proto;
  if (proto === 6n || proto === 17n || proto === 33n || proto === 132n || proto === 136n) {
    v.sport = pick(box[F.sport], [DEFAULTS.sport], [[1024n, 65535n]]);
    v.dport = pick(box[F.dport], [DEFAULTS.dport]);
  }
  if (proto === 1n || proto === 58n) {
    v.icmpType = pick(box[F.icmpType], [proto === 58n ? DEFAULTS.icmpType6 : DEFAULTS.icmpType4]);
    v.icmpCode = pick(box[F.icmpCode], [0n]);
  }
  v.ctState = pick(box[F.ctState], CT_PREFERENCE);
  if (proto === 6n) v.tcpFlags = pick(box[F.tcpFlags], [defaultTcpFlags(v.ctState)]);
  const plain: readonly [NumericField, bigint][] = [
    ['ctStatus', 0n],
    ['ctDirection', 0n],
    ['mark', 0n],
    ['ctMark', 0n],
    ['skuid', 0n],
    ['skgid', 0n],
    ['pkttype', 0n],
    ['ttl', DEFAULTS.ttl],
    ['length', DEFAULTS.length],
  ];
  for (const [field, preferred] of plain) v[field] = pick(box[FIELD_ORDER.indexOf(field)], [preferred]);
  const iifname = interfaceName(box[F.iifname], alphabet);
  const oifname = interfaceName(box[F.oifname], alphabet);
  return { values: v, iifname, oifname, hook: hookFor(iifname, oifname) };
}

/** Names from the ruleset first, then fresh names, and "no interface" only when nothing else fits. */
function interfaceName(set: IntervalSet | undefined, alphabet: InterfaceAlphabet): string {
  if (set === undefined || set.length === 0) return alphabet.names[1] ?? '';
  const firstNamed = set[0] === 0n ? (set[1]! >= 1n ? 1n : set[2]) : set[0];
  return firstNamed === undefined ? '' : (alphabet.names[Number(firstNamed)] ?? '');
}

function hookFor(iifname: string, oifname: string): Hook {
  if (iifname === '') return 'output';
  if (oifname === '') return 'input';
  return 'forward';
}

export function witnessOfBoxes(boxes: readonly Box[], alphabet: InterfaceAlphabet): Packet | undefined {
  const box = boxes[0];
  return box === undefined ? undefined : packetInBox(box, alphabet);
}
