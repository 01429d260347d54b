import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessIpVersion } from '../../grammar/iptables/index.js';
import { iptablesAvailable, iptablesRestoreTest } from '../support/oracle.js';
import { fixturesDir } from '../support/shared.js';

/**
 * What each fixture expects fwlint to report is checked once, for every dialect, in
 * test/fixtures.test.ts. Here: the real iptables-restore reads every valid fixture.
 */
const validDir = path.join(fixturesDir, 'iptables/valid');

const iptables = iptablesAvailable();
if (!iptables.available) console.warn(`skipping the oracle check of valid iptables fixtures: ${iptables.reason}`);

describe.skipIf(!iptables.available)('valid iptables fixtures against iptables-restore --test', () => {
  it.each(readdirSync(validDir).sort())('valid/%s is accepted', async (name) => {
    const file = path.join(validDir, name);
    const run = await iptablesRestoreTest(file, guessIpVersion(file, readFileSync(file, 'utf8')));
    expect(run.ok, run.stderr).toBe(true);
  });
});
