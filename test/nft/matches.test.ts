import { describe, expect, it } from 'vitest';
import { NFPROTO_IPV4, NFPROTO_IPV6 } from '../../src/ir.js';
import { explicitMatches, fieldMatch, onlyRule, range } from './helpers.js';

const ip = (a: number, b: number, c: number, d: number) => BigInt(((a << 24) >>> 0) + (b << 16) + (c << 8) + d);

describe('nft numbers and symbolic values', () => {
  it('reads a leading 0 as octal, 08 as the service "8", and 0x as hex', () => {
    expect(fieldMatch(onlyRule('tcp dport 022 accept'), 'dport').items).toEqual([range(18)]);
    expect(fieldMatch(onlyRule('tcp dport 08 accept'), 'dport').items).toEqual([range(8)]);
    expect(fieldMatch(onlyRule('tcp dport 0x50 accept'), 'dport').items).toEqual([range(80)]);
  });

  it('resolves service, protocol and ICMP names', () => {
    expect(fieldMatch(onlyRule('tcp dport { ssh, https } accept'), 'dport').items).toEqual([range(22), range(443)]);
    expect(fieldMatch(onlyRule('meta l4proto udp accept'), 'l4proto').items).toEqual([range(17)]);
    expect(fieldMatch(onlyRule('icmp type echo-request accept'), 'icmpType').items).toEqual([range(8)]);
    expect(fieldMatch(onlyRule('icmpv6 type nd-neighbor-solicit accept'), 'icmpType').items).toEqual([range(135)]);
  });

  it('normalises prefixes with host bits set and reads address ranges', () => {
    expect(fieldMatch(onlyRule('ip saddr 10.0.0.1/24 accept'), 'saddr4').items).toEqual([range(ip(10, 0, 0, 0), ip(10, 0, 0, 255))]);
    expect(fieldMatch(onlyRule('ip daddr 10.0.0.1-10.0.0.9 accept'), 'daddr4').items).toEqual([range(ip(10, 0, 0, 1), ip(10, 0, 0, 9))]);
    expect(fieldMatch(onlyRule('ip6 saddr ::1 accept'), 'saddr6').items).toEqual([range(1)]);
  });

  it('turns relational operators into ranges and != into a negated match', () => {
    expect(fieldMatch(onlyRule('meta length < 100 accept'), 'length').items).toEqual([range(0, 99)]);
    expect(fieldMatch(onlyRule('ip ttl > 5 accept'), 'ttl').items).toEqual([range(6, 255)]);
    expect(fieldMatch(onlyRule('tcp dport >= 1024 accept'), 'dport').items).toEqual([range(1024, 65535)]);
    const ne = fieldMatch(onlyRule('tcp dport != { 22, 80 } accept'), 'dport');
    expect(ne.negate).toBe(true);
    expect(ne.items).toEqual([range(22), range(80)]);
  });

  it('keeps interface wildcards and maps iif to the interface name field', () => {
    expect(fieldMatch(onlyRule('iifname eth* accept'), 'iifname').items).toEqual([{ kind: 'iface', name: 'eth', wildcard: true }]);
    expect(fieldMatch(onlyRule('iif "lo" accept'), 'iifname').items).toEqual([{ kind: 'iface', name: 'lo', wildcard: false }]);
    expect(fieldMatch(onlyRule('oifname "eth+" accept'), 'oifname').items).toEqual([{ kind: 'iface', name: 'eth+', wildcard: false }]);
  });

  it('reads a whole-byte prefix on an interface name as the wildcard nft lists it as', () => {
    expect(fieldMatch(onlyRule('iifname "eth0"/16 accept'), 'iifname').items).toEqual([{ kind: 'iface', name: 'et', wildcard: true }]);
    expect(fieldMatch(onlyRule('iifname "eth0"/32 accept'), 'iifname').items).toEqual([{ kind: 'iface', name: 'eth0', wildcard: true }]);
    // The NUL after the name is part of the prefix: only eth0 itself.
    expect(fieldMatch(onlyRule('iifname "eth0"/40 accept'), 'iifname').items).toEqual([{ kind: 'iface', name: 'eth0', wildcard: false }]);
  });

  it('turns a named set into a set reference', () => {
    expect(fieldMatch(onlyRule('ip saddr != @blocked drop'), 'saddr4')).toMatchObject({ negate: true, items: [{ kind: 'setRef', name: 'blocked' }] });
  });
});

