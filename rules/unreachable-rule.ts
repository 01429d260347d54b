import { coveredRuleFinding } from './describe.js';
import type { RuleModule } from './types.js';

/**
 * A rule whose every packet is decided earlier with a different outcome: it never acts. This is
 * a proof, not a guess: earlier rules count only where the model is certain they decide
 * (limit, opaque matches and dynamic sets never cover anything), so the rule is truly dead.
 */
export const unreachableRule: RuleModule = {
  meta: {
    id: 'unreachable-rule',
    severity: 'error',
    description: 'A rule that is never reached: earlier rules decide every packet it matches, differently.',
  },
  check({ ruleset, model, report }) {
    const lintedFile = ruleset.sourceFiles[0] ?? '';
    for (const coverage of model().coverageAll()) {
      if (!coverage.fullyCovered || coverage.neverMatches || coverage.sameVerdict) continue;
      report(coveredRuleFinding(coverage, model(), lintedFile, 'this rule is never reached', 'decides first'));
    }
  },
};
