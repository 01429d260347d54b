import { RULES } from '../rules/index.js';
import type { Finding, RuleModule } from '../rules/types.js';
import type { Diagnostic, Ruleset } from './ir.js';
import { relatedOf, toMessage, type LintMessage } from './messages.js';
import { buildModel, formatPacket, type SemanticModel } from './model/index.js';

export interface RuleOutput {
  /** Problems the model found while building (jump loops, unknown chains). */
  diagnostics: Diagnostic[];
  messages: LintMessage[];
}

function toRuleMessage(rule: RuleModule, finding: Finding, lintedFile: string): LintMessage {
  const base = toMessage({ ruleId: rule.meta.id, severity: rule.meta.severity, message: finding.message, span: finding.span }, lintedFile);
  return {
    ...base,
    ...(finding.related ? { related: finding.related.map((r) => relatedOf(r.span, r.message)) } : {}),
    ...(finding.packet ? { packet: formatPacket(finding.packet) } : {}),
  };
}

export function runRules(ruleset: Ruleset): RuleOutput {
  const lintedFile = ruleset.sourceFiles[0] ?? '';
  let model: SemanticModel | undefined;
  const getModel = (): SemanticModel => (model ??= buildModel(ruleset));
  const messages: LintMessage[] = [];
  for (const rule of RULES) {
    rule.check({
      ruleset,
      model: getModel,
      report: (finding) => messages.push(toRuleMessage(rule, finding, lintedFile)),
    });
  }
  return { diagnostics: getModel().diagnostics, messages };
}
