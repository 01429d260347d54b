import type { Chain, FieldName, Hook, Rule, SimpleVerdict } from '../ir.js';
import type { Box } from './box.js';
import type { ModelContext } from './context.js';
import { F } from './fields.js';
import { normalize } from './intervals.js';
import { adjustBoxes, NO_OVERRIDES, type Overrides, statementEffects, withEffects, withUnknown } from './overrides.js';
import { intersectAll, subtractAll } from './space.js';

/** The kernel's jump stack limit; deeper paths count as undetermined. */
export const MAX_JUMP_DEPTH = 16;

/** Past this many boxes a symbolic evaluation stops splitting and reports the rest undetermined. */
const MAX_BOXES = 4096;

export type ChainOutcome = 'accept' | 'drop' | 'return' | 'undetermined';

export interface OutcomePiece {
  outcome: ChainOutcome;
  boxes: Box[];
  overrides: Overrides;
  /** The rules that led here: jumps taken, then the rule that decided. */
  rules: Rule[];
}

/** What a verdict does to the packets that certainly reach it; `call` for jump/goto. */
export function verdictEffect(
  verdict: SimpleVerdict | undefined,
): 'none' | 'accept' | 'drop' | 'return' | 'undetermined' | 'jump' | 'goto' {
  if (verdict === undefined) return 'none';
  switch (verdict.kind) {
    case 'continue':
      return 'none';
    case 'accept':
    case 'nat':
      return 'accept';
    case 'drop':
    case 'reject':
      return 'drop';
    case 'return':
      return 'return';
    case 'jump':
    case 'goto':
      return verdict.kind;
    // A queue's verdict comes from user space, and an unknown target may or may not end evaluation.
    case 'queue':
    case 'unknown':
      return 'undetermined';
  }
}

/** The fields a NAT verdict rewrites for the hooks after it (to values the model does not compute). */
export function natRewrites(verdict: SimpleVerdict | undefined): readonly FieldName[] {
  if (verdict?.kind !== 'nat') return [];
  return verdict.nat === 'dnat' || verdict.nat === 'redirect' ? ['daddr4', 'daddr6', 'dport'] : ['saddr4', 'saddr6', 'sport'];
}

/**
 * The packets a base chain sees: those of its family (see ModelContext.chainFilter) and, on
 * ingress and egress, only those arriving on (leaving by) one of its devices.
 */
export function baseChainFilter(ctx: ModelContext, chain: Chain): Box {
  const filter = ctx.chainFilter(chain);
  const spec = chain.base;
  const field = spec?.hook === 'ingress' ? F.iifname : spec?.hook === 'egress' ? F.oifname : undefined;
  if (spec === undefined || field === undefined || spec.devices.length === 0) return filter;
  const box = filter.slice();
  box[field] = normalize(spec.devices.flatMap((device) => [...ctx.alphabet.select(device, false)]));
  return box;
}

/** Packets that go on together: boxes of arriving packets, and what statements did to them so far. */
interface Flow {
  boxes: Box[];
  overrides: Overrides;
}

function boxCount(flows: readonly Flow[]): number {
  return flows.reduce((sum, flow) => sum + flow.boxes.length, 0);
}

/**
 * Runs `flows` through a chain the way the kernel does (first terminal verdict wins, jump
 * returns, goto does not) and splits them by outcome. Packets whose path depends on something
 * the model does not know are reported `undetermined` instead of guessed. Statements that change
 * fields (marks, notrack) move the packets they certainly act on to a flow where later tests on
 * those fields use the new value; packets they may act on get the field as unknown.
 */
function evaluateChain(ctx: ModelContext, chain: Chain, flows: Flow[], stack: readonly Chain[], path: readonly Rule[]): OutcomePiece[] {
  const pieces: OutcomePiece[] = [];
  let pending = flows;
  const calls = [...stack, chain];
  for (const rule of chain.rules) {
    if (pending.length === 0) break;
    if (boxCount(pending) > MAX_BOXES) {
      for (const flow of pending) pieces.push({ outcome: 'undetermined', ...flow, rules: [...path, rule] });
      return pieces;
    }
    const effects = statementEffects(rule);
    for (const slice of ctx.compiled(rule).effective) {
      const effect = verdictEffect(slice.verdict);
      if (effect === 'none' && effects.length === 0) continue;
      const rules = [...path, rule];
      const next: Flow[] = [];
      for (const flow of pending) {
        const over = adjustBoxes(slice.over, flow.overrides, 'over');
        const maybe = intersectAll(flow.boxes, over);
        if (maybe.length === 0) {
          next.push(flow);
          continue;
        }
        const certain = intersectAll(maybe, adjustBoxes(slice.under, flow.overrides, 'under'));
        const uncertain = subtractAll(maybe, certain);
        const rest = subtractAll(flow.boxes, over);
        if (rest.length > 0) next.push({ boxes: rest, overrides: flow.overrides });
        if (effect === 'none') {
          if (uncertain.length > 0) next.push({ boxes: uncertain, overrides: withEffects(flow.overrides, effects, false) });
          if (certain.length > 0) next.push({ boxes: certain, overrides: withEffects(flow.overrides, effects, true) });
          continue;
        }
        if (uncertain.length > 0) pieces.push({ outcome: 'undetermined', boxes: uncertain, overrides: flow.overrides, rules });
        if (certain.length === 0) continue;
        const changed = withEffects(flow.overrides, effects, true);
        if (effect === 'jump' || effect === 'goto') {
          const verdict = slice.verdict as { kind: 'jump' | 'goto'; target: string };
          for (const piece of callChain(ctx, chain, verdict.target, { boxes: certain, overrides: changed }, calls, rules)) {
            if (piece.outcome === 'return' && effect === 'jump') next.push({ boxes: piece.boxes, overrides: piece.overrides });
            else pieces.push(piece);
          }
        } else {
          pieces.push({ outcome: effect, boxes: certain, overrides: withUnknown(changed, natRewrites(slice.verdict)), rules });
        }
      }
      pending = mergeFlows(next);
    }
  }
  for (const flow of pending) pieces.push({ outcome: 'return', ...flow, rules: [...path] });
  return pieces;
}

