import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskHost } from '../../src/files.js';
import { parseNft } from '../../grammar/nft/index.js';
import { nftAvailable, nftCheck } from '../support/oracle.js';
import { fixturesDir } from '../support/shared.js';

/**
 * What each fixture expects fwlint to report is checked once, for every dialect, in
 * test/fixtures.test.ts. Here: the real nft agrees with the valid/invalid split.
 */
const validDir = path.join(fixturesDir, 'nft', 'valid');
const invalidDir = path.join(fixturesDir, 'nft', 'invalid');

const nftFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.nft')).sort();

/** Valid syntax the oracle here still rejects: kernel features it lacks, or syntax newer than 1.0.6. */
const ORACLE_REJECTS_VALID: Record<string, string> = {
  'flowtable.nft': 'the sandbox kernel has no flowtable support',
  'flowtable-blocks.nft': 'the sandbox kernel has no flowtable support',
  'queue.nft': 'the sandbox kernel has no nft_queue',
  'secmark.nft': 'the sandbox kernel has no usable secmark',
  'newer-syntax.nft': 'destroy and priority dstnat on output are nft 1.1 syntax',
  'tunnel-blocks.nft': 'tunnel objects are newer than nft 1.0.6',
  'xt-dump.nft': 'xt match/target cannot be loaded back by nft',
};

/** Invalid input the oracle here still accepts: checks current nft has and 1.0.6 lacks. */
const ORACLE_ACCEPTS_INVALID: Record<string, string> = {
  'classid-data.nft': 'nft before 1.1.0 reads a classid without checking its digits (nftables commit 7008b120)',
  'binop-chain.nft': 'nft 1.0.6 has no limit on chained binary operations and writes past its stack beyond 16 (nftables commit dcb19954)',
};

describe('valid nft fixtures', () => {
  // A parser that silently dropped everything would report nothing, and so meet every expectation.
  it.each(nftFiles(validDir))('%s parses into at least one table', (name) => {
    const file = path.join(validDir, name);
    const result = parseNft(file, readFileSync(file, 'utf8'), { host: diskHost, includeDirs: [] });
    expect(result.ruleset.tables.length).toBeGreaterThan(0);
  });
});

const nft = nftAvailable();
if (!nft.available) console.warn(`skipping the nft oracle checks of fixtures: ${nft.reason}`);

describe.skipIf(!nft.available)('nft fixtures agree with the real nft', () => {
  it.each(nftFiles(validDir))('nft accepts valid/%s (unless listed as kernel/version dependent)', async (name) => {
    expect((await nftCheck(path.join(validDir, name))).ok).toBe(!(name in ORACLE_REJECTS_VALID));
  });
  it.each(nftFiles(invalidDir))('nft rejects invalid/%s (unless listed as version dependent)', async (name) => {
    expect((await nftCheck(path.join(invalidDir, name))).ok).toBe(name in ORACLE_ACCEPTS_INVALID);
  });
});
