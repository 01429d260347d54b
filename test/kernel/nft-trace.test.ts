/**
 * The trace reader the kernel comparison relies on, fed with `nft -a monitor trace` output as
 * nft 1.0.6 prints it (packet lines shortened). Runs without root.
 */
import { describe, expect, it } from 'vitest';
import { packetKey, parseNftTrace } from './nft-trace.js';

const SYN_THEN_ACK = `trace id 31fcf2a8 inet fwlint_trace tag packet: iif "vsrv0" ip saddr 10.199.0.1 ip daddr 10.199.0.2 ip protocol tcp tcp sport 40003 tcp dport 22 tcp flags == syn
trace id 31fcf2a8 inet fwlint_trace tag rule meta nftrace set 1 # handle 2 (verdict continue)
trace id 31fcf2a8 inet fwlint_trace tag policy accept
trace id 31fcf2a8 ip filter input packet: iif "vsrv0" ip saddr 10.199.0.1 ip daddr 10.199.0.2 tcp sport 40003 tcp dport 22 tcp flags == syn
trace id 31fcf2a8 ip filter input rule ip saddr 10.199.0.0/24 jump from_lan # handle 11 (verdict jump from_lan)
trace id 31fcf2a8 ip filter from_lan rule jump services # handle 9 (verdict jump services)
trace id 31fcf2a8 ip filter services rule tcp dport 22 accept # handle 4 (verdict accept)
trace id 31fcf2a8 inet fwlint_trace tag packet: iif "vsrv0" ip saddr 10.199.0.1 ip daddr 10.199.0.2 ip protocol tcp tcp sport 40003 tcp dport 22 tcp flags == ack
trace id 31fcf2a8 ip filter input packet: iif "vsrv0" ip saddr 10.199.0.1 ip daddr 10.199.0.2 tcp sport 40003 tcp dport 22 tcp flags == ack
trace id 31fcf2a8 ip filter input rule ct state established accept # handle 3 (verdict accept)
`;

const TWO_TABLES = `trace id 0badf00d inet early input packet: iif "vsrv0" ip saddr 10.199.0.1 ip daddr 10.199.0.2 tcp sport 40052 tcp dport 443 tcp flags == syn
trace id 0badf00d inet early input rule tcp dport 443 accept # handle 2 (verdict accept)
trace id 0badf00d ip late input packet: iif "vsrv0" ip saddr 10.199.0.1 ip daddr 10.199.0.2 tcp sport 40052 tcp dport 443 tcp flags == syn
trace id 0badf00d ip late input policy drop
trace id 7e57ab1e ip6 late6 input packet: iif "vsrv0" ip6 saddr fd00:199::1 ip6 daddr fd00:199::2 icmpv6 type echo-request icmpv6 code no-route
trace id 7e57ab1e ip6 late6 input policy accept
`;

const SEEN_ONLY_BY_THE_TRACING_TABLE = `trace id 5ca1ab1e inet fwlint_trace tag packet: iif "vsrv0" ip6 saddr fd00:199::1 ip6 daddr fd00:199::2 tcp sport 40014 tcp dport 80 tcp flags == syn
trace id 5ca1ab1e inet fwlint_trace tag rule meta nftrace set 1 # handle 2 (verdict continue)
trace id 5ca1ab1e inet fwlint_trace tag policy accept
`;

describe('parseNftTrace', () => {
  it('keeps the first packet of a flow even when the kernel reuses its trace id for the next one', () => {
    const traces = parseNftTrace(SYN_THEN_ACK);
    expect(traces.get(packetKey({ proto: 'tcp', saddr: '10.199.0.1', sport: 40003, dport: 22 }))).toEqual([
      { table: 'ip filter', chain: 'input', handle: 11, verdict: 'jump from_lan' },
      { table: 'ip filter', chain: 'from_lan', handle: 9, verdict: 'jump services' },
      { table: 'ip filter', chain: 'services', handle: 4, verdict: 'accept' },
    ]);
  });

  it('joins the base chains of several tables that see one packet, and reads ICMPv6 and policies', () => {
    const traces = parseNftTrace(TWO_TABLES);
    expect(traces.get(packetKey({ proto: 'tcp', saddr: '10.199.0.1', sport: 40052, dport: 443 }))).toEqual([
      { table: 'inet early', chain: 'input', handle: 2, verdict: 'accept' },
      { table: 'ip late', chain: 'input', verdict: 'policy drop' },
    ]);
    expect(traces.get(packetKey({ proto: 'icmp', saddr: 'fd00:199::1' }))).toEqual([
      { table: 'ip6 late6', chain: 'input', verdict: 'policy accept' },
    ]);
  });

  it('tells a packet no input chain looked at from a packet the monitor never saw', () => {
    const traces = parseNftTrace(SEEN_ONLY_BY_THE_TRACING_TABLE);
    expect(traces.get(packetKey({ proto: 'tcp', saddr: 'fd00:199::1', sport: 40014, dport: 80 }))).toEqual([]);
    expect(traces.get(packetKey({ proto: 'tcp', saddr: 'fd00:199::1', sport: 40015, dport: 80 }))).toBeUndefined();
  });
});