/** One flow per distinct set of overrides, so that many statements do not multiply the work. */
function mergeFlows(flows: Flow[]): Flow[] {
  if (flows.length < 2) return flows;
  const byKey = new Map<string, Flow>();
  for (const flow of flows) {
    const key = [...flow.overrides].map(([field, value]) => `${field}=${value ?? '?'}`).sort().join(',');
    const same = byKey.get(key);
    if (same) same.boxes = [...same.boxes, ...flow.boxes];
    else byKey.set(key, { boxes: flow.boxes, overrides: flow.overrides });
  }
  return [...byKey.values()];
}

function callChain(ctx: ModelContext, from: Chain, name: string, flow: Flow, stack: readonly Chain[], path: readonly Rule[]): OutcomePiece[] {
  const target = ctx.directory.chain(from, name);
  // Missing targets, loops and over-deep stacks make the kernel refuse the ruleset; we cannot say more.
  if (!target || stack.includes(target) || stack.length >= MAX_JUMP_DEPTH) {
    return [{ outcome: 'undetermined', ...flow, rules: [...path] }];
  }
  return evaluateChain(ctx, target, [flow], stack, path);
}

export interface Decision {
  space: Box[];
  rules: Rule[];
  /** The base chain whose policy decided, when a policy did. */
  policy?: Chain;
}

export interface HookDecisions {
  accepted: Decision[];
  dropped: Decision[];
  undetermined: Decision[];
}

interface Passing extends Decision {
  overrides: Overrides;
}

/**
 * Every base chain on the hook, by ascending priority: accept ends only that chain, drop is
 * final, so a packet passes only if every chain that sees it lets it through. Packets are taken
 * as they reach this hook: what chains of other hooks (ingress, prerouting …) did to them is not
 * applied; ask for those hooks separately.
 */
export function evaluateHook(ctx: ModelContext, hook: Hook, boxes: Box[]): HookDecisions {
  const result: HookDecisions = { accepted: [], dropped: [], undetermined: [] };
  const arriving = intersectAll(boxes, [ctx.hookUniverse(hook)]);
  let passing: Passing[] = arriving.length > 0 ? [{ space: arriving, rules: [], overrides: NO_OVERRIDES }] : [];
  for (const chain of ctx.baseChains(hook)) {
    const next: Passing[] = [];
    const filter = [baseChainFilter(ctx, chain)];
    for (const decision of passing) {
      const maySee = adjustBoxes(filter, decision.overrides, 'over');
      const unseen = subtractAll(decision.space, maySee);
      if (unseen.length > 0) next.push({ ...decision, space: unseen });
      const maybe = intersectAll(decision.space, maySee);
      const seen = intersectAll(maybe, adjustBoxes(filter, decision.overrides, 'under'));
      const unsure = subtractAll(maybe, seen);
      if (unsure.length > 0) result.undetermined.push({ space: unsure, rules: decision.rules });
      if (seen.length === 0) continue;
      for (const piece of evaluateChain(ctx, chain, [{ boxes: seen, overrides: decision.overrides }], [], [])) {
        const rules = [...decision.rules, ...piece.rules];
        const outcome = piece.outcome === 'return' ? chain.base!.policy : piece.outcome;
        const fromPolicy = piece.outcome === 'return' ? { policy: chain } : {};
        const reached: Decision = { space: piece.boxes, rules, ...fromPolicy };
        if (outcome === 'accept') next.push({ ...reached, overrides: piece.overrides });
        else if (outcome === 'drop') result.dropped.push(reached);
        else result.undetermined.push(reached);
      }
    }
    passing = next;
  }
  result.accepted = passing.map((d) => ({ space: d.space, rules: d.rules, ...(d.policy ? { policy: d.policy } : {}) }));
  return result;
}
