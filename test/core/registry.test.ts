import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIAGNOSTICS } from '../../rules/builtin.js';
import { RULES } from '../../rules/index.js';
import { lintText } from '../../src/lint.js';

const repo = path.resolve(import.meta.dirname, '../..');
const known = new Map<string, string>([
  ...BUILTIN_DIAGNOSTICS.map((d) => [d.id, `rules/builtin/${d.id}.md`] as const),
  ...RULES.map((r) => [r.meta.id, `rules/${r.meta.id}.md`] as const),
]);

describe('the registry of finding ids', () => {
  it('has a documentation page for every id', () => {
    for (const [id, doc] of known) {
      expect(existsSync(path.join(repo, doc)), `${id}: ${doc}`).toBe(true);
      expect(readFileSync(path.join(repo, doc), 'utf8')).toMatch(/## What it finds[\s\S]*## Why it matters[\s\S]*## Example[\s\S]*## Fix/);
    }
  });

  it('matches the README table, row for row', () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(([^)]+)\) \| (\w+) \|/gm)].map((m) => [m[1], m[2], m[3]]);
    const severities = new Map([...BUILTIN_DIAGNOSTICS, ...RULES.map((r) => r.meta)].map((d) => [d.id, d.severity]));
    expect(rows).toEqual([...known].map(([id, doc]) => [id, doc, severities.get(id)]));
  });

  it('knows every id that the fixtures make fwlint report', () => {
    const files = fg.sync(['fixtures/**/*'], { cwd: repo, onlyFiles: true }).filter((f) => !f.endsWith('.md'));
    const reported = new Set<string>();
    for (const file of files) {
      const text = readFileSync(path.join(repo, file), 'utf8');
      for (const m of lintText(path.join(repo, file), text).messages) reported.add(m.ruleId);
    }
    expect([...reported].filter((id) => !known.has(id))).toEqual([]);
  });
});
