import { describe, expect, it } from 'vitest';
import { parseIptables } from '../../grammar/iptables/index.js';
import { errors, field, fields, onlyRule, parseFilter, range, shape } from './helpers.js';

describe('base matches', () => {
  it('turns -s/-d into address ranges and -p into l4proto', () => {
    const rule = onlyRule('-A INPUT -s 10.1.2.3/8 ! -d 192.0.2.1 -p tcp -j ACCEPT');
    expect(shape(field(rule, 'saddr4'))).toEqual({ kind: 'field', field: 'saddr4', negate: false, items: [range(0x0a000000n, 0x0affffffn)] });
    expect(field(rule, 'daddr4').negate).toBe(true);
    expect(field(rule, 'daddr4').items).toEqual([range(0xc0000201n)]);
    expect(field(rule, 'l4proto').items).toEqual([range(6n)]);
  });

  it('keeps a non-contiguous mask as masked and turns a contiguous dotted mask into a range', () => {
    const masked = onlyRule('-A INPUT -s 10.1.2.3/255.0.255.0 -j DROP');
    expect(field(masked, 'saddr4').items).toEqual([{ kind: 'masked', value: 0x0a000200n, mask: 0xff00ff00n }]);
    const dotted = onlyRule('-A INPUT -s 172.16.9.9/255.240.0.0 -j DROP');
    expect(field(dotted, 'saddr4').items).toEqual([range(0xac100000n, 0xac1fffffn)]);
  });

  it('treats -p all and -p 0 as no protocol test, and accepts names in any case and numbers', () => {
    expect(fields(onlyRule('-A INPUT -p all -j ACCEPT'))).toEqual([]);
    expect(fields(onlyRule('-A INPUT -p 0 -j ACCEPT'))).toEqual([]);
    expect(field(onlyRule('-A INPUT -p UDP -j ACCEPT'), 'l4proto').items).toEqual([range(17n)]);
    expect(field(onlyRule('-A INPUT -p 47 -j ACCEPT'), 'l4proto').items).toEqual([range(47n)]);
  });

  it('reads interface wildcards', () => {
    const rule = onlyRule('-A INPUT ! -i eth+ -j DROP');
    expect(shape(field(rule, 'iifname'))).toEqual({ kind: 'field', field: 'iifname', negate: true, items: [{ kind: 'iface', name: 'eth', wildcard: true }] });
    expect(fields(onlyRule('-A INPUT -i +'))).toEqual([]);
    expect(field(onlyRule('-A INPUT ! -i +'), 'iifname').items).toEqual([{ kind: 'iface', name: '', wildcard: true }]);
    expect(field(onlyRule('-A INPUT -i lo'), 'iifname').items).toEqual([{ kind: 'iface', name: 'lo', wildcard: false }]);
  });

  it('keeps a hostname as an opaque deterministic match instead of failing', () => {
    const rule = onlyRule('-A INPUT -s gateway.example.net -j ACCEPT');
    expect(rule.matches).toHaveLength(1);
    expect(rule.matches[0]).toMatchObject({ kind: 'opaque', nondeterministic: false });
  });

  it('reads IPv6 prefixes in ip6tables dumps', () => {
    const rule = onlyRule('-A INPUT -s 2001:db8::/32 -d ::1/128 -j ACCEPT', 6);
    expect(field(rule, 'saddr6').items).toEqual([range(0x20010db8n << 96n, (0x20010db8n << 96n) | ((1n << 96n) - 1n))]);
    expect(field(rule, 'daddr6').items).toEqual([range(1n)]);
    expect(rule.family).toBe('ip6');
  });
});

describe('address lists', () => {
  it('expands -s a,b -d c,d into the cross product, in iptables order', () => {
    const result = parseFilter('-A INPUT -s 192.0.2.1,192.0.2.2 -d 198.51.100.1,198.51.100.2 -j ACCEPT');
    const rules = result.ruleset.tables[0]!.chains.find((c) => c.name === 'INPUT')!.rules;
    expect(rules.map((r) => [field(r, 'saddr4').items[0], field(r, 'daddr4').items[0]])).toEqual([
      [range(0xc0000201n), range(0xc6336401n)],
      [range(0xc0000201n), range(0xc6336402n)],
      [range(0xc0000202n), range(0xc6336401n)],
      [range(0xc0000202n), range(0xc6336402n)],
    ]);
    expect(new Set(rules.map((r) => r.span.line))).toEqual(new Set([3]));
  });
});

