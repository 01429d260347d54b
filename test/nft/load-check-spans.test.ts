import { describe, expect, it } from 'vitest';
import { diskHost } from '../../src/files.js';
import { parseNft } from '../../grammar/nft/index.js';

function errorAt(text: string): { line: number; column: number; endColumn: number } | undefined {
  const found = parseNft('/spans.nft', text, { host: diskHost, includeDirs: [] }).diagnostics.find((d) => d.ruleId === 'parse-error');
  return found && { line: found.span.line, column: found.span.column, endColumn: found.span.endColumn };
}

describe('load checks point at the offending token', () => {
  it('a redeclared set at its name', () => {
    const text = 'table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t}\n\tset s {\n\t\ttype ipv6_addr\n\t}\n}\n';
    expect(errorAt(text)).toEqual({ line: 5, column: 6, endColumn: 7 });
  });
  it('a map element without data at the element', () => {
    const text = 'table ip t {\n\tmap m {\n\t\ttype ipv4_addr : mark\n\t\telements = { 192.0.2.1 }\n\t}\n}\n';
    expect(errorAt(text)).toEqual({ line: 4, column: 16, endColumn: 25 });
  });
  it('a range in a set statement at its first value', () => {
    const text = 'table ip t {\n\tchain c {\n\t\tmeta mark set 0x001-3434\n\t}\n}\n';
    expect(errorAt(text)).toEqual({ line: 3, column: 17, endColumn: 22 });
  });
  it('an oversized raw payload load at its "@"', () => {
    const text = 'table ip t {\n\tchain c {\n\t\t@th,160,1272 gt 0\n\t}\n}\n';
    expect(errorAt(text)).toEqual({ line: 3, column: 3, endColumn: 4 });
  });
});
