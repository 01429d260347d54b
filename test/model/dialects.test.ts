import { describe, expect, it } from 'vitest';
import { buildModel, formatTrace } from '../../src/model/index.js';
import { iptables, nft, packet, ruleAt } from './parse-helpers.js';

describe('model from nft text', () => {
  it('finds a /8 accept shadowed by two /9 drops', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority filter; policy drop;
    ip saddr 10.0.0.0/9 drop
    ip saddr 10.128.0.0/9 drop
    ip saddr 10.0.0.0/8 accept
  }
}
`);
    const coverage = buildModel(ruleset).coverage(ruleAt(ruleset, 6));
    expect(coverage.fullyCovered).toBe(true);
    expect(coverage.coveredBy.map((r) => r.span.line)).toEqual([4, 5]);
  });

  it('drops a packet accepted in one table when another table on the same hook has policy drop', () => {
    const ruleset = nft(`table inet a {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 22 accept
  }
}
table ip b {
  chain input {
    type filter hook input priority 10; policy drop;
  }
}
`);
    const model = buildModel(ruleset);
    const trace = model.trace(packet('tcp dport 22'));
    expect(trace.verdict).toBe('drop');
    expect(trace.steps.map((s) => s.action)).toEqual(['accept', 'policy']);
    expect(formatTrace(trace)).toMatch(/input inet a input: test\.nft:4 tcp dport 22 accept → accept\ninput ip b input: policy drop \(test\.nft:9\)\nverdict: drop$/);
    // IPv6 packets are not seen by the ip table, so the inet accept lets them through.
    expect(model.trace(packet('tcp saddr 2001:db8::1 dport 22')).verdict).toBe('accept');
    const verdict = model.verdict('input', model.everything());
    expect(verdict.dropped.some((d) => d.policy?.table === 'b')).toBe(true);
    const reachable = model.reachable('input');
    expect(reachable.overlaps(model.spaceOf(packet('tcp dport 22')))).toBe(false);
    expect(reachable.overlaps(model.spaceOf(packet('tcp saddr 2001:db8::1 dport 22')))).toBe(true);
  });

  it('does not let ip saddr in an inet chain match IPv6 packets', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    ip saddr != 192.0.2.1 accept
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.trace(packet('tcp saddr 198.51.100.9 dport 22')).verdict).toBe('accept');
    expect(model.trace(packet('tcp saddr 2001:db8::9 dport 22')).verdict).toBe('drop');
  });

  it('follows jump (returns) and goto (does not return)', () => {
    const ruleset = nft(`table inet filter {
  chain viaJump {
    tcp dport 22 accept
  }
  chain viaGoto {
    tcp dport 22 accept
  }
  chain input {
    type filter hook input priority 0; policy accept;
    iifname "eth0" jump viaJump
    iifname "eth0" drop
    iifname "eth1" goto viaGoto
    iifname "eth1" drop
  }
}
`);
    const model = buildModel(ruleset);
    const jumped = model.trace(packet('tcp dport 80 iif eth0'));
    expect(jumped.verdict).toBe('drop');
    expect(jumped.steps.map((s) => s.action)).toEqual(['jump', 'return', 'drop']);
    const gone = model.trace(packet('tcp dport 80 iif eth1'));
    expect(gone.verdict).toBe('accept');
    expect(gone.steps.map((s) => s.action)).toEqual(['goto', 'policy']);
    expect(model.trace(packet('tcp dport 22 iif eth1')).steps.map((s) => s.action)).toEqual(['goto', 'accept']);
  });

  it('shadows rules after a jump into a chain that never returns', () => {
    const ruleset = nft(`table inet filter {
  chain ssh {
    ip saddr 192.0.2.0/24 accept
    drop
  }
  chain input {
    type filter hook input priority 0; policy drop;
    tcp dport 22 jump ssh
    tcp dport 22 ip saddr 198.51.100.0/24 accept
    tcp dport 80 accept
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 9))).toMatchObject({ fullyCovered: true });
    expect(model.coverage(ruleAt(ruleset, 10)).fullyCovered).toBe(false);
  });

  it('never lets a rate-limited rule shadow a later one', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    tcp dport 22 limit rate 5/minute accept
    tcp dport 22 drop
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 5)).fullyCovered).toBe(false);
    const trace = model.trace(packet('tcp dport 22'));
    expect(trace.verdict).toBe('undetermined');
    expect(trace.steps.at(-1)).toMatchObject({ action: 'unknown' });
  });

  it('treats ct state != established,related as matching every packet', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy accept;
    ct state != established,related drop
    ct state established accept
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 5)).fullyCovered).toBe(true);
    expect(model.trace(packet('tcp dport 22 ct established')).verdict).toBe('drop');
  });

  it('splits a verdict map into one rule per entry', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport vmap { 22 : accept, 80 : accept, * : drop }
    tcp dport 443 accept
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 5))).toMatchObject({ fullyCovered: true, sameVerdict: false });
    expect(model.trace(packet('tcp dport 80')).verdict).toBe('accept');
    expect(model.trace(packet('tcp dport 443')).verdict).toBe('drop');
  });

  it('looks up named set members', () => {
    const ruleset = nft(`table inet filter {
  set admins {
    type ipv4_addr
    flags interval
    elements = { 192.0.2.0/24, 198.51.100.7 }
  }
  chain input {
    type filter hook input priority 0; policy drop;
    ip saddr @admins tcp dport 22 accept
    ip saddr 192.0.2.99 tcp dport 22 accept
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 10))).toMatchObject({ fullyCovered: true, sameVerdict: true });
    expect(model.trace(packet('tcp saddr 198.51.100.7 dport 22')).verdict).toBe('accept');
    expect(model.trace(packet('tcp saddr 198.51.100.8 dport 22')).verdict).toBe('drop');
  });

  it('reports jump loops and never follows them forever', () => {
    const ruleset = nft(`table inet filter {
  chain a {
    jump b
  }
  chain b {
    tcp dport 22 jump a
  }
  chain input {
    type filter hook input priority 0; policy accept;
    jump a
  }
}
`);
    const model = buildModel(ruleset);
    const loops = model.diagnostics.filter((d) => d.ruleId === 'jump-loop');
    expect(loops).toHaveLength(1);
    expect(loops[0]!.message).toMatch(/a → b → a|b → a → b/);
    expect(model.trace(packet('tcp dport 22')).verdict).toBe('undetermined');
    expect(model.trace(packet('tcp dport 80')).verdict).toBe('accept');
  });
});

describe('model from iptables-save text', () => {
  it('finds a /8 accept shadowed by two /9 drops', () => {
    const ruleset = iptables(`*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -s 10.0.0.0/9 -j DROP
-A INPUT -s 10.128.0.0/9 -j DROP
-A INPUT -s 10.0.0.0/8 -j ACCEPT
COMMIT
`);
    const coverage = buildModel(ruleset).coverage(ruleAt(ruleset, 7));
    expect(coverage.fullyCovered).toBe(true);
    expect(coverage.coveredBy.map((r) => r.span.line)).toEqual([5, 6]);
  });

  it('runs the mangle table before filter, and a mangle ACCEPT does not skip filter', () => {
    const ruleset = iptables(`*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
COMMIT
`);
    const trace = buildModel(ruleset).trace(packet('tcp dport 22'));
    expect(trace.verdict).toBe('drop');
    expect(trace.steps.map((s) => `${s.hook} ${s.table}/${s.action}`)).toEqual(['prerouting mangle/policy', 'input mangle/accept', 'input filter/policy']);
  });

  it('follows -j (returns) and -g (does not return) and RETURN', () => {
    const ruleset = iptables(`*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:CHECK - [0:0]
-A INPUT -i eth0 -j CHECK
-A INPUT -i eth0 -j DROP
-A INPUT -i eth1 -g CHECK
-A INPUT -i eth1 -j DROP
-A CHECK -p tcp -m tcp --dport 22 -j ACCEPT
-A CHECK -j RETURN
COMMIT
`);
    const model = buildModel(ruleset);
    expect(model.trace(packet('tcp dport 80 iif eth0')).verdict).toBe('drop');
    const gone = model.trace(packet('tcp dport 80 iif eth1'));
    expect(gone.verdict).toBe('accept');
    expect(gone.steps.map((s) => s.action)).toEqual(['goto', 'return', 'policy']);
    expect(model.trace(packet('tcp dport 22 iif eth0')).verdict).toBe('accept');
  });

  it('shadows rules after a jump into a chain that never returns, and not with a rate limit', () => {
    const ruleset = iptables(`*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:SSH - [0:0]
-A INPUT -p tcp -m tcp --dport 22 -j SSH
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 80 -m limit --limit 5/min -j ACCEPT
-A INPUT -p tcp -m tcp --dport 80 -j DROP
-A SSH -s 192.0.2.0/24 -j ACCEPT
-A SSH -j DROP
COMMIT
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 7)).fullyCovered).toBe(true);
    expect(model.coverage(ruleAt(ruleset, 9)).fullyCovered).toBe(false);
  });

  it('models --ctstate as one state per packet', () => {
    const ruleset = iptables(`*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT
-A INPUT -m conntrack ! --ctstate NEW -j DROP
-A INPUT -p tcp -m conntrack --ctstate INVALID -j DROP
COMMIT
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 6)).fullyCovered).toBe(true);
    expect(model.coverage(ruleAt(ruleset, 7)).fullyCovered).toBe(false);
    expect(model.coverage(ruleAt(ruleset, 8)).fullyCovered).toBe(true);
    expect(model.trace(packet('tcp dport 22 ct established')).verdict).toBe('accept');
    expect(model.trace(packet('tcp dport 22 ct new')).verdict).toBe('drop');
  });

  it('reports a jump loop', () => {
    const ruleset = iptables(`*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:A - [0:0]
:B - [0:0]
-A INPUT -j A
-A A -j B
-A B -p tcp -j A
COMMIT
`);
    const model = buildModel(ruleset);
    expect(model.diagnostics.map((d) => d.ruleId)).toContain('jump-loop');
    expect(model.trace(packet('udp dport 53')).verdict).toBe('accept');
    expect(model.trace(packet('tcp dport 53')).verdict).toBe('undetermined');
  });
});
