import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseIptables } from '../../grammar/iptables/index.js';
import type { Ruleset } from '../../src/ir.js';
import { iptablesAvailable, iptablesRestoreAndSave, mapLimit } from '../support/oracle.js';
import { iptablesCorpusDir } from '../support/shared.js';

/**
 * The decision for non-standard formats (see grammar/iptables/index.ts):
 * - `iptables -S` output ("rules-spec") is read as one table, named after its built-in chains;
 * - restore input interleaved with shell command lines is refused with one error.
 */

const variantsDir = path.join(iptablesCorpusDir, 'variants');
const missing = !existsSync(variantsDir);
if (missing) console.warn(`skipping the iptables variants test: ${variantsDir} is absent`);

function files(prefix: string): string[] {
  return missing ? [] : readdirSync(variantsDir).filter((name) => name.startsWith(prefix)).sort();
}

const rulesSpecFiles = files('iptsefl-openstack__');
const commandLogFiles = files('istio-ipt-');

function shape(ruleset: Ruleset): string[] {
  return ruleset.tables.flatMap((t) => t.chains.map((c) => `${t.name}/${c.name} ${c.base?.policy ?? '-'} ${c.rules.length}`)).sort();
}

describe.skipIf(missing)('iptables -S output (rules-spec)', () => {
  it.each(rulesSpecFiles)('%s parses into the table its name says, with every -A rule', (name) => {
    const text = readFileSync(path.join(variantsDir, name), 'utf8');
    const result = parseIptables(name, text);
    expect(result.diagnostics).toEqual([]);
    const table = /iptables-(filter|nat|mangle|raw)-/.exec(name)?.[1];
    expect(result.ruleset.tables.map((t) => t.name)).toEqual([table]);
    const rules = result.ruleset.tables[0]!.chains.reduce((sum, c) => sum + c.rules.length, 0);
    expect(rules).toBe(text.split('\n').filter((line) => line.startsWith('-A ')).length);
  });

  const iptables = iptablesAvailable();
  if (!iptables.available) console.warn(`skipping the rules-spec load check: ${iptables.reason}`);
  it.skipIf(!iptables.available)('agrees with iptables-save after loading the same commands as restore input', { timeout: 300_000 }, async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'fwlint-rules-spec-'));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const outcomes = await mapLimit(rulesSpecFiles, 2, async (name) => {
      const text = readFileSync(path.join(variantsDir, name), 'utf8');
      const parsed = parseIptables(name, text);
      const table = parsed.ruleset.tables[0]!.name;
      const wrapped = path.join(scratch, name);
      writeFileSync(wrapped, `*${table}\n${text}COMMIT\n`);
      const run = await iptablesRestoreAndSave(wrapped, 4);
      return { name, parsed, dump: run.ok ? run.stdout : undefined };
    });
    const loaded = outcomes.filter((o) => o.dump !== undefined);
    expect(loaded.length).toBe(rulesSpecFiles.length);
    for (const { name, parsed, dump } of loaded) {
      expect([name, shape(parsed.ruleset)]).toEqual([name, shape(parseIptables(`${name}.saved`, dump!).ruleset)]);
    }
  });
});

describe.skipIf(missing)('restore input interleaved with command lines', () => {
  it.each(commandLogFiles)('%s is refused with one error naming the format', (name) => {
    const result = parseIptables(name, readFileSync(path.join(variantsDir, name), 'utf8'));
    expect(result.ruleset.tables).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'parse-error', severity: 'error' });
    expect(result.diagnostics[0]!.message).toMatch(/command log, not an iptables-restore file/);
  });
});
