import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/index.js';
import { iptables, nft, packet, ruleAt } from './parse-helpers.js';

const INGRESS = `table netdev edge {
  chain ingress {
    type filter hook ingress device "vsrv0" priority 0; policy accept;
    ip saddr 10.199.0.6 drop
    ip6 saddr fd00:199::4 drop
  }
}
table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    tcp dport 22 accept
  }
}
`;

describe('ingress and egress', () => {
  it('runs ingress chains first, on the device the packet arrives by, for IPv4 and IPv6', () => {
    const model = buildModel(nft(INGRESS));
    const dropped = model.trace(packet('tcp saddr 10.199.0.6 dport 22 iif vsrv0'));
    expect(dropped.verdict).toBe('drop');
    expect(dropped.steps.map((s) => `${s.hook} ${s.chain} ${s.action}`)).toEqual(['ingress ingress drop']);
    expect(model.trace(packet('tcp saddr fd00:199::4 dport 22 iif vsrv0')).verdict).toBe('drop');
    const passed = model.trace(packet('tcp saddr 10.199.0.1 dport 22 iif vsrv0'));
    expect(passed.steps.map((s) => `${s.hook} ${s.action}`)).toEqual(['ingress policy', 'input accept']);
  });

  it('leaves packets of other devices alone', () => {
    const model = buildModel(nft(INGRESS));
    const trace = model.trace(packet('tcp saddr 10.199.0.6 dport 22 iif eth0'));
    expect(trace.verdict).toBe('accept');
    expect(trace.steps.map((s) => s.hook)).toEqual(['input']);
  });

  it('answers for the ingress hook on its own, device by device', () => {
    const model = buildModel(nft(INGRESS));
    const onDevice = model.verdict('ingress', model.spaceOf(packet('tcp saddr 10.199.0.6 iif vsrv0')));
    expect(onDevice.dropped).toHaveLength(1);
    const elsewhere = model.verdict('ingress', model.spaceOf(packet('tcp saddr 10.199.0.6 iif eth0')));
    expect(elsewhere.dropped).toEqual([]);
    expect(elsewhere.accepted).toHaveLength(1);
  });

  it('runs inet ingress chains too, before prerouting', () => {
    const model = buildModel(
      nft(`table inet edge {
  chain ingress {
    type filter hook ingress device "eth0" priority 0; policy accept;
    tcp dport 23 drop
  }
  chain pre {
    type filter hook prerouting priority 0; policy accept;
    tcp dport 23 accept
  }
}
`),
    );
    const trace = model.trace(packet('tcp dport 23 iif eth0'));
    expect(trace.steps.map((s) => `${s.hook} ${s.action}`)).toEqual(['ingress drop']);
  });

  it('runs egress chains last on the way out, on the leaving device', () => {
    const model = buildModel(
      nft(`table netdev out {
  chain egress {
    type filter hook egress device "eth1" priority 0; policy accept;
    tcp dport 25 drop
  }
}
`),
    );
    expect(model.trace(packet('tcp dport 25 oif eth1 hook output')).verdict).toBe('drop');
    expect(model.trace(packet('tcp dport 25 oif eth2 hook output')).verdict).toBe('accept');
  });
});

const MARKS = `table inet raw {
  chain pre {
    type filter hook prerouting priority raw; policy accept;
    tcp dport 1500 notrack
    ip saddr 10.199.0.5 meta mark set 0x5
    ip saddr 10.199.0.7 meta mark set ct mark
  }
}
table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    ct state untracked accept
    meta mark 0x5 accept
    tcp dport 22 ct state new accept
  }
}
`;

