import { describe, expect, it } from 'vitest';
import { chain, errors, parseText, range } from './helpers.js';

describe('tables and commands applied in file order', () => {
  it('merges repeated table blocks, appending rules, and lets a later block change the policy', () => {
    const result = parseText(`table inet t {
	chain input {
		type filter hook input priority 0; policy accept;
		tcp dport 22 accept
	}
}
table inet t {
	chain input {
		type filter hook input priority 0; policy drop;
		tcp dport 80 accept
	}
}
`);
    expect(result.ruleset.tables).toHaveLength(1);
    const input = chain(result, 'input');
    expect(input.rules.map((r) => r.text)).toEqual(['tcp dport 22 accept', 'tcp dport 80 accept']);
    expect(input.base).toMatchObject({ policy: 'drop', policySpan: { line: 9, column: 38 } });
  });

  it('defaults the family to ip', () => {
    const result = parseText('table filter {\n}\nadd chain filter c\nadd rule filter c accept\n');
    expect(result.ruleset.tables.map((t) => `${t.family} ${t.name}`)).toEqual(['ip filter']);
    expect(chain(result, 'c').rules).toHaveLength(1);
  });

  it('applies flush, delete, insert, index and rename', () => {
    const result = parseText(`table inet t {
	chain c {
		tcp dport 1 accept
	}
	chain gone {
	}
}
table inet other {
}
add rule inet t c tcp dport 2 accept
insert rule inet t c tcp dport 0 accept
add rule inet t c index 0 tcp dport 9 accept
delete chain inet t gone
delete table inet other
rename chain inet t c renamed
add table inet scratch
add chain inet scratch x
add rule inet scratch x accept
flush table inet scratch
`);
    expect(result.ruleset.tables.map((t) => t.name)).toEqual(['t', 'scratch']);
    const renamed = chain(result, 'renamed');
    expect(renamed.rules.map((r) => r.text)).toEqual(['tcp dport 0 accept', 'tcp dport 9 accept', 'tcp dport 1 accept', 'tcp dport 2 accept']);
    expect(renamed.rules.every((r) => r.chain === 'renamed')).toBe(true);
    expect(result.ruleset.tables[0]!.chains.map((c) => c.name)).toEqual(['renamed']);
    expect(chain(result, 'x').rules).toEqual([]);
  });

  it('flush ruleset drops everything declared before it', () => {
    const result = parseText('table inet a {\n}\nflush ruleset\ntable inet b {\n}\n');
    expect(result.ruleset.tables.map((t) => t.name)).toEqual(['b']);
  });

  it('reads bare rule lines and "add FAMILY TABLE CHAIN" as add rule', () => {
    const result = parseText('table inet f {\n\tchain input {\n\t}\n}\ninet f input tcp dport 22 accept\nadd inet f input drop\n');
    expect(chain(result, 'input').rules.map((r) => r.text)).toEqual(['tcp dport 22 accept', 'drop']);
  });
});

describe('base chains', () => {
  const prio = (spec: string, family = 'inet', hook = 'input') =>
    chain(parseText(`table ${family} t {\n\tchain c {\n\t\ttype filter hook ${hook} priority ${spec};\n\t}\n}\n`), 'c').base;

  it('resolves priority names and name ± offset', () => {
    expect(prio('filter - 1')).toMatchObject({ priority: -1, priorityText: 'filter - 1' });
    expect(prio('- 150')?.priority).toBe(-150);
    expect(prio('mangle + 5')?.priority).toBe(-145);
    expect(prio('dstnat', 'ip', 'prerouting')?.priority).toBe(-100);
    expect(prio('filter', 'bridge', 'forward')?.priority).toBe(-200);
  });

  it('defaults the policy to accept without a policy span, and takes a policy written first', () => {
    expect(prio('0')).toMatchObject({ policy: 'accept', type: 'filter', hook: 'input' });
    expect(prio('0')?.policySpan).toBeUndefined();
    const early = chain(parseText('table ip t {\n\tchain c {\n\t\tpolicy drop; type filter hook input priority 0;\n\t}\n}\n'), 'c');
    expect(early.base).toMatchObject({ policy: 'drop', policySpan: { line: 3 } });
  });

  it('collects devices of netdev chains', () => {
    const result = parseText('table netdev n {\n\tchain c {\n\t\ttype filter hook ingress device "lo" priority 0;\n\t}\n}\n');
    expect(chain(result, 'c').base?.devices).toEqual(['lo']);
  });

  it('rejects "filter-1" (one word) with a located error', () => {
    const result = parseText('table inet t {\n\tchain c {\n\t\ttype filter hook input priority filter-1;\n\t}\n}\n');
    expect(errors(result)).toEqual([expect.stringMatching(/^3:35 invalid priority expression "filter-1"/)]);
  });
});

