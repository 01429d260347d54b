import type { FieldMatch, FieldName, Match, OpaqueMatch, SourceSpan, ValueItem } from '../../src/ir.js';
import { protocolNumber } from '../../src/data/protocols.js';
import { iptablesIcmpType, iptablesIcmpv6Type } from '../../src/data/icmp.js';
import type { ServiceProto } from '../../src/data/services.js';
import { convertModule } from './module-matches.js';
import type { LineProblem, ModuleUse, OptionUse, ParsedCommand } from './options.js';
import { isError, parseAddressItem, parsePortRange, ValueError, type Parsed } from './values.js';

/** What the IR conversion of one line needs to know about where it is. */
export interface LineContext {
  ipVersion: 4 | 6;
  span(start: number, end: number): SourceSpan;
  text(start: number, end: number): string;
}

/**
 * The matches of one rule line. A slot holding several alternatives stands for `-s a,b`: iptables
 * adds one rule per address (the cross product with `-d c,d`), and so do we.
 */
export interface LineMatches {
  slots: Array<Match | Match[]>;
  comment?: string;
  problems: LineProblem[];
}

export class MatchBuilder {
  readonly problems: LineProblem[] = [];

  constructor(readonly context: LineContext) {}

  field(field: FieldName, use: OptionUse, items: ValueItem[], negate = use.negate): FieldMatch {
    return { kind: 'field', field, negate, items, span: this.context.span(use.start, use.end), text: this.context.text(use.start, use.end) };
  }

  implicitProtocol(number: number, module: ModuleUse): FieldMatch {
    return {
      kind: 'field',
      field: 'l4proto',
      negate: false,
      items: [single(BigInt(number))],
      implicit: true,
      span: this.context.span(module.start, module.end),
      text: this.context.text(module.start, module.end),
    };
  }

  opaque(what: string, nondeterministic: boolean, start: number, end: number): OpaqueMatch {
    return { kind: 'opaque', what, nondeterministic, span: this.context.span(start, end), text: this.context.text(start, end) };
  }

  fail(use: OptionUse, message: string): undefined {
    const value = use.values[0] ?? use.spelled;
    this.problems.push({ ruleId: 'parse-error', severity: 'error', message, start: value.start, end: value.end });
    return undefined;
  }

  /** Unwraps a parsed value or records its error against the option's first value. */
  check<T>(use: OptionUse, value: Parsed<T>): T | undefined {
    return isError(value) ? this.fail(use, value.message) : value;
  }

  address(field: 'saddr' | 'daddr'): FieldName {
    if (this.context.ipVersion === 4) return field === 'saddr' ? 'saddr4' : 'daddr4';
    return field === 'saddr' ? 'saddr6' : 'daddr6';
  }
}

export function single(value: bigint): ValueItem {
  return { kind: 'range', low: value, high: value };
}

const PORT_PROTOCOLS: Readonly<Record<string, ServiceProto>> = { tcp: 'tcp', udp: 'udp', sctp: 'sctp' };

export function serviceProto(module: string): ServiceProto | undefined {
  return PORT_PROTOCOLS[module];
}

function protocolMatch(builder: MatchBuilder, use: OptionUse): Match | undefined {
  const text = use.values[0]!.value;
  const lower = text.toLowerCase();
  if (lower === 'all' || text === '0') {
    return use.negate ? builder.field('l4proto', use, [{ kind: 'range', low: 0n, high: 255n }]) : undefined;
  }
  const number = /^\d+$/.test(text) ? (Number(text) <= 255 ? Number(text) : undefined) : protocolNumber(lower);
  if (number === undefined) return builder.fail(use, `unknown protocol "${text}" specified`);
  return builder.field('l4proto', use, [single(BigInt(number))]);
}

function interfaceMatch(builder: MatchBuilder, use: OptionUse, field: 'iifname' | 'oifname'): Match | undefined {
  const name = use.values[0]!.value;
  if (name.length > 15) {
    return builder.fail(use, `interface name \`${name}' is too long: ${name.length} characters, the limit is 15 (iptables: "must be shorter than IFNAMSIZ")`);
  }
  // `-i +` names every interface: iptables stores an empty mask and save leaves the option out.
  if (name === '+' && !use.negate) return undefined;
  const wildcard = name.endsWith('+');
  return builder.field(field, use, [{ kind: 'iface', name: wildcard ? name.slice(0, -1) : name, wildcard }]);
}

