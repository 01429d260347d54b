import type { Box } from './box.js';
import { FIELD_ORDER, F } from './fields.js';
import type { InterfaceAlphabet } from './interfaces.js';
import { contains } from './intervals.js';
import type { NumericField, Packet } from './packet.js';

/** The packet as a box of single values (fields it does not have stay unconstrained). */
export function packetBox(packet: Packet, alphabet: InterfaceAlphabet): Box {
  return FIELD_ORDER.map((name, f) => {
    if (f === F.iifname) return single(alphabet.symbolOf(packet.iifname));
    if (f === F.oifname) return single(alphabet.symbolOf(packet.oifname));
    const value = packet.values[name as NumericField];
    return value === undefined ? undefined : [value, value];
  });
}

function single(symbol: number): [bigint, bigint] {
  return [BigInt(symbol), BigInt(symbol)];
}

/** True when the packet is in one of the boxes. A box constraining a field the packet lacks excludes it. */
export function boxesContain(boxes: readonly Box[], point: Box): boolean {
  return boxes.some((box) =>
    box.every((set, f) => {
      if (set === undefined) return true;
      const value = point[f];
      return value !== undefined && contains(set, value[0]!);
    }),
  );
}
