import type { Diagnostic, Severity, SourceSpan } from './ir.js';

export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Present when the finding is in another file than the linted one (an included file). */
  file?: string;
  related?: Array<{ message: string; file: string; line: number; column: number }>;
  /** An example packet the finding is about, as a human writes it. */
  packet?: string;
}

/** A finding of any origin (parser, model, lint rule) as the reporters see it. */
export function toMessage(diagnostic: Diagnostic, lintedFile: string): LintMessage {
  const { span } = diagnostic;
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    ...(span.file !== lintedFile ? { file: span.file } : {}),
  };
}

export function relatedOf(span: SourceSpan, message: string): { message: string; file: string; line: number; column: number } {
  return { message, file: span.file, line: span.line, column: span.column };
}
