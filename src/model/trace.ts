import type { Chain, Family, Hook, Rule, SourceSpan } from '../ir.js';
import type { ModelContext } from './context.js';
import { baseChainFilter, MAX_JUMP_DEPTH, natRewrites, verdictEffect } from './evaluate.js';
import { fieldIndex } from './fields.js';
import { statementEffects } from './overrides.js';
import { hooksOnPath, type Packet } from './packet.js';
import { packetBox, PacketState } from './point.js';

export type TraceAction = 'matched' | 'jump' | 'goto' | 'return' | 'accept' | 'drop' | 'policy' | 'unknown';

export interface TraceStep {
  hook: Hook;
  family: Family;
  table: string;
  chain: string;
  /** The rule that acted; absent for a policy or for falling off the end of a chain. */
  rule?: { span: SourceSpan; text: string };
  /** For `policy` steps: which policy, and where it was set. */
  policy?: { verdict: 'accept' | 'drop'; span?: SourceSpan };
  action: TraceAction;
  /** Why the step is `unknown`, or where a jump/goto goes. */
  detail?: string;
}

export interface Trace {
  packet: Packet;
  verdict: 'accept' | 'drop' | 'undetermined';
  steps: TraceStep[];
}

type ChainResult = 'accept' | 'drop' | 'undetermined';

/**
 * Follows one packet through every base chain of every hook on its path, as the kernel would,
 * carrying what statements change (marks, notrack, NAT) on to the chains after them.
 */
export function tracePacket(ctx: ModelContext, packet: Packet, hooks?: readonly Hook[]): Trace {
  const steps: TraceStep[] = [];
  const state = new PacketState(packetBox(packet, ctx.alphabet));
  for (const hook of hooks ?? hooksOnPath(packet.hook)) {
    for (const chain of ctx.baseChains(hook)) {
      const filter = [baseChainFilter(ctx, chain)];
      if (!state.inBoxes(filter, 'may')) continue;
      if (!state.inBoxes(filter, 'must')) {
        const detail = 'whether this chain sees the packet depends on a field an earlier statement changed';
        steps.push({ hook, family: chain.family, table: chain.table, chain: chain.name, action: 'unknown', detail });
        return { packet, verdict: 'undetermined', steps };
      }
      const result = runBaseChain(ctx, hook, chain, state, steps);
      if (result !== 'accept') return { packet, verdict: result, steps };
    }
  }
  return { packet, verdict: 'accept', steps };
}

interface Frame {
  chain: Chain;
  next: number;
}

function runBaseChain(ctx: ModelContext, hook: Hook, base: Chain, state: PacketState, steps: TraceStep[]): ChainResult {
  const stack: Frame[] = [{ chain: base, next: 0 }];
  const step = (chain: Chain, action: TraceAction, rule?: Rule, detail?: string): void => {
    steps.push({
      hook,
      family: chain.family,
      table: chain.table,
      chain: chain.name,
      ...(rule ? { rule: { span: rule.span, text: rule.text } } : {}),
      action,
      ...(detail !== undefined ? { detail } : {}),
    });
  };
  const policy = (): ChainResult => {
    const spec = base.base!;
    steps.push({
      hook,
      family: base.family,
      table: base.table,
      chain: base.name,
      policy: { verdict: spec.policy, ...(spec.policySpan ? { span: spec.policySpan } : {}) },
      action: 'policy',
    });
    return spec.policy;
  };

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const rule = frame.chain.rules[frame.next++];
    if (rule === undefined) {
      stack.pop();
      if (stack.length === 0) return policy();
      step(frame.chain, 'return', undefined, `end of chain ${frame.chain.name}`);
      continue;
    }
    for (const slice of ctx.compiled(rule).effective) {
      if (!state.inBoxes(slice.over, 'may')) continue;
      const effect = verdictEffect(slice.verdict);
      const certain = state.inBoxes(slice.under, 'must');
      state.apply(statementEffects(rule), certain);
      if (!certain) {
        if (effect === 'none') break;
        step(frame.chain, 'unknown', rule, 'whether this rule matches depends on something the model does not know');
        return 'undetermined';
      }
      const verdict = slice.verdict;
      switch (effect) {
        case 'none':
          step(frame.chain, 'matched', rule);
          break;
        case 'accept': {
          const rewritten = natRewrites(verdict);
          for (const field of rewritten) state.forget(fieldIndex(field));
          const detail = rewritten.length > 0 ? 'NAT rewrites the packet: later tests on its addresses and ports are undetermined' : undefined;
          step(frame.chain, effect, rule, detail);
          return effect;
        }
        case 'drop':
          step(frame.chain, effect, rule);
          return effect;
        case 'undetermined':
          step(frame.chain, 'unknown', rule, `${verdict?.kind === 'queue' ? 'queued to user space' : 'verdict not modelled'}`);
          return 'undetermined';
        case 'return':
          step(frame.chain, 'return', rule);
          stack.pop();
          if (stack.length === 0) return policy();
          break;
        case 'jump':
        case 'goto': {
          const name = verdict !== undefined && (verdict.kind === 'jump' || verdict.kind === 'goto') ? verdict.target : '';
          const target = ctx.directory.chain(frame.chain, name);
          if (!target || stack.some((f) => f.chain === target) || stack.length >= MAX_JUMP_DEPTH) {
            step(frame.chain, 'unknown', rule, target ? `jump loop or stack deeper than ${MAX_JUMP_DEPTH}` : `no chain '${name}'`);
            return 'undetermined';
          }
          step(frame.chain, effect, rule, name);
          if (effect === 'goto') stack.pop();
          stack.push({ chain: target, next: 0 });
          break;
        }
      }
      break;
    }
  }
  return policy();
}

function where(span: SourceSpan | undefined): string {
  return span ? `${span.file}:${span.line}` : '(default)';
}

/** One line per step with file:line, ending with the final verdict. */
export function formatTrace(trace: Trace): string {
  const lines = trace.steps.map((s) => {
    const chain = `${s.hook} ${s.family} ${s.table} ${s.chain}`;
    if (s.action === 'policy') return `${chain}: policy ${s.policy?.verdict} (${where(s.policy?.span)})`;
    const detail = s.detail !== undefined ? ` (${s.detail})` : '';
    if (!s.rule) return `${chain}: ${s.action}${detail}`;
    return `${chain}: ${where(s.rule.span)} ${s.rule.text} → ${s.action}${detail}`;
  });
  if (lines.length === 0) lines.push('no base chain sees this packet');
  lines.push(`verdict: ${trace.verdict}`);
  return lines.join('\n');
}
