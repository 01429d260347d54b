import pc from 'picocolors';
import type { LintMessage } from '../lint.js';
import type { Reporter } from './types.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The default human format, grouped by file like ESLint's stylish. */
export const stylish: Reporter = (results, { color }) => {
  const c = pc.createColors(color);
  const severityLabel = (m: LintMessage): string =>
    m.severity === 'error' ? c.red('error') : m.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    out += `\n${c.underline(result.filePath)}\n`;
    for (const m of result.messages) {
      const where = `${m.file ? `${m.file}:` : ''}${m.line}:${m.column}`;
      out += `  ${c.dim(where.padEnd(8))}  ${severityLabel(m)}  ${m.message}  ${c.dim(m.ruleId)}\n`;
      if (m.packet) out += `  ${' '.repeat(8)}  ${c.dim('example packet:')} ${m.packet}\n`;
      for (const r of m.related ?? []) {
        out += `  ${' '.repeat(8)}  ${c.dim(`${r.file}:${r.line}:${r.column}`)} ${r.message}\n`;
      }
    }
  }
  if (errors + warnings === 0) return out;
  const summary = `\n✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`;
  return out + (errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
};
