import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIptablesChain, generateNftChain } from '../../bench/generate.js';
import type { Ruleset } from '../../src/ir.js';
import { parseText } from '../../src/lint.js';
import { ModelContext } from '../../src/model/context.js';
import { type Coverage, coverageOfAll, type CreateIndex } from '../../src/model/coverage.js';
import { CoverageIndex } from '../../src/model/coverage-index.js';
import { formatPacket } from '../../src/model/index.js';
import { corpusDir, fixturesDir, hasCorpus, warnIfNoCorpus } from '../support/shared.js';
import { LinearIndex } from './linear-index.js';
import { nft } from './parse-helpers.js';

warnIfNoCorpus('coverage index equivalence');

/** Everything a user sees of a coverage answer, rule by rule. */
function answers(ruleset: Ruleset, coverageList: readonly Coverage[]): string[] {
  const coverage = new Map(coverageList.map((c) => [c.rule, c]));
  const lines: string[] = [];
  for (const table of ruleset.tables) {
    for (const chain of table.chains) {
      for (const rule of chain.rules) {
        const c = coverage.get(rule)!;
        const by = c.coveredBy.map((r) => `${r.span.file}:${r.span.line}`).join(',');
        const example = c.witness ? formatPacket(c.witness) : '-';
        lines.push(`${rule.span.file}:${rule.span.line} full=${c.fullyCovered} same=${c.sameVerdict} never=${c.neverMatches} by=[${by}] ${example}`);
      }
    }
  }
  return lines;
}

function expectSameAnswers(ruleset: Ruleset, createIndex?: CreateIndex): void {
  const indexed = coverageOfAll(new ModelContext(ruleset), createIndex);
  const scanned = coverageOfAll(new ModelContext(ruleset), () => new LinearIndex());
  expect(answers(ruleset, indexed)).toEqual(answers(ruleset, scanned));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(md|json|json-nft)$/.test(entry.name) ? [] : [full];
  });
}

function parsed(file: string): Ruleset | undefined {
  if (statSync(file).size > 2_000_000) return undefined;
  const { ruleset } = parseText(file, readFileSync(file, 'utf8'));
  return ruleset.tables.length > 0 ? ruleset : undefined;
}

