/**
 * The real tools as oracles. Every run happens inside a throwaway user+network namespace
 * (`unshare -Urn`), so nothing ever touches the host's firewall. Results are cached on disk by
 * content, tool version and command, because the corpus is large and changes rarely.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { repoRoot } from './shared.js';

export interface ToolRun {
  ok: boolean;
  /** What the tool printed on success (a re-listing), or its error text on failure. */
  stdout: string;
  stderr: string;
}

const TIMEOUT_MS = 30_000;
const cacheDir = path.join(repoRoot, 'node_modules/.cache/fwlint-oracle');
const cacheEnabled = process.env['FWLINT_ORACLE_CACHE'] !== 'off';

function probe(file: string, args: string[]): string | undefined {
  try {
    return execFileSync(file, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}

export interface Availability {
  available: boolean;
  /** Why not, for the skip message; undefined when available. */
  reason: string | undefined;
  /** The tools' own version lines, part of every cache key. */
  version: string;
}

function checkTools(versionCommands: string[][]): Availability {
  if (probe('unshare', ['-Urn', 'true']) === undefined) {
    return { available: false, reason: '`unshare -Urn` does not work here (no unshare or user namespaces)', version: '' };
  }
  const versions: string[] = [];
  for (const command of versionCommands) {
    const version = probe('unshare', ['-Urn', ...command]);
    if (version === undefined) return { available: false, reason: `\`${command[0]}\` is missing`, version: '' };
    versions.push(version.trim());
  }
  return { available: true, reason: undefined, version: versions.join(' / ') };
}

let nftAvailability: Availability | undefined;
let iptablesAvailability: Availability | undefined;

export function nftAvailable(): Availability {
  return (nftAvailability ??= checkTools([['nft', '--version']]));
}

/** Both address families and both backends: dumps go to whichever of them reads them. */
export function iptablesAvailable(): Availability {
  return (iptablesAvailability ??= checkTools(
    ['iptables', 'ip6tables', 'iptables-legacy', 'ip6tables-legacy'].map((tool) => [`${tool}-restore`, '--version']),
  ));
}

function cacheKey(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

function readCache(key: string): ToolRun | undefined {
  if (!cacheEnabled) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, `${key}.json`), 'utf8')) as ToolRun;
  } catch {
    return undefined;
  }
}

let temporaryCount = 0;

/** Vitest runs test files in parallel workers: a rename makes each entry appear whole or not at all. */
function writeCache(key: string, run: ToolRun): void {
  if (!cacheEnabled) return;
  mkdirSync(cacheDir, { recursive: true });
  const entry = path.join(cacheDir, `${key}.json`);
  const temporary = `${entry}.${process.pid}-${threadId}-${temporaryCount++}.tmp`;
  writeFileSync(temporary, JSON.stringify(run));
  renameSync(temporary, entry);
}

interface RunOptions {
  /** Goes into the cache key, so a tool upgrade asks again. */
  version: string;
  /** nft resolves includes and names errors by the file's place; iptables dumps mean the same anywhere. */
  dependsOnLocation: boolean;
}

/**
 * Runs a shell script as root of a fresh user+network namespace, with the ruleset path as `$1`
 * (never interpolated into the script) and the file's directory as working directory, so relative
 * includes resolve as they would for a user running the tool next to the file.
 */
function runInNamespace(script: string, file: string, { version, dependsOnLocation }: RunOptions): Promise<ToolRun> {
  const absolute = path.resolve(file);
  const key = cacheKey([script, version, dependsOnLocation ? absolute : '', readFileSync(absolute, 'latin1')]);
  const cached = readCache(key);
  if (cached) return Promise.resolve(cached);
  return new Promise((resolve) => {
    execFile(
      'unshare',
      ['-Urn', 'sh', '-c', script, 'sh', absolute],
      { cwd: path.dirname(absolute), timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const run: ToolRun = { ok: error === null, stdout, stderr: error && !stderr ? String(error.message) : stderr };
        // A timeout says nothing about the file; do not remember it.
        if (!(error && error.killed)) writeCache(key, run);
        resolve(run);
      },
    );
  });
}

function runNft(script: string, file: string): Promise<ToolRun> {
  return runInNamespace(script, file, { version: nftAvailable().version, dependsOnLocation: true });
}

/** `nft -c -f F`: parse and evaluate only, which is what decides whether the syntax is valid. */
export function nftCheck(file: string): Promise<ToolRun> {
  return runNft('nft -c -f "$1"', file);
}

/** `nft -f F` for real (not `-c`: only a load runs the kernel's own validation). */
export function nftLoad(file: string): Promise<ToolRun> {
  return runNft('nft -f "$1"', file);
}

/** Loads the file and lists the ruleset back, in nft's own text or JSON. */
export function nftLoadAndList(file: string, format: 'text' | 'json'): Promise<ToolRun> {
  const list = format === 'json' ? 'nft -j list ruleset' : 'nft list ruleset';
  return runNft(`nft -f "$1" && ${list}`, file);
}

export type IptablesBackend = 'nft' | 'legacy';

export interface IptablesRun extends ToolRun {
  /** The backend whose answer this is: the one that succeeded, or legacy when neither did. */
  backend: IptablesBackend;
}

interface IptablesTools {
  restore: string;
  save: string;
}

function iptablesTools(ipVersion: 4 | 6, backend: IptablesBackend): IptablesTools {
  const base = `${ipVersion === 6 ? 'ip6tables' : 'iptables'}${backend === 'legacy' ? '-legacy' : ''}`;
  return { restore: `${base}-restore`, save: `${base}-save` };
}

/**
 * Runs `script` with the nft backend, and with legacy when that fails: old dumps use matches only
 * the legacy backend still knows, and either one succeeding counts.
 */
async function nftBackendThenLegacy(file: string, ipVersion: 4 | 6, script: (tools: IptablesTools) => string): Promise<IptablesRun> {
  const options = { version: iptablesAvailable().version, dependsOnLocation: false };
  const current = await runInNamespace(script(iptablesTools(ipVersion, 'nft')), file, options);
  if (current.ok) return { ...current, backend: 'nft' };
  return { ...(await runInNamespace(script(iptablesTools(ipVersion, 'legacy')), file, options)), backend: 'legacy' };
}

/** `iptables-restore --test`: parses the dump and resolves its extensions without loading it. */
export function iptablesRestoreTest(file: string, ipVersion: 4 | 6): Promise<IptablesRun> {
  return nftBackendThenLegacy(file, ipVersion, ({ restore }) => `${restore} --test "$1"`);
}

/** A real `iptables-restore`, which also runs the kernel's validation. */
export function iptablesRestore(file: string, ipVersion: 4 | 6): Promise<IptablesRun> {
  return nftBackendThenLegacy(file, ipVersion, ({ restore }) => `${restore} "$1"`);
}

/** Restores the dump and saves it back, for round trips. */
export function iptablesRestoreAndSave(file: string, ipVersion: 4 | 6): Promise<IptablesRun> {
  return nftBackendThenLegacy(file, ipVersion, ({ restore, save }) => `${restore} "$1" && ${save}`);
}

/** Runs `task` over `items` with at most `limit` in flight, keeping results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