/** `-s a,b`: one alternative per address; a hostname cannot be resolved here, so it stays opaque. */
function addressAlternatives(builder: MatchBuilder, use: OptionUse, field: 'saddr' | 'daddr'): Match[] | undefined {
  const alternatives: Match[] = [];
  for (const text of use.values[0]!.value.split(',')) {
    const item = parseAddressItem(text, builder.context.ipVersion);
    if (item instanceof ValueError) return builder.fail(use, item.message);
    if (item === 'hostname') alternatives.push(builder.opaque(`hostname ${text}`, false, use.start, use.end));
    else alternatives.push(builder.field(builder.address(field), use, [item]));
  }
  return alternatives;
}

function baseMatch(builder: MatchBuilder, use: OptionUse): Match | Match[] | undefined {
  switch (use.def.name) {
    case 'protocol':
      return protocolMatch(builder, use);
    case 'source':
      return addressAlternatives(builder, use, 'saddr');
    case 'destination':
      return addressAlternatives(builder, use, 'daddr');
    case 'in-interface':
      return interfaceMatch(builder, use, 'iifname');
    case 'out-interface':
      return interfaceMatch(builder, use, 'oifname');
    case 'fragment':
      return builder.opaque('fragment', false, use.start, use.end);
    default:
      return undefined;
  }
}

export function parsePorts(builder: MatchBuilder, use: OptionUse, module: string): ValueItem | undefined {
  return builder.check(use, parsePortRange(use.values[0]!.value, serviceProto(module)));
}

/** `--icmp-type TYPE[/CODE]`, and since iptables 1.8.8 `TYPE/LOW:HIGH` for a range of codes. */
export function icmpMatches(builder: MatchBuilder, use: OptionUse, version: 4 | 6): Match[] {
  const text = use.values[0]!.value;
  const codeRange = /^([^/]+)\/(\d{1,3}):(\d{1,3})$/.exec(text);
  const typeText = codeRange ? codeRange[1]! : text;
  const parsed = version === 4 ? iptablesIcmpType(typeText) : iptablesIcmpv6Type(typeText);
  const codes = codeRange ? { low: BigInt(codeRange[2]!), high: BigInt(codeRange[3]!) } : undefined;
  if (parsed === undefined || (codes && (codes.high > 255n || (parsed !== 'any' && parsed.code !== undefined)))) {
    builder.fail(use, `Unknown ICMP${version === 6 ? 'v6' : ''} type \`${text}'`);
    return [];
  }
  if (parsed === 'any') return use.negate ? [builder.opaque('icmp-type ! any', false, use.start, use.end)] : [];
  const type = builder.field('icmpType', use, [single(BigInt(parsed.type))]);
  const code = codes ?? (parsed.code === undefined ? undefined : { low: BigInt(parsed.code), high: BigInt(parsed.code) });
  if (code === undefined) return [type];
  // `! --icmp-type 3/4` excludes one (type, code) pair: not a test of either field alone.
  if (use.negate) return [builder.opaque('icmp-type', false, use.start, use.end)];
  // The kernel tests `low <= code <= high`, so a reversed range matches nothing: an empty union.
  const codeItems: ValueItem[] = code.low <= code.high ? [{ kind: 'range', low: code.low, high: code.high }] : [];
  return [type, builder.field('icmpCode', use, codeItems)];
}

/** The matches of one parsed line, in the order written, with implicit protocol dependencies added. */
export function buildMatches(parsed: ParsedCommand, context: LineContext): LineMatches {
  const builder = new MatchBuilder(context);
  const slots: Array<Match | Match[]> = [];
  for (const use of parsed.base) {
    const match = baseMatch(builder, use);
    if (match !== undefined) slots.push(match);
  }
  let comment: string | undefined;
  for (const module of parsed.modules) {
    const converted = convertModule(builder, module, parsed);
    if (converted.comment !== undefined) comment = comment === undefined ? converted.comment : `${comment} ${converted.comment}`;
    slots.push(...converted.matches);
  }
  return { slots, ...(comment === undefined ? {} : { comment }), problems: builder.problems };
}
