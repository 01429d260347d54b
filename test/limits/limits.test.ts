/**
 * Hostile files on the command line: each must end in bounded time with a clear message and a
 * non-zero exit, never a hang, a crash or a silent pass.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fwlint-limits-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mkfifoAvailable = hasMkfifo();
if (!mkfifoAvailable) console.warn('[limits] FIFO test skipped: no mkfifo on this machine');

describe('oversized input', () => {
  it('refuses a 100 MB file without reading it, naming the size limit', async () => {
    const file = path.join(dir, 'huge.nft');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    const run = await runCli([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('huge.nft');
    expect(run.stderr).toMatch(/too large \(100\.0 MiB; the limit is 32\.0 MiB\)/);
  });

  it('refuses a single 10 MB line with a located parse error', async () => {
    const file = path.join(dir, 'long-line.nft');
    writeFileSync(file, `table inet t {\n${'a'.repeat(10 * 1024 * 1024)}\n}\n`);
    const run = await runCli(['--format', 'compact', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/line 2 is 10485760 characters long; lines over 1048576 characters are refused/);
    expect(run.stdout).toContain(':2:1');
  });
});

describe('includes', () => {
  it('stops a chain of 10,000 nested includes at the depth limit', async () => {
    const chainDir = path.join(dir, 'include-chain');
    mkdirSync(chainDir);
    const depth = 10_000;
    for (let i = 0; i < depth; i++) {
      writeFileSync(path.join(chainDir, `file${i}.nft`), `include "${path.join(chainDir, `file${i + 1}.nft`)}"\n`);
    }
    writeFileSync(path.join(chainDir, `file${depth}.nft`), 'table inet t {\n}\n');
    const run = await runCli(['--format', 'compact', path.join(chainDir, 'file0.nft')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/file16\.nft:1:1: error: include depth limit \(16\) exceeded at ".*file17\.nft" \[include-error\]/);
  });

  it('reports an include cycle instead of looping', async () => {
    const cycleDir = path.join(dir, 'cycle');
    mkdirSync(cycleDir);
    writeFileSync(path.join(cycleDir, 'a.nft'), `include "${path.join(cycleDir, 'b.nft')}"\ntable inet t {\n}\n`);
    writeFileSync(path.join(cycleDir, 'b.nft'), `include "${path.join(cycleDir, 'a.nft')}"\n`);
    const run = await runCli(['--format', 'compact', path.join(cycleDir, 'a.nft')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/b\.nft:1:1: error: include cycle: ".*a\.nft" is already being included \[include-error\]/);
  });

  it('refuses a glob include matching 2,000 files, over the limit of 1024', async () => {
    const globDir = path.join(dir, 'many');
    mkdirSync(globDir);
    for (let i = 0; i < 2_000; i++) closeSync(openSync(path.join(globDir, `f${i}.nft`), 'w'));
    const main = path.join(dir, 'glob-main.nft');
    writeFileSync(main, `include "${globDir}/*.nft"\n`);
    const run = await runCli(['--format', 'compact', main]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('include-error');
    expect(run.stdout).toMatch(/glob matches more than 1024 entries/);
  });
});

describe('things that are not ruleset files', () => {
  it('refuses a directory given as a file', async () => {
    const run = await runCli([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a directory/);
  });

  it.skipIf(!mkfifoAvailable)('refuses a FIFO without blocking on it', async () => {
    const fifo = path.join(dir, 'pipe.nft');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli([fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pipe\.nft: is not a regular file \(FIFO, socket or device\)/);
  });

  it('refuses a binary file', async () => {
    const file = path.join(dir, 'binary.nft');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
    const run = await runCli([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/binary\.nft: binary file \(NUL byte at offset 7\), not a ruleset/);
  });
});
