/**
 * The fwlint half of the comparison: parse a fixture the way `fwlint trace` does, trace a packet
 * spec through the model and express its path in the kernel's terms.
 */
import { readFileSync } from 'node:fs';
import { parseIptables } from '../../grammar/iptables/index.js';
import { parseNft } from '../../grammar/nft/index.js';
import { diskHost } from '../../src/files.js';
import type { ParseResult, Ruleset, SourceSpan } from '../../src/ir.js';
import { buildModel, parsePacket, type SemanticModel, type Trace } from '../../src/model/index.js';
import { SERVER_IF, type PacketAtServer, type RulesetLoader } from './netns.js';
import type { PathStep } from './path.js';

export interface LoadedModel {
  ruleset: Ruleset;
  model: SemanticModel;
  /** Parse errors: with any of these the comparison means nothing. */
  errors: string[];
}

export function loadModel(file: string, loader: RulesetLoader): LoadedModel {
  const text = readFileSync(file, 'utf8');
  const parsed: ParseResult =
    loader === 'nft'
      ? parseNft(file, text, { host: diskHost, includeDirs: [] })
      : parseIptables(file, text, { ipVersion: loader === 'ip6tables-restore' ? 6 : 4 });
  const errors = parsed.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.span.line}:${d.span.column} ${d.message} [${d.ruleId}]`);
  return { ruleset: parsed.ruleset, model: buildModel(parsed.ruleset), errors };
}

/** The packet as a user would describe it to `fwlint trace --packet`. */
export function packetSpec(packet: PacketAtServer): string {
  const words: string[] = [];
  if (packet.proto === 'icmp') {
    words.push(packet.saddr.includes(':') ? 'icmpv6' : 'icmp', 'type', 'echo-request');
  } else {
    words.push(packet.proto, 'sport', String(packet.sport), 'dport', String(packet.dport));
  }
  words.push('saddr', packet.saddr, 'daddr', packet.daddr, 'iif', SERVER_IF, 'ct', packet.ct);
  // The lab's TCP probes are a client's SYN and, for replies, the server's peer's SYN-ACK.
  if (packet.proto === 'tcp') words.push('flags', packet.ct === 'new' ? 'syn' : 'syn,ack');
  words.push('hook', 'input');
  return words.join(' ');
}

export function traceSpec(model: SemanticModel, spec: string): Trace | { error: string } {
  const packet = parsePacket(spec);
  return 'error' in packet ? packet : model.trace(packet);
}

function sameSpan(a: SourceSpan, b: SourceSpan): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/** The kernel calls a rule that matched without a verdict (a counter, a log) `continue`. */
function kernelWord(action: Trace['steps'][number]['action']): string {
  return action === 'matched' ? 'continue' : action;
}

/**
 * fwlint's path in the kernel trace's terms. The kernel reports no step for falling off the end
 * of a regular chain, so neither does this.
 */
export function modelPath(trace: Trace, ruleset: Ruleset): PathStep[] {
  const path: PathStep[] = [];
  for (const step of trace.steps) {
    const table = `${step.family} ${step.table}`;
    if (step.action === 'policy') {
      path.push({ table, chain: step.chain, action: `policy ${step.policy?.verdict}` });
      continue;
    }
    if (step.rule === undefined) continue;
    const chain = ruleset.tables
      .find((t) => t.family === step.family && t.name === step.table)
      ?.chains.find((c) => c.name === step.chain);
    const index = chain?.rules.findIndex((rule) => sameSpan(rule.span, step.rule!.span)) ?? -1;
    const action = step.action === 'jump' || step.action === 'goto' ? `${step.action} ${step.detail}` : kernelWord(step.action);
    path.push({ table, chain: step.chain, ...(index === -1 ? {} : { position: index + 1 }), action });
  }
  return path;
}
