import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real iptables tools as an oracle, always inside a throwaway user+network namespace
 * (`unshare -Urn`), never in the host's. Results are cached on disk by file content, and runs are
 * bounded to two at a time (the machine is shared).
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus/iptables');

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

let toolsChecked: string | undefined | null = null;

/** Why the oracle cannot run here, or undefined when it can. */
export function oracleUnavailable(): string | undefined {
  if (toolsChecked !== null) return toolsChecked;
  if (!works('unshare', ['--version'])) toolsChecked = 'unshare is not installed';
  else if (!works('unshare', ['-Urn', 'true'])) toolsChecked = 'unshare -Urn does not work here (no user namespaces?)';
  else if (!works('unshare', ['-Urn', 'iptables-restore', '--version'])) toolsChecked = 'iptables-restore is not installed';
  else if (!works('unshare', ['-Urn', 'ip6tables-restore', '--version'])) toolsChecked = 'ip6tables-restore is not installed';
  else toolsChecked = undefined;
  return toolsChecked;
}

export interface ToolRun {
  rc: number;
  stderr: string;
  stdout: string;
}

function run(args: string[], timeoutMs = 30_000): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile('unshare', ['-Urn', ...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const rc = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ rc, stdout, stderr });
    });
  });
}

/** Runs `jobs` with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const CACHE_FILE = path.join(tmpdir(), 'fwlint-iptables-oracle-v1.json');

type Cache = Record<string, ToolRun>;

function loadCache(): Cache {
  if (!existsSync(CACHE_FILE)) return {};
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Cache;
  } catch {
    return {};
  }
}

const cache = loadCache();

/** Several test files run at once: merge with what the others saved, and replace the file atomically. */
export function saveCache(): void {
  const merged = { ...loadCache(), ...cache };
  const temporary = `${CACHE_FILE}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(merged));
  renameSync(temporary, CACHE_FILE);
}

async function cached(kind: string, file: string, args: string[]): Promise<ToolRun> {
  const key = `${kind}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  const hit = cache[key];
  if (hit) return hit;
  const result = await run(args);
  cache[key] = result;
  return result;
}

export function restoreTool(version: 4 | 6, variant: 'nft' | 'legacy'): string {
  return `${version === 6 ? 'ip6tables' : 'iptables'}${variant === 'legacy' ? '-legacy' : ''}-restore`;
}

export interface OracleVerdict {
  accepted: boolean;
  /** Which variant accepted it, or the nft variant's complaint when none did. */
  by?: 'nft' | 'legacy';
  message: string;
}

/**
 * `--test` with the nft variant, then with legacy when nft refuses (old dumps that only legacy
 * still reads).
 */
export async function oracleCheck(file: string, version: 4 | 6): Promise<OracleVerdict> {
  const nft = await cached(`test-nft-${version}`, file, [restoreTool(version, 'nft'), '--test', file]);
  if (nft.rc === 0) return { accepted: true, by: 'nft', message: '' };
  const legacy = await cached(`test-legacy-${version}`, file, [restoreTool(version, 'legacy'), '--test', file]);
  if (legacy.rc === 0) return { accepted: true, by: 'legacy', message: '' };
  return { accepted: false, message: nft.stderr.split('\n')[0] ?? '' };
}

/**
 * A real load into a fresh namespace and the dump iptables-save gives back, or undefined when the
 * load fails with both variants (the nft variant first; legacy for what it refuses or crashes on).
 */
export async function loadAndSave(file: string, version: 4 | 6): Promise<string | undefined> {
  for (const variant of ['nft', 'legacy'] as const) {
    const restore = restoreTool(version, variant);
    const save = restore.replace(/-restore$/, '-save');
    const result = await cached(`load-save-${variant}-${version}`, file, ['sh', '-c', `${restore} "$1" && ${save}`, 'sh', file]);
    if (result.rc === 0) return result.stdout;
  }
  return undefined;
}
