import { describe, expect, it } from 'vitest';
import { ANY_BOX, type Box, LazyApproxBox } from '../../src/model/box.js';
import { F } from '../../src/model/fields.js';
import type { IntervalSet } from '../../src/model/intervals.js';
import { PackedSets } from '../../src/model/packed-sets.js';

function box(sets: Partial<Record<keyof typeof F, IntervalSet>>): Box {
  const out = ANY_BOX.slice();
  for (const [name, set] of Object.entries(sets)) out[F[name as keyof typeof F]] = set;
  return out;
}

const IPV6_HIGH = 0x2001_0db8_0000_0000_0000_0000_0000_0001n;

describe('packed index sets', () => {
  it('holds IPv4 addresses and ports exactly, and gives the same bigints back', () => {
    const packed = new PackedSets();
    const entry = box({ daddr4: [0x0a000010n, 0x0a00001fn], dport: [22n, 22n, 80n, 443n] });
    expect(packed.add(0, entry, [F.daddr4, F.dport])).toBe(true);
    expect(packed.narrowed(0)).toEqual({ fields: [F.daddr4, F.dport], sets: [entry[F.daddr4], entry[F.dport]] });
  });

  it('tells touching and disjoint boxes apart on the packed numbers alone', () => {
    const packed = new PackedSets();
    packed.add(0, box({ daddr4: [0x0a000010n, 0x0a00001fn] }), [F.daddr4]);
    expect(packed.mayOverlap(new LazyApproxBox(box({ daddr4: [0x0a00001fn, 0x0a00001fn] })), 0)).toBe(true);
    expect(packed.mayOverlap(new LazyApproxBox(box({ daddr4: [0x0a000020n, 0x0a000020n] })), 0)).toBe(false);
  });

  it('tells sets apart whose lowest and highest values interleave, and entries open in a field from narrow ones', () => {
    const packed = new PackedSets();
    packed.add(0, box({ dport: [22n, 22n, 80n, 80n] }), [F.dport]);
    packed.add(1, box({ saddr4: [0x0a000000n, 0x0affffffn] }), [F.saddr4]);
    expect(packed.mayOverlap(new LazyApproxBox(box({ dport: [53n, 53n] })), 0)).toBe(false);
    expect(packed.mayOverlap(new LazyApproxBox(box({ dport: [80n, 443n] })), 0)).toBe(true);
    expect(packed.mayOverlap(new LazyApproxBox(box({ dport: [53n, 53n] })), 1)).toBe(true);
    expect(packed.mayOverlap(new LazyApproxBox(box({ saddr4: [0x0b000000n, 0x0b000000n] })), 1)).toBe(false);
  });

  it('says IPv6 addresses are held only approximately, so the caller keeps them exactly', () => {
    const packed = new PackedSets();
    expect(packed.add(0, box({ saddr6: [IPV6_HIGH, IPV6_HIGH] }), [F.saddr6])).toBe(false);
    // 2001:db8::1 and 2001:db8::2 are the same double: the packed test may only say "maybe".
    expect(packed.mayOverlap(new LazyApproxBox(box({ saddr6: [IPV6_HIGH + 1n, IPV6_HIGH + 1n] })), 0)).toBe(true);
  });

  it('keeps every entry of a long chain apart', () => {
    const packed = new PackedSets();
    const hostOf = (serial: number): Box => box({ daddr4: [0x0a000000n + BigInt(serial), 0x0a000000n + BigInt(serial)], dport: [22n, 22n] });
    for (let serial = 0; serial < 5000; serial++) packed.add(serial, hostOf(serial), [F.daddr4, F.dport]);
    for (const serial of [0, 1023, 4095, 4096, 4999]) {
      expect(packed.narrowed(serial).sets[0]).toEqual(hostOf(serial)[F.daddr4]);
      expect(packed.mayOverlap(new LazyApproxBox(hostOf(serial)), serial)).toBe(true);
      expect(packed.mayOverlap(new LazyApproxBox(hostOf(serial + 1)), serial)).toBe(false);
    }
  });

  it('keeps an entry whose sets are larger than a whole chunk, and the entries around it', () => {
    const packed = new PackedSets();
    // Every other port up to 40000: 20000 intervals, 40000 bounds.
    const everyOtherPort: bigint[] = [];
    for (let port = 0n; port < 40_000n; port += 2n) everyOtherPort.push(port, port);
    const sets = [box({ dport: [22n, 22n] }), box({ dport: everyOtherPort }), box({ dport: [23n, 23n] })];
    for (const [serial, entry] of sets.entries()) packed.add(serial, entry, [F.dport]);
    for (const [serial, entry] of sets.entries()) expect(packed.narrowed(serial).sets[0]).toEqual(entry[F.dport]);
    expect(packed.mayOverlap(new LazyApproxBox(box({ dport: [39_998n, 39_998n] })), 1)).toBe(true);
    expect(packed.mayOverlap(new LazyApproxBox(box({ dport: [39_999n, 39_999n] })), 1)).toBe(false);
    expect(packed.mayOverlap(new LazyApproxBox(box({ dport: [23n, 23n] })), 2)).toBe(true);
  });
});
