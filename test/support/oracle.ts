/**
 * The real tools as oracles. Every load happens inside a throwaway user+network namespace
 * (`unshare -Urn`), so nothing ever touches the host's firewall. Results are cached on disk by
 * content, tool version and command, because the corpus is large and changes rarely.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  /** Why not, for the skip message. */
  reason: string;
  version: string;
}

function checkTool(versionCommand: string[]): Availability {
  if (probe('unshare', ['-Urn', 'true']) === undefined) {
    return { available: false, reason: '`unshare -Urn` does not work here (no unshare or user namespaces)', version: '' };
  }
  const version = probe('unshare', ['-Urn', ...versionCommand]);
  if (version === undefined) return { available: false, reason: `\`${versionCommand.join(' ')}\` is missing`, version: '' };
  return { available: true, reason: '', version: version.trim() };
}

let nftAvailability: Availability | undefined;
let iptablesAvailability: Availability | undefined;

export function nftAvailable(): Availability {
  return (nftAvailability ??= checkTool(['nft', '--version']));
}

export function iptablesAvailable(): Availability {
  iptablesAvailability ??= checkTool(['iptables-restore', '--version']);
  if (iptablesAvailability.available && probe('unshare', ['-Urn', 'iptables-legacy-restore', '--version']) === undefined) {
    iptablesAvailability = { available: false, reason: '`iptables-legacy-restore` is missing', version: '' };
  }
  return iptablesAvailability;
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

function writeCache(key: string, run: ToolRun): void {
  if (!cacheEnabled) return;
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path.join(cacheDir, `${key}.json`), JSON.stringify(run));
}

/**
 * Runs a shell script as root of a fresh user+network namespace, with the ruleset path as `$1`
 * (never interpolated into the script) and the file's directory as working directory, so relative
 * includes resolve as they would for a user running the tool next to the file.
 */
function runInNamespace(script: string, file: string, versionTag: string): Promise<ToolRun> {
  const absolute = path.resolve(file);
  const key = cacheKey([script, versionTag, absolute, readFileSync(absolute, 'latin1')]);
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

/** `nft -f F` for real (not `-c`: only a load runs the kernel's own validation). */
export function nftLoad(file: string): Promise<ToolRun> {
  return runInNamespace('nft -f "$1"', file, nftAvailable().version);
}

/** Loads the file and lists the ruleset back, in nft's own text or JSON. */
export function nftLoadAndList(file: string, format: 'text' | 'json'): Promise<ToolRun> {
  const list = format === 'json' ? 'nft -j list ruleset' : 'nft list ruleset';
  return runInNamespace(`nft -f "$1" && ${list}`, file, nftAvailable().version);
}

export interface IptablesVariant {
  ipVersion: 4 | 6;
  legacy: boolean;
}

function restoreCommand({ ipVersion, legacy }: IptablesVariant): { restore: string; save: string } {
  const base = ipVersion === 6 ? 'ip6tables' : 'iptables';
  return legacy
    ? { restore: `${base}-legacy-restore`, save: `${base}-legacy-save` }
    : { restore: `${base}-restore`, save: `${base}-save` };
}

export function iptablesRestore(file: string, variant: IptablesVariant): Promise<ToolRun> {
  const { restore } = restoreCommand(variant);
  return runInNamespace(`${restore} "$1"`, file, iptablesAvailable().version);
}

/** Restores the dump and saves it back, for round trips. */
export function iptablesRestoreAndSave(file: string, variant: IptablesVariant): Promise<ToolRun> {
  const { restore, save } = restoreCommand(variant);
  return runInNamespace(`${restore} "$1" && ${save}`, file, iptablesAvailable().version);
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
