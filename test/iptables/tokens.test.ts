import { describe, expect, it } from 'vitest';
import { lexChainLine, lexRuleLine } from '../../grammar/iptables/parser.js';

const values = (line: string) => lexRuleLine(line).args.map((a) => a.value);

describe('rule line tokens (iptables-restore quoting)', () => {
  it('splits on blanks and collapses runs of them', () => {
    expect(values('-A  INPUT\t-j   ACCEPT ')).toEqual(['-A', 'INPUT', '-j', 'ACCEPT']);
  });

  it('groups words in double quotes and resolves backslash escapes inside them only', () => {
    expect(values('--comment "has \\"quotes\\" and spaces"')).toEqual(['--comment', 'has "quotes" and spaces']);
    expect(values('--comment "back\\\\slash" a\\b')).toEqual(['--comment', 'back\\slash', 'a\\b']);
    expect(values("--log-prefix \"it\\'s \"")).toEqual(['--log-prefix', "it's "]);
  });

  it('ends a word at its closing quote and lets a quote start mid-word', () => {
    expect(values('a"b c"d')).toEqual(['ab c', 'd']);
    expect(values('ab"c d"')).toEqual(['abc d']);
  });

  it('gives an empty argument for "" and runs an unclosed quote to the end of the line', () => {
    expect(values('--comment "" -j ACCEPT')).toEqual(['--comment', '', '-j', 'ACCEPT']);
    expect(values('--comment "abc -j ACCEPT')).toEqual(['--comment', 'abc -j ACCEPT']);
  });

  it('treats single quotes as ordinary characters', () => {
    expect(values("--comment 'a b'")).toEqual(['--comment', "'a", "b'"]);
  });

  it('separates the counter prefix and keeps offsets of each argument', () => {
    const lexed = lexRuleLine('[5:300] -A INPUT ! -s 10.0.0.1');
    expect(lexed.counters?.value).toBe('[5:300]');
    expect(lexed.args.map((a) => [a.value, a.start, a.end])).toEqual([
      ['-A', 8, 10],
      ['INPUT', 11, 16],
      ['!', 17, 18],
      ['-s', 19, 21],
      ['10.0.0.1', 22, 30],
    ]);
  });

  it('does not mistake a bracketed IPv6 address for counters', () => {
    expect(lexRuleLine('--to-destination [2001:db8::2]:80').args.map((a) => a.value)).toEqual(['--to-destination', '[2001:db8::2]:80']);
  });
});

describe('chain lines', () => {
  it('reads name and policy, with any spacing and optional counters', () => {
    expect(lexChainLine('INPUT   ACCEPT [0:0]')).toMatchObject({ name: { value: 'INPUT' }, policy: { value: 'ACCEPT' } });
    expect(lexChainLine('LOGNDROPIN  -')).toMatchObject({ name: { value: 'LOGNDROPIN' }, policy: { value: '-' } });
    expect(lexChainLine('ONLYNAME')?.policy).toBeUndefined();
    expect(lexChainLine('')).toBeUndefined();
  });
});
