import type { RuleModule } from './types.js';

/**
 * A rule whose own conditions select no packet that can reach its chain: contradictory matches
 * (`ip saddr … ip6 daddr …`, `tcp dport 22 udp sport 53`), an output interface in an input chain,
 * an IPv6 match in an `ip` table. The model proves emptiness with the over-approximation, so
 * anything it cannot model keeps the rule alive.
 */
export const impossibleMatch: RuleModule = {
  meta: {
    id: 'impossible-match',
    severity: 'error',
    description: 'A rule whose conditions contradict each other or its chain: it can never match any packet.',
  },
  check({ model, report }) {
    for (const coverage of model().coverageAll()) {
      if (!coverage.neverMatches) continue;
      report({
        span: coverage.rule.span,
        message: 'this rule can never match: no packet that reaches this chain satisfies all of its conditions',
      });
    }
  },
};
