import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessIpVersion, parseIptables } from '../../grammar/iptables/index.js';
import { iptablesAvailable, iptablesRestoreTest, mapLimit, type IptablesRun } from '../support/oracle.js';
import { iptablesCorpusDir as corpusDir } from '../support/shared.js';

/**
 * Files the oracle accepts although fwlint reports a parse-error, each on purpose. `iptables-restore
 * --test` (nft variant) only parses; the errors below are ones a real load (or the stricter legacy
 * `--test`) hits too.
 */
const UFW_FRAGMENT =
  'a ufw fragment: it jumps to chains ufw creates from another rules file before loading this one; ' +
  'standalone, iptables-legacy-restore --test and a real load reject it ("Couldn\'t load target"), ' +
  'only the parse-only nft --test lets it through';

const EXCEPTIONS: Readonly<Record<string, string>> = {
  'ufw-conf__after.rules': UFW_FRAGMENT,
  'ufw-conf__after6.rules': UFW_FRAGMENT,
  'ufw-conf__before.rules': UFW_FRAGMENT,
  'ufw-conf__before6.rules': UFW_FRAGMENT,
};

const corpusMissing = !existsSync(corpusDir);
const reason = corpusMissing ? `${corpusDir} is absent` : iptablesAvailable().reason;
if (reason) console.warn(`skipping the iptables corpus oracle test: ${reason}`);

function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((name) => statSync(path.join(corpusDir, name)).isFile())
    .sort();
}

describe.skipIf(reason !== undefined)('iptables corpus against iptables-restore --test', () => {
  it('reports no parse-error in any file the oracle accepts', { timeout: 900_000 }, async () => {
    const files = corpusFiles();
    const verdicts = await mapLimit(files, 2, async (name): Promise<[string, IptablesRun, 4 | 6]> => {
      const file = path.join(corpusDir, name);
      const version = guessIpVersion(file, readFileSync(file, 'utf8'));
      return [name, await iptablesRestoreTest(file, version), version];
    });
    const unexpected: string[] = [];
    let accepted = 0;
    let clean = 0;
    let rejectedAndFlagged = 0;
    let rejected = 0;
    const missed: string[] = [];
    const excepted = new Set<string>();
    for (const [name, verdict, version] of verdicts) {
      const file = path.join(corpusDir, name);
      const errors = parseIptables(file, readFileSync(file, 'utf8'), { ipVersion: version }).diagnostics.filter(
        (d) => d.ruleId === 'parse-error' || d.ruleId === 'internal-error',
      );
      if (!verdict.ok) {
        rejected++;
        if (errors.length > 0) rejectedAndFlagged++;
        else missed.push(`${name}: ${verdict.stderr.split('\n')[0]}`);
        continue;
      }
      accepted++;
      if (errors.length === 0) clean++;
      else if (name in EXCEPTIONS) excepted.add(name);
      else {
        unexpected.push(`${name} (accepted by the ${verdict.backend} backend): ${errors.slice(0, 2).map((e) => `${e.span.line}:${e.span.column} ${e.message}`).join(' | ')}`);
      }
    }
    console.warn(
      `iptables corpus: ${clean + excepted.size}/${accepted} oracle-accepted files pass ` +
        `(${clean} without any parse-error, ${excepted.size} reviewed exceptions); ${rejectedAndFlagged}/${rejected} rejected files flagged`,
    );
    if (missed.length > 0) console.warn(`rejected by the oracle but not flagged:\n  ${missed.join('\n  ')}`);
    expect(unexpected).toEqual([]);
    // An exception that no longer fails (or whose file is gone) must leave the list.
    expect(Object.keys(EXCEPTIONS).filter((name) => !excepted.has(name))).toEqual([]);
  });
});
