import { describe, expect, it } from 'vitest';
import { resultProblems } from '../../src/fuzz/check.js';
import type { LintMessage, LintResult } from '../../src/lint.js';

const text = 'table inet t {\n\tchain c {\n}\n';

function result(messages: Array<Partial<LintMessage>>): LintResult {
  const full = messages.map((m) => ({ ruleId: 'parse-error', severity: 'error' as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, ...m }));
  return { filePath: 'f', dialect: 'nft', messages: full, errorCount: full.filter((m) => m.severity === 'error').length, warningCount: 0 };
}

describe('the fuzz result check', () => {
  it('accepts messages inside the file, including one past the end of a line', () => {
    expect(resultProblems(text, result([{ line: 3, column: 2, endLine: 3, endColumn: 2 }, { line: 1, column: 15, endColumn: 16 }]), true)).toEqual([]);
  });

  it('rejects positions outside the file or reversed spans', () => {
    expect(resultProblems(text, result([{ line: 5, endLine: 5 }]), false)[0]).toMatch(/line 5 outside the file's 4 lines/);
    expect(resultProblems(text, result([{ line: 3, column: 9, endLine: 3, endColumn: 9 }]), false)[0]).toMatch(/column 9 outside line 3/);
    expect(resultProblems(text, result([{ line: 2, column: 5, endLine: 1, endColumn: 1 }]), false)[0]).toMatch(/before start/);
  });

  it('rejects a silent pass on certainly invalid input and inconsistent counts', () => {
    expect(resultProblems(text, result([]), true)).toEqual(['certainly invalid input reported no error']);
    expect(resultProblems(text, { ...result([{}]), errorCount: 0 }, false)).toEqual(['errorCount 0 but 1 error messages']);
  });
});
