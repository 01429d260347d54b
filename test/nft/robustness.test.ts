import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from './helpers.js';

const VOCABULARY = [
  'table', 'inet', 'ip', 't', '{', '}', ';', '\n', 'chain', 'c', 'type', 'filter', 'hook', 'input', 'priority', '0',
  '-', 'policy', 'drop', 'accept', 'jump', 'goto', 'saddr', '192.0.2.1', '/', '24', 'tcp', 'dport', '22', '@s', '$x',
  'define', 'x', '=', '"str"', 'vmap', ':', '*', '.', ',', 'include', '"none.nft"', 'set', 'map', 'elements',
  'counter', 'log', 'prefix', 'ct', 'state', 'established', 'meta', 'mark', '0x1', '&', '==', '!=', '<', '::1',
  '# comment', '\\\n', 'limit', 'rate', '10/second', 'dnat', 'to', '(', ')', 'flush', 'ruleset', 'add', 'rule',
  'delete', 'insert', 'rename', 'comment', 'flags', 'interval', 'typeof', 'ipv4_addr', '1h', 'reject', 'with',
];

function expectLocatedDiagnosticsOnly(text: string): void {
  const result = parseText(text);
  const internal = result.diagnostics.filter((d) => d.ruleId === 'internal-error');
  expect(internal).toEqual([]);
  for (const d of result.diagnostics) {
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.span.column).toBeGreaterThanOrEqual(1);
  }
}

describe('robustness', () => {
  it('never fails internally on arbitrary token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 }), (words) => {
        expectLocatedDiagnosticsOnly(words.join(' '));
      }),
      { numRuns: 400 },
    );
  });

  it('never fails internally on damaged versions of the valid fixtures', () => {
    const validDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/nft/valid');
    const texts = readdirSync(validDir)
      .filter((n) => n.endsWith('.nft'))
      .map((n) => readFileSync(path.join(validDir, n), 'utf8'));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 3 }), (text, at, cut, insert) => {
        const position = at % (text.length + 1);
        expectLocatedDiagnosticsOnly(text.slice(0, position) + insert + text.slice(position + cut));
      }),
      { numRuns: 300 },
    );
  });
});
