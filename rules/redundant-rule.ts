import { witness } from '../src/model/index.js';
import { commonOutcome, listWhere } from './describe.js';
import type { RuleModule } from './types.js';

/** A rule whose every packet is already decided earlier the same way: removing it changes nothing. */
export const redundantRule: RuleModule = {
  meta: {
    id: 'redundant-rule',
    severity: 'warning',
    description: 'A rule that changes nothing: earlier rules already decide every packet it matches the same way.',
  },
  check({ ruleset, model, report }) {
    const lintedFile = ruleset.sourceFiles[0] ?? '';
    for (const coverage of model().coverageAll().values()) {
      if (!coverage.fullyCovered || coverage.neverMatches || !coverage.sameVerdict || coverage.coveredBy.length === 0) continue;
      const example = witness(model().matchSpace(coverage.rule).over);
      report({
        span: coverage.rule.span,
        message: `this rule is redundant: every packet it matches is already ${commonOutcome(coverage.coveredBy)} by ${listWhere(coverage.coveredBy, lintedFile)}`,
        related: coverage.coveredBy.map((rule) => ({ span: rule.span, message: `already decides: ${rule.text}` })),
        ...(example ? { packet: example } : {}),
      });
    }
  },
};
