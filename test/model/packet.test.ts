import { describe, expect, it } from 'vitest';
import { buildModel, formatPacket, parsePacket, witness } from '../../src/model/index.js';
import { nft, packet, ruleAt } from './parse-helpers.js';

describe('parsePacket / formatPacket', () => {
  it('reads the nft-like description and fills readable defaults', () => {
    const p = packet('tcp saddr 198.51.100.1 dport 22 iif eth0 ct new');
    expect(formatPacket(p)).toBe('tcp 198.51.100.1:40000 → 22, iif eth0, ct new');
    expect(p.values.tcpFlags).toBe(2n);
    expect(p.hook).toBe('input');
    expect(p.oifname).toBe('');
  });

  it.each([
    'tcp 203.0.113.7:40000 → 22, iif eth0, ct new',
    'udp 203.0.113.7:5353 → 198.51.100.20:53, iif wlan0, ct established',
    'tcp [2001:db8::7]:40000 → 443, iif eth0, ct new',
    'icmp 203.0.113.7 → 198.51.100.10, type echo-request, iif eth0, ct new',
    'icmpv6 2001:db8::7 → 2001:db8::10, type nd-neighbor-solicit, iif eth0, ct new',
    'tcp 203.0.113.7:40000 → 22, oif eth0, ct new, flags syn,ack, mark 0x2a, uid 1000, hook output',
    'gre 203.0.113.7 → 198.51.100.10, iif eth0, oif eth1, ct new, ttl 1, hook forward',
    'proto 253 203.0.113.7 → 198.51.100.10, iif eth0, ct invalid, length 1500',
  ])('round-trips %s', (text) => {
    const parsed = packet(text);
    expect(formatPacket(parsed)).toBe(text);
    expect(packet(formatPacket(parsed))).toEqual(parsed);
  });

  it('infers IPv6 from the addresses', () => {
    const p = packet('udp saddr 2001:db8::1 daddr 2001:db8::2 dport 53');
    expect(p.values.nfproto).toBe(10n);
    expect(p.values.saddr6).toBe(0x20010db8000000000000000000000001n);
    expect(p.values.saddr4).toBeUndefined();
  });

  it.each([
    ['tcp dport 70000', /out of range/],
    ['icmp dport 22', /icmp packets have no ports/],
    ['tcp saddr 10.0.0.1 daddr 2001:db8::1', /different IP versions/],
    ['tcp ct wobbly', /unknown ct state 'wobbly'/],
    ['tcp frobnicate 3', /unknown word 'frobnicate'/],
    ['tcp dport', /'dport' needs a value/],
    ['tcp saddr 10.0.0.300', /not an IPv4 or IPv6 address/],
    ['udp type echo-request', /'type' and 'code' need icmp/],
    ['tcp hook sideways', /unknown hook 'sideways'/],
  ])('explains what is wrong with %s', (text, message) => {
    const result = parsePacket(text);
    expect('error' in result && result.error).toMatch(message);
  });
});

describe('witness', () => {
  it('picks a packet inside the space, preferring documentation addresses and named interfaces', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    iifname "lan0" ip saddr 10.1.0.0/16 tcp dport 8000-8080 accept
    ip6 saddr 2001:db8:1::/48 udp dport 53 accept
    icmpv6 type echo-request accept
  }
}
`);
    const model = buildModel(ruleset);
    for (const line of [4, 5, 6]) {
      const space = model.matchSpace(ruleAt(ruleset, line)).over;
      const found = witness(space);
      expect(found).toBeDefined();
      expect(space.overlaps(model.spaceOf(found!))).toBe(true);
    }
    expect(formatPacket(witness(model.matchSpace(ruleAt(ruleset, 4)).over)!)).toBe('tcp 10.1.0.1:40000 → 8000, iif lan0, ct new');
    expect(formatPacket(witness(model.matchSpace(ruleAt(ruleset, 5)).over)!)).toBe('udp [2001:db8:1::1]:40000 → 53, iif lan0, ct new');
    expect(formatPacket(witness(model.matchSpace(ruleAt(ruleset, 6)).over)!)).toBe(
      'icmpv6 2001:db8::7 → 2001:db8::10, type echo-request, iif lan0, ct new',
    );
  });

  it('has no witness for an empty space', () => {
    const ruleset = nft(`table ip filter {
  chain input {
    type filter hook input priority 0; policy drop;
    oifname "eth0" accept
  }
}
`);
    const model = buildModel(ruleset);
    // In the input hook there is no output interface yet.
    expect(witness(model.matchSpace(ruleAt(ruleset, 4)).over)).toBeUndefined();
    expect(model.coverage(ruleAt(ruleset, 4)).neverMatches).toBe(true);
  });
});
