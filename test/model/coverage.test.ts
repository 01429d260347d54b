import { describe, expect, it } from 'vitest';
import { buildModel, formatPacket } from '../../src/model/index.js';
import {
  RulesetBuilder,
  concat,
  ctState,
  field,
  iifname,
  ipDaddr,
  ipSaddr,
  jump,
  opaque,
  prefix,
  range,
  tcpDport,
  udpDport,
  verdict,
} from './builders.js';
import { nft, ruleAt } from './parse-helpers.js';

describe('coverage (union of earlier rules)', () => {
  it('finds a /8 accept shadowed by two /9 drops together, though neither covers it alone', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    const low = input.rule('ip saddr 10.0.0.0/9 drop', ipSaddr('10.0.0.0/9'), 'drop');
    const high = input.rule('ip saddr 10.128.0.0/9 drop', ipSaddr('10.128.0.0/9'), 'drop');
    const wide = input.rule('ip saddr 10.0.0.0/8 accept', ipSaddr('10.0.0.0/8'), 'accept');
    const model = buildModel(b.ruleset);
    const coverage = model.coverage(wide);
    expect(coverage.fullyCovered).toBe(true);
    expect(coverage.coveredBy).toEqual([low, high]);
    expect(coverage.sameVerdict).toBe(false);
    expect(model.coverage(high).fullyCovered).toBe(false);
  });

  it('leaves a rule uncovered when one /9 is missing, and gives a witness from the gap', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    input.rule('ip saddr 10.0.0.0/9 drop', ipSaddr('10.0.0.0/9'), 'drop');
    const wide = input.rule('ip saddr 10.0.0.0/8 accept', ipSaddr('10.0.0.0/8'), 'accept');
    const coverage = buildModel(b.ruleset).coverage(wide);
    expect(coverage.fullyCovered).toBe(false);
    expect(coverage.witness?.values.saddr4).toBeGreaterThanOrEqual(prefix('10.128.0.0/9').kind === 'range' ? 0x0a800000n : 0n);
    expect(formatPacket(coverage.witness!)).toMatch(/^tcp 10\.128\.0\.1:40000 → 80, iif eth0, ct new$/);
  });

  it('reports same verdict for exact duplicates', () => {
    const b = new RulesetBuilder();
    const input = b.table('ip', 'filter').base('input', 'input', 'drop');
    const first = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    const second = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    const coverage = buildModel(b.ruleset).coverage(second);
    expect(coverage).toMatchObject({ fullyCovered: true, coveredBy: [first], sameVerdict: true });
  });

  it('never treats a rate limit as deciding, so later rules are not shadowed by it', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    input.rule('tcp dport 22 limit rate 10/minute accept', [...tcpDport(22), opaque('limit', true)], 'accept');
    const later = input.rule('tcp dport 22 drop', tcpDport(22), 'drop');
    const model = buildModel(b.ruleset);
    expect(model.coverage(later).fullyCovered).toBe(false);
    const limited = model.matchSpace(input.chain.rules[0]!);
    expect(limited.over.isEmpty()).toBe(false);
    expect(limited.under.isEmpty()).toBe(true);
  });

  it('names a rate-limited rule among those deciding first, so a later duplicate accept is not called redundant', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'accept');
    const limited = input.rule('tcp dport 22 limit rate 5/second drop', [...tcpDport(22), opaque('limit', true)], 'drop');
    const first = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    const second = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    const coverage = buildModel(b.ruleset).coverage(second);
    expect(coverage.fullyCovered).toBe(true);
    expect(coverage.coveredBy).toEqual([limited, first]);
    expect(coverage.sameVerdict).toBe(false);
  });

  it('names a jump into a chain that may drop among those deciding first, but not one into a chain that decides nothing', () => {
    const b = new RulesetBuilder();
    const t = b.table('inet', 'filter');
    t.chain('blocklist').rule('ip saddr 192.0.2.1 drop', ipSaddr('192.0.2.1/32'), 'drop');
    t.chain('count').rule('counter', []);
    const input = t.base('input', 'input', 'accept');
    const toBlocklist = input.rule('tcp dport 22 jump blocklist', tcpDport(22), jump('blocklist'));
    input.rule('tcp dport 80 jump count', tcpDport(80), jump('count'));
    const ssh = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    const sshAgain = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    const web = input.rule('tcp dport 80 accept', tcpDport(80), 'accept');
    const webAgain = input.rule('tcp dport 80 accept', tcpDport(80), 'accept');
    const model = buildModel(b.ruleset);
    expect(model.coverage(sshAgain)).toMatchObject({ fullyCovered: true, coveredBy: [toBlocklist, ssh], sameVerdict: false });
    expect(model.coverage(webAgain)).toMatchObject({ fullyCovered: true, coveredBy: [web], sameVerdict: true });
  });

  it('treats rules without a verdict (counter, log) as deciding nothing', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    input.rule('tcp dport 22 counter', tcpDport(22));
    const later = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    expect(buildModel(b.ruleset).coverage(later).fullyCovered).toBe(false);
  });

  it('shadows rules after a jump to a chain that never returns', () => {
    const b = new RulesetBuilder();
    const t = b.table('inet', 'filter');
    const ssh = t.chain('ssh');
    ssh.rule('ip saddr 192.0.2.0/24 accept', ipSaddr('192.0.2.0/24'), 'accept');
    ssh.rule('drop', [], 'drop');
    const input = t.base('input', 'input', 'drop');
    input.rule('tcp dport 22 jump ssh', tcpDport(22), jump('ssh'));
    const after = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    expect(buildModel(b.ruleset).coverage(after).fullyCovered).toBe(true);
  });

  it('does not shadow rules after a jump to a chain that can return', () => {
    const b = new RulesetBuilder();
    const t = b.table('ip', 'filter');
    const ssh = t.chain('ssh');
    ssh.rule('ip saddr 192.0.2.0/24 accept', ipSaddr('192.0.2.0/24'), 'accept');
    const input = t.base('input', 'input', 'drop');
    input.rule('tcp dport 22 jump ssh', tcpDport(22), jump('ssh'));
    const after = input.rule('tcp dport 22 accept', tcpDport(22), 'accept');
    const coverage = buildModel(b.ruleset).coverage(after);
    expect(coverage.fullyCovered).toBe(false);
    expect(coverage.witness?.values.saddr4).not.toBe(undefined);
    expect(coverage.witness!.values.saddr4! >> 8n).not.toBe(0xc00002n);
  });

  it('does not let an IPv4 rule cover IPv6 packets in an inet chain', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    input.rule('ip saddr 0.0.0.0/0 tcp dport 22 accept', [...ipSaddr('0.0.0.0/0'), ...tcpDport(22)], 'accept');
    const any = input.rule('tcp dport 22 drop', tcpDport(22), 'drop');
    const coverage = buildModel(b.ruleset).coverage(any);
    expect(coverage.fullyCovered).toBe(false);
    expect(coverage.witness?.values.nfproto).toBe(10n);
    expect(formatPacket(coverage.witness!)).toBe('tcp [2001:db8::7]:40000 → 22, iif eth0, ct new');
  });

  it('covers a later rule in an ip table with an IPv4-only earlier rule (the table sees only IPv4)', () => {
    const b = new RulesetBuilder();
    const input = b.table('ip', 'filter').base('input', 'input', 'drop');
    input.rule('ip saddr 0.0.0.0/0 accept', ipSaddr('0.0.0.0/0'), 'accept');
    const any = input.rule('tcp dport 22 drop', tcpDport(22), 'drop');
    expect(buildModel(b.ruleset).coverage(any).fullyCovered).toBe(true);
  });

  it('models ct state != established,related (value 6, never a single state) as every packet', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    const notEstablished = input.rule('ct state != established,related drop', [field('ctState', [range(6)], true)], 'drop');
    const later = input.rule('ct state established accept', [ctState(2)], 'accept');
    const everything = input.rule('drop', [], 'drop');
    const model = buildModel(b.ruleset);
    expect(model.coverage(later).fullyCovered).toBe(true);
    expect(model.coverage(everything)).toMatchObject({ fullyCovered: true, coveredBy: [notEstablished] });
  });

  it('models ct state established,related as exactly those two states', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    input.rule('ct state established,related accept', [ctState(6)], 'accept');
    const established = input.rule('ct state established accept', [ctState(2)], 'accept');
    const fresh = input.rule('ct state new accept', [ctState(8)], 'accept');
    const model = buildModel(b.ruleset);
    expect(model.coverage(established).fullyCovered).toBe(true);
    expect(model.coverage(fresh).fullyCovered).toBe(false);
  });

  it('matches interface wildcards and negations exactly', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    input.rule('iifname "eth*" accept', [iifname('eth*')], 'accept');
    const eth0 = input.rule('iifname "eth0" drop', [iifname('eth0')], 'drop');
    const notEth = input.rule('iifname != "eth*" drop', [iifname('eth*', true)], 'drop');
    const wlan = input.rule('iifname "wlan0" drop', [iifname('wlan0')], 'drop');
    const model = buildModel(b.ruleset);
    expect(model.coverage(eth0).fullyCovered).toBe(true);
    const notEthCoverage = model.coverage(notEth);
    expect(notEthCoverage.fullyCovered).toBe(false);
    expect(notEthCoverage.witness?.iifname.startsWith('eth')).toBe(false);
    expect(model.coverage(wlan).fullyCovered).toBe(true);
  });

  it('splits a verdict map into one rule per entry with the catch-all last', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    const span = b.span();
    input.rule(
      'tcp dport vmap { 22 : accept, * : drop }',
      [field('l4proto', [range(6)], false, true)],
      {
        kind: 'vmap',
        fields: ['dport'],
        entries: [
          { key: [range(0, 65535)], verdict: verdict('drop') },
          { key: [range(22)], verdict: verdict('accept') },
        ],
        span,
      },
    );
    const ssh = input.rule('tcp dport 22 drop', tcpDport(22), 'drop');
    const web = input.rule('tcp dport 80 accept', tcpDport(80), 'accept');
    const model = buildModel(b.ruleset);
    expect(model.coverage(ssh)).toMatchObject({ fullyCovered: true, sameVerdict: false });
    expect(model.coverage(web)).toMatchObject({ fullyCovered: true, sameVerdict: false });
    const verdicts = model.verdict('input', model.everything());
    const accepted = verdicts.accepted.flatMap((d) => d.space.boxes);
    expect(accepted.length).toBeGreaterThan(0);
    expect(model.trace(parsed('tcp dport 22'), ['input']).verdict).toBe('accept');
    expect(model.trace(parsed('tcp dport 23'), ['input']).verdict).toBe('drop');
    expect(model.trace(parsed('udp dport 22'), ['input']).verdict).toBe('drop');
  });

  it('looks up named set elements, and treats dynamic sets as unknown', () => {
    const b = new RulesetBuilder();
    const t = b.table('inet', 'filter');
    t.set('admins', ['saddr4'], [[prefix('192.0.2.0/25')], [prefix('192.0.2.128/25')]]);
    t.set('seen', ['saddr4'], [[prefix('192.0.2.0/24')]], { dynamic: true });
    const input = t.base('input', 'input', 'drop');
    input.rule('ip saddr @admins accept', [field('nfproto', [range(2)], false, true), field('saddr4', [{ kind: 'setRef', name: 'admins' }])], 'accept');
    const covered = input.rule('ip saddr 192.0.2.7 accept', ipSaddr('192.0.2.7/32'), 'accept');
    const dynamicRule = input.rule('ip saddr @seen drop', [field('nfproto', [range(2)], false, true), field('saddr4', [{ kind: 'setRef', name: 'seen' }])], 'drop');
    const after = input.rule('ip saddr 198.51.100.1 drop', ipSaddr('198.51.100.1/32'), 'drop');
    const model = buildModel(b.ruleset);
    expect(model.coverage(covered)).toMatchObject({ fullyCovered: true, sameVerdict: true });
    expect(model.matchSpace(dynamicRule).under.isEmpty()).toBe(true);
    expect(model.coverage(after).fullyCovered).toBe(false);
  });

  it('matches concatenations as unions of boxes', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    input.rule(
      'ip daddr . tcp dport { 192.0.2.1 . 22, 192.0.2.2 . 80 } accept',
      [field('nfproto', [range(2)], false, true), field('l4proto', [range(6)], false, true), concat(['daddr4', 'dport'], [[prefix('192.0.2.1/32'), range(22)], [prefix('192.0.2.2/32'), range(80)]])],
      'accept',
    );
    const inside = input.rule('ip daddr 192.0.2.2 tcp dport 80 drop', [...ipDaddr('192.0.2.2/32'), ...tcpDport(80)], 'drop');
    const crossed = input.rule('ip daddr 192.0.2.1 tcp dport 80 drop', [...ipDaddr('192.0.2.1/32'), ...tcpDport(80)], 'drop');
    const model = buildModel(b.ruleset);
    expect(model.coverage(inside).fullyCovered).toBe(true);
    expect(model.coverage(crossed).fullyCovered).toBe(false);
  });

  it('keeps port matches from producing ICMP packets', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'drop');
    const ports = input.rule('th dport != 22 accept', [field('dport', [range(22)], true)], 'accept');
    const icmp = input.rule('meta l4proto icmp accept', [field('l4proto', [range(1)])], 'accept');
    const udp = input.rule('udp dport 53 accept', udpDport(53), 'accept');
    const model = buildModel(b.ruleset);
    expect(model.matchSpace(ports).over.overlaps(model.matchSpace(icmp).over)).toBe(false);
    expect(model.coverage(icmp).fullyCovered).toBe(false);
    expect(model.coverage(udp).fullyCovered).toBe(true);
  });

  it('reports jumps to chains that do not exist, at the jump', () => {
    const b = new RulesetBuilder();
    const input = b.table('inet', 'filter').base('input', 'input', 'accept');
    const span = b.span();
    input.rule('tcp dport 22 jump nowhere', tcpDport(22), { kind: 'jump', target: 'nowhere', span });
    const model = buildModel(b.ruleset);
    expect(model.diagnostics).toEqual([expect.objectContaining({ ruleId: 'unknown-chain', span })]);
    expect(model.trace(parsed('tcp dport 22')).verdict).toBe('undetermined');
  });

  it('tells apart IPv6 addresses that no double can, and covers only the exact repeat', () => {
    const ruleset = nft(`table ip6 t {
	chain input {
		type filter hook input priority filter; policy accept;
		ip6 saddr 2001:db8::1 drop
		ip6 saddr 2001:db8::2 drop
		ip6 saddr 2001:db8::1 drop
	}
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 5)).fullyCovered).toBe(false);
    expect(model.coverage(ruleAt(ruleset, 6))).toMatchObject({ fullyCovered: true, coveredBy: [ruleAt(ruleset, 4)] });
  });

  it('cuts a later rule by an earlier one exactly, and covers it by the union of two', () => {
    const ruleset = nft(`table inet t {
	chain input {
		type filter hook input priority filter; policy accept;
		tcp dport 22 accept
		tcp dport 20-30 drop
		tcp dport 21-23 drop
	}
}
`);
    const model = buildModel(ruleset);
    const cut = model.coverage(ruleAt(ruleset, 5));
    expect(cut.fullyCovered).toBe(false);
    expect(cut.coveredBy).toEqual([ruleAt(ruleset, 4)]);
    expect(cut.witness?.values.dport).not.toBe(22n);
    expect(model.coverage(ruleAt(ruleset, 6))).toMatchObject({ fullyCovered: true, coveredBy: [ruleAt(ruleset, 4), ruleAt(ruleset, 5)] });
  });

  it('says a rule never matches when its match is empty for the packets its chain sees', () => {
    const b = new RulesetBuilder();
    const input = b.table('ip6', 'filter').base('input', 'input', 'drop');
    const v4 = input.rule('ip saddr 10.0.0.0/8 accept', ipSaddr('10.0.0.0/8'), 'accept');
    expect(buildModel(b.ruleset).coverage(v4)).toMatchObject({ neverMatches: true, fullyCovered: true });
  });
});

import { parsePacket, type Packet } from '../../src/model/index.js';

function parsed(text: string): Packet {
  const packet = parsePacket(text);
  if ('error' in packet) throw new Error(packet.error);
  return packet;
}
