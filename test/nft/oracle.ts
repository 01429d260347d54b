import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface OracleVerdict {
  ok: boolean;
  stderr: string;
}

/** Why the real `nft` cannot be asked here, or undefined when it can. */
export function oracleUnavailable(): string | undefined {
  for (const tool of ['nft', 'unshare']) {
    const probe = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    if (probe.status !== 0) return `${tool} is not installed`;
  }
  const userns = spawnSync('unshare', ['-Urn', 'true'], { encoding: 'utf8' });
  if (userns.status !== 0) return `unshare -Urn does not work here (${userns.stderr.trim()})`;
  return undefined;
}

const CACHE_FILE = path.join(os.tmpdir(), 'fwlint-nft-oracle-cache.json');

function loadCache(): Record<string, OracleVerdict> {
  if (!existsSync(CACHE_FILE)) return {};
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, OracleVerdict>;
  } catch {
    return {};
  }
}

function checkOne(file: string): Promise<OracleVerdict> {
  return new Promise((resolve) => {
    const child = spawn('unshare', ['-Urn', 'nft', '-c', '-f', path.basename(file)], { cwd: path.dirname(file) });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', (error) => resolve({ ok: false, stderr: String(error) }));
    child.on('close', (code) => resolve({ ok: code === 0, stderr }));
  });
}

/**
 * Asks `unshare -Urn nft -c -f FILE` about each file, a few at a time, remembering the answers
 * by file name and content hash so reruns only ask about changed files.
 */
export async function askOracle(files: string[], concurrency = 2): Promise<Map<string, OracleVerdict>> {
  const cache = loadCache();
  const results = new Map<string, OracleVerdict>();
  const keys = new Map(files.map((f) => [f, `${f}:${createHash('sha256').update(readFileSync(f)).digest('hex')}`]));
  const todo = files.filter((f) => {
    const hit = cache[keys.get(f)!];
    if (hit) results.set(f, hit);
    return !hit;
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const file = todo[next++]!;
      const verdict = await checkOne(file);
      results.set(file, verdict);
      cache[keys.get(file)!] = verdict;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (todo.length > 0) writeFileSync(CACHE_FILE, JSON.stringify(cache));
  return results;
}
