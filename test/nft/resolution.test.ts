import { describe, expect, it } from 'vitest';
import { chain, errors, fieldMatch, parseText, range } from './helpers.js';

describe('defines', () => {
  it('substitutes variables in values, sets, concatenations, priority, policy, device and jump', () => {
    const result = parseText(`define ports = { 22, 80 }
define prio = -5
define pol = "drop"
define dev = "lo"
define target = other
table netdev n {
	chain c {
		type filter hook ingress device $dev priority $prio; policy $pol;
		tcp dport $ports accept
		ip saddr . tcp dport { 192.0.2.1 . $ ports } accept
		jump $target
	}
	chain other {
	}
}
`);
    expect(errors(result)).toEqual([]);
    const c = chain(result, 'c');
    expect(c.base).toMatchObject({ priority: -5, policy: 'drop', devices: ['lo'] });
    expect(fieldMatch(c.rules[0]!, 'dport').items).toEqual([range(22), range(80)]);
    expect(c.rules[0]!.text).toBe('tcp dport $ports accept');
    expect(c.rules[2]!.verdict).toMatchObject({ kind: 'jump', target: 'other' });
  });

  it('scopes defines to their block: a table-level define is not visible in another table', () => {
    const result = parseText('table inet a {\n\tdefine p = 22\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\ntable inet b {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n');
    expect(errors(result, 'undefined-variable')).toEqual([expect.stringMatching(/^9:13 undefined variable \$p.*-D/)]);
    expect(result.diagnostics.find((d) => d.ruleId === 'undefined-variable')?.severity).toBe('error');
  });

  it('requires a define before its use, and honours redefine and undefine in file order', () => {
    const result = parseText(`table ip t {
	chain c {
		tcp dport $late accept
	}
}
define late = 1
define p = 10
redefine p = 11
table ip u {
	chain c {
		tcp dport $p accept
	}
}
undefine p
table ip v {
	chain c {
		tcp dport $p accept
	}
}
`);
    expect(errors(result, 'undefined-variable').map((e) => e.split(' ')[0])).toEqual(['3:13', '17:13']);
    const u = result.ruleset.tables.find((t) => t.name === 'u')!;
    expect(fieldMatch(u.chains[0]!.rules[0]!, 'dport').items).toEqual([range(11)]);
  });

  it('reports defining a name twice in one scope', () => {
    expect(errors(parseText('define a = 1\ndefine a = 2\n'))).toEqual(["2:8 redefinition of symbol 'a'"]);
  });

  it('takes -D definitions as nft source text', () => {
    const result = parseText('table ip t {\n\tchain c {\n\t\tip saddr $admins accept\n\t}\n}\n', { defines: { admins: '{ 192.0.2.1, 192.0.2.2 }' } });
    expect(errors(result, 'undefined-variable')).toEqual([]);
    expect(fieldMatch(chain(result, 'c').rules[0]!, 'saddr4').items).toEqual([range(0xc0000201), range(0xc0000202)]);
  });
});

describe('includes', () => {
  it('resolves relative to the including file first, then the include dirs, then as given', () => {
    const result = parseText('include "rules/a.nft"\ninclude "b.nft"\ninclude "/abs/c.nft"\n', {
      includeDirs: ['/usr/share/inc'],
      files: {
        '/etc/nft/rules/a.nft': 'table inet a {\n}\n',
        '/usr/share/inc/b.nft': 'table inet b {\n}\n',
        '/etc/nft/b.nft': 'table inet b_local {\n}\n',
        '/abs/c.nft': 'table inet c {\n}\n',
      },
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.ruleset.tables.map((t) => t.name)).toEqual(['a', 'b_local', 'c']);
    expect(result.ruleset.sourceFiles).toEqual(['/etc/nft/main.nft', '/etc/nft/rules/a.nft', '/etc/nft/b.nft', '/abs/c.nft']);
  });

  it('expands globs in sorted order, skipping dot-files, and accepts a glob with no match', () => {
    const result = parseText('include "d/*.nft"\ninclude "none/*.nft"\n', {
      files: {
        '/etc/nft/d/20-b.nft': 'table inet b {\n}\n',
        '/etc/nft/d/10-a.nft': 'table inet a {\n}\n',
        '/etc/nft/d/.hidden.nft': 'garbage that must not be read',
      },
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.ruleset.tables.map((t) => t.name)).toEqual(['a', 'b']);
  });

  it('follows includes inside table and chain blocks and records where rules came from', () => {
    const result = parseText('table inet t {\n\tinclude "sets.inc"\n\tchain c {\n\t\tinclude "rules.inc"\n\t}\n}\n', {
      files: {
        '/etc/nft/sets.inc': 'set s {\n\ttype ipv4_addr\n}\n',
        '/etc/nft/rules.inc': 'ip saddr @s accept\ninclude "more.inc"\n',
        '/etc/nft/more.inc': 'drop\n',
      },
    });
    expect(result.diagnostics).toEqual([]);
    const rules = chain(result, 'c').rules;
    expect(rules.map((r) => [r.text, r.span.file])).toEqual([
      ['ip saddr @s accept', '/etc/nft/rules.inc'],
      ['drop', '/etc/nft/more.inc'],
    ]);
    expect(rules[1]!.includedFrom?.map((s) => `${s.file}:${s.line}`)).toEqual(['/etc/nft/main.nft:4', '/etc/nft/rules.inc:2']);
    expect(result.ruleset.tables[0]!.sets.map((s) => s.name)).toEqual(['s']);
  });

  it('reports a missing include at the include statement instead of failing', () => {
    const result = parseText('table inet t {\n}\ninclude "missing.nft"\n');
    expect(result.diagnostics).toMatchObject([{ ruleId: 'include-error', severity: 'error', span: { line: 3, column: 1 } }]);
    expect(result.ruleset.tables).toHaveLength(1);
  });

  it('detects include cycles and honours the depth limit', () => {
    const cycle = parseText('include "a.nft"\n', { files: { '/etc/nft/a.nft': 'include "main.nft"\n' } });
    expect(cycle.diagnostics).toMatchObject([{ ruleId: 'include-error', message: expect.stringMatching(/cycle/), span: { file: '/etc/nft/a.nft' } }]);
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`/etc/nft/l${i}.nft`] = `include "l${i + 1}.nft"\n`;
    files['/etc/nft/l20.nft'] = 'table inet deep {\n}\n';
    const deep = parseText('include "l0.nft"\n', { files });
    expect(deep.diagnostics).toMatchObject([{ ruleId: 'include-error', message: expect.stringMatching(/depth/) }]);
  });

  it('asks includeAllowed before reading', () => {
    const result = parseText('include "secret.nft"\n', {
      files: { '/etc/nft/secret.nft': 'table inet s {\n}\n' },
      includeAllowed: (p) => (p.includes('secret') ? 'outside the sandbox' : undefined),
    });
    expect(result.diagnostics).toMatchObject([{ ruleId: 'include-error', message: expect.stringMatching(/outside the sandbox/) }]);
    expect(result.ruleset.tables).toEqual([]);
  });
});
