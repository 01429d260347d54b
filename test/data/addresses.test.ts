import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIPv4,
  formatIPv6,
  formatMac,
  formatRange,
  parseAddressRange,
  parseIPv4,
  parseIPv6,
  parseMac,
  parseMaskedAddress,
  parsePrefix,
} from '../../src/data/addresses.js';

describe('parseIPv4', () => {
  it('parses dotted quads', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0n);
    expect(parseIPv4('10.1.2.3')).toBe(0x0a010203n);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffffn);
  });
  it.each([
    '256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', ' 1.2.3.4', '1..2.3', 'a.b.c.d', '', '0x1.2.3.4',
    '1.2.3.4 ', '1.2.3.', '.1.2.3', '1.2.3.0004', '1.2.3.1000', '1.2.3.00', '1.2.3.4/8', '1.2.3.4.',
  ])('rejects %j', (text) => expect(parseIPv4(text)).toBeUndefined());

  it('agrees with the plain definition of a dotted quad on near-miss strings', () => {
    const octetText = /^(?:0|[1-9]\d{0,2})$/;
    const byDefinition = (text: string): bigint | undefined => {
      const parts = text.split('.');
      if (parts.length !== 4 || !parts.every((p) => octetText.test(p) && Number(p) <= 255)) return undefined;
      return parts.reduce((value, p) => (value << 8n) | BigInt(p), 0n);
    };
    const piece = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.stringMatching(/^[0-9.]{0,4}$/));
    const candidate = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('.'));
    fc.assert(fc.property(candidate, (text) => parseIPv4(text) === byDefinition(text)));
  });
});

describe('parseIPv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['fe80::1', 0xfe80n << 112n | 1n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['2001:DB8::', 0x20010db8n << 96n],
    ['::ffff:1.2.3.4', 0xffff01020304n],
    ['[::1]', 1n],
    ['1:2:3:4:5:6:7::', 0x0001000200030004000500060007_0000n],
    ['::2:3:4:5:6:7:8', 0x0000000200030004000500060007_0008n],
    ['1:2:3:4:5:6:1.2.3.4', 0x00010002000300040005000601020304n],
  ])('parses %s', (text, value) => expect(parseIPv6(text)).toBe(value));

  it.each([
    'fe80::1%eth0',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':::',
    '1:::2',
    ':1::',
    '::1:',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    '12345::',
    'g::1',
    '1.2.3.4::',
    '::1.2.3.4:5',
    '::ffff:256.1.1.1',
    '[::1',
    '',
  ])('rejects %j', (text) => expect(parseIPv6(text)).toBeUndefined());
});

describe('formatIPv6 (RFC 5952)', () => {
  it.each([
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:0:0:0:ffff:102:304', '::ffff:1.2.3.4'],
    ['::1.2.3.4', '::102:304'],
    ['fe80:00ab::0001', 'fe80:ab::1'],
  ])('%s -> %s', (input, output) => {
    const v = parseIPv6(input);
    expect(v).toBeDefined();
    expect(formatIPv6(v ?? 0n)).toBe(output);
    expect(parseIPv6(output)).toBe(v);
  });

  it('round-trips pseudo-random addresses with zero runs', () => {
    let seed = 12345;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      let v = 0n;
      for (let g = 0; g < 8; g++) v = (v << 16n) | BigInt(rnd() % 3 === 0 ? 0 : rnd() % 0x10000);
      expect(parseIPv6(formatIPv6(v))).toBe(v);
    }
  });
});

