import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessIpVersion, parseIptables } from '../../grammar/iptables/index.js';
import { oracleCheck, oracleUnavailable, repoRoot, saveCache } from './oracle.js';

/**
 * Every fixture carries its expectations: `# expect: RULE-ID` at column 0 says the next line has a
 * diagnostic with that id. Checked both ways: each expectation is met and nothing else is reported.
 */

const fixturesDir = path.join(repoRoot, 'fixtures/iptables');

function fixtures(folder: string): string[] {
  return readdirSync(path.join(fixturesDir, folder))
    .sort()
    .map((name) => path.join(fixturesDir, folder, name));
}

/** Same notation as test/fixtures.test.ts: several ids per line, stacked lines speak of the next rule line. */
function expectations(text: string): string[] {
  const expect = /^# expect: (.+?)\s*$/;
  const lines = text.split('\n');
  const found: string[] = [];
  lines.forEach((line, index) => {
    const match = expect.exec(line);
    if (!match) return;
    let target = index + 1;
    while (target < lines.length && expect.test(lines[target]!)) target++;
    for (const ruleId of match[1]!.split(/[\s,]+/)) found.push(`${target + 1} ${ruleId}`);
  });
  return [...new Set(found)].sort();
}

function reported(file: string, text: string): string[] {
  const { diagnostics } = parseIptables(file, text);
  return [...new Set(diagnostics.map((d) => `${d.span.line} ${d.ruleId}`))].sort();
}

describe('iptables fixtures', () => {
  const all = ['valid', 'invalid', 'rules-spec'].flatMap(fixtures);

  it.each(all.map((file) => [path.relative(fixturesDir, file), file]))('%s reports exactly its expectations', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expect(reported(file, text)).toEqual(expectations(text));
  });

  it.each(fixtures('invalid').map((file) => [path.relative(fixturesDir, file), file]))('%s expects at least one diagnostic', (_, file) => {
    expect(expectations(readFileSync(file, 'utf8')).length).toBeGreaterThan(0);
  });
});

const oracleReason = oracleUnavailable();
if (oracleReason) console.warn(`skipping the oracle check of valid iptables fixtures: ${oracleReason}`);

describe.skipIf(oracleReason !== undefined)('valid iptables fixtures against iptables-restore --test', () => {
  it.each(fixtures('valid').map((file) => [path.relative(fixturesDir, file), file]))('%s is accepted', async (_, file) => {
    const verdict = await oracleCheck(file, guessIpVersion(file, readFileSync(file, 'utf8')));
    saveCache();
    expect(verdict.message).toBe('');
    expect(verdict.accepted).toBe(true);
  });
});