describe('nft bitmask semantics (reference §7.1)', () => {
  const established = 2n;
  const related = 4n;

  it('a bare comma list means "any of these bits"', () => {
    expect(fieldMatch(onlyRule('ct state established,related accept'), 'ctState')).toMatchObject({
      negate: false,
      items: [{ kind: 'anyBits', mask: established | related }],
    });
  });

  it('!= with a comma list is exact inequality, so it is true for established packets', () => {
    expect(fieldMatch(onlyRule('ct state != established,related drop'), 'ctState')).toMatchObject({
      negate: true,
      items: [range(established | related)],
    });
  });

  it('== with a list is exact equality and a braced set is a lookup of exact values', () => {
    expect(fieldMatch(onlyRule('tcp flags == syn,ack accept'), 'tcpFlags').items).toEqual([range(0x12)]);
    expect(fieldMatch(onlyRule('ct state { established, related } accept'), 'ctState').items).toEqual([range(established), range(related)]);
  });

  it('value / mask and & forms become masked items', () => {
    expect(fieldMatch(onlyRule('tcp flags syn / syn,ack accept'), 'tcpFlags').items).toEqual([{ kind: 'masked', value: 2n, mask: 0x12n }]);
    expect(fieldMatch(onlyRule('tcp flags & (syn | ack) == syn accept'), 'tcpFlags').items).toEqual([{ kind: 'masked', value: 2n, mask: 0x12n }]);
    expect(fieldMatch(onlyRule('meta mark and 0xff != 0x1 accept'), 'mark')).toMatchObject({ negate: true, items: [{ kind: 'masked', value: 1n, mask: 0xffn }] });
  });

  it('masks addresses with &', () => {
    expect(fieldMatch(onlyRule('ip6 saddr & ::ffff == ::1 accept'), 'saddr6').items).toEqual([{ kind: 'masked', value: 1n, mask: 0xffffn }]);
  });

  it('meta mark 0x1/0x1f is not a mask but a prefix: the top 31 bits are fixed', () => {
    expect(explicitMatches(onlyRule('meta mark 0x1/0x1f accept'))[0]).toMatchObject({ kind: 'field', field: 'mark', items: [range(0n, 1n)] });
    expect(explicitMatches(onlyRule('meta mark 0x1/0x20 accept'))[0]).toMatchObject({ kind: 'field', field: 'mark', items: [range(1n)] });
  });
});

describe('implicit protocol dependencies', () => {
  it('adds meta nfproto for ip/ip6 selectors in inet tables, before the match', () => {
    const rule = onlyRule('ip saddr 192.0.2.1 accept');
    expect(rule.matches.map((m) => (m.kind === 'field' ? `${m.field}${m.implicit ? '*' : ''}` : m.kind))).toEqual(['nfproto*', 'saddr4']);
    expect(rule.matches[0]).toMatchObject({ items: [range(NFPROTO_IPV4)] });
  });

  it('adds no nfproto in ip tables but always the l4proto of a transport selector', () => {
    const rule = onlyRule('ip saddr 192.0.2.1 tcp dport 22 accept', 'ip');
    expect(rule.matches.map((m) => (m.kind === 'field' ? `${m.field}${m.implicit ? '*' : ''}` : m.kind))).toEqual(['saddr4', 'l4proto*', 'dport']);
  });

  it('does not duplicate a dependency the rule states itself', () => {
    const rule = onlyRule('meta l4proto tcp tcp dport 22 accept');
    expect(rule.matches.filter((m) => m.kind === 'field' && m.field === 'l4proto')).toHaveLength(1);
  });

  it('icmpv6 implies l4proto 58 and IPv6; th ports imply nothing', () => {
    const rule = onlyRule('icmpv6 type echo-request accept');
    expect(rule.matches.filter((m) => m.kind === 'field' && m.implicit).map((m) => (m as { items: unknown }).items)).toEqual([
      [range(NFPROTO_IPV6)],
      [range(58)],
    ]);
    expect(onlyRule('th dport 53 accept').matches.filter((m) => m.kind === 'field' && m.implicit)).toEqual([]);
  });
});

describe('opaque matches', () => {
  it('marks limit, quota, numgen, ct count and meta random as nondeterministic', () => {
    for (const text of ['limit rate 10/second accept', 'quota over 1 mbytes drop', 'numgen random mod 2 0 accept', 'ct count over 3 drop', 'meta random 5 accept']) {
      expect(onlyRule(text).matches.some((m) => m.kind === 'opaque' && m.nondeterministic)).toBe(true);
    }
  });

  it('keeps what it does not model, with its text', () => {
    expect(explicitMatches(onlyRule('ip dscp cs1 accept'))[0]).toMatchObject({ kind: 'opaque', what: 'ip dscp', nondeterministic: false, text: 'ip dscp cs1' });
    expect(explicitMatches(onlyRule('fib daddr type local accept'))[0]).toMatchObject({ kind: 'opaque', what: 'fib' });
  });
});

describe('concatenations', () => {
  it('become ConcatMatch tuples', () => {
    const match = explicitMatches(onlyRule('ip saddr . tcp dport { 192.0.2.1 . 22, 192.0.2.2 . 80 } accept'))[0];
    expect(match).toMatchObject({
      kind: 'concat',
      fields: ['saddr4', 'dport'],
      negate: false,
      tuples: [
        [range(ip(192, 0, 2, 1)), range(22)],
        [range(ip(192, 0, 2, 2)), range(80)],
      ],
    });
  });

  it('with a named set keep the reference', () => {
    expect(explicitMatches(onlyRule('ip saddr . tcp dport @pairs accept'))[0]).toMatchObject({ kind: 'concat', setRef: { name: 'pairs' }, tuples: [] });
  });
});
