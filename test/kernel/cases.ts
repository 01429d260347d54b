/**
 * The rulesets of fixtures/kernel and the packets sent through each of them. `expected` is what
 * a reader of the ruleset predicts; the test checks the kernel agrees (which validates the lab)
 * and then that fwlint agrees with the kernel.
 */
import { SERVER4, SERVER6, CLIENT_TCP_PORTS, CLIENT_UDP_PORTS, type PacketAtServer, type RulesetLoader } from './netns.js';

export type Verdict = 'accept' | 'drop';

export interface KernelCase {
  packet: PacketAtServer;
  expected: Verdict;
}

export interface KernelRuleset {
  /** File name under fixtures/kernel. */
  file: string;
  loader: RulesetLoader;
  cases: KernelCase[];
  /**
   * A disagreement this suite found in fwlint and reported. The kernel side is still checked;
   * the fwlint side is expected to disagree, and the test fails once it no longer does, so that
   * this note gets removed when fwlint is fixed.
   */
  knownFwlintBug?: string;
}

const serverFor = (saddr: string): string => (saddr.includes(':') ? SERVER6 : SERVER4);

const c4 = (host: number): string => `10.199.0.${host}`;
const c6 = (host: number): string => `fd00:199::${host}`;

function tcp(saddr: string, dport: number, expected: Verdict): KernelCase {
  return { packet: { proto: 'tcp', saddr, daddr: serverFor(saddr), dport, ct: 'new' }, expected };
}

function udp(saddr: string, dport: number, expected: Verdict): KernelCase {
  return { packet: { proto: 'udp', saddr, daddr: serverFor(saddr), dport, ct: 'new' }, expected };
}

function ping(saddr: string, expected: Verdict): KernelCase {
  return { packet: { proto: 'icmp', saddr, daddr: serverFor(saddr), ct: 'new' }, expected };
}

/** The SYN-ACK answering a connection the server opened to the client's TCP listener. */
function tcpReply(saddr: string, expected: Verdict): KernelCase {
  return { packet: { proto: 'tcp', saddr, daddr: serverFor(saddr), sport: CLIENT_TCP_PORTS[0], ct: 'established' }, expected };
}

/** The echo answering a datagram the server sent to the client's UDP listener. */
function udpReply(saddr: string, expected: Verdict): KernelCase {
  return { packet: { proto: 'udp', saddr, daddr: serverFor(saddr), sport: CLIENT_UDP_PORTS[0], ct: 'established' }, expected };
}

