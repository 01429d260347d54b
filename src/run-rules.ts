import { RULES } from '../rules/index.js';
import type { Finding, RuleModule } from '../rules/types.js';
import type { Diagnostic, Ruleset } from './ir.js';
import type { LintMessage } from './lint.js';
import { buildModel, formatPacket, type SemanticModel } from './model/index.js';

export interface RuleOutput {
  /** Problems the model found while building (jump loops, unknown chains). */
  diagnostics: Diagnostic[];
  messages: LintMessage[];
}

function toMessage(rule: RuleModule, finding: Finding, lintedFile: string): LintMessage {
  const { span } = finding;
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    message: finding.message,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    ...(span.file !== lintedFile ? { file: span.file } : {}),
    ...(finding.related
      ? {
          related: finding.related.map((r) => ({
            message: r.message,
            file: r.span.file,
            line: r.span.line,
            column: r.span.column,
          })),
        }
      : {}),
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
      report: (finding) => messages.push(toMessage(rule, finding, lintedFile)),
    });
  }
  return { diagnostics: getModel().diagnostics, messages };
}
