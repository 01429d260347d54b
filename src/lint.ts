import path from 'node:path';
import { parseIptables } from '../grammar/iptables/index.js';
import { parseNft } from '../grammar/nft/index.js';
import { detectDialect } from './detect.js';
import { diskHost, LIMITS, type SourceHost } from './files.js';
import type { Diagnostic, Dialect, ParseResult, Severity, SourceSpan } from './ir.js';
import { toMessage, type LintMessage } from './messages.js';
import { runRules } from './run-rules.js';

export type { LintMessage } from './messages.js';

export interface LintOptions {
  dialect?: Dialect;
  ipVersion?: 4 | 6;
  includeDirs?: string[];
  defines?: Record<string, string>;
  /** When set, includes that resolve outside this directory are refused (see `includePolicy`). */
  confineIncludesTo?: string;
  host?: SourceHost;
}

export interface LintResult {
  filePath: string;
  dialect: Dialect;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

/** A file that could not be read at all: not a finding, the CLI turns it into exit code 2. */
export class InputError extends Error {
  constructor(
    readonly filePath: string,
    reason: string,
  ) {
    super(`${filePath}: ${reason}`);
  }
}

function includePolicy(root: string | undefined): ((absolutePath: string) => string | undefined) | undefined {
  if (root === undefined) return undefined;
  const confined = path.resolve(root);
  return (absolutePath) => {
    const relative = path.relative(confined, path.resolve(absolutePath));
    const outside = relative.startsWith('..') || path.isAbsolute(relative);
    return outside
      ? `include outside the workspace (${confined}) refused; pass --allow-include-outside-workspace to allow it`
      : undefined;
  };
}

function lineTooLong(filePath: string, text: string): Diagnostic | undefined {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > LIMITS.maxLineChars) {
      const span: SourceSpan = { file: filePath, line, column: 1, endLine: line, endColumn: 2 };
      return {
        ruleId: 'parse-error',
        severity: 'error',
        message: `line ${line} is ${stop - start} characters long; lines over ${LIMITS.maxLineChars} characters are refused`,
        span,
      };
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return undefined;
}

export function parseText(filePath: string, text: string, options: LintOptions = {}): ParseResult & { dialect: Dialect } {
  const dialect = options.dialect ?? detectDialect(filePath, text);
  const tooLong = lineTooLong(filePath, text);
  if (tooLong) {
    return { dialect, diagnostics: [tooLong], ruleset: { dialect, sourceFiles: [filePath], tables: [] } };
  }
  const parsed =
    dialect === 'iptables'
      ? parseIptables(filePath, text, options.ipVersion === undefined ? {} : { ipVersion: options.ipVersion })
      : parseNft(filePath, text, {
          host: options.host ?? diskHost,
          includeDirs: options.includeDirs ?? [],
          ...(options.defines ? { defines: options.defines } : {}),
          ...(options.confineIncludesTo === undefined ? {} : { includeAllowed: includePolicy(options.confineIncludesTo)! }),
        });
  return { dialect, ...parsed };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, position, then rule id and message, so output is byte-identical run to run. */
function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

export function lintText(filePath: string, text: string, options: LintOptions = {}): LintResult {
  const { dialect, ruleset, diagnostics } = parseText(filePath, text, options);
  const hasParseErrors = diagnostics.some((d) => d.severity === 'error');
  const findings = hasParseErrors ? { diagnostics: [], messages: [] } : runRules(ruleset);
  const messages = [...diagnostics, ...findings.diagnostics].map((d) => toMessage(d, filePath));
  for (const finding of findings.messages) messages.push(finding);
  messages.sort(compareMessages);
  return {
    filePath,
    dialect,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
  };
}

export function lintFile(filePath: string, options: LintOptions = {}): LintResult {
  const read = (options.host ?? diskHost).readText(filePath);
  if (!read.ok) throw new InputError(filePath, read.message);
  return lintText(filePath, read.text, options);
}
