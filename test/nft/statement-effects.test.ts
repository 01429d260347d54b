import { describe, expect, it } from 'vitest';
import type { FieldEffect, Rule } from '../../src/ir.js';
import { onlyRule } from './helpers.js';

function effectsOf(rule: Rule): FieldEffect[] {
  return rule.statements.flatMap((s) => s.effects ?? []);
}

describe('nft statements record how they change the packet', () => {
  it('notrack makes the packet untracked', () => {
    expect(effectsOf(onlyRule('tcp dport 1500 notrack'))).toEqual([{ field: 'ctState', value: 64n }]);
  });

  it('a constant mark, with or without the meta keyword', () => {
    expect(effectsOf(onlyRule('ip saddr 10.0.0.5 meta mark set 0x5'))).toEqual([{ field: 'mark', value: 5n }]);
    expect(effectsOf(onlyRule('mark set 42'))).toEqual([{ field: 'mark', value: 42n }]);
    expect(effectsOf(onlyRule('ct mark set 0x10'))).toEqual([{ field: 'ctMark', value: 16n }]);
  });

  it('the field combined with constants becomes one masked update', () => {
    expect(effectsOf(onlyRule('meta mark set meta mark or 0x10'))).toEqual([{ field: 'mark', value: 0x10n, mask: 0x10n }]);
    expect(effectsOf(onlyRule('meta mark set meta mark and 0xffff0000'))).toEqual([{ field: 'mark', value: 0n, mask: 0xffffn }]);
    expect(effectsOf(onlyRule('meta mark set meta mark and 0xff00 or 0x1'))).toEqual([
      { field: 'mark', value: 1n, mask: 0xffff00ffn | 1n },
    ]);
  });

  it('a value taken from elsewhere leaves the field unknown', () => {
    expect(effectsOf(onlyRule('meta mark set ct mark'))).toEqual([{ field: 'mark' }]);
    expect(effectsOf(onlyRule('ct mark set meta mark'))).toEqual([{ field: 'ctMark' }]);
    expect(effectsOf(onlyRule('meta mark set jhash ip saddr mod 4'))).toEqual([{ field: 'mark' }]);
  });

  it('payload fields the model knows, by name or number', () => {
    expect(effectsOf(onlyRule('ip ttl set 64'))).toEqual([{ field: 'ttl', value: 64n }]);
    expect(effectsOf(onlyRule('ip daddr set 192.0.2.1'))).toEqual([{ field: 'daddr4', value: 0xc0000201n }]);
  });

  it('statements on fields the model does not have record nothing', () => {
    expect(effectsOf(onlyRule('meta priority set 1:1'))).toEqual([]);
    expect(effectsOf(onlyRule('ip dscp set cs1'))).toEqual([]);
    expect(effectsOf(onlyRule('counter'))).toEqual([]);
  });
});