describe('the coverage index answers exactly as a scan of every earlier rule in order', () => {
  it('names the rule that decides first, not one that would decide later', () => {
    // The trie files line 7 under port 22 and line 6 under a 16-port bucket, and looks up ports first.
    const ruleset = nft(`table inet t {
	chain input {
		type filter hook input priority filter; policy accept;
		tcp dport 100 accept
		tcp dport 200 accept
		tcp dport 16-31 drop
		tcp dport 22 accept
		tcp dport 22 accept
	}
}`);
    const last = coverageOfAll(new ModelContext(ruleset))[4]!;
    expect(last.rule).toBe(ruleset.tables[0]!.chains[0]!.rules[4]);
    expect(last.coveredBy.map((r) => r.span.line)).toEqual([6]);
    expect(last.sameVerdict).toBe(false);
    expectSameAnswers(ruleset);
  });

  it.each([1, 2, 3])('on generated nft chains (seed %i), dense and spread', (seed) => {
    for (const shape of ['dense', 'spread'] as const) {
      expectSameAnswers(parseText(`gen-${shape}.nft`, generateNftChain(1500, seed, shape)).ruleset);
    }
  });

  it.each([1, 2])('on generated iptables chains (seed %i)', (seed) => {
    expectSameAnswers(parseText('gen.rules', generateIptablesChain(1500, seed)).ruleset);
  });

  it('on a chain mixing IPv4, IPv6 and family-free rules, whose branches pass over the other family\'s levels', () => {
    let state = 7;
    const int = (n: number): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    const v4 = (): string => `10.${int(4)}.${int(4)}.${int(256)}/${[16, 24, 30, 32][int(4)]}`;
    const v6 = (): string => `2001:db8:${int(4).toString(16)}::${int(256).toString(16)}/${[32, 48, 64, 128][int(4)]}`;
    const port = (): string => (int(3) === 0 ? `${20 + int(10)}-${30 + int(10)}` : String(20 + int(10)));
    const verdict = (): string => ['accept', 'drop'][int(2)]!;
    const forms = [
      (): string => `ip saddr ${v4()} tcp dport ${port()} ${verdict()}`,
      (): string => `ip6 daddr ${v6()} udp dport ${port()} ${verdict()}`,
      (): string => `tcp dport ${port()} ${verdict()}`,
      (): string => `ip daddr ${v4()} ${verdict()}`,
      (): string => `ip6 saddr ${v6()} ip6 daddr ${v6()} ${verdict()}`,
      (): string => `meta nfproto ipv6 tcp dport ${port()} ${verdict()}`,
      (): string => `iifname "eth${int(3)}" ${verdict()}`,
    ];
    const rules = Array.from({ length: 1200 }, () => `\t\t${forms[int(forms.length)]!()}`);
    const text = `table inet t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n${rules.join('\n')}\n\t}\n}\n`;
    const ruleset = parseText('mixed.nft', text).ruleset;
    expect(ruleset.tables[0]!.chains[0]!.rules).toHaveLength(1200);
    expectSameAnswers(ruleset);
    expectSameAnswers(ruleset, (_, boxOf) => new CoverageIndex(0, boxOf));
  });

  it('when a trie that stopped filing entries for a long run of queries is needed again', () => {
    // The first port rules build a path down 2001:db8:ffff:... in the ports-first trie. Then
    // address rules only: that trie goes idle and only notes serials. The two drops with a
    // destination are looked up addresses first, so it notes them too; the port rules at the end
    // start from it, so it files everything noted, IPv6 entries from their exact sets (as doubles,
    // 2001:db8:ffff:...:ff00 rounds up to 2001:db9::, which would file it down another branch).
    const pathRules = Array.from({ length: 8 }, (_, k) => `ip6 saddr 2001:db8:ffff:ffff:ffff:ffff:ffff:ff1${k} tcp dport 23 drop`);
    const addressRules = Array.from({ length: 1500 }, (_, k) =>
      k % 3 === 0 ? `ip6 saddr 2001:db8:${(k % 256).toString(16)}::${k.toString(16)} drop` : `ip saddr 10.${k % 200}.${k % 7}.${k % 250} drop`,
    );
    const text = `table inet t {
	chain input {
		type filter hook input priority filter; policy accept;
${[...pathRules, ...addressRules].map((r) => `\t\t${r}`).join('\n')}
		ip daddr 198.51.100.1 ip saddr 192.0.2.0/24 tcp dport 22 drop
		ip6 daddr 2001:db8::1 ip6 saddr 2001:db8:ffff:ffff:ffff:ffff:ffff:ff00/120 tcp dport 23 drop
		ip saddr 192.0.2.7 tcp dport 22 accept
		ip6 saddr 2001:db8:ffff:ffff:ffff:ffff:ffff:ff07 tcp dport 23 accept
	}
}
`;
    const ruleset = parseText('idle.nft', text).ruleset;
    const coverage = coverageOfAll(new ModelContext(ruleset));
    expect(coverage[1510]!.coveredBy.map((r) => r.span.line)).toEqual([1512]);
    expect(coverage[1511]!.coveredBy.map((r) => r.span.line)).toEqual([1513]);
    expectSameAnswers(ruleset);
  });

  it('when its tries outgrow the size they were made for', () => {
    // Sized for no entry at all, both tries grow their rows and child tables many times over.
    expectSameAnswers(parseText('gen.nft', generateNftChain(3000, 4, 'spread')).ruleset, (_, boxOf) => new CoverageIndex(0, boxOf));
  });

  it('on every fixture', () => {
    const files = filesUnder(fixturesDir);
    for (const file of files) {
      const ruleset = parsed(file);
      if (ruleset) expectSameAnswers(ruleset);
    }
    expect(files.length).toBeGreaterThan(100);
  });

  it.skipIf(!hasCorpus)('on every corpus ruleset', () => {
    let compared = 0;
    for (const file of filesUnder(corpusDir)) {
      const ruleset = parsed(file);
      if (!ruleset) continue;
      expectSameAnswers(ruleset);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);
});
