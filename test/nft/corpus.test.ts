import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskHost } from '../../src/files.js';
import { parseNft } from '../../grammar/nft/index.js';
import { mapLimit, nftAvailable, nftCheck, type ToolRun } from '../support/oracle.js';
import { nftCorpusDir as corpusDir } from '../support/shared.js';
import { BOGONS_ACCEPTED } from './bogons-accepted.js';
import { KNOWN_REJECTED_BUT_VALID } from './corpus-exceptions.js';

const corpusMissing = (() => {
  try {
    return statSync(corpusDir).isDirectory() ? undefined : `${corpusDir} is not a directory`;
  } catch {
    return `${corpusDir} is absent`;
  }
})();
const skipReason = corpusMissing ?? nftAvailable().reason;
if (skipReason !== undefined) console.warn(`skipping the nft corpus tests: ${skipReason}`);

/** `nft -c -f` on each file, two at a time (the machine is shared). */
async function askNft(files: string[]): Promise<Map<string, ToolRun>> {
  const runs = await mapLimit(files, 2, nftCheck);
  return new Map(files.map((file, index) => [file, runs[index]!]));
}

function corpusFiles(): string[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.json-nft'))
    .map((e) => path.join(corpusDir, e.name))
    .sort();
}

function parse(file: string) {
  return parseNft(file, readFileSync(file, 'utf8'), { host: diskHost, includeDirs: [path.dirname(file)] });
}

describe.skipIf(skipReason !== undefined)('nft corpus against the real nft', () => {
  it('parses every file nft accepts (or rejects only for version/kernel reasons) without parse errors', async () => {
    const files = corpusFiles();
    const verdicts = await askNft(files);
    const failures: string[] = [];
    let considered = 0;
    for (const file of files) {
      const name = path.basename(file);
      const accepted = verdicts.get(file)?.ok === true || name in KNOWN_REJECTED_BUT_VALID;
      if (!accepted) continue;
      considered++;
      const errors = parse(file).diagnostics.filter((d) => d.ruleId === 'parse-error' || d.ruleId === 'internal-error');
      if (errors.length > 0) failures.push(`${name}: ${errors.map((e) => `${e.span.line}:${e.span.column} ${e.message}`).join(' | ')}`);
    }
    console.log(`${considered - failures.length}/${considered} accepted files parse cleanly`);
    if (failures.length > 0) writeFileSync(path.join(os.tmpdir(), 'fwlint-nft-corpus-failures.txt'), failures.join('\n'));
    expect(failures).toEqual([]);
  }, 600_000);

  it('lists only exceptions that exist and that nft really rejects', async () => {
    const names = new Set(corpusFiles().map((f) => path.basename(f)));
    const listed = Object.keys(KNOWN_REJECTED_BUT_VALID).map((n) => path.join(corpusDir, n));
    expect(listed.filter((f) => !names.has(path.basename(f)))).toEqual([]);
    const verdicts = await askNft(listed);
    expect(listed.filter((f) => verdicts.get(f)?.ok === true).map((f) => path.basename(f))).toEqual([]);
  }, 600_000);
});

describe.skipIf(corpusMissing !== undefined)('nft bogons', () => {
  const bogonDir = path.join(corpusDir, 'bogons');
  const bogons = corpusMissing === undefined ? readdirSync(bogonDir).sort() : [];
  it.each(bogons)('%s: a located parse error or a clean parse, never a crash', (name) => {
    const file = path.join(bogonDir, name);
    const result = parse(file);
    expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
    for (const d of result.diagnostics) {
      expect(d.span.line).toBeGreaterThanOrEqual(1);
      expect(d.span.column).toBeGreaterThanOrEqual(1);
    }
  }, 10_000);
  // Most are parse errors; a few fail on a jump to a missing chain (unknown-chain) or an include.
  it.each(bogons)('%s: an error unless reviewed as accepted', (name) => {
    const errors = parse(path.join(bogonDir, name)).diagnostics.filter((d) => d.severity === 'error');
    if (name in BOGONS_ACCEPTED) expect(errors).toEqual([]);
    else expect(errors.length).toBeGreaterThan(0);
  }, 10_000);
  it('lists only bogons that exist', () => {
    expect(Object.keys(BOGONS_ACCEPTED).filter((name) => !bogons.includes(name))).toEqual([]);
  });
});
