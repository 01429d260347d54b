import { describe, expect, it } from 'vitest';
import type { FieldMatch, SetDecl } from '../../src/ir.js';
import { chain, errors, onlyRule, parseText } from './helpers.js';

function setNamed(text: string, name: string): SetDecl {
  const result = parseText(text);
  expect(errors(result)).toEqual([]);
  const found = result.ruleset.tables.flatMap((t) => t.sets).find((s) => s.name === name);
  if (found === undefined) throw new Error(`no set ${name}`);
  return found;
}

describe('set elements with per-element statements', () => {
  it('keeps the key of an anonymous-set element followed by a counter', () => {
    const rule = onlyRule('meta mark { 0x0000000a counter packets 0 bytes 0 } accept');
    const match = rule.matches.find((m) => m.kind === 'field' && m.field === 'mark') as FieldMatch | undefined;
    expect(match?.items).toEqual([{ kind: 'range', low: 10n, high: 10n }]);
  });

  it('keeps keys of declared elements with counters, comments and timeouts, and the set stays static', () => {
    const set = setNamed(
      'table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 1.1.1.1 counter packets 3 bytes 9, 2.2.2.2 comment "x" }\n\t}\n}\n',
      's',
    );
    expect(set.elements.map((e) => e.key)).toEqual([
      [{ kind: 'range', low: 0x01010101n, high: 0x01010101n }],
      [{ kind: 'range', low: 0x02020202n, high: 0x02020202n }],
    ]);
    expect(set.dynamic).toBe(false);
  });

  it('keeps the key of an element with ct count, and marks its set dynamic', () => {
    const set = setNamed(
      'table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t\tsize 65535\n\t\telements = { 2.2.2.2 ct count over 5, 3.3.3.3 }\n\t}\n}\n',
      's',
    );
    expect(set.elements.map((e) => e.key)).toEqual([
      [{ kind: 'range', low: 0x02020202n, high: 0x02020202n }],
      [{ kind: 'range', low: 0x03030303n, high: 0x03030303n }],
    ]);
    expect(set.dynamic).toBe(true);
  });

  it.each(['limit rate 1/second', 'quota 10 mbytes', 'ct count 3'])(
    'treats an anonymous set with an element carrying "%s" as a nondeterministic test',
    (statement) => {
      const rule = onlyRule(`ip saddr { 10.0.0.1 ${statement}, 10.0.0.2 } accept`);
      const opaque = rule.matches.find((m) => m.kind === 'opaque');
      expect(opaque).toMatchObject({ kind: 'opaque', nondeterministic: true });
      expect(rule.matches.some((m) => m.kind === 'field' && m.field === 'saddr4')).toBe(false);
    },
  );
});

describe('large sets', () => {
  it('parses 50,000 bare-word elements of an address set', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `host${i}`).join(',');
    const result = parseText(`table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t\telements = { ${words} }\n\t}\n\tchain c {\n\t\tip saddr @s drop\n\t}\n}\n`);
    const set = result.ruleset.tables[0]!.sets.find((s) => s.name === 's')!;
    expect(set.elements).toHaveLength(50_000);
    expect(set.keyFields).toBeUndefined();
    expect(set.elements.every((e) => e.key.length === 0)).toBe(true);
    expect(chain(result, 'c').rules).toHaveLength(1);
  });
});
