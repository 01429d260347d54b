import { describe, expect, it } from 'vitest';
import {
  IPTABLES_TABLES,
  chainTypeAllowed,
  iptablesBuiltinChain,
  priorityDisplay,
  resolvePriorityName,
  validHooks,
} from '../../src/data/hooks.js';

describe('resolvePriorityName', () => {
  it.each([
    ['ip', 'input', 'filter', 0],
    ['inet', 'prerouting', 'raw', -300],
    ['ip6', 'forward', 'mangle', -150],
    ['inet', 'output', 'security', 50],
    ['ip', 'prerouting', 'dstnat', -100],
    ['ip', 'output', 'dstnat', -100],
    ['ip', 'postrouting', 'srcnat', 100],
    ['ip', 'input', 'srcnat', 100],
    ['bridge', 'forward', 'filter', -200],
    ['bridge', 'prerouting', 'dstnat', -300],
    ['bridge', 'output', 'out', 100],
    ['bridge', 'postrouting', 'srcnat', 300],
    ['netdev', 'ingress', 'filter', 0],
    ['arp', 'input', 'filter', 0],
    ['inet', 'ingress', 'raw', -300],
  ] as const)('%s %s %s = %d', (family, hook, name, value) => {
    expect(resolvePriorityName(family, hook, name)).toBe(value);
  });

  it.each([
    ['ip', 'input', 'dstnat'],
    ['ip', 'forward', 'dstnat'],
    ['ip', 'forward', 'srcnat'],
    ['ip', 'output', 'srcnat'],
    ['bridge', 'input', 'dstnat'],
    ['bridge', 'input', 'out'],
    ['netdev', 'ingress', 'raw'],
    ['arp', 'input', 'security'],
  ])('%s %s %s is invalid for the hook', (family, hook, name) => {
    expect(resolvePriorityName(family, hook, name)).toBe('invalid-hook');
  });

  it('does not know names outside the family table', () => {
    expect(resolvePriorityName('ip', 'output', 'out')).toBeUndefined();
    expect(resolvePriorityName('bridge', 'input', 'raw')).toBeUndefined();
    expect(resolvePriorityName('ip', 'input', 'Filter')).toBeUndefined();
    expect(resolvePriorityName('ip', 'input', 'bogus')).toBeUndefined();
  });
});

describe('priorityDisplay (as printed by nft list)', () => {
  it.each([
    ['ip', 'input', 0, 'filter'],
    ['ip', 'input', 10, 'filter + 10'],
    ['ip', 'input', -1, 'filter - 1'],
    ['ip', 'input', 11, '11'],
    ['ip', 'input', 60, 'security + 10'],
    ['ip', 'prerouting', -310, 'raw - 10'],
    ['ip', 'postrouting', 95, 'srcnat - 5'],
    ['ip', 'prerouting', -95, 'dstnat + 5'],
    ['ip', 'forward', 95, '95'],
    ['ip', 'input', -95, '-95'],
    ['bridge', 'input', -195, 'filter + 5'],
    ['bridge', 'output', 110, 'out + 10'],
    ['bridge', 'input', 110, '110'],
    ['bridge', 'prerouting', -290, 'dstnat + 10'],
    ['netdev', 'ingress', -5, 'filter - 5'],
    ['netdev', 'ingress', -150, '-150'],
    ['inet', 'ingress', -305, 'raw - 5'],
    ['ip', 'input', -1000, '-1000'],
  ] as const)('%s %s %d -> %s', (family, hook, value, text) => {
    expect(priorityDisplay(family, hook, value)).toBe(text);
  });
});

describe('hooks and chain types', () => {
  it('lists hooks per family', () => {
    expect(validHooks('arp')).toEqual(['input', 'output']);
    expect(validHooks('netdev')).toEqual(['ingress', 'egress']);
    expect(validHooks('inet')).toContain('ingress');
    expect(validHooks('ip')).not.toContain('ingress');
    expect(validHooks('bogus')).toEqual([]);
  });
  it('checks chain types', () => {
    expect(chainTypeAllowed('inet', 'nat', 'prerouting')).toBe(true);
    expect(chainTypeAllowed('ip', 'nat', 'input')).toBe(true);
    expect(chainTypeAllowed('ip', 'nat', 'forward')).toBe(false);
    expect(chainTypeAllowed('bridge', 'nat', 'prerouting')).toBe(false);
    expect(chainTypeAllowed('ip6', 'route', 'output')).toBe(true);
    expect(chainTypeAllowed('ip', 'route', 'input')).toBe(false);
    expect(chainTypeAllowed('netdev', 'filter', 'ingress')).toBe(true);
    expect(chainTypeAllowed('arp', 'filter', 'forward')).toBe(false);
    expect(chainTypeAllowed('ip', 'bogus', 'input')).toBe(false);
  });
});

describe('iptables tables', () => {
  it('has the kernel priorities', () => {
    expect(IPTABLES_TABLES.raw.chains.map((c) => c.name)).toEqual(['PREROUTING', 'OUTPUT']);
    expect(IPTABLES_TABLES.mangle.chains.every((c) => c.priority === -150)).toBe(true);
    expect(IPTABLES_TABLES.mangle.chains).toHaveLength(5);
    expect(IPTABLES_TABLES.nat.chains).toEqual([
      { name: 'PREROUTING', hook: 'prerouting', priority: -100 },
      { name: 'INPUT', hook: 'input', priority: 100 },
      { name: 'OUTPUT', hook: 'output', priority: -100 },
      { name: 'POSTROUTING', hook: 'postrouting', priority: 100 },
    ]);
    expect(IPTABLES_TABLES.filter.chains.map((c) => [c.name, c.priority])).toEqual([
      ['INPUT', 0],
      ['FORWARD', 0],
      ['OUTPUT', 0],
    ]);
    expect(IPTABLES_TABLES.security.chains[0]?.priority).toBe(50);
  });
  it('looks up built-in chains', () => {
    expect(iptablesBuiltinChain('nat', 'OUTPUT')?.priority).toBe(-100);
    expect(iptablesBuiltinChain('filter', 'PREROUTING')).toBeUndefined();
    expect(iptablesBuiltinChain('bogus', 'INPUT')).toBeUndefined();
  });
});
