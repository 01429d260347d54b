import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout root, found from this file so tests work from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'fixtures');

/** Shared material (specs, corpus) lives beside the checkout; CI has it, a bare clone may not. */
export const sharedDir = path.resolve(repoRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus');
export const nftCorpusDir = path.join(corpusDir, 'nft');
export const iptablesCorpusDir = path.join(corpusDir, 'iptables');
export const hasCorpus = existsSync(corpusDir);

/** Call at module load of a test that needs the corpus, so a skip always says why. */
export function warnIfNoCorpus(suite: string): void {
  if (!hasCorpus) console.warn(`[${suite}] skipped: ${corpusDir} is absent (the shared corpus is not checked out here)`);
}
