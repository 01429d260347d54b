// Conntrack, TCP-flag and packet-classification constants shared by both dialects.
// Values are the kernel's, so an nft `ct state` set and an iptables `--ctstate` list
// compare as plain bitmasks. Names are matched case-insensitively: iptables
// upper-cases, nft lower-cases, and the parsers enforce their own spelling if they care.

type Table = Readonly<Record<string, number>>;

function lookup(table: Table, name: string): number | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export const CT_STATES = {
  invalid: 1,
  established: 2,
  related: 4,
  new: 8,
  untracked: 64,
} as const;

export type CtStateName = keyof typeof CT_STATES;

export function ctStateBit(name: string): number | undefined {
  return lookup(CT_STATES, name);
}

/**
 * iptables' `--ctstate SNAT|DNAT` are not states at all: they test the ct status
 * bits (the connection was source/destination NATed), so they are reported apart.
 */
export function ctStatePseudo(name: string): 'snat' | 'dnat' | undefined {
  const key = name.toLowerCase();
  return key === 'snat' || key === 'dnat' ? key : undefined;
}

/** The order iptables-save prints `--ctstate`/`--state` lists in, whatever the input order. */
export const IPTABLES_CTSTATE_SAVE_ORDER = [
  'INVALID',
  'NEW',
  'RELATED',
  'ESTABLISHED',
  'UNTRACKED',
  'SNAT',
  'DNAT',
] as const;

export const CT_STATUS = {
  expected: 1,
  'seen-reply': 2,
  assured: 4,
  confirmed: 8,
  snat: 16,
  dnat: 32,
  dying: 512,
} as const;

/** nft names, plus iptables' `--ctstatus` spellings (`SEEN_REPLY`, and `NONE` = no bits). */
export function ctStatusBit(name: string): number | undefined {
  const key = name.toLowerCase().replace(/_/g, '-');
  if (key === 'none') return 0;
  return lookup(CT_STATUS, key);
}

export const CT_DIRECTIONS = { original: 0, reply: 1 } as const;

/** nft `ct direction original|reply`, iptables `--ctdir ORIGINAL|REPLY`. */
export function ctDirection(name: string): number | undefined {
  return lookup(CT_DIRECTIONS, name);
}

export const TCP_FLAGS = {
  fin: 0x01,
  syn: 0x02,
  rst: 0x04,
  psh: 0x08,
  ack: 0x10,
  urg: 0x20,
  ecn: 0x40,
  cwr: 0x80,
} as const;

/** nft tcp flag names. */
export function tcpFlagBit(name: string): number | undefined {
  return lookup(TCP_FLAGS, name);
}

// iptables' `--tcp-flags` knows only the six classic flags; its ALL means those six,
// not the ECN/CWR bits.
const IPTABLES_TCP_FLAGS: Table = {
  fin: 0x01,
  syn: 0x02,
  rst: 0x04,
  psh: 0x08,
  ack: 0x10,
  urg: 0x20,
  all: 0x3f,
  none: 0,
};

export function iptablesTcpFlagBit(name: string): number | undefined {
  return lookup(IPTABLES_TCP_FLAGS, name);
}

// Linux PACKET_* values. nft calls PACKET_HOST `host`/`unicast`; iptables' pkttype
// match calls it `unicast`/`host` and PACKET_OTHERHOST `otherhost`.
export const PKTTYPES = {
  host: 0,
  unicast: 0,
  broadcast: 1,
  multicast: 2,
  other: 3,
  otherhost: 3,
} as const;

export function pktType(name: string): number | undefined {
  return lookup(PKTTYPES, name);
}

// Route types (RTN_*), used by nft `fib ... type` and iptables `-m addrtype`
// (which matches on 1 << type).
export const ADDRTYPES = {
  unspec: 0,
  unicast: 1,
  local: 2,
  broadcast: 3,
  anycast: 4,
  multicast: 5,
  blackhole: 6,
  unreachable: 7,
  prohibit: 8,
  throw: 9,
  nat: 10,
  xresolve: 11,
} as const;

export function addrType(name: string): number | undefined {
  return lookup(ADDRTYPES, name);
}

// nft `log level`; `audit` is not a syslog level but sends the event to the audit subsystem.
export const NFT_LOG_LEVELS = {
  emerg: 0,
  alert: 1,
  crit: 2,
  err: 3,
  warn: 4,
  notice: 5,
  info: 6,
  debug: 7,
  audit: 8,
} as const;

// Log levels are the exception to case-insensitivity: both tools reject `INFO`.
function exact(table: Table, name: string): number | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

export function nftLogLevel(name: string): number | undefined {
  return exact(NFT_LOG_LEVELS, name);
}

// iptables LOG `--log-level`: different spellings from nft (`error`, `warning`, `panic`).
const IPTABLES_LOG_LEVELS: Table = {
  emerg: 0,
  panic: 0,
  alert: 1,
  crit: 2,
  error: 3,
  warning: 4,
  notice: 5,
  info: 6,
  debug: 7,
};

/** Also accepts the numeric form 0..7 that iptables-save prints. */
export function iptablesLogLevel(name: string): number | undefined {
  if (/^[0-7]$/.test(name)) return Number(name);
  return exact(IPTABLES_LOG_LEVELS, name);
}
