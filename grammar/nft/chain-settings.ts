import type { Chain, Diagnostic, SourceSpan } from '../../src/ir.js';
import { isGroup, type Atom } from './ast.js';
import { readHookSpec } from './chain-spec.js';
import { describeActual } from './errors.js';
import { atomsSpan, firstToken, isToken, isWord, parseError, type SourceFile, unquote } from './source.js';

/** A policy written before the hook spec (`policy drop; type filter hook input priority 0;`). */
export type PendingPolicies = Map<Chain, { policy: 'accept' | 'drop'; policySpan: SourceSpan }>;

/**
 * Applies a chain-level line (`type … hook …`, `policy …`, `comment …`, `flags …`, `devices = …`).
 * Returns 'rule' when the line is a rule, 'setting' when applied, or the problem found.
 */
export function applyChainSetting(atoms: Atom[], chain: Chain, pending: PendingPolicies, source: SourceFile): 'rule' | 'setting' | Diagnostic {
  const head = isWord(atoms[0]) ? atoms[0].image : undefined;
  if (head === 'type') {
    const spec = readHookSpec(atoms, chain.family, source);
    if ('message' in spec) {
      const error = parseError(source, isGroup(spec.atom) ? spec.atom.open : spec.atom, spec.message);
      return spec.ruleId === undefined ? error : { ...error, ruleId: spec.ruleId };
    }
    const policy = chain.base ?? pending.get(chain);
    chain.base = { ...spec.spec, policy: policy?.policy ?? 'accept' };
    if (policy?.policySpan !== undefined) chain.base.policySpan = policy.policySpan;
    return 'setting';
  }
  if (head === 'policy') {
    const value = atoms[1];
    const policy = isWord(value) || isToken(value, 'QuotedString') ? unquote(value.image) : undefined;
    if ((policy !== 'accept' && policy !== 'drop') || atoms.length !== 2) {
      return parseError(source, firstToken(atoms[1] ?? atoms[0]!), 'syntax error, expecting "accept" or "drop" after "policy"');
    }
    const policySpan = atomsSpan(source, atoms[0]!, value!);
    if (chain.base !== undefined) chain.base = { ...chain.base, policy, policySpan };
    else pending.set(chain, { policy, policySpan });
    return 'setting';
  }
  if (head === 'comment' && atoms.length > 2) {
    const next = firstToken(atoms[2]!);
    return parseError(source, next, `syntax error, unexpected ${describeActual(next)}, expecting newline or ";"`);
  }
  return head === 'comment' || head === 'flags' || head === 'devices' ? 'setting' : 'rule';
}
