import { describe, expect, it } from 'vitest';
import { parseIptables } from '../../grammar/iptables/index.js';
import type { FieldEffect } from '../../src/ir.js';

/** The effects of the single rule of a mangle PREROUTING chain. */
function effectsOf(line: string, table = 'mangle'): FieldEffect[] {
  const text = `*${table}\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING ${line}\nCOMMIT\n`;
  const result = parseIptables('test.rules', text, { ipVersion: 4 });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('; '));
  const rules = result.ruleset.tables.flatMap((t) => t.chains.flatMap((c) => c.rules));
  expect(rules).toHaveLength(1);
  return rules[0]!.statements.flatMap((s) => s.effects ?? []);
}

describe('iptables targets record how they change the packet', () => {
  it('MARK --set-xmark as iptables-save writes it', () => {
    expect(effectsOf('-s 10.0.0.5/32 -j MARK --set-xmark 0x5/0xffffffff')).toEqual([{ field: 'mark', value: 5n, mask: 0xffffffffn }]);
    expect(effectsOf('-j MARK --set-xmark 0x1/0xff')).toEqual([{ field: 'mark', value: 1n, mask: 0xffn }]);
  });

  it('MARK --set-mark, --and-mark, --or-mark and --xor-mark as xmark updates', () => {
    expect(effectsOf('-j MARK --set-mark 0x5')).toEqual([{ field: 'mark', value: 5n, mask: 0xffffffffn }]);
    expect(effectsOf('-j MARK --set-mark 0x1/0xf0')).toEqual([{ field: 'mark', value: 1n, mask: 0xf1n }]);
    expect(effectsOf('-j MARK --and-mark 0xff')).toEqual([{ field: 'mark', value: 0n, mask: 0xffffff00n }]);
    expect(effectsOf('-j MARK --or-mark 0x10')).toEqual([{ field: 'mark', value: 0x10n, mask: 0x10n }]);
    expect(effectsOf('-j MARK --xor-mark 0x3')).toEqual([{ field: 'mark', value: 3n, mask: 0n }]);
  });

  it('CONNMARK sets the conntrack mark, or copies one mark to the other (unknown value)', () => {
    expect(effectsOf('-j CONNMARK --set-xmark 0x7/0xffffffff')).toEqual([{ field: 'ctMark', value: 7n, mask: 0xffffffffn }]);
    expect(effectsOf('-j CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff')).toEqual([{ field: 'ctMark' }]);
    expect(effectsOf('-j CONNMARK --restore-mark --nfmask 0xffffffff --ctmask 0xffffffff')).toEqual([{ field: 'mark' }]);
  });

  it('CT --notrack and NOTRACK make the packet untracked; other CT options do not', () => {
    expect(effectsOf('-p tcp --dport 1500 -j CT --notrack', 'raw')).toEqual([{ field: 'ctState', value: 64n }]);
    expect(effectsOf('-j NOTRACK', 'raw')).toEqual([{ field: 'ctState', value: 64n }]);
    expect(effectsOf('-p tcp --dport 21 -j CT --helper ftp', 'raw')).toEqual([]);
  });

  it('TTL --ttl-set is a constant, --ttl-dec an unknown value', () => {
    expect(effectsOf('-j TTL --ttl-set 64')).toEqual([{ field: 'ttl', value: 64n }]);
    expect(effectsOf('-j TTL --ttl-dec 1')).toEqual([{ field: 'ttl' }]);
  });

  it('targets that change nothing the model knows record nothing', () => {
    expect(effectsOf('-j LOG --log-prefix "x "')).toEqual([]);
    expect(effectsOf('-p tcp -j TCPMSS --clamp-mss-to-pmtu')).toEqual([]);
  });
});