describe('statements that change the packet, in a trace', () => {
  it('carries notrack and a mark set at prerouting on to input', () => {
    const model = buildModel(nft(MARKS));
    const untracked = model.trace(packet('tcp saddr 10.199.0.1 dport 1500 ct new'));
    expect(untracked.verdict).toBe('accept');
    expect(untracked.steps.at(-1)?.rule?.span.line).toBe(12);
    const marked = model.trace(packet('tcp saddr 10.199.0.5 dport 443'));
    expect(marked.verdict).toBe('accept');
    expect(marked.steps.at(-1)?.rule?.span.line).toBe(13);
    expect(model.trace(packet('tcp saddr 10.199.0.1 dport 443')).verdict).toBe('drop');
  });

  it('reports a test on a mark copied from elsewhere as undetermined', () => {
    const model = buildModel(nft(MARKS));
    const trace = model.trace(packet('tcp saddr 10.199.0.7 dport 443'));
    expect(trace.verdict).toBe('undetermined');
    expect(trace.steps.at(-1)?.rule?.span.line).toBe(13);
  });

  it('applies iptables MARK --set-xmark and CT --notrack', () => {
    const model = buildModel(
      iptables(`*raw
:PREROUTING ACCEPT [0:0]
-A PREROUTING -p tcp -m tcp --dport 1500 -j CT --notrack
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
-A PREROUTING -s 10.199.0.5/32 -j MARK --set-xmark 0x5/0xffffffff
-A PREROUTING -s 10.199.0.6/32 -j MARK --or-mark 0x4
COMMIT
*filter
:INPUT DROP [0:0]
-A INPUT -m conntrack --ctstate UNTRACKED -j ACCEPT
-A INPUT -m mark --mark 0x5 -j ACCEPT
COMMIT
`),
    );
    expect(model.trace(packet('tcp saddr 10.199.0.1 dport 1500')).verdict).toBe('accept');
    expect(model.trace(packet('tcp saddr 10.199.0.5 dport 443')).verdict).toBe('accept');
    expect(model.trace(packet('tcp saddr 10.199.0.6 dport 443 mark 0x1')).verdict).toBe('accept');
    expect(model.trace(packet('tcp saddr 10.199.0.6 dport 443')).verdict).toBe('drop');
  });

  it('makes tests on addresses and ports undetermined after DNAT', () => {
    const model = buildModel(
      nft(`table ip nat {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    tcp dport 8080 dnat to 192.0.2.10:80
  }
}
table ip filter {
  chain input {
    type filter hook input priority 0; policy drop;
    tcp dport 8080 accept
  }
}
`),
    );
    expect(model.trace(packet('tcp dport 8080 ct new')).verdict).toBe('undetermined');
    expect(model.trace(packet('tcp dport 8080 ct established')).verdict).toBe('accept');
  });
});

describe('statements that change the packet, in space queries', () => {
  it('decides later tests of a constant mark by the new value', () => {
    const model = buildModel(
      nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    ip saddr 10.0.0.0/8 meta mark set 0x5
    meta mark 0x5 accept
  }
}
`),
    );
    const result = model.verdict('input', model.spaceOf(packet('tcp saddr 10.1.2.3')).union(model.spaceOf(packet('tcp saddr 192.0.2.1'))));
    expect(result.accepted).toHaveLength(1);
    expect(result.accepted[0]!.space.isSubsetOf(model.spaceOf(packet('tcp saddr 10.1.2.3')))).toBe(true);
    expect(result.dropped).toHaveLength(1);
    expect(result.undetermined).toEqual([]);
  });

  it('leaves tests of a mark set from another expression undetermined', () => {
    const model = buildModel(
      nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    meta mark set ct mark
    meta mark 0x5 accept
  }
}
`),
    );
    const result = model.verdict('input', model.everything());
    expect(result.accepted).toEqual([]);
    expect(result.dropped).toEqual([]);
    expect(result.undetermined.length).toBeGreaterThan(0);
  });

  it('does not call a rule covered by an earlier test of a mark changed in between', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy accept;
    meta mark 0x5 accept
    meta mark set 0x5
    meta mark 0x5 drop
    tcp dport 22 accept
    meta mark set 0x6
    tcp dport 22 drop
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 6)).fullyCovered).toBe(false);
    // The mark does not change the port, so the test on it still covers.
    expect(model.coverage(ruleAt(ruleset, 9)).fullyCovered).toBe(true);
  });

  it('does not summarise a jumped-to chain that changes the packet', () => {
    const ruleset = nft(`table inet filter {
  chain input {
    type filter hook input priority 0; policy accept;
    meta mark 0x5 accept
    jump setmark
    meta mark 0x5 drop
  }
  chain setmark {
    meta mark set 0x5
  }
}
`);
    const model = buildModel(ruleset);
    expect(model.coverage(ruleAt(ruleset, 6)).fullyCovered).toBe(false);
  });
});