describe('protocol matches', () => {
  it('reads ports, ranges and service names, and -p tcp loads the tcp match', () => {
    const rule = onlyRule('-A INPUT -p tcp --sport 1024: --dport ssh -j ACCEPT');
    expect(field(rule, 'sport').items).toEqual([range(1024n, 65535n)]);
    expect(field(rule, 'dport').items).toEqual([range(22n)]);
    expect(field(onlyRule('-A INPUT -p udp -m udp ! --dport :1023'), 'dport')).toMatchObject({ negate: true, items: [range(0n, 1023n)] });
  });

  it('attaches an option to the most recent loaded match that defines it, not to the previous -m', () => {
    const rule = onlyRule('-A INPUT -p tcp -m tcp -m comment --comment x --dport 22 -j ACCEPT');
    expect(field(rule, 'dport').items).toEqual([range(22n)]);
    expect(rule.comment).toBe('x');
  });

  it('reads --tcp-flags and --syn as masked flag tests', () => {
    expect(field(onlyRule('-A INPUT -p tcp --tcp-flags SYN,RST,ACK SYN -j DROP'), 'tcpFlags').items).toEqual([{ kind: 'masked', value: 0x02n, mask: 0x16n }]);
    expect(field(onlyRule('-A INPUT -p tcp ! --syn -j DROP'), 'tcpFlags')).toMatchObject({ negate: true, items: [{ kind: 'masked', value: 0x02n, mask: 0x17n }] });
    expect(field(onlyRule('-A INPUT -p tcp --tcp-flags ALL NONE -j DROP'), 'tcpFlags').items).toEqual([{ kind: 'masked', value: 0n, mask: 0x3fn }]);
  });

  it('reads multiport lists, and keeps --ports (source or destination) opaque', () => {
    expect(field(onlyRule('-A INPUT -p tcp -m multiport --dports 80,443,8000:8100 -j ACCEPT'), 'dport').items).toEqual([range(80n), range(443n), range(8000n, 8100n)]);
    const either = onlyRule('-A INPUT -p udp -m multiport --ports 53,123 -j ACCEPT');
    expect(fields(either).map((m) => m.field)).toEqual(['l4proto']);
    expect(either.matches.some((m) => m.kind === 'opaque')).toBe(true);
  });

  it('reads icmp types by name and number, with codes, and adds the implicit protocol', () => {
    const echo = onlyRule('-A INPUT -p icmp --icmp-type echo-request -j ACCEPT');
    expect(field(echo, 'icmpType').items).toEqual([range(8n)]);
    const frag = onlyRule('-A INPUT -p icmp -m icmp --icmp-type 3/4 -j ACCEPT');
    expect(field(frag, 'icmpCode').items).toEqual([range(4n)]);
    const implicit = onlyRule('-A INPUT -m icmp --icmp-type 0 -j ACCEPT');
    expect(field(implicit, 'l4proto')).toMatchObject({ implicit: true, items: [range(1n)] });
    const v6 = onlyRule('-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type neighbour-solicitation -j ACCEPT', 6);
    expect(field(v6, 'icmpType').items).toEqual([range(135n)]);
    expect(field(v6, 'l4proto').items).toEqual([range(58n)]);
  });
});

