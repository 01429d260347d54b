import type { Ruleset, Severity, SourceSpan } from '../src/ir.js';
import type { Packet, SemanticModel } from '../src/model/index.js';

export interface RuleMeta {
  /** kebab-case, the public contract: config keys, suppressions, docs URL. */
  id: string;
  severity: Severity;
  description: string;
}

export interface Finding {
  span: SourceSpan;
  message: string;
  related?: Array<{ span: SourceSpan; message: string }>;
  packet?: Packet;
}

export interface RuleContext {
  ruleset: Ruleset;
  /** Built on first use, so rules that need no packet reasoning cost nothing. */
  model(): SemanticModel;
  report(finding: Finding): void;
}

export interface RuleModule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