export const KERNEL_RULESETS: KernelRuleset[] = [
  {
    file: 'accept-all.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 22, 'accept'),
      udp(c4(3), 53, 'accept'),
      ping(c4(9), 'accept'),
      tcpReply(c4(4), 'accept'),
      udpReply(c4(5), 'accept'),
      tcp(c6(3), 443, 'accept'),
      udp(c6(4), 123, 'accept'),
      ping(c6(1), 'accept'),
      tcpReply(c6(1), 'accept'),
      udpReply(c6(3), 'accept'),
    ],
  },
  {
    file: 'ssh-http-policy-drop.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 22, 'accept'),
      tcp(c4(3), 80, 'accept'),
      tcp(c4(1), 443, 'drop'),
      tcp(c4(1), 8080, 'drop'),
      udp(c4(1), 53, 'drop'),
      ping(c4(1), 'drop'),
      tcp(c6(1), 22, 'accept'),
      tcp(c6(3), 3306, 'drop'),
      ping(c6(1), 'drop'),
      tcpReply(c4(1), 'accept'),
      udpReply(c4(1), 'accept'),
    ],
  },
  {
    file: 'established-reply.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 22, 'accept'),
      tcp(c4(1), 80, 'drop'),
      udp(c4(1), 53, 'drop'),
      tcpReply(c4(3), 'accept'),
      udpReply(c4(3), 'drop'),
      // An ip table never sees IPv6, and nothing else filters it here.
      tcp(c6(1), 80, 'accept'),
    ],
  },
  {
    file: 'interfaces.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 80, 'accept'),
      tcp(c4(1), 443, 'drop'),
      udp(c4(1), 53, 'accept'),
      tcp(c4(1), 22, 'drop'),
      tcp(c6(1), 80, 'accept'),
      udp(c6(1), 53, 'accept'),
    ],
  },
  {
    file: 'source-prefixes.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 22, 'accept'),
      tcp(c4(4), 22, 'drop'),
      tcp(c4(7), 22, 'drop'),
      tcp(c4(8), 22, 'drop'),
      tcp(c4(9), 22, 'accept'),
      tcp(c4(3), 80, 'accept'),
      tcp(c4(3), 443, 'drop'),
      udp(c4(1), 53, 'drop'),
      udp(c4(3), 53, 'accept'),
      udp(c4(5), 53, 'drop'),
    ],
  },
  {
    file: 'sets-and-maps.nft',
    loader: 'nft',
    cases: [
      tcp(c4(3), 22, 'accept'),
      tcp(c4(1), 22, 'drop'),
      tcp(c4(5), 22, 'drop'),
      tcp(c4(1), 80, 'accept'),
      tcp(c4(7), 443, 'drop'),
      tcp(c4(1), 3306, 'accept'),
      tcp(c4(1), 25, 'drop'),
      udp(c4(1), 53, 'accept'),
      udp(c4(1), 123, 'drop'),
      udp(c4(1), 5353, 'accept'),
      tcp(c6(1), 80, 'accept'),
      tcp(c6(1), 22, 'drop'),
    ],
  },
  {
    file: 'user-chains.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 22, 'accept'),
      tcp(c4(1), 80, 'accept'),
      // goto services, whose `return` skips the rest of from_lan.
      tcp(c4(8), 80, 'drop'),
      tcp(c4(8), 443, 'accept'),
      tcp(c4(9), 22, 'drop'),
      tcp(c4(9), 8080, 'accept'),
      tcp(c4(1), 8080, 'accept'),
      // A goto from the base chain: at the end of `services` the base chain's policy applies.
      udp(c4(1), 53, 'drop'),
      udp(c4(1), 123, 'accept'),
    ],
  },
  {
    file: 'two-tables.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 443, 'drop'),
      tcp(c4(1), 3306, 'drop'),
      tcp(c4(1), 22, 'accept'),
      tcp(c4(1), 80, 'accept'),
      udp(c4(1), 53, 'accept'),
      tcp(c6(1), 80, 'drop'),
      tcp(c6(1), 22, 'accept'),
      tcp(c6(1), 3306, 'drop'),
    ],
  },
  {
    file: 'ct-new-tcp-flags.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 22, 'accept'),
      tcp(c4(1), 443, 'accept'),
      tcp(c4(1), 8080, 'drop'),
      tcp(c4(1), 25, 'drop'),
      tcpReply(c4(1), 'accept'),
      udpReply(c4(1), 'accept'),
      udp(c4(1), 53, 'drop'),
      tcp(c6(1), 80, 'accept'),
    ],
  },
  {
    file: 'inet-ip-vs-ipv6.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 3306, 'accept'),
      udp(c4(3), 123, 'accept'),
      ping(c4(1), 'accept'),
      tcp(c6(1), 22, 'accept'),
      tcp(c6(3), 22, 'drop'),
      tcp(c6(4), 80, 'accept'),
      tcp(c6(1), 3306, 'drop'),
      udp(c6(3), 53, 'drop'),
      udp(c6(4), 53, 'accept'),
      ping(c6(1), 'accept'),
    ],
  },
  {
    file: 'user-chains-reject.rules',
    loader: 'iptables-restore',
    cases: [
      tcp(c4(1), 22, 'accept'),
      tcp(c4(4), 22, 'drop'),
      tcp(c4(5), 22, 'drop'),
      tcp(c4(9), 22, 'drop'),
      tcp(c4(1), 80, 'accept'),
      // WEB returns for .3; it was reached by -g from SERVICES, so evaluation resumes in INPUT.
      tcp(c4(3), 80, 'drop'),
      tcp(c4(1), 443, 'drop'),
      tcp(c4(7), 443, 'accept'),
      tcp(c4(1), 3306, 'drop'),
      udp(c4(1), 53, 'accept'),
      udp(c4(1), 123, 'drop'),
      ping(c4(1), 'accept'),
      ping(c4(9), 'drop'),
      tcpReply(c4(3), 'accept'),
    ],
  },
  {
    file: 'ipv6-reject.rules',
    loader: 'ip6tables-restore',
    cases: [
      tcp(c6(1), 22, 'accept'),
      tcp(c6(3), 22, 'drop'),
      tcp(c6(1), 80, 'accept'),
      tcp(c6(1), 443, 'drop'),
      udp(c6(1), 53, 'accept'),
      udp(c6(4), 53, 'drop'),
      ping(c6(1), 'accept'),
      ping(c6(3), 'drop'),
      tcpReply(c6(4), 'accept'),
    ],
  },
  {
    file: 'hooks-and-sets.nft',
    loader: 'nft',
    cases: [
      tcp(c4(3), 22, 'accept'),
      tcp(c4(4), 22, 'drop'),
      tcp(c4(4), 80, 'accept'),
      // Dropped at prerouting.
      tcp(c4(1), 25, 'drop'),
      tcp(c4(1), 1500, 'accept'),
      tcp(c4(1), 53, 'accept'),
      udp(c4(1), 53, 'accept'),
      udp(c4(1), 123, 'drop'),
      udp(c4(5), 123, 'accept'),
      udp(c4(3), 123, 'drop'),
      ping(c4(3), 'accept'),
      ping(c4(4), 'drop'),
      ping(c6(1), 'accept'),
      ping(c6(4), 'drop'),
      tcp(c6(1), 1500, 'accept'),
    ],
  },
  {
    file: 'raw-mangle-filter.rules',
    loader: 'iptables-restore',
    cases: [
      tcp(c4(1), 25, 'drop'),
      tcp(c4(1), 22, 'accept'),
      tcp(c4(5), 22, 'drop'),
      // ACCEPT in mangle ends only that table's chain; filter's policy still applies.
      udp(c4(1), 123, 'drop'),
      udp(c4(1), 53, 'accept'),
      tcp(c4(1), 1500, 'accept'),
      tcp(c4(1), 8080, 'drop'),
      ping(c4(3), 'accept'),
      ping(c4(1), 'drop'),
      // A SYN-ACK is not a bare SYN, so the --tcp-flags rule drops it before ESTABLISHED.
      tcpReply(c4(1), 'drop'),
      udpReply(c4(1), 'accept'),
    ],
  },
  {
    file: 'netdev-ingress.nft',
    loader: 'nft',
    cases: [
      tcp(c4(6), 1500, 'drop'),
      tcp(c4(1), 1500, 'accept'),
      tcp(c6(4), 22, 'drop'),
      tcp(c6(1), 22, 'accept'),
    ],
  },
  {
    file: 'counters-and-vmaps.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 1500, 'accept'),
      tcp(c4(9), 22, 'accept'),
      tcp(c4(3), 22, 'drop'),
      tcp(c4(3), 80, 'accept'),
      tcp(c4(1), 443, 'drop'),
      udp(c4(1), 53, 'drop'),
      tcpReply(c4(1), 'accept'),
      tcp(c6(1), 80, 'accept'),
      tcp(c4(8), 1500, 'drop'),
    ],
  },
  {
    file: 'marks-and-notrack.nft',
    loader: 'nft',
    cases: [
      tcp(c4(1), 1500, 'accept'),
      tcp(c4(5), 443, 'accept'),
      tcp(c4(1), 22, 'accept'),
      tcp(c4(1), 443, 'drop'),
    ],
  },
  {
    file: 'iptables-matches.rules',
    loader: 'iptables-restore',
    cases: [
      tcp(c4(1), 22, 'accept'),
      tcp(c4(1), 1500, 'accept'),
      tcp(c4(5), 1500, 'drop'),
      tcp(c4(1), 80, 'accept'),
      tcp(c4(9), 80, 'drop'),
      tcp(c4(1), 1200, 'drop'),
      udp(c4(1), 53, 'accept'),
      tcpReply(c4(1), 'accept'),
    ],
  },
];
