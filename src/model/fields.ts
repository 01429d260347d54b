import { FIELDS, NFPROTO_IPV4, NFPROTO_IPV6, type FieldName } from '../ir.js';
import { type IntervalSet, normalize } from './intervals.js';

/**
 * The order fields take inside a box. Fields that others depend on (nfproto, l4proto) come
 * first, so that box subtraction, which splits field by field in this order, keeps every
 * piece normalised (see `dependencyOf`).
 */
export const FIELD_ORDER: readonly FieldName[] = [
  'nfproto',
  'l4proto',
  'saddr4',
  'daddr4',
  'saddr6',
  'daddr6',
  'sport',
  'dport',
  'icmpType',
  'icmpCode',
  'tcpFlags',
  'iifname',
  'oifname',
  'ctState',
  'ctStatus',
  'ctDirection',
  'mark',
  'ctMark',
  'skuid',
  'skgid',
  'pkttype',
  'ttl',
  'length',
];

export const FIELD_COUNT = FIELD_ORDER.length;

// A plain object rather than a Map: compiling looks a field up for every match of every rule.
const indexByName: Partial<Record<FieldName, number>> = Object.fromEntries(FIELD_ORDER.map((name, i) => [name, i]));

export function fieldIndex(name: FieldName): number {
  const index = indexByName[name];
  if (index === undefined) throw new Error(`unknown field ${name}`);
  return index;
}

export const F = {
  nfproto: fieldIndex('nfproto'),
  l4proto: fieldIndex('l4proto'),
  saddr4: fieldIndex('saddr4'),
  daddr4: fieldIndex('daddr4'),
  saddr6: fieldIndex('saddr6'),
  daddr6: fieldIndex('daddr6'),
  sport: fieldIndex('sport'),
  dport: fieldIndex('dport'),
  icmpType: fieldIndex('icmpType'),
  icmpCode: fieldIndex('icmpCode'),
  tcpFlags: fieldIndex('tcpFlags'),
  iifname: fieldIndex('iifname'),
  oifname: fieldIndex('oifname'),
  ctState: fieldIndex('ctState'),
  ctStatus: fieldIndex('ctStatus'),
} as const;

/** Protocols with 16-bit ports at the usual place: tcp, udp, dccp, sctp, udplite. */
const PORT_PROTOCOLS = normalize([6n, 6n, 17n, 17n, 33n, 33n, 132n, 132n, 136n, 136n]);
const ICMP_PROTOCOLS = normalize([1n, 1n, 58n, 58n]);
const TCP_ONLY: IntervalSet = [6n, 6n];
const IPV4_ONLY: IntervalSet = [NFPROTO_IPV4, NFPROTO_IPV4];
const IPV6_ONLY: IntervalSet = [NFPROTO_IPV6, NFPROTO_IPV6];

export interface Dependency {
  field: number;
  allowed: IntervalSet;
}

/**
 * A field that exists only for some packets: ports only for port protocols, ICMP type only for
 * ICMP, IPv4 addresses only for IPv4. A box constraining the field also constrains its
 * dependency, so that no box describes "ICMP packets with destination port 22".
 */
export const DEPENDENCIES: readonly (Dependency | undefined)[] = FIELD_ORDER.map((name) => {
  switch (name) {
    case 'saddr4':
    case 'daddr4':
      return { field: F.nfproto, allowed: IPV4_ONLY };
    case 'saddr6':
    case 'daddr6':
      return { field: F.nfproto, allowed: IPV6_ONLY };
    case 'sport':
    case 'dport':
      return { field: F.l4proto, allowed: PORT_PROTOCOLS };
    case 'icmpType':
    case 'icmpCode':
      return { field: F.l4proto, allowed: ICMP_PROTOCOLS };
    case 'tcpFlags':
      return { field: F.l4proto, allowed: TCP_ONLY };
    default:
      return undefined;
  }
});

/**
 * Fields whose every value a double holds exactly (all but IPv6 addresses): comparing their bounds
 * as doubles is an exact test, not an approximation.
 */
export const EXACT_AS_DOUBLE: readonly boolean[] = FIELD_ORDER.map(
  (name) => FIELDS[name].kind === 'interface' || FIELDS[name].max <= 2n ** 53n,
);

/** Inclusive maximum of each field (interface fields get theirs from the alphabet). */
export function fieldMaxima(interfaceCount: number): bigint[] {
  return FIELD_ORDER.map((name) => (FIELDS[name].kind === 'interface' ? BigInt(interfaceCount - 1) : FIELDS[name].max));
}

export function isPortProtocol(proto: bigint): boolean {
  return proto === 6n || proto === 17n || proto === 33n || proto === 132n || proto === 136n;
}
