/**
 * What must hold for any input whatsoever: fwlint returns (no exception, no hang) and every
 * message points at a real place in the file, so an editor or CI annotation can show it.
 */
import { memoryHost } from '../files.js';
import type { Dialect } from '../ir.js';
import { lintText, type LintMessage, type LintResult } from '../lint.js';

/** Line lengths under both readings of a lone CR (a line break for the lexer, not for `split('\n')`). */
function lineLengths(text: string): { byLf: number[]; byAnyBreak: number[] } {
  return {
    byLf: text.split('\n').map((line) => line.length),
    byAnyBreak: text.split(/\r\n|\r|\n/).map((line) => line.length),
  };
}

function positionProblem(lengths: number[], line: number, column: number): string | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(column)) return `non-integer position ${line}:${column}`;
  if (line < 1 || line > lengths.length) return `line ${line} outside the file's ${lengths.length} lines`;
  // "Unexpected end of line/file" points one past the line's end, and its span covers the line break.
  const lastColumn = lengths[line - 1]! + 2;
  if (column < 1 || column > lastColumn) return `column ${column} outside line ${line} (length ${lengths[line - 1]})`;
  return undefined;
}

function messageProblem(message: LintMessage, lengthsOptions: number[][]): string | undefined {
  if (!message.ruleId) return 'a message without a rule id';
  if (!message.message) return `a ${message.ruleId} message with no text`;
  if (message.file !== undefined) return undefined;
  const problems = lengthsOptions.map((lengths) => {
    const start = positionProblem(lengths, message.line, message.column);
    if (start) return start;
    const end = positionProblem(lengths, message.endLine, message.endColumn);
    if (end) return `end ${end}`;
    const ordered = message.endLine > message.line || (message.endLine === message.line && message.endColumn >= message.column);
    return ordered ? undefined : `end ${message.endLine}:${message.endColumn} before start ${message.line}:${message.column}`;
  });
  return problems.every((p) => p !== undefined) ? `${message.ruleId} "${message.message}": ${problems[0]}` : undefined;
}

/** Problems with a result, empty when it is well formed. */
export function resultProblems(text: string, result: LintResult, mustReportError: boolean): string[] {
  const { byLf, byAnyBreak } = lineLengths(text);
  const problems: string[] = [];
  for (const message of result.messages) {
    const problem = messageProblem(message, [byLf, byAnyBreak]);
    if (problem) problems.push(problem);
  }
  const errors = result.messages.filter((m) => m.severity === 'error').length;
  if (errors !== result.errorCount) problems.push(`errorCount ${result.errorCount} but ${errors} error messages`);
  if (mustReportError && errors === 0) problems.push('certainly invalid input reported no error');
  return problems;
}

export interface CheckOutcome {
  problems: string[];
  elapsedMs: number;
}

/** The virtual path fuzz inputs are linted under; includes resolve only to in-memory files. */
export const FUZZ_FILE = '/fuzz/input.rules';

/** Lints one input with no file-system access and reports what went wrong, including a throw. */
export function checkInput(dialect: Dialect, text: string, mustReportError = false): CheckOutcome {
  const started = performance.now();
  let problems: string[];
  try {
    const result = lintText(FUZZ_FILE, text, { dialect, host: memoryHost({ [FUZZ_FILE]: text }) });
    problems = resultProblems(text, result, mustReportError);
  } catch (error) {
    problems = [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`];
  }
  return { problems, elapsedMs: performance.now() - started };
}
