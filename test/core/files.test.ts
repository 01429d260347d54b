import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globFiles, memoryHost, readRulesetFile } from '../../src/files.js';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'fwlint-files-'));
}

describe('reading ruleset files', () => {
  it('reads a regular file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.nft'), 'table ip t {}\n');
    expect(readRulesetFile(path.join(dir, 'a.nft'))).toEqual({ ok: true, text: 'table ip t {}\n' });
  });

  it('refuses directories, missing files and binary files with a reason', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bin'), Buffer.from([0x74, 0x00, 0x01]));
    expect(readRulesetFile(dir)).toEqual({ ok: false, message: 'is a directory, not a ruleset file' });
    expect(readRulesetFile(path.join(dir, 'missing'))).toEqual({ ok: false, message: 'no such file' });
    expect(readRulesetFile(path.join(dir, 'bin'))).toEqual({ ok: false, message: 'binary file (NUL byte at offset 1), not a ruleset' });
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without blocking on it', () => {
    const fifo = path.join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const result = readRulesetFile(fifo);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('not a regular file');
  });
});

describe('nft-style include globs', () => {
  it('returns regular files sorted bytewise, skipping dot-files and directories', () => {
    const dir = tempDir();
    for (const name of ['b.nft', 'A.nft', 'a.nft', '.hidden.nft', 'c.txt']) writeFileSync(path.join(dir, name), '');
    mkdirSync(path.join(dir, 'd.nft'));
    const result = globFiles(path.join(dir, '*.nft'));
    expect(result).toEqual({ ok: true, files: ['A.nft', 'a.nft', 'b.nft'].map((n) => path.join(dir, n)) });
  });

  it('matches nothing without error', () => {
    expect(globFiles(path.join(tempDir(), '*.nft'))).toEqual({ ok: true, files: [] });
  });

  it('supports ? and character classes', () => {
    const dir = tempDir();
    for (const name of ['r1.nft', 'r2.nft', 'r10.nft']) writeFileSync(path.join(dir, name), '');
    expect(globFiles(path.join(dir, 'r?.nft'))).toEqual({ ok: true, files: ['r1.nft', 'r2.nft'].map((n) => path.join(dir, n)) });
    expect(globFiles(path.join(dir, 'r[!1].nft'))).toEqual({ ok: true, files: [path.join(dir, 'r2.nft')] });
  });

  it('works the same way on an in-memory host', () => {
    const host = memoryHost({ '/etc/n/a.nft': '', '/etc/n/.b.nft': '', '/etc/n/c.conf': '' });
    expect(host.glob('/etc/n/*.nft')).toEqual({ ok: true, files: ['/etc/n/a.nft'] });
    expect(host.readText('/etc/n/zz')).toEqual({ ok: false, message: 'no such file' });
  });
});
