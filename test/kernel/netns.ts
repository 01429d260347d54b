/**
 * A two-namespace lab for checking rulesets against the real kernel: a client namespace and a
 * server namespace joined by a veth pair, with addresses only these two namespaces know. Rulesets
 * are loaded in the server namespace; probes go from the client to the server (or, to produce
 * conntrack-established packets, from the server to a listener in the client and back), so no
 * packet ever leaves the pair.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packetKey, parseNftTrace, traceRuleset, type TraceEvent } from './nft-trace.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'agent.mjs');
const COMMAND_TIMEOUT_MS = 10_000;

/** Interface names are per namespace, so fixed names are safe and fixtures can name them. */
export const CLIENT_IF = 'vcli0';
export const SERVER_IF = 'vsrv0';
export const SERVER4 = '10.199.0.2';
export const SERVER6 = 'fd00:199::2';
/** The first address of each list is the client's primary one; the rest give source variety. */
export const CLIENT4 = ['10.199.0.1', ...[3, 4, 5, 6, 7, 8, 9].map((n) => `10.199.0.${n}`)];
export const CLIENT6 = ['fd00:199::1', 'fd00:199::3', 'fd00:199::4'];

/** Ports with a listener in the server namespace: a probe to any other port gets an RST. */
export const SERVER_TCP_PORTS = [22, 25, 53, 80, 443, 1500, 3306, 8080];
export const SERVER_UDP_PORTS = [53, 123, 5353];
/** Ports with a listener in the client namespace, the far end of server-initiated probes. */
export const CLIENT_TCP_PORTS = [8080];
export const CLIENT_UDP_PORTS = [5353];

export type Proto = 'tcp' | 'udp' | 'icmp';

/**
 * One packet as it reaches the server's input hook. For `ct: 'new'` the client sends it; for
 * `ct: 'established'` it is the reply to a connection the server opened towards `saddr:sport`.
 * ICMP probes are echo requests.
 */
export interface PacketAtServer {
  proto: Proto;
  saddr: string;
  daddr: string;
  sport?: number;
  dport?: number;
  ct: 'new' | 'established';
}

export type KernelOutcome = 'accepted' | 'dropped' | 'rejected' | `error: ${string}`;

export type RulesetLoader = 'nft' | 'iptables-restore' | 'ip6tables-restore';

export interface ProbeResult {
  outcome: KernelOutcome;
  /** The rules the kernel ran for this packet, when the trace monitor saw it. */
  trace?: TraceEvent[];
}

interface AgentProbe {
  proto: 'tcp' | 'udp';
  family: 4 | 6;
  from: string;
  sport: number;
  to: string;
  dport: number;
  timeoutMs: number;
}

export function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin']);
  return dirs.map((dir) => path.join(dir, name)).find((candidate) => existsSync(candidate));
}

function run(command: string, args: string[], input?: string): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS, stdio: 'pipe', ...(input === undefined ? {} : { input }) });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const detail = typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : String(error);
    throw new Error(`\`${command} ${args.join(' ')}\` failed: ${detail}`);
  }
}

function runAsync(command: string, args: string[], timeoutMs: number): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', timeout: timeoutMs }, (error, stdout) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout });
    });
  });
}

function isIPv6(address: string): boolean {
  return address.includes(':');
}

/**
 * Why the lab cannot run here, or undefined when it can. Besides looking for the tools it
 * creates and deletes a namespace with a veth pair, because containers often allow the tools
 * but not the operations.
 */
export function labUnavailableReason(): string | undefined {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'creating network namespaces needs root';
  const missing = ['ip', 'nft', 'iptables-restore', 'ip6tables-restore'].filter((tool) => !findOnPath(tool));
  if (missing.length > 0) return `missing tools: ${missing.join(', ')}`;
  const trial = `fwlint-${process.pid}-trial`;
  try {
    run('ip', ['netns', 'add', trial]);
    run('ip', ['-n', trial, 'link', 'add', 'trial0', 'type', 'veth', 'peer', 'name', 'trial1']);
    run('ip', ['netns', 'exec', trial, 'nft', 'list', 'ruleset']);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    try {
      run('ip', ['netns', 'del', trial]);
    } catch {
      // The trial namespace was never created; nothing to clean up.
    }
  }
  return undefined;
}

