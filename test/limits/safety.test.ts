/**
 * fwlint reads files and prints findings; nothing else. No network, no child processes, and in
 * GitHub Actions no peeking outside the workspace through an include.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';
import { repoRoot } from '../support/shared.js';

const FORBIDDEN_MODULES = ['child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'worker_threads', 'cluster'];
/** The fuzz runner needs worker threads to kill hanging inputs; it is a developer tool, not shipped logic. */
const EXEMPT = path.join('src', 'fuzz') + path.sep;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `import … from 'x'`, `import 'x'`, `import('x')`, `require('x')`, `export … from 'x'`. */
function importedModules(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...text.matchAll(pattern)].map((match) => match[1]!.replace(/^node:/, '').split('/')[0]!);
}

describe('what fwlint may do', () => {
  it('imports no module that can open a connection or run a program', () => {
    const offenders: string[] = [];
    for (const root of ['src', 'grammar']) {
      for (const file of sourceFiles(path.join(repoRoot, root))) {
        const relative = path.relative(repoRoot, file);
        if (relative.startsWith(EXEMPT)) continue;
        for (const module of importedModules(readFileSync(file, 'utf8'))) {
          if (FORBIDDEN_MODULES.includes(module)) offenders.push(`${relative} imports ${module}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('recognises the import forms it checks for', () => {
    const sample = `import { x } from 'node:child_process';\nimport net from "net";\nconst d = await import('node:dns/promises');\nrequire('http')`;
    expect(importedModules(sample)).toEqual(['child_process', 'net', 'dns', 'http']);
  });
});

describe('includes in GitHub Actions', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'fwlint-workspace-'));
  });
  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
  });
  const actionsEnv = (): Record<string, string> => ({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace });

  it.each([
    ['/etc/passwd', /root:/],
    ['/proc/self/environ', /GITHUB_WORKSPACE=|PATH=/],
  ])('refuses include "%s" outside the workspace and never prints its content', async (target, content) => {
    const file = path.join(workspace, 'leak.nft');
    writeFileSync(file, `include "${target}"\ntable inet t {\n}\n`);
    const run = await runCli(['--format', 'json', file], { env: actionsEnv(), cwd: workspace });
    expect(run.code).toBe(1);
    const messages = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>)[0]!.messages;
    expect(messages.some((m) => m.ruleId === 'include-error' && m.message.includes('include outside the workspace'))).toBe(true);
    expect(run.stdout + run.stderr).not.toMatch(content);
  });

  it('allows the same include with --allow-include-outside-workspace', async () => {
    const file = path.join(workspace, 'allowed.nft');
    const outside = mkdtempSync(path.join(tmpdir(), 'fwlint-outside-'));
    try {
      writeFileSync(path.join(outside, 'extra.nft'), 'table inet extra {\n}\n');
      writeFileSync(file, `include "${path.join(outside, 'extra.nft')}"\n`);
      const refused = await runCli(['--format', 'json', file], { env: actionsEnv(), cwd: workspace });
      expect(refused.stdout).toContain('include outside the workspace');
      const allowed = await runCli(['--format', 'json', '--allow-include-outside-workspace', file], { env: actionsEnv(), cwd: workspace });
      expect(allowed.stdout).not.toContain('include outside the workspace');
      expect(allowed.code).toBe(0);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not confine includes outside GitHub Actions', async () => {
    const file = path.join(workspace, 'local.nft');
    writeFileSync(file, `include "/etc/passwd"\n`);
    const run = await runCli(['--format', 'json', file], { cwd: workspace });
    expect(run.stdout).not.toContain('include outside the workspace');
  });
});
