import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';

const examples = path.resolve(import.meta.dirname, '../../fixtures/examples');

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fwlint-cli-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('fwlint CLI', () => {
  it('lints the shipped examples cleanly and exits 0', async () => {
    const run = await runCli([path.join(examples, 'nftables.conf'), path.join(examples, 'rules.v4')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('reports a parse error with file:line:col and exits 1', async () => {
    const file = tempFile('broken.nft', 'table inet t {\n\tchain c {\n\t\ttcp dport 22 acept\n\t}\n}\n');
    const run = await runCli([file, '--format', 'compact']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: error: .*\\[parse-error\\]`, 'm'));
  });

  it('prints the stable JSON format, one entry per input file', async () => {
    const good = tempFile('good.nft', 'table inet t {\n}\n');
    const bad = tempFile('bad.rules.v4', '*filter\n-A INPUT -j ACCEPT\n');
    const run = await runCli([good, bad, '--format', 'json']);
    const parsed = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
    expect(parsed.map((r) => r.filePath)).toEqual([good, bad]);
    expect(parsed[0]!.messages).toEqual([]);
    const message = parsed[1]!.messages[0]!;
    expect(message).toMatchObject({ ruleId: 'parse-error', severity: 'error' });
    for (const key of ['message', 'line', 'column', 'endLine', 'endColumn']) expect(message).toHaveProperty(key);
    expect(run.code).toBe(1);
  });

  it('exits 2 with a clear message for a missing file, without a stack trace', async () => {
    const run = await runCli(['/nonexistent/nftables.conf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/nftables.conf: no such file');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a directory argument and for usage errors', async () => {
    expect((await runCli([examples])).code).toBe(2);
    expect((await runCli(['--format', 'nope', path.join(examples, 'nftables.conf')])).code).toBe(2);
    expect((await runCli(['--no-such-flag'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('expands globs in file arguments', async () => {
    const glob = path.relative(process.cwd(), path.join(examples, '*.conf'));
    const run = await runCli([glob, '--format', 'json']);
    const parsed = JSON.parse(run.stdout) as Array<{ filePath: string }>;
    expect(parsed.map((r) => r.filePath)).toEqual([path.relative(process.cwd(), path.join(examples, 'nftables.conf'))]);
  });

  it('dumps the IR with --print-ir', async () => {
    const run = await runCli(['--print-ir', path.join(examples, 'nftables.conf')]);
    expect(run.code).toBe(0);
    const ir = JSON.parse(run.stdout) as { dialect: string; tables: Array<{ name: string; chains: Array<{ name: string }> }> };
    expect(ir.dialect).toBe('nft');
    expect(ir.tables[0]!.chains.map((c) => c.name)).toEqual(['input', 'forward', 'output']);
  });

  it('detects iptables dumps by content whatever the name', async () => {
    const file = tempFile('firewall.txt', '*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\nCOMMIT\n');
    const run = await runCli([file, '--format', 'json']);
    expect(JSON.parse(run.stdout)[0].dialect).toBe('iptables');
    expect(run.code).toBe(0);
  });
});

describe('fwlint --version and --help', () => {
  it('prints the package version and exits 0', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints usage with the trace command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: fwlint');
    expect(run.stdout).toContain('trace');
  });
});
