import type { Rule, SourceSpan, Verdict } from '../src/ir.js';
import { witness, type Coverage, type SemanticModel } from '../src/model/index.js';
import type { Finding } from './types.js';

/** `line 12` for a span in the linted file, `other.nft:12` for one in an included file. */
export function where(span: SourceSpan, lintedFile: string): string {
  return span.file === lintedFile ? `line ${span.line}` : `${span.file}:${span.line}`;
}

export function listWhere(rules: readonly Rule[], lintedFile: string): string {
  const places = rules.map((r) => where(r.span, lintedFile));
  if (places.length <= 1) return places.join('');
  return `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
}

/** What a verdict does to a packet, as a past participle (`accepted`, `dropped`, `sent to chain ssh`). */
export function verdictOutcome(verdict: Verdict | undefined): string {
  switch (verdict?.kind) {
    case 'accept':
      return 'accepted';
    case 'drop':
      return 'dropped';
    case 'reject':
      return 'rejected';
    case 'return':
      return 'returned to the calling chain';
    case 'jump':
    case 'goto':
      return `sent to chain ${verdict.target}`;
    case 'nat':
      return `${verdict.nat === 'masquerade' ? 'masqueraded' : `${verdict.nat}-ed`}`;
    default:
      return 'decided';
  }
}

/** The common outcome of several rules, or `decided` when they differ. */
export function commonOutcome(rules: readonly Rule[]): string {
  const outcomes = new Set(rules.map((r) => verdictOutcome(r.verdict)));
  return outcomes.size === 1 ? [...outcomes][0]! : 'decided';
}

/**
 * A finding about a rule whose packets earlier rules already decide: names them, links them and
 * gives one packet the rule matches as the example.
 */
export function coveredRuleFinding(coverage: Coverage, model: SemanticModel, lintedFile: string, what: string, relatedLabel: string): Finding {
  const example = witness(model.matchSpace(coverage.rule).over);
  return {
    span: coverage.rule.span,
    message: `${what}: every packet it matches is already ${commonOutcome(coverage.coveredBy)} by ${listWhere(coverage.coveredBy, lintedFile)}`,
    related: coverage.coveredBy.map((rule) => ({ span: rule.span, message: `${relatedLabel}: ${rule.text}` })),
    ...(example ? { packet: example } : {}),
  };
}
