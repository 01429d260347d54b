/**
 * Reads `nft -a monitor trace` output: which rules the kernel ran for each probe packet and which
 * one decided. Both nft rulesets and iptables-nft dumps are nf_tables rules, so this covers both.
 */
import type { PacketAtServer } from './netns.js';

/**
 * The tables that turn tracing on: one at netdev ingress on the lab's interface, the earliest
 * point a probe passes, and one at prerouting for loopback (where the monitor's marker travels).
 * Neither drops anything, so they never change a verdict.
 */
export const TRACE_TABLE = 'fwlint_trace';
export function traceRuleset(device: string): string {
  return `table netdev ${TRACE_TABLE} {
  chain tag {
    type filter hook ingress device "${device}" priority -500;
    meta nftrace set 1
  }
}
table inet ${TRACE_TABLE} {
  chain tag {
    type filter hook prerouting priority -500;
    meta nftrace set 1
  }
}
`;
}

/** A rule that matched (with its verdict, `continue` for a rule without one) or a chain's policy. */
export interface TraceEvent {
  /** `ip filter`, `inet filter` … */
  table: string;
  chain: string;
  handle?: number;
  verdict: string;
}

const LINE = /^trace id (\S+) (\S+ \S+) (\S+) (.*)$/;
const RULE = /^rule .* # handle (\d+) \(verdict ([^)]+)\)$/;
const POLICY = /^policy (\S+)/;

/** The key a packet line and a probe packet share: source, protocol and ports. */
export function packetKey(packet: Pick<PacketAtServer, 'proto' | 'saddr' | 'sport' | 'dport'>): string {
  return packet.proto === 'icmp' ? `${packet.saddr} icmp` : `${packet.saddr} ${packet.proto} ${packet.sport} ${packet.dport}`;
}

function keyOfPacketLine(line: string): string | undefined {
  const saddr = /\bip6? saddr (\S+)/.exec(line)?.[1];
  if (saddr === undefined) return undefined;
  const ports = /\b(tcp|udp) sport (\d+) \1 dport (\d+)/.exec(line);
  if (ports) return packetKey({ proto: ports[1] as 'tcp' | 'udp', saddr, sport: Number(ports[2]), dport: Number(ports[3]) });
  if (/\bicmp(v6)? type echo-request\b/.test(line)) return packetKey({ proto: 'icmp', saddr });
  return undefined;
}

interface PacketInProgress {
  key: string;
  /** Base chains that already printed this packet; seeing one again means a new packet. */
  chains: Set<string>;
  /** False for a later packet with an already seen key. */
  recorded: boolean;
}

/**
 * Groups the trace by packet. A packet the tracing table saw but no other chain did maps to an
 * empty list: nothing at the input hook looked at it. The kernel may reuse a trace id for the next packet of a flow, and
 * a key seen again later (a TCP retransmission, the ACK after a handshake) belongs to a later
 * packet: only the first packet of each key is kept.
 */
export function parseNftTrace(output: string): Map<string, TraceEvent[]> {
  const packets = new Map<string, PacketInProgress>();
  const byKey = new Map<string, TraceEvent[]>();
  for (const line of output.split('\n')) {
    const parts = LINE.exec(line.trim());
    if (!parts) continue;
    const [, id, table, chain, rest] = parts as unknown as [string, string, string, string, string];
    if (rest.startsWith('packet:')) {
      const key = keyOfPacketLine(rest) ?? `unknown ${id}`;
      const current = packets.get(id);
      const where = `${table} ${chain}`;
      if (current !== undefined && current.key === key && !current.chains.has(where)) {
        current.chains.add(where);
        continue;
      }
      const recorded = !byKey.has(key);
      if (recorded) byKey.set(key, []);
      packets.set(id, { key, chains: new Set([where]), recorded });
      continue;
    }
    const packet = packets.get(id);
    if (packet === undefined || !packet.recorded || table.endsWith(` ${TRACE_TABLE}`)) continue;
    const rule = RULE.exec(rest);
    const policy = POLICY.exec(rest);
    if (rule) byKey.get(packet.key)!.push({ table, chain, handle: Number(rule[1]), verdict: rule[2]! });
    else if (policy) byKey.get(packet.key)!.push({ table, chain, verdict: `policy ${policy[1]}` });
  }
  return byKey;
}