describe('parsePrefix', () => {
  it('parses exact prefixes', () => {
    expect(parsePrefix('10.0.0.0/8')).toEqual({
      range: { version: 4, low: 0x0a000000n, high: 0x0affffffn },
      hostBitsSet: false,
    });
    expect(parsePrefix('0.0.0.0/0')?.range).toEqual({ version: 4, low: 0n, high: 0xffffffffn });
  });
  it('normalises and flags host bits', () => {
    const p = parsePrefix('10.0.0.1/24');
    expect(p?.hostBitsSet).toBe(true);
    expect(p && formatRange(p.range)).toBe('10.0.0.0/24');
    expect(p?.range.high).toBe(parseIPv4('10.0.0.255'));
  });
  it('treats a plain address as a host prefix', () => {
    expect(parsePrefix('192.0.2.7')?.range).toEqual({ version: 4, low: 0xc0000207n, high: 0xc0000207n });
    expect(parsePrefix('::1')?.range).toEqual({ version: 6, low: 1n, high: 1n });
  });
  it('parses v6 prefixes', () => {
    const p = parsePrefix('2001:db8::/32');
    expect(p?.hostBitsSet).toBe(false);
    expect(p && formatIPv6(p.range.high)).toBe('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(parsePrefix('2001:db8::1/64')?.hostBitsSet).toBe(true);
  });
  it('converts contiguous dotted masks', () => {
    expect(parsePrefix('10.0.0.0/255.255.0.0')?.range).toEqual(parsePrefix('10.0.0.0/16')?.range);
    expect(parsePrefix('10.0.0.0/0.0.0.0')?.range).toEqual(parsePrefix('0.0.0.0/0')?.range);
  });
  it('honours the version filter', () => {
    expect(parsePrefix('10.0.0.0/8', 6)).toBeUndefined();
    expect(parsePrefix('::/0', 4)).toBeUndefined();
    expect(parsePrefix('::/0', 6)?.range.high).toBe((1n << 128n) - 1n);
  });
  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/255.0.255.0', '10.0.0.0/-1', '10.0.0.0/ 8', 'x/8'])(
    'rejects %j',
    (text) => expect(parsePrefix(text)).toBeUndefined(),
  );
});

describe('parseMaskedAddress', () => {
  it('keeps non-contiguous masks and masks the value', () => {
    expect(parseMaskedAddress('10.1.2.3/255.0.255.0')).toEqual({ version: 4, value: 0x0a000200n, mask: 0xff00ff00n });
  });
  it('also accepts lengths and bare addresses', () => {
    expect(parseMaskedAddress('10.0.0.0/8')).toEqual({ version: 4, value: 0x0a000000n, mask: 0xff000000n });
    expect(parseMaskedAddress('1.2.3.4')?.mask).toBe(0xffffffffn);
  });
  it('rejects bad input', () => {
    expect(parseMaskedAddress('10.0.0.0/256.0.0.0')).toBeUndefined();
    expect(parseMaskedAddress('::1/64')).toBeUndefined();
  });
});

describe('parseAddressRange / formatRange', () => {
  it('parses ranges', () => {
    expect(parseAddressRange('10.0.0.1-10.0.0.5')).toEqual({ version: 4, low: 0x0a000001n, high: 0x0a000005n });
    expect(parseAddressRange('2001:db8::1-2001:db8::ff')?.version).toBe(6);
  });
  it.each(['10.0.0.5-10.0.0.1', '10.0.0.1-::1', '10.0.0.1', '1.1.1.1-2.2.2.2-3.3.3.3', '-1.1.1.1'])('rejects %j', (text) =>
    expect(parseAddressRange(text)).toBeUndefined(),
  );
  it('formats exact blocks as CIDR and others as a-b', () => {
    const r = (text: string): string => {
      const parsed = parseAddressRange(text);
      if (!parsed) throw new Error(text);
      return formatRange(parsed);
    };
    expect(r('10.0.0.0-10.255.255.255')).toBe('10.0.0.0/8');
    expect(r('10.0.0.7-10.0.0.7')).toBe('10.0.0.7');
    expect(r('10.0.0.1-10.0.0.2')).toBe('10.0.0.1-10.0.0.2');
    expect(r('10.0.0.2-10.0.0.3')).toBe('10.0.0.2/31');
    expect(r('0.0.0.0-255.255.255.255')).toBe('0.0.0.0/0');
    expect(r('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe('::/0');
    expect(r('2001:db8::-2001:db8::1')).toBe('2001:db8::/127');
    expect(r('::1-::1')).toBe('::1');
  });
  it('formats IPv4', () => {
    expect(formatIPv4(0x0a000001n)).toBe('10.0.0.1');
  });
});

describe('MAC addresses', () => {
  it('parses and formats', () => {
    expect(parseMac('00:11:22:33:44:55')).toBe(0x001122334455n);
    expect(parseMac('AA:bb:cc:dd:ee:FF')).toBe(0xaabbccddeeffn);
    expect(formatMac(0x001122334455n)).toBe('00:11:22:33:44:55');
  });
  it.each(['00:11:22:33:44', '00:11:22:33:44:55:66', '00-11-22-33-44-55', '000:11:22:33:44:55', 'gg:11:22:33:44:55'])(
    'rejects %j',
    (text) => expect(parseMac(text)).toBeUndefined(),
  );
});
