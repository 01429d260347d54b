import type { Chain, Hook, Rule, SimpleVerdict } from '../ir.js';
import type { Box } from './box.js';
import type { ModelContext } from './context.js';
import { intersectAll, subtractAll } from './space.js';

/** The kernel's jump stack limit; deeper paths count as undetermined. */
export const MAX_JUMP_DEPTH = 16;

/** Past this many boxes a symbolic evaluation stops splitting and reports the rest undetermined. */
const MAX_BOXES = 4096;

export type ChainOutcome = 'accept' | 'drop' | 'return' | 'undetermined';

export interface OutcomePiece {
  outcome: ChainOutcome;
  boxes: Box[];
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

/**
 * Runs `boxes` through a chain the way the kernel does (first terminal verdict wins, jump
 * returns, goto does not) and splits them by outcome. Packets whose path depends on something
 * the model does not know are reported `undetermined` instead of guessed.
 */
export function evaluateChain(ctx: ModelContext, chain: Chain, boxes: Box[], stack: readonly Chain[], path: readonly Rule[]): OutcomePiece[] {
  const pieces: OutcomePiece[] = [];
  let pending = boxes;
  const calls = [...stack, chain];
  for (const rule of chain.rules) {
    if (pending.length === 0) break;
    if (pending.length > MAX_BOXES) {
      pieces.push({ outcome: 'undetermined', boxes: pending, rules: [...path, rule] });
      return pieces;
    }
    for (const slice of ctx.compiled(rule).effective) {
      const effect = verdictEffect(slice.verdict);
      if (effect === 'none') continue;
      const maybe = intersectAll(pending, slice.over);
      if (maybe.length === 0) continue;
      const certain = intersectAll(maybe, slice.under);
      const rules = [...path, rule];
      const uncertain = subtractAll(maybe, certain);
      if (uncertain.length > 0) pieces.push({ outcome: 'undetermined', boxes: uncertain, rules });
      pending = subtractAll(pending, slice.over);
      if (certain.length === 0) continue;
      if (effect === 'jump' || effect === 'goto') {
        const verdict = slice.verdict as { kind: 'jump' | 'goto'; target: string };
        for (const piece of callChain(ctx, chain, verdict.target, certain, calls, rules)) {
          if (piece.outcome === 'return' && effect === 'jump') pending = [...pending, ...piece.boxes];
          else pieces.push(piece);
        }
      } else {
        pieces.push({ outcome: effect, boxes: certain, rules });
      }
    }
  }
  if (pending.length > 0) pieces.push({ outcome: 'return', boxes: pending, rules: [...path] });
  return pieces;
}

function callChain(ctx: ModelContext, from: Chain, name: string, boxes: Box[], stack: readonly Chain[], path: readonly Rule[]): OutcomePiece[] {
  const target = ctx.directory.chain(from, name);
  // Missing targets, loops and over-deep stacks make the kernel refuse the ruleset; we cannot say more.
  if (!target || stack.includes(target) || stack.length >= MAX_JUMP_DEPTH) {
    return [{ outcome: 'undetermined', boxes, rules: [...path] }];
  }
  return evaluateChain(ctx, target, boxes, stack, path);
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

/**
 * Every base chain on the hook, by ascending priority: accept ends only that chain, drop is
 * final, so a packet passes only if every chain that sees it lets it through.
 */
export function evaluateHook(ctx: ModelContext, hook: Hook, boxes: Box[]): HookDecisions {
  const result: HookDecisions = { accepted: [], dropped: [], undetermined: [] };
  let passing: Decision[] = [{ space: intersectAll(boxes, [ctx.hookUniverse(hook)]), rules: [] }];
  passing = passing.filter((d) => d.space.length > 0);
  for (const chain of ctx.baseChains(hook)) {
    const next: Decision[] = [];
    const filter = [ctx.chainFilter(chain)];
    for (const decision of passing) {
      const unseen = subtractAll(decision.space, filter);
      if (unseen.length > 0) next.push({ ...decision, space: unseen });
      const seen = intersectAll(decision.space, filter);
      if (seen.length === 0) continue;
      for (const piece of evaluateChain(ctx, chain, seen, [], [])) {
        const rules = [...decision.rules, ...piece.rules];
        const outcome = piece.outcome === 'return' ? chain.base!.policy : piece.outcome;
        const fromPolicy = piece.outcome === 'return' ? { policy: chain } : {};
        const reached: Decision = { space: piece.boxes, rules, ...fromPolicy };
        if (outcome === 'accept') next.push(reached);
        else if (outcome === 'drop') result.dropped.push(reached);
        else result.undetermined.push(reached);
      }
    }
    passing = next;
  }
  result.accepted = passing;
  return result;
}
