import type { FieldEffect, FieldName } from '../../src/ir.js';
import { CT_STATES } from '../../src/data/conntrack.js';
import type { TargetUse } from './options.js';

const ALL_BITS = 0xffffffffn;

/** strtoul with base 0, as the MARK/CONNMARK/TTL extensions read their numbers. */
function parseUnsigned(text: string): bigint | undefined {
  if (/^0x[0-9a-f]+$/i.test(text) || /^[1-9]\d*$|^0$/.test(text)) return BigInt(text);
  if (/^0[0-7]+$/.test(text)) return BigInt(`0o${text.slice(1)}`);
  return undefined;
}

/** `value[/mask]`; the mask defaults to every bit. */
function valueAndMask(text: string): { value: bigint; mask: bigint } | undefined {
  const [valueText, maskText, extra] = text.split('/');
  if (valueText === undefined || extra !== undefined) return undefined;
  const value = parseUnsigned(valueText);
  const mask = maskText === undefined ? ALL_BITS : parseUnsigned(maskText);
  if (value === undefined || mask === undefined || value > ALL_BITS || mask > ALL_BITS) return undefined;
  return { value, mask };
}

function option(target: TargetUse, name: string): string | undefined {
  const use = target.options.find((o) => o.def.name === name);
  return use === undefined ? undefined : (use.values[0]?.value ?? '');
}

/**
 * MARK and CONNMARK's mark arithmetic as one `(old & ~mask) ^ value` update (libxt_MARK turns
 * --set-mark, --and-mark, --or-mark and --xor-mark into --set-xmark the same way). A value we
 * cannot read leaves the field unknown.
 */
function markEffect(target: TargetUse, field: FieldName): FieldEffect | undefined {
  const xmark = option(target, 'set-xmark');
  if (xmark !== undefined) return { field, ...valueAndMask(xmark) };
  const set = option(target, 'set-mark');
  if (set !== undefined) {
    const parsed = valueAndMask(set);
    return parsed === undefined ? { field } : { field, value: parsed.value, mask: parsed.value | parsed.mask };
  }
  const bitwise = (name: string, update: (bits: bigint) => { value: bigint; mask: bigint }): FieldEffect | undefined => {
    const text = option(target, name);
    if (text === undefined) return undefined;
    const bits = parseUnsigned(text);
    return bits === undefined || bits > ALL_BITS ? { field } : { field, ...update(bits) };
  };
  return (
    bitwise('and-mark', (bits) => ({ value: 0n, mask: ~bits & ALL_BITS })) ??
    bitwise('or-mark', (bits) => ({ value: bits, mask: bits })) ??
    bitwise('xor-mark', (bits) => ({ value: bits, mask: 0n }))
  );
}

function hopLimitEffect(target: TargetUse, prefix: 'ttl' | 'hl'): FieldEffect | undefined {
  const set = option(target, `${prefix}-set`);
  if (set !== undefined) {
    const value = parseUnsigned(set);
    return value === undefined || value > 255n ? { field: 'ttl' } : { field: 'ttl', value };
  }
  const changed = option(target, `${prefix}-dec`) ?? option(target, `${prefix}-inc`);
  return changed === undefined ? undefined : { field: 'ttl' };
}

const UNTRACKED: FieldEffect = { field: 'ctState', value: BigInt(CT_STATES.untracked) };

/** What a non-terminating target does to the fields later rules and hooks see. */
export function targetEffects(target: TargetUse): FieldEffect[] {
  const effects: (FieldEffect | undefined)[] = [];
  switch (target.name) {
    case 'MARK':
      effects.push(markEffect(target, 'mark'));
      break;
    case 'CONNMARK':
      if (option(target, 'save-mark') !== undefined) effects.push({ field: 'ctMark' });
      else if (option(target, 'restore-mark') !== undefined) effects.push({ field: 'mark' });
      else effects.push(markEffect(target, 'ctMark'));
      break;
    case 'HMARK':
      effects.push({ field: 'mark' });
      break;
    case 'NOTRACK':
      effects.push(UNTRACKED);
      break;
    case 'CT':
      if (option(target, 'notrack') !== undefined) effects.push(UNTRACKED);
      break;
    case 'TTL':
      effects.push(hopLimitEffect(target, 'ttl'));
      break;
    case 'HL':
      effects.push(hopLimitEffect(target, 'hl'));
      break;
  }
  return effects.filter((e) => e !== undefined);
}
