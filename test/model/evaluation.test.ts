import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/index.js';
import { nft, packet, ruleAt } from './parse-helpers.js';

describe('hook evaluation', () => {
  it('runs base chains by ascending priority, whatever the file order', () => {
    const ruleset = nft(`table inet late {
  chain input {
    type filter hook input priority 10; policy accept;
    tcp dport 22 drop
  }
}
table inet early {
  chain input {
    type filter hook input priority -10; policy accept;
    tcp dport 22 accept
  }
}
`);
    const trace = buildModel(ruleset).trace(packet('tcp dport 22'));
    expect(trace.steps.map((s) => `${s.table}:${s.action}`)).toEqual(['early:accept', 'late:drop']);
    expect(trace.verdict).toBe('drop');
  });

  it('gives the deciding rules and policies for a packet class', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    tcp dport 22 accept
  }
}
`);
    const model = buildModel(ruleset);
    const verdict = model.verdict('input', model.spaceOf(packet('tcp dport 22')).union(model.spaceOf(packet('tcp dport 23'))));
    expect(verdict.accepted.map((d) => d.rules.map((r) => r.span.line))).toEqual([[4]]);
    expect(verdict.dropped).toHaveLength(1);
    expect(verdict.dropped[0]!.policy?.name).toBe('input');
    expect(verdict.undetermined).toEqual([]);
  });

  it('lets NAT chains see only new connections', () => {
    const ruleset = nft(`table ip nat {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    tcp dport 8080 dnat to 192.0.2.10:80
  }
}
table ip filter {
  chain prerouting {
    type filter hook prerouting priority 0; policy accept;
    tcp dport 8080 ct state established drop
  }
}
`);
    const model = buildModel(ruleset);
    const fresh = model.trace(packet('tcp dport 8080 ct new'));
    expect(fresh.steps.map((s) => `${s.table}:${s.action}`)).toEqual(['nat:accept', 'filter:policy']);
    const established = model.trace(packet('tcp dport 8080 ct established'));
    expect(established.steps.map((s) => `${s.table}:${s.action}`)).toEqual(['filter:drop']);
  });

  it('does not know ct state before conntrack (priority raw), so it reports undetermined', () => {
    const ruleset = nft(`table inet raw {
  chain prerouting {
    type filter hook prerouting priority raw; policy accept;
    ct state invalid drop
    tcp dport 22 notrack
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.trace(packet('tcp dport 22 ct invalid'), ['prerouting']).verdict).toBe('undetermined');
    const match = model.matchSpace(ruleAt(ruleset, 4));
    expect(match.under.isEmpty()).toBe(true);
    expect(match.over.isEmpty()).toBe(false);
  });

  it('reports queued packets as undetermined', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 22 queue num 1
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.trace(packet('tcp dport 22')).verdict).toBe('undetermined');
    const verdict = model.verdict('input', model.everything());
    expect(verdict.undetermined.map((d) => d.rules.map((r) => r.span.line))).toEqual([[4]]);
  });

  it('knows that an output interface does not exist yet in the input hook', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy accept;
    oifname "eth0" drop
  }
  chain output {
    type filter hook output priority 0; policy accept;
    oifname "eth0" drop
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.reachable('input').isEmpty()).toBe(false);
    expect(model.trace(packet('tcp dport 22 iif eth0')).verdict).toBe('accept');
    expect(model.trace(packet('tcp dport 22 oif eth0 hook output')).verdict).toBe('drop');
    expect(model.coverage(ruleAt(ruleset, 4)).neverMatches).toBe(true);
  });
});