describe('conntrack and friends', () => {
  it('turns a state list into single-bit values, whatever the case and order', () => {
    const rule = onlyRule('-A INPUT -m conntrack --ctstate established,RELATED -j ACCEPT');
    expect(field(rule, 'ctState').items).toEqual([range(2n), range(4n)]);
    expect(field(onlyRule('-A INPUT -m state ! --state NEW -j DROP'), 'ctState')).toMatchObject({ negate: true, items: [range(8n)] });
  });

  it('turns SNAT/DNAT pseudo-states into ct status and a mixed list into an opaque test', () => {
    expect(field(onlyRule('-A INPUT -m conntrack --ctstate DNAT -j ACCEPT'), 'ctStatus').items).toEqual([{ kind: 'masked', value: 32n, mask: 32n }]);
    const mixed = onlyRule('-A INPUT -m conntrack --ctstate NEW,DNAT -j ACCEPT');
    expect(fields(mixed)).toEqual([]);
    expect(mixed.matches[0]).toMatchObject({ kind: 'opaque', nondeterministic: false });
  });

  it('reads --ctstatus as any-bit and --ctdir as a direction', () => {
    const rule = onlyRule('-A INPUT -m conntrack --ctstatus ASSURED,SEEN_REPLY --ctdir REPLY -j ACCEPT');
    expect(field(rule, 'ctStatus').items).toEqual([{ kind: 'anyBits', mask: 6n }]);
    expect(field(rule, 'ctDirection').items).toEqual([range(1n)]);
  });

  it('reads marks with and without masks', () => {
    expect(field(onlyRule('-A INPUT -m mark --mark 0x10/0xf0 -j ACCEPT'), 'mark').items).toEqual([{ kind: 'masked', value: 0x10n, mask: 0xf0n }]);
    expect(field(onlyRule('-A INPUT -m connmark ! --mark 7 -j ACCEPT'), 'ctMark')).toMatchObject({ negate: true, items: [range(7n)] });
  });

  it('reads owner ids and keeps unresolvable user names opaque', () => {
    const header = '-A OUTPUT ';
    const parse = (rest: string) => parseFilter(`${header}${rest}`, 4, ':OUTPUT ACCEPT [0:0]\n').ruleset.tables[0]!.chains.find((c) => c.name === 'OUTPUT')!.rules[0]!;
    expect(field(parse('-m owner --uid-owner root -j ACCEPT'), 'skuid').items).toEqual([range(0n)]);
    expect(field(parse('-m owner --gid-owner 100-200 -j ACCEPT'), 'skgid').items).toEqual([range(100n, 200n)]);
    expect(parse('-m owner --uid-owner www-data -j ACCEPT').matches[0]).toMatchObject({ kind: 'opaque', nondeterministic: false });
  });

  it('reads iprange, pkttype, length and ttl', () => {
    expect(field(onlyRule('-A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT'), 'saddr4').items).toEqual([range(0x0a000001n, 0x0a000009n)]);
    expect(field(onlyRule('-A INPUT -m pkttype --pkt-type broadcast -j DROP'), 'pkttype').items).toEqual([range(1n)]);
    expect(field(onlyRule('-A INPUT -m length --length 0:128 -j DROP'), 'length').items).toEqual([range(0n, 128n)]);
    expect(field(onlyRule('-A INPUT -m ttl --ttl-lt 5 -j DROP'), 'ttl').items).toEqual([range(0n, 4n)]);
    expect(field(onlyRule('-A INPUT -m hl --hl-gt 64 -j DROP', 6), 'ttl').items).toEqual([range(65n, 255n)]);
  });

  it('refers to an ipset as an external set, and keeps multi-dimension sets opaque', () => {
    const rule = onlyRule('-A INPUT -m set ! --match-set blocklist src -j DROP');
    expect(shape(field(rule, 'saddr4'))).toEqual({ kind: 'field', field: 'saddr4', negate: true, items: [{ kind: 'setRef', name: 'blocklist', external: true }] });
    expect(onlyRule('-A INPUT -m set --match-set pairs src,dst -j DROP').matches[0]).toMatchObject({ kind: 'opaque' });
  });

  it('marks rate and state-keeping matches as nondeterministic and others as deterministic', () => {
    const rule = onlyRule('-A INPUT -m limit --limit 5/sec -m recent --rcheck --name x -m addrtype --dst-type LOCAL -m physdev --physdev-in eth0 -j ACCEPT');
    expect(rule.matches.map((m) => m.kind === 'opaque' && [m.what, m.nondeterministic])).toEqual([
      ['limit', true],
      ['recent', true],
      ['addrtype', false],
      ['physdev', false],
    ]);
  });

  it('keeps matches of unknown modules as opaque text with their options', () => {
    const rule = onlyRule('-A INPUT -m someext --some-option 1 2 -j ACCEPT');
    expect(rule.matches[0]).toMatchObject({ kind: 'opaque', what: 'someext', text: '-m someext --some-option 1 2' });
  });

  it('puts -m comment into Rule.comment', () => {
    expect(onlyRule('-A INPUT -m comment --comment "has \\"quotes\\" and spaces" -j ACCEPT').comment).toBe('has "quotes" and spaces');
    expect(onlyRule('-A INPUT -m comment --comment "back\\\\slash" -j ACCEPT').comment).toBe('back\\slash');
  });
});

describe('match spans', () => {
  it('cover the option and its values, negation included', () => {
    const rule = onlyRule('-A INPUT -p tcp ! --dport 22 -j ACCEPT');
    const dport = field(rule, 'dport');
    expect(dport.text).toBe('! --dport 22');
    expect(dport.span).toMatchObject({ line: 3, column: 17, endColumn: 29 });
    expect(rule.span).toMatchObject({ line: 3, column: 1, endColumn: 39 });
  });
});

describe('errors in values', () => {
  it('reports the value iptables would reject, at its position', () => {
    const result = parseIptables('t.rules', '*filter\n-A INPUT -p tcp --dport 70000 -j ACCEPT\nCOMMIT\n');
    expect(errors(result)).toMatchObject([{ ruleId: 'parse-error', span: { line: 2, column: 25, endColumn: 30 } }]);
    expect(errors(result)[0]!.message).toContain('70000');
  });
});