describe('verdicts', () => {
  it('turns anonymous jump bodies into chains of their own', () => {
    const result = parseText('table inet t {\n\tchain c {\n\t\ttcp dport 22 jump { ip saddr 192.0.2.1 accept; drop; }\n\t}\n}\n');
    const rule = chain(result, 'c').rules[0]!;
    expect(rule.verdict).toMatchObject({ kind: 'jump' });
    const target = (rule.verdict as { target: string }).target;
    const anonymous = chain(result, target);
    expect(anonymous.anonymous).toBe(true);
    expect(anonymous.rules.map((r) => r.text)).toEqual(['ip saddr 192.0.2.1 accept', 'drop']);
  });

  it('reads verdict maps with a catch-all entry and named verdict maps', () => {
    const result = parseText('table inet t {\n\tchain c {\n\t\ttcp dport vmap { 22 : accept, * : drop }\n\t\tip saddr vmap @m\n\t}\n}\n');
    const [literal, named] = chain(result, 'c').rules;
    expect(literal!.verdict).toMatchObject({
      kind: 'vmap',
      fields: ['dport'],
      entries: [
        { key: [range(22)], verdict: { kind: 'accept' } },
        { key: [range(0, 65535)], verdict: { kind: 'drop' } },
      ],
    });
    expect(named!.verdict).toMatchObject({ kind: 'vmap', fields: ['saddr4'], setRef: { name: 'm' } });
  });

  it('keeps the entries of a vmap whose key it cannot type, marking the key opaque', () => {
    const rule = chain(parseText('table inet t {\n\tchain c {\n\t\tip dscp vmap { cs1 : jump x }\n\t}\n\tchain x {\n\t}\n}\n'), 'c').rules[0]!;
    expect(rule.verdict).toMatchObject({ kind: 'vmap', fields: [], opaqueKey: 'ip dscp', entries: [{ key: [], verdict: { kind: 'jump', target: 'x' } }] });
  });

  it('NAT statements are nat verdicts and reject keeps its "with"', () => {
    const result = parseText('table ip t {\n\tchain c {\n\t\ttcp dport 80 dnat to 10.0.0.1:8080\n\t\treject with tcp reset\n\t\tmasquerade\n\t}\n}\n');
    expect(chain(result, 'c').rules.map((r) => r.verdict)).toMatchObject([
      { kind: 'nat', nat: 'dnat' },
      { kind: 'reject', with: 'tcp reset' },
      { kind: 'nat', nat: 'masquerade' },
    ]);
  });

  it('takes a trailing comment as the rule comment', () => {
    const rule = chain(parseText('table ip t {\n\tchain c {\n\t\taccept comment "allow all"\n\t}\n}\n'), 'c').rules[0]!;
    expect(rule.comment).toBe('allow all');
  });
});

describe('sets and maps', () => {
  it('types keys and elements, and notes dynamic sets', () => {
    const result = parseText(`table inet t {
	set a {
		type ipv4_addr . inet_service
		flags interval
		elements = { 10.0.0.0/8 . 22, 192.0.2.1 . 80 }
	}
	set d {
		typeof ip saddr
		flags dynamic
	}
	set u {
		type ipv4_addr
	}
	map m {
		type inet_service : verdict
		elements = { 22 : jump c, 80 : accept }
	}
	chain c {
		add @u { ip saddr }
	}
}
`);
    const sets = result.ruleset.tables[0]!.sets;
    const byName = Object.fromEntries(sets.map((s) => [s.name, s]));
    expect(byName.a).toMatchObject({ keyType: 'ipv4_addr . inet_service', keyFields: ['saddr4', 'dport'], flags: ['interval'], dynamic: false });
    expect(byName.a!.elements[1]!.key).toEqual([range(0xc0000201), range(80)]);
    expect(byName.d).toMatchObject({ keyFields: ['saddr4'], dynamic: true });
    expect(byName.u!.dynamic).toBe(true);
    expect(byName.m).toMatchObject({ kind: 'map', dataType: 'verdict', elements: [{ key: [range(22)], verdict: { kind: 'jump', target: 'c' } }, { verdict: { kind: 'accept' } }] });
  });
});

describe('element commands', () => {
  it('adds and deletes elements of a named set in file order', () => {
    const result = parseText(`table inet t {
	set s {
		type inet_service
		elements = { 22, 80 }
	}
}
add element inet t s { 443, 8080 }
delete element inet t s { 80, 8080 }
`);
    expect(result.ruleset.tables[0]!.sets[0]!.elements.map((e) => e.key)).toEqual([[range(22)], [range(443)]]);
  });
});

describe('error reporting', () => {
  it('reports the missing separator before a parent "}" like nft', () => {
    expect(errors(parseText('table inet t { chain c { accept; } }\n'))).toEqual(['1:36 syntax error, unexpected "}", expecting newline or ";"']);
  });

  it('reports several independent errors of one file', () => {
    const result = parseText('table inet t {\n\tchain c {\n\t\ttcp dport 22 acept\n\t\tudp dport 53 accept\n\t\tchain x\n\t}\n}\ntable inet mark {\n}\n');
    expect(errors(result).map((e) => e.split(' ')[0])).toEqual(['3:16', '5:3', '8:12']);
  });

  it('rejects CRLF files with a clear message', () => {
    expect(errors(parseText('table inet t {\r\n}\r\n'))[0]).toMatch(/^1:15 .*CRLF/);
  });

  it('never throws on garbage and locates what it reports', () => {
    for (const text of ['}}}{{{', 'table', '"unterminated', 'table inet t { chain c { jump { jump { ', '@@@ $$$ ::: ...', '\u0000\u0001']) {
      const result = parseText(text);
      expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const d of result.diagnostics) expect(d.span.line).toBeGreaterThanOrEqual(1);
    }
  });
});
