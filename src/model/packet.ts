import type { FieldName, Hook } from '../ir.js';
import { NFPROTO_IPV4, NFPROTO_IPV6 } from '../ir.js';
import { formatIPv4, formatIPv6 } from '../data/addresses.js';
import { CT_DIRECTIONS, CT_STATES, PKTTYPES, TCP_FLAGS } from '../data/conntrack.js';
import { NFT_ICMP_TYPES, NFT_ICMPV6_TYPES } from '../data/icmp.js';
import { protocolName, protocolNumber } from '../data/protocols.js';
import { isPortProtocol } from './fields.js';

export type NumericField = Exclude<FieldName, 'iifname' | 'oifname'>;

/** One concrete packet. Fields the packet does not have (ports of ICMP, IPv6 addresses of IPv4) are absent. */
export interface Packet {
  values: Partial<Record<NumericField, bigint>>;
  /** '' when the packet has no such interface (input interface of locally generated packets …). */
  iifname: string;
  oifname: string;
  /** Where the packet goes: `input` (delivered here), `forward` (routed through) or `output` (sent from here). */
  hook: Hook;
}

/**
 * The hooks a packet bound for `hook` traverses, in order. Ingress runs before prerouting on the
 * device the packet arrives by, egress after postrouting on the one it leaves by.
 */
export function hooksOnPath(hook: Hook): Hook[] {
  switch (hook) {
    case 'input':
      return ['ingress', 'prerouting', 'input'];
    case 'forward':
      return ['ingress', 'prerouting', 'forward', 'postrouting', 'egress'];
    case 'output':
      return ['output', 'postrouting', 'egress'];
    default:
      return [hook];
  }
}

export const DEFAULTS = {
  saddr4: 0xcb007107n, // 203.0.113.7
  daddr4: 0xc633640an, // 198.51.100.10
  saddr6: 0x20010db8000000000000000000000007n, // 2001:db8::7
  daddr6: 0x20010db8000000000000000000000010n, // 2001:db8::10
  sport: 40000n,
  dport: 80n,
  icmpType4: 8n,
  icmpType6: 128n,
  ctState: BigInt(CT_STATES.new),
  ttl: 64n,
  length: 60n,
} as const;

const ZERO_DEFAULT: readonly NumericField[] = ['ctStatus', 'ctDirection', 'mark', 'ctMark', 'skuid', 'skgid', 'pkttype'];

export function defaultTcpFlags(ctState: bigint | undefined): bigint {
  return ctState === BigInt(CT_STATES.new) ? BigInt(TCP_FLAGS.syn) : BigInt(TCP_FLAGS.ack);
}

export function defaultInterfaces(hook: Hook): { iifname: string; oifname: string } {
  switch (hook) {
    case 'output':
      return { iifname: '', oifname: 'eth0' };
    case 'forward':
    case 'postrouting':
      return { iifname: 'eth0', oifname: 'eth1' };
    default:
      return { iifname: 'eth0', oifname: '' };
  }
}

/** Words parsePacket reads as something else, so protocols of those names are written `proto N`. */
export const KEYWORDS = new Set(['ip', 'ipv4', 'ip6', 'ipv6', 'proto', 'l4proto', 'saddr', 'daddr', 'sport', 'dport', 'iif', 'oif', 'type', 'code', 'flags', 'ct', 'mark', 'hook']);

export function protoLabel(proto: bigint | undefined): string {
  if (proto === undefined) return 'proto 255';
  if (proto === 58n) return 'icmpv6';
  const name = protocolName(Number(proto));
  const usable = name !== undefined && /^[a-z][a-z0-9-]*$/.test(name) && !KEYWORDS.has(name) && protocolNumber(name) === Number(proto);
  return usable ? name : `proto ${proto}`;
}

function nameOf(table: Readonly<Record<string, number>>, value: bigint): string | undefined {
  return Object.entries(table).find(([, v]) => BigInt(v) === value)?.[0];
}

function hex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

function flagsText(flags: bigint): string {
  const names = Object.entries(TCP_FLAGS)
    .filter(([, bit]) => (flags & BigInt(bit)) !== 0n)
    .map(([name]) => name);
  return names.length === 0 ? '0' : names.join(',');
}

