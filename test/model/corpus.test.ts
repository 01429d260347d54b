import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/lint.js';
import { buildModel, formatPacket, parsePacket } from '../../src/model/index.js';
import { packet } from './parse-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = (() => {
  try {
    return statSync(corpus).isDirectory();
  } catch {
    return false;
  }
})();
if (!present) console.warn(`skipping the model corpus test: ${corpus} is absent`);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(dir, entry.name));
}

describe.skipIf(!present)('model on the real corpus', () => {
  it('builds, covers, witnesses and traces every parsable ruleset without throwing', () => {
    const paths = [...files(path.join(corpus, 'nft')), ...files(path.join(corpus, 'iptables'))].filter((p) => !p.endsWith('.json-nft'));
    let modelled = 0;
    for (const file of paths) {
      const { ruleset } = parseText(file, readFileSync(file, 'utf8'));
      if (ruleset.tables.length === 0) continue;
      const model = buildModel(ruleset);
      for (const coverage of model.coverageAll()) {
        const found = coverage.witness;
        if (found) expect(parsePacket(formatPacket(found))).toEqual(found);
      }
      for (const hook of ['input', 'forward', 'output'] as const) {
        expect(['accept', 'drop', 'undetermined']).toContain(model.trace(packet(`tcp dport 22 hook ${hook}`)).verdict);
      }
      modelled++;
    }
    expect(modelled).toBeGreaterThan(100);
  });
});
