import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS } from '../rules/builtin.js';
import { lintText } from '../src/lint.js';

/**
 * Every fixture carries its expectations as `# expect: rule-id [rule-id…]` comment lines directly
 * above the line they speak of (column 0, so iptables-restore accepts them too). Findings and
 * expectations must match both ways: nothing missing, nothing extra.
 *
 * Grammar fixtures (`nft/`, `iptables/`) show syntax, so they are held to what the parsers and the
 * model report; lint-rule findings are the business of the rule fixtures (`rules/<id>/`), which
 * are held to everything, near misses included.
 */
const root = path.resolve(import.meta.dirname, '../fixtures');
const EXPECT = /^#\s*expect:\s*(.+?)\s*$/;

function expectationsOf(text: string): string[] {
  const expected: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = EXPECT.exec(line);
    if (!match) return;
    let target = index + 1;
    while (target < lines.length && EXPECT.test(lines[target]!)) target++;
    for (const ruleId of match[1]!.split(/[\s,]+/)) expected.push(`${target + 1}:${ruleId}`);
  });
  return expected.sort();
}

const BUILTIN_IDS = new Set(BUILTIN_DIAGNOSTICS.map((d) => d.id));

function isGrammarFixture(relative: string): boolean {
  return relative.startsWith('nft/') || relative.startsWith('iptables/');
}

const fixtures = fg
  .sync(['nft/**/*', 'iptables/**/*', 'rules/**/*', 'examples/*'], { cwd: root, onlyFiles: true })
  .filter((file) => !file.endsWith('.md') && !/(^|\/)(includes?|_inc)\//.test(file))
  .sort();

describe('fixtures carry their own expectations', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s', (relative) => {
    const file = path.join(root, relative);
    const text = readFileSync(file, 'utf8');
    const result = lintText(file, text, { includeDirs: [path.dirname(file)] });
    const actual = result.messages
      .filter((m) => m.file === undefined && (!isGrammarFixture(relative) || BUILTIN_IDS.has(m.ruleId)))
      .map((m) => `${m.line}:${m.ruleId}`);
    expect([...new Set(actual)].sort()).toEqual([...new Set(expectationsOf(text))]);
  });

  // An invalid fixture that expects nothing would check nothing; nft's invalid ones are all syntax errors.
  it.each(fixtures.filter((relative) => /^(nft|iptables)\/invalid\//.test(relative)))('%s expects what is wrong with it', (relative) => {
    const expected = expectationsOf(readFileSync(path.join(root, relative), 'utf8')).map((entry) => entry.split(':')[1]);
    expect(expected.length).toBeGreaterThan(0);
    if (relative.startsWith('nft/')) expect(expected).toContain('parse-error');
  });
});
