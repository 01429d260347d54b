import { coveredRuleFinding } from './describe.js';
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
    for (const coverage of model().coverageAll()) {
      if (!coverage.fullyCovered || coverage.neverMatches || !coverage.sameVerdict || coverage.coveredBy.length === 0) continue;
      report(coveredRuleFinding(coverage, model(), lintedFile, 'this rule is redundant', 'already decides'));
    }
  },
};
