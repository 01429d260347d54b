/**
 * The semantic model: rules as exact sets of packets (unions of boxes over the IR's fields),
 * evaluated the way the kernel evaluates them, with two approximations (over/under) for what it
 * cannot model, so that every claim it makes is a proof.
 *
 * What it does not model (and how it stays honest about it):
 * - arp and bridge base chains are ignored on the IP hooks; netdev chains count only on
 *   ingress/egress, and only for packets of their devices.
 * - Statements that change the packet (IR `Statement.effects`: marks, notrack, TTL) are applied to
 *   later rules and chains: a constant exactly, anything else as an unknown value that later tests
 *   on the field cannot decide. NAT makes later tests on the rewritten addresses and ports
 *   undetermined, and the route change it may cause (input becoming forward) is not followed.
 * - `verdict` and `reachable` answer for one hook, with packets as they reach it; `trace` follows
 *   a packet through every hook on its path (ingress, prerouting, input …) in order.
 * - `queue` (with or without bypass) and unknown targets end in `undetermined`.
 * - Chains running at or before conntrack (priority <= -200) treat `ct state` as unknown.
 */
import type { Chain, Diagnostic, Hook, Rule, Ruleset } from '../ir.js';
import { chainDiagnostics } from './chains.js';
import { ModelContext } from './context.js';
import { type Coverage, coverageOfAll } from './coverage.js';
import { type Decision as BoxDecision, evaluateHook } from './evaluate.js';
import type { Packet } from './packet.js';
import { packetBox } from './point.js';
import { PacketSpace } from './space.js';
import { type Trace, tracePacket } from './trace.js';
import { witnessOfBoxes } from './witness.js';

export type { Coverage } from './coverage.js';
export type { Packet } from './packet.js';
export { formatPacket, hooksOnPath } from './packet.js';
export { parsePacket } from './packet-parse.js';
export { PacketSpace } from './space.js';
export type { Trace, TraceStep, TraceAction } from './trace.js';
export { formatTrace } from './trace.js';

export interface Decision {
  space: PacketSpace;
  /** The deciding path: jumps taken and the rule that decided, across the hook's base chains. */
  rules: Rule[];
  /** Set when a base chain's policy decided. */
  policy?: Chain;
}

export interface HookVerdict {
  accepted: Decision[];
  dropped: Decision[];
  undetermined: Decision[];
}

export interface SemanticModel {
  readonly ruleset: Ruleset;
  /** Problems found while building: jump loops ('jump-loop') and jumps to missing chains ('unknown-chain'). */
  readonly diagnostics: Diagnostic[];
  /** Over- and under-approximation of the packets a rule's matches select (among those that reach its chain). */
  matchSpace(rule: Rule): { over: PacketSpace; under: PacketSpace };
  /**
   * Final outcome at `hook` for the packets in `space` (all base chains on that hook, by priority),
   * as they reach it: chains of earlier hooks, ingress included, are not applied (ask for them separately).
   */
  verdict(hook: Hook, space: PacketSpace): HookVerdict;
  /** Whether the rule's whole match space is decided by earlier rules of its chain, and by which. */
  coverage(rule: Rule): Coverage;
  /** Coverage of every rule of every chain, computed in one pass, in ruleset order. */
  coverageAll(): readonly Coverage[];
  /** The subspace of `space` (default: every packet) that `hook` accepts. */
  reachable(hook: Hook, space?: PacketSpace): PacketSpace;
  /** The path one concrete packet takes through the hooks it traverses, and the final verdict. */
  trace(packet: Packet, hooks?: Hook[]): Trace;
  /** Every packet (IPv4 and IPv6, any interface, one ct state each). */
  everything(): PacketSpace;
  /** The one-packet space of a concrete packet. */
  spaceOf(packet: Packet): PacketSpace;
}

/** A concrete packet in a non-empty space, chosen to read well. */
export function witness(space: PacketSpace): Packet | undefined {
  return witnessOfBoxes(space.boxes, space.alphabet);
}

export function buildModel(ruleset: Ruleset): SemanticModel {
  const ctx = new ModelContext(ruleset);
  const diagnostics = chainDiagnostics(ctx.directory, ruleset.tables);
  const space = (boxes: BoxDecision['space']): PacketSpace => new PacketSpace(boxes, ctx.alphabet);
  const toDecision = (d: BoxDecision): Decision => ({ space: space(d.space), rules: d.rules, ...(d.policy ? { policy: d.policy } : {}) });
  let coverage: Coverage[] | undefined;
  const coverageAll = (): readonly Coverage[] => (coverage ??= coverageOfAll(ctx));
  let coverageByRule: Map<Rule, Coverage> | undefined;
  const verdict = (hook: Hook, query: PacketSpace): HookVerdict => {
    const decisions = evaluateHook(ctx, hook, [...query.boxes]);
    return {
      accepted: decisions.accepted.map(toDecision),
      dropped: decisions.dropped.map(toDecision),
      undetermined: decisions.undetermined.map(toDecision),
    };
  };
  const everything = (): PacketSpace => space([ctx.anyPacket()]);

  return {
    ruleset,
    diagnostics,
    matchSpace(rule) {
      const compiled = ctx.compiled(rule);
      return { over: space(compiled.over), under: space(compiled.under) };
    },
    verdict,
    coverage(rule) {
      coverageByRule ??= new Map(coverageAll().map((c) => [c.rule, c]));
      const result = coverageByRule.get(rule);
      if (!result) throw new Error(`rule is not part of this model's ruleset: ${rule.text}`);
      return result;
    },
    coverageAll,
    reachable(hook, query) {
      const accepted = verdict(hook, query ?? everything()).accepted;
      return space(accepted.flatMap((d) => [...d.space.boxes]));
    },
    trace(packet, hooks) {
      return tracePacket(ctx, packet, hooks);
    },
    everything,
    spaceOf(packet) {
      return space([packetBox(packet, ctx.alphabet)]);
    },
  };
}