/**
 * Deletes namespaces of earlier labs whose test process died before it could clean up (killed
 * by a signal, say). Namespaces of live processes are left alone.
 */
function removeAbandonedLabs(): void {
  for (const line of run('ip', ['netns', 'list']).split('\n')) {
    const match = /^(fwlint-(\d+)-\S+)/.exec(line);
    if (!match || processAlive(Number(match[2]))) continue;
    try {
      run('ip', ['netns', 'del', match[1]!]);
    } catch {
      // Another run removed it first.
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

export class NetnsLab {
  readonly clientNs: string;
  readonly serverNs: string;
  private readonly listeners: ChildProcess[] = [];
  private nextPort = 40_000;
  private readonly cleanupOnExit = (): void => this.destroy();

  private constructor(tag: string) {
    this.clientNs = `fwlint-${tag}-c`;
    this.serverNs = `fwlint-${tag}-s`;
  }

  /** Builds the lab; on any failure it removes what it made and throws naming the failed step. */
  static async create(): Promise<NetnsLab> {
    removeAbandonedLabs();
    const lab = new NetnsLab(`${process.pid}-${Date.now().toString(36)}`);
    process.once('exit', lab.cleanupOnExit);
    try {
      lab.buildTopology();
      await lab.waitForCarrier();
      await lab.startListener(lab.serverNs, SERVER_TCP_PORTS, SERVER_UDP_PORTS);
      await lab.startListener(lab.clientNs, CLIENT_TCP_PORTS, CLIENT_UDP_PORTS);
    } catch (error) {
      lab.destroy();
      throw error;
    }
    return lab;
  }

  private buildTopology(): void {
    const { clientNs: c, serverNs: s } = this;
    run('ip', ['netns', 'add', c]);
    run('ip', ['netns', 'add', s]);
    run('ip', ['link', 'add', CLIENT_IF, 'netns', c, 'type', 'veth', 'peer', 'name', SERVER_IF, 'netns', s]);
    for (const [ns, dev] of [[c, CLIENT_IF], [s, SERVER_IF]] as const) {
      run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
      run('ip', ['-n', ns, 'link', 'set', dev, 'up']);
    }
    for (const address of CLIENT4) run('ip', ['-n', c, 'addr', 'add', `${address}/24`, 'dev', CLIENT_IF]);
    for (const address of CLIENT6) run('ip', ['-n', c, 'addr', 'add', `${address}/64`, 'dev', CLIENT_IF, 'nodad']);
    run('ip', ['-n', s, 'addr', 'add', `${SERVER4}/24`, 'dev', SERVER_IF]);
    run('ip', ['-n', s, 'addr', 'add', `${SERVER6}/64`, 'dev', SERVER_IF, 'nodad']);
    // Fixed IPv6 neighbours: a ruleset under test may drop neighbour discovery, and we want its
    // verdict on the probe, not on the NDP that would precede it.
    const clientMac = this.macOf(c, CLIENT_IF);
    const serverMac = this.macOf(s, SERVER_IF);
    for (const address of CLIENT6) {
      run('ip', ['-n', s, 'neigh', 'replace', address, 'lladdr', clientMac, 'dev', SERVER_IF, 'nud', 'permanent']);
    }
    run('ip', ['-n', c, 'neigh', 'replace', SERVER6, 'lladdr', serverMac, 'dev', CLIENT_IF, 'nud', 'permanent']);
  }

  /** A veth end reports UP only once both ends are up; probes sent before that would be lost. */
  private async waitForCarrier(): Promise<void> {
    const deadline = Date.now() + COMMAND_TIMEOUT_MS;
    const isUp = (ns: string, dev: string): boolean => run('ip', ['-n', ns, '-br', 'link', 'show', 'dev', dev]).includes(' UP ');
    while (!(isUp(this.clientNs, CLIENT_IF) && isUp(this.serverNs, SERVER_IF))) {
      if (Date.now() > deadline) throw new Error(`the veth pair ${CLIENT_IF}/${SERVER_IF} did not come up`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private macOf(ns: string, dev: string): string {
    const links: unknown = JSON.parse(run('ip', ['-n', ns, '-j', 'link', 'show', 'dev', dev]));
    const address = Array.isArray(links) ? (links[0] as { address?: unknown } | undefined)?.address : undefined;
    if (typeof address !== 'string') throw new Error(`no MAC address for ${dev} in ${ns}`);
    return address;
  }

  private startListener(ns: string, tcpPorts: number[], udpPorts: number[]): Promise<void> {
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, AGENT, 'serve', tcpPorts.join(','), udpPorts.join(',')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.listeners.push(child);
    return new Promise((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`listener in ${ns} did not start: ${stderr}`)), COMMAND_TIMEOUT_MS);
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`listener in ${ns} exited with ${code}: ${stderr}`));
      });
    });
  }

  /** Replaces whatever the server namespace had with `file`. */
  loadRuleset(file: string, loader: RulesetLoader): void {
    run('ip', ['netns', 'exec', this.serverNs, 'nft', 'flush', 'ruleset']);
    const [command, ...args] = loader === 'nft' ? ['nft', '-f', file] : [loader, file];
    run('ip', ['netns', 'exec', this.serverNs, command!, ...args]);
    run('ip', ['netns', 'exec', this.serverNs, 'nft', '-f', '-'], traceRuleset(SERVER_IF));
  }

  /**
   * Each loaded rule's 0-based position in its chain, keyed by `family table chain handle` as
   * the trace names them, so kernel traces can be compared with positions in the source.
   */
  rulePositions(): Map<string, number> {
    const listing: unknown = JSON.parse(run('ip', ['netns', 'exec', this.serverNs, 'nft', '-a', '-j', 'list', 'ruleset']));
    const items = (listing as { nftables?: unknown[] }).nftables ?? [];
    const positions = new Map<string, number>();
    const counts = new Map<string, number>();
    for (const item of items) {
      const rule = (item as { rule?: { family: string; table: string; chain: string; handle: number } }).rule;
      if (rule === undefined) continue;
      const chainKey = `${rule.family} ${rule.table} ${rule.chain}`;
      const position = counts.get(chainKey) ?? 0;
      counts.set(chainKey, position + 1);
      positions.set(`${chainKey} ${rule.handle}`, position);
    }
    return positions;
  }

  /**
   * Gives every TCP/UDP packet a source (or, for replies, destination) port never used before in
   * this lab, so that no probe meets a conntrack entry left by an earlier one.
   */
  assignPorts(packets: PacketAtServer[]): PacketAtServer[] {
    return packets.map((packet) => {
      if (packet.proto === 'icmp') return packet;
      if (packet.ct === 'new') return { ...packet, sport: this.nextPort++ };
      return { ...packet, dport: this.nextPort++ };
    });
  }

  /** Sends every packet (ports already assigned) and reports what the kernel did with each. */
  async probe(packets: PacketAtServer[]): Promise<ProbeResult[]> {
    const keys = packets.map(packetKey);
    if (new Set(keys).size !== keys.length) throw new Error(`two probes share a trace key: ${keys.join(', ')}`);
    const monitor = await this.startTraceMonitor();
    const outcomes = await this.send(packets);
    const traces = parseNftTrace(await monitor.stop());
    return outcomes.map((outcome, i) => {
      const trace = traces.get(keys[i]!);
      return trace === undefined ? { outcome } : { outcome, trace };
    });
  }

  private async send(packets: PacketAtServer[]): Promise<KernelOutcome[]> {
    const outcomes: (KernelOutcome | undefined)[] = packets.map(() => undefined);
    const batches = new Map<string, { index: number; probe: AgentProbe }[]>();
    const pings: Promise<void>[] = [];
    packets.forEach((packet, index) => {
      if (packet.proto === 'icmp') {
        pings.push(this.ping(packet).then((outcome) => void (outcomes[index] = outcome)));
        return;
      }
      const { ns, probe } = this.agentProbe(packet);
      const batch = batches.get(ns) ?? [];
      batch.push({ index, probe });
      batches.set(ns, batch);
    });
    const agentRuns = [...batches].map(async ([ns, batch]) => {
      const json = JSON.stringify(batch.map((entry) => entry.probe));
      const { code, stdout } = await runAsync('ip', ['netns', 'exec', ns, process.execPath, AGENT, 'probe', json], COMMAND_TIMEOUT_MS);
      const parsed: unknown = code === 0 ? JSON.parse(stdout) : undefined;
      batch.forEach((entry, i) => {
        outcomes[entry.index] = Array.isArray(parsed) ? (parsed[i] as KernelOutcome) : `error: probe agent exited with ${code}`;
      });
    });
    await Promise.all([...agentRuns, ...pings]);
    return outcomes.map((outcome) => outcome ?? 'error: no outcome');
  }

  /**
   * Starts `nft monitor trace` in the server namespace and returns once it reports a marker
   * packet, so that no probe is sent before the monitor listens. Without the marker the probes
   * still run; their traces are then simply missing.
   */
  private async startTraceMonitor(): Promise<{ stop: () => Promise<string> }> {
    const child = spawn('ip', ['netns', 'exec', this.serverNs, 'nft', '-a', 'monitor', 'trace'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + COMMAND_TIMEOUT_MS / 2;
    while (!output.includes('127.0.0.1') && Date.now() < deadline && child.exitCode === null) {
      await runAsync('ip', ['netns', 'exec', this.serverNs, process.execPath, AGENT, 'mark'], COMMAND_TIMEOUT_MS);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      stop: async () => {
        // Traces of the last packets can trail their verdict by a moment.
        await new Promise((resolve) => setTimeout(resolve, 200));
        child.kill();
        await exited;
        return output;
      },
    };
  }

  private agentProbe(packet: PacketAtServer): { ns: string; probe: AgentProbe } {
    const family = isIPv6(packet.saddr) ? 6 : 4;
    const proto = packet.proto === 'tcp' ? 'tcp' : 'udp';
    if (packet.sport === undefined || packet.dport === undefined) {
      throw new Error(`${proto} packet without ports: ${JSON.stringify(packet)}`);
    }
    const timeoutMs = 2000;
    if (packet.ct === 'new') {
      return {
        ns: this.clientNs,
        probe: { proto, family, from: packet.saddr, sport: packet.sport, to: packet.daddr, dport: packet.dport, timeoutMs },
      };
    }
    return {
      ns: this.serverNs,
      probe: { proto, family, from: packet.daddr, sport: packet.dport, to: packet.saddr, dport: packet.sport, timeoutMs },
    };
  }

  private async ping(packet: PacketAtServer): Promise<KernelOutcome> {
    if (packet.ct !== 'new') return 'error: only echo requests from the client are supported';
    const args = ['netns', 'exec', this.clientNs, 'ping', '-n', '-c1', '-W2', '-I', packet.saddr];
    if (isIPv6(packet.saddr)) args.push('-6');
    const { code, stdout } = await runAsync('ip', [...args, packet.daddr], COMMAND_TIMEOUT_MS);
    if (code === 0) return 'accepted';
    return /unreachable|filtered|prohibited/i.test(stdout) ? 'rejected' : 'dropped';
  }

  /** Stops the listeners and deletes both namespaces (which deletes the veth pair). Idempotent. */
  destroy(): void {
    for (const child of this.listeners.splice(0)) {
      child.stdin?.end();
      child.kill();
    }
    for (const ns of [this.clientNs, this.serverNs]) {
      try {
        execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore', timeout: COMMAND_TIMEOUT_MS });
      } catch {
        // Already gone (or never created): nothing left to remove.
      }
    }
    process.removeListener('exit', this.cleanupOnExit);
  }
}
