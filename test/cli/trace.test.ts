import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';

const examples = path.resolve(import.meta.dirname, '../../fixtures/examples');
const rulesV4 = path.join(examples, 'rules.v4');
const nftConf = path.join(examples, 'nftables.conf');

describe('fwlint trace', () => {
  it('follows a packet through a user chain to its verdict (iptables)', async () => {
    const allowed = await runCli(['trace', rulesV4, '--packet', 'tcp saddr 198.51.100.9 dport 22 iif eth0 ct new']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('SSH');
    expect(allowed.stdout).toMatch(/rules\.v4:13\b/);
    expect(allowed.stdout.trim().split('\n').at(-1)).toMatch(/accept/i);

    const denied = await runCli(['trace', rulesV4, '--packet', 'tcp saddr 203.0.113.5 dport 22 iif eth0 ct new']);
    expect(denied.stdout).toMatch(/rules\.v4:14\b/);
    expect(denied.stdout.trim().split('\n').at(-1)).toMatch(/drop/i);
  });

  it('ends at the drop policy when no rule matches (nft)', async () => {
    const run = await runCli(['trace', nftConf, '--packet', 'tcp saddr 203.0.113.5 dport 25 iif eth0 ct new']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/policy/i);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/drop/i);
  });

  it('accepts established return traffic (nft)', async () => {
    const run = await runCli(['trace', nftConf, '--packet', 'tcp saddr 203.0.113.5 sport 443 dport 40000 iif eth0 ct established']);
    expect(run.stdout).toMatch(/nftables\.conf:18\b/);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/accept/i);
  });

  it('rejects a malformed packet spec with exit 2 and a message', async () => {
    const run = await runCli(['trace', nftConf, '--packet', 'tcp dport banana']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--packet');
  });

  it('needs --packet', async () => {
    expect((await runCli(['trace', nftConf])).code).toBe(2);
  });
});
