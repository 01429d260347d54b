import { readdirSync } from 'node:fs';
import path from 'node:path';
import { detectDialect } from '../detect.js';
import { readRulesetFile } from '../files.js';
import type { Seed } from './mutate.js';

/** Larger seeds slow every mutation down without finding much more: their head is kept. */
const DEFAULT_MAX_SEED_CHARS = 16 * 1024;

/** Corpus parts that are not rulesets of either dialect (JSON twins, line-oriented test formats). */
const NOT_RULESETS = /\.(json-nft|json|t|md)$/;

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && !NOT_RULESETS.test(entry.name)) out.push(full);
  }
}

/** Every readable ruleset under the directories, in a stable order, each tagged with its dialect. */
export function loadSeeds(dirs: readonly string[], maxChars = DEFAULT_MAX_SEED_CHARS): Seed[] {
  const files: string[] = [];
  for (const dir of dirs) walk(dir, files);
  const seeds: Seed[] = [];
  for (const file of files) {
    const read = readRulesetFile(file);
    if (!read.ok) continue;
    const lastBreak = read.text.lastIndexOf('\n', maxChars);
    const text = read.text.length <= maxChars ? read.text : read.text.slice(0, lastBreak > 0 ? lastBreak + 1 : maxChars);
    seeds.push({ dialect: detectDialect(file, read.text), name: path.basename(file), text });
  }
  return seeds;
}