/** `tcp 203.0.113.7:40000 → 22, iif eth0, ct new`; every field that differs from parsePacket's default is shown. */
export function formatPacket(packet: Packet): string {
  const v = packet.values;
  const v6 = v.nfproto === NFPROTO_IPV6;
  const saddr = v6 ? v.saddr6 : v.saddr4;
  const daddr = v6 ? v.daddr6 : v.daddr4;
  const address = (a: bigint | undefined): string => (a === undefined ? '?' : v6 ? formatIPv6(a) : formatIPv4(a));
  const withPort = (a: bigint | undefined, port: bigint): string => (v6 ? `[${address(a)}]:${port}` : `${address(a)}:${port}`);
  const ports = v.sport !== undefined && v.dport !== undefined;
  const defaultDaddr = v6 ? DEFAULTS.daddr6 : DEFAULTS.daddr4;
  const src = ports ? withPort(saddr, v.sport!) : address(saddr);
  const dst = ports ? (daddr === defaultDaddr ? `${v.dport}` : withPort(daddr, v.dport!)) : address(daddr);
  const parts = [`${protoLabel(v.l4proto)} ${src} → ${dst}`];
  if (v.icmpType !== undefined) {
    const names = v.l4proto === 58n ? NFT_ICMPV6_TYPES : NFT_ICMP_TYPES;
    parts.push(`type ${nameOf(names, v.icmpType) ?? v.icmpType}`);
  }
  if (v.icmpCode !== undefined && v.icmpCode !== 0n) parts.push(`code ${v.icmpCode}`);
  if (packet.iifname !== '') parts.push(`iif ${packet.iifname}`);
  if (packet.oifname !== '') parts.push(`oif ${packet.oifname}`);
  if (v.ctState !== undefined) parts.push(`ct ${nameOf(CT_STATES, v.ctState) ?? v.ctState}`);
  if (v.tcpFlags !== undefined && v.tcpFlags !== defaultTcpFlags(v.ctState)) parts.push(`flags ${flagsText(v.tcpFlags)}`);
  if (v.ctStatus) parts.push(`ctstatus ${hex(v.ctStatus)}`);
  if (v.ctDirection) parts.push(`ctdirection ${nameOf(CT_DIRECTIONS, v.ctDirection) ?? v.ctDirection}`);
  if (v.mark) parts.push(`mark ${hex(v.mark)}`);
  if (v.ctMark) parts.push(`ctmark ${hex(v.ctMark)}`);
  if (v.skuid) parts.push(`uid ${v.skuid}`);
  if (v.skgid) parts.push(`gid ${v.skgid}`);
  if (v.pkttype) parts.push(`pkttype ${nameOf(PKTTYPES, v.pkttype) ?? v.pkttype}`);
  if (v.ttl !== undefined && v.ttl !== DEFAULTS.ttl) parts.push(`ttl ${v.ttl}`);
  if (v.length !== undefined && v.length !== DEFAULTS.length) parts.push(`length ${v.length}`);
  if (packet.hook !== 'input') parts.push(`hook ${packet.hook}`);
  return parts.join(', ');
}

/** Fills in every field a packet of this protocol has but `values` does not state. */
export function completePacket(values: Partial<Record<NumericField, bigint>>, hook: Hook, iifname?: string, oifname?: string): Packet {
  const v: Partial<Record<NumericField, bigint>> = { ...values };
  v.nfproto ??= NFPROTO_IPV4;
  const v6 = v.nfproto === NFPROTO_IPV6;
  if (v6) {
    v.saddr6 ??= DEFAULTS.saddr6;
    v.daddr6 ??= DEFAULTS.daddr6;
  } else {
    v.saddr4 ??= DEFAULTS.saddr4;
    v.daddr4 ??= DEFAULTS.daddr4;
  }
  v.l4proto ??= 6n;
  if (isPortProtocol(v.l4proto)) {
    v.sport ??= DEFAULTS.sport;
    v.dport ??= DEFAULTS.dport;
  }
  if (v.l4proto === 1n || v.l4proto === 58n) {
    v.icmpType ??= v.l4proto === 58n ? DEFAULTS.icmpType6 : DEFAULTS.icmpType4;
    v.icmpCode ??= 0n;
  }
  v.ctState ??= DEFAULTS.ctState;
  if (v.l4proto === 6n) v.tcpFlags ??= defaultTcpFlags(v.ctState);
  for (const field of ZERO_DEFAULT) v[field] ??= 0n;
  v.ttl ??= DEFAULTS.ttl;
  v.length ??= DEFAULTS.length;
  const interfaces = defaultInterfaces(hook);
  return { values: v, iifname: iifname ?? interfaces.iifname, oifname: oifname ?? interfaces.oifname, hook };
}
