// Netfilter hook/priority data for both front ends, so ordering of nft base chains
// and iptables built-in chains can be compared on one scale.

export type NftFamily = 'ip' | 'ip6' | 'inet' | 'arp' | 'bridge' | 'netdev';
export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting' | 'ingress' | 'egress';
export type NftChainType = 'filter' | 'nat' | 'route';

/** Conntrack's hook priority: nat chains must sort after it. */
export const CONNTRACK_PRIORITY = -200;

const FIVE: readonly NftHook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting'];

const HOOKS: Readonly<Record<NftFamily, readonly NftHook[]>> = {
  ip: FIVE,
  ip6: FIVE,
  inet: [...FIVE, 'ingress'],
  arp: ['input', 'output'],
  bridge: FIVE,
  netdev: ['ingress', 'egress'],
};

function isFamily(family: string): family is NftFamily {
  return Object.hasOwn(HOOKS, family);
}

/** Hooks a base chain may use in `family`; empty for an unknown family. */
export function validHooks(family: string): readonly NftHook[] {
  return isFamily(family) ? HOOKS[family] : [];
}

const IP_FAMILIES: readonly string[] = ['ip', 'ip6', 'inet'];

export function chainTypeAllowed(family: string, type: string, hook: string): boolean {
  if (!validHooks(family).some((h) => h === hook)) return false;
  switch (type) {
    case 'filter':
      return true;
    case 'nat':
      // NAT hooks into the four points conntrack sees a new flow at; forward is not one.
      return IP_FAMILIES.includes(family) && ['prerouting', 'input', 'output', 'postrouting'].includes(hook);
    case 'route':
      return IP_FAMILIES.includes(family) && hook === 'output';
    default:
      return false;
  }
}

interface StdPriority {
  name: string;
  value: number;
  /** Hooks the name may be used with; undefined = every hook of the family. */
  hooks?: readonly string[];
}

// nft's standard priority names (rule.c std_prios / bridge_std_prios). The table order
// matters: it is the order nft scans when turning a number back into a name.
// dstnat on output and srcnat on input follow nftables since mid-2023 (bugzilla 1694);
// older nft (1.0.6 here) allows them only on prerouting/postrouting.
const IP_PRIORITIES: readonly StdPriority[] = [
  { name: 'raw', value: -300 },
  { name: 'mangle', value: -150 },
  { name: 'dstnat', value: -100, hooks: ['prerouting', 'output'] },
  { name: 'filter', value: 0 },
  { name: 'security', value: 50 },
  { name: 'srcnat', value: 100, hooks: ['input', 'postrouting'] },
];

const BRIDGE_PRIORITIES: readonly StdPriority[] = [
  { name: 'dstnat', value: -300, hooks: ['prerouting'] },
  { name: 'filter', value: -200 },
  { name: 'out', value: 100, hooks: ['output'] },
  { name: 'srcnat', value: 300, hooks: ['postrouting'] },
];

function priorityTable(family: string): readonly StdPriority[] {
  return family === 'bridge' ? BRIDGE_PRIORITIES : IP_PRIORITIES;
}

function compatible(family: string, p: StdPriority, hook: string): boolean {
  // arp and netdev share the ip table of names but only `filter` is meaningful there.
  if (family === 'arp' || family === 'netdev') return p.name === 'filter';
  return p.hooks === undefined || p.hooks.includes(hook);
}

/**
 * Value of a standard priority name. `undefined` when the family has no such name
 * (a syntax-level error in nft), `'invalid-hook'` when it exists but not for this hook
 * (nft: "invalid priority expression value in this context").
 */
export function resolvePriorityName(family: string, hook: string, name: string): number | undefined | 'invalid-hook' {
  const entry = priorityTable(family).find((p) => p.name === name);
  if (!entry) return undefined;
  return compatible(family, entry, hook) ? entry.value : 'invalid-hook';
}

/** How `nft list` prints a chain priority: `name`, `name + N`/`name - N` within 10, else the number. */
export function priorityDisplay(family: string, hook: string, value: number): string {
  const near = priorityTable(family).find((p) => Math.abs(value - p.value) <= 10);
  // nft gives up (prints the number) rather than trying another name when the nearest is incompatible.
  if (!near || !compatible(family, near, hook)) return String(value);
  const offset = value - near.value;
  if (offset > 0) return `${near.name} + ${offset}`;
  if (offset < 0) return `${near.name} - ${-offset}`;
  return near.name;
}

export type IptablesTable = 'raw' | 'mangle' | 'nat' | 'filter' | 'security';
export type IptablesHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

export interface IptablesBuiltinChain {
  name: string;
  hook: IptablesHook;
  priority: number;
}

function chains(priority: number, ...hooks: IptablesHook[]): IptablesBuiltinChain[] {
  return hooks.map((hook) => ({ name: hook.toUpperCase(), hook, priority }));
}

// Kernel hook priorities (NF_IP_PRI_*), identical for IPv4 and IPv6.
export const IPTABLES_TABLES: Readonly<Record<IptablesTable, { chains: IptablesBuiltinChain[] }>> = {
  raw: { chains: chains(-300, 'prerouting', 'output') },
  mangle: { chains: chains(-150, 'prerouting', 'input', 'forward', 'output', 'postrouting') },
  nat: {
    chains: [
      // DNAT happens before routing, SNAT after it; hence the split priorities.
      ...chains(-100, 'prerouting'),
      ...chains(100, 'input'),
      ...chains(-100, 'output'),
      ...chains(100, 'postrouting'),
    ],
  },
  filter: { chains: chains(0, 'input', 'forward', 'output') },
  security: { chains: chains(50, 'input', 'forward', 'output') },
};

export function iptablesBuiltinChain(table: string, chain: string): IptablesBuiltinChain | undefined {
  if (!Object.hasOwn(IPTABLES_TABLES, table)) return undefined;
  return IPTABLES_TABLES[table as IptablesTable].chains.find((c) => c.name === chain);
}
