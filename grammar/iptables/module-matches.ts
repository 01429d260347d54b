import type { Match, ValueItem } from '../../src/ir.js';
import { ctStateBit, ctStatePseudo, ctStatusBit, ctDirection, iptablesTcpFlagBit, pktType, CT_STATUS } from '../../src/data/conntrack.js';
import { protocolNumber } from '../../src/data/protocols.js';
import type { ServiceProto } from '../../src/data/services.js';
import { icmpMatches, parsePorts, single, type MatchBuilder } from './matches.js';
import type { ModuleUse, OptionUse, ParsedCommand } from './options.js';
import { parseAddressRangeItem, parseMarkValue, parseNumberRange, parsePortRange, parseUnsigned } from './values.js';

/** Matches whose outcome changes from packet to packet for the same headers. */
const NONDETERMINISTIC = new Set([
  'limit',
  'hashlimit',
  'recent',
  'connlimit',
  'statistic',
  'time',
  'string',
  'u32',
  'quota',
  'connbytes',
  'rateest',
  'nfacct',
  'cluster',
  'cpu',
]);

/** Protocol numbers a module needs `-p` to name (the kernel refuses the match otherwise). */
const REQUIRED_PROTOCOL: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132, dccp: 33, icmp: 1, icmp6: 58 };

const MULTIPORT_PROTOCOLS = new Set([6, 17, 136, 132, 33]);

/** Which services database column names a multiport list is read from, by `-p` number. */
const SERVICE_PROTOCOLS: Readonly<Record<number, ServiceProto>> = { 6: 'tcp', 17: 'udp', 132: 'sctp' };

export interface ModuleMatches {
  matches: Match[];
  comment?: string;
}

function ruleProtocol(parsed: ParsedCommand): number | undefined {
  const use = parsed.base.find((o) => o.def.name === 'protocol');
  if (!use || use.negate) return undefined;
  const text = use.values[0]!.value;
  return /^\d+$/.test(text) ? Number(text) : protocolNumber(text);
}

function wholeModuleOpaque(builder: MatchBuilder, module: ModuleUse): ModuleMatches {
  return { matches: [builder.opaque(module.name, NONDETERMINISTIC.has(module.name), module.start, module.end)] };
}

function optionOpaque(builder: MatchBuilder, module: ModuleUse, use: OptionUse): Match {
  return builder.opaque(`${module.name} --${use.def.name}`, NONDETERMINISTIC.has(module.name), use.start, use.end);
}

function portModule(builder: MatchBuilder, module: ModuleUse, use: OptionUse): Match[] {
  switch (use.def.name) {
    case 'sport':
    case 'dport': {
      const item = parsePorts(builder, use, module.name);
      return item ? [builder.field(use.def.name, use, [item])] : [];
    }
    case 'tcp-flags': {
      const [maskText, compText] = use.values.map((v) => v.value);
      const mask = tcpFlags(maskText ?? '');
      const comp = tcpFlags(compText ?? '');
      if (mask === undefined || comp === undefined) {
        builder.fail(use, `Unknown TCP flag \`${mask === undefined ? maskText : compText}'`);
        return [];
      }
      return [builder.field('tcpFlags', use, [{ kind: 'masked', value: comp, mask }])];
    }
    case 'syn':
      // `--syn` is `--tcp-flags FIN,SYN,RST,ACK SYN`.
      return [builder.field('tcpFlags', use, [{ kind: 'masked', value: 0x02n, mask: 0x17n }])];
    default:
      return [optionOpaque(builder, module, use)];
  }
}

function tcpFlags(text: string): bigint | undefined {
  let bits = 0;
  for (const name of text.split(',')) {
    const bit = iptablesTcpFlagBit(name);
    if (bit === undefined) return undefined;
    bits |= bit;
  }
  return BigInt(bits);
}

function multiport(builder: MatchBuilder, module: ModuleUse, use: OptionUse, protocol: number | undefined): Match[] {
  const list = use.values[0]!.value.split(',');
  const count = list.reduce((sum, port) => sum + (port.includes(':') ? 2 : 1), 0);
  if (count > 15) {
    builder.fail(use, `too many ports specified: ${count} (multiport takes at most 15, a range counts as 2)`);
    return [];
  }
  const proto = protocol === undefined ? undefined : SERVICE_PROTOCOLS[protocol];
  const items: ValueItem[] = [];
  for (const port of list) {
    const item = builder.check(use, parsePortRange(port, proto));
    if (!item) return [];
    items.push(item);
  }
  // `--ports` matches when the source OR the destination port is listed: no single field test.
  if (use.def.name === 'ports') return [optionOpaque(builder, module, use)];
  return [builder.field(use.def.name === 'sports' ? 'sport' : 'dport', use, items)];
}

/**
 * `--ctstate`/`--state`: a packet has exactly one state, so the list is a union of single-bit
 * values. SNAT and DNAT are ct status bits instead; a list mixing both kinds is a disjunction
 * over two fields, which one field match cannot say.
 */
function ctState(builder: MatchBuilder, use: OptionUse): Match[] {
  const states: ValueItem[] = [];
  const statuses: ValueItem[] = [];
  for (const name of use.values[0]!.value.split(',')) {
    const pseudo = ctStatePseudo(name);
    const bit = ctStateBit(name);
    if (pseudo !== undefined) {
      const status = BigInt(CT_STATUS[pseudo]);
      statuses.push({ kind: 'masked', value: status, mask: status });
    } else if (bit !== undefined) states.push(single(BigInt(bit)));
    else {
      builder.fail(use, `Bad ctstate "${name}"`);
      return [];
    }
  }
  if (states.length > 0 && statuses.length > 0) return [builder.opaque('ctstate with SNAT/DNAT', false, use.start, use.end)];
  // Copies without the spare room a pushed-to array keeps: the IR of a large dump holds one per rule.
  return [states.length > 0 ? builder.field('ctState', use, states.slice()) : builder.field('ctStatus', use, statuses.slice())];
}

function ctStatus(builder: MatchBuilder, use: OptionUse): Match[] {
  let mask = 0;
  for (const name of use.values[0]!.value.split(',')) {
    const bit = ctStatusBit(name);
    if (bit === undefined) {
      builder.fail(use, `Bad ctstatus "${name}"`);
      return [];
    }
    mask |= bit;
  }
  return [builder.field('ctStatus', use, [{ kind: 'anyBits', mask: BigInt(mask) }])];
}

function conntrack(builder: MatchBuilder, module: ModuleUse, use: OptionUse): Match[] {
  switch (use.def.name) {
    case 'ctstate':
      return ctState(builder, use);
    case 'ctstatus':
      return ctStatus(builder, use);
    case 'ctdir': {
      const direction = ctDirection(use.values[0]!.value);
      if (direction === undefined) {
        builder.fail(use, `Unknown --ctdir value "${use.values[0]!.value}" (ORIGINAL or REPLY)`);
        return [];
      }
      return [builder.field('ctDirection', use, [single(BigInt(direction))])];
    }
    default:
      return [optionOpaque(builder, module, use)];
  }
}

function setMatch(builder: MatchBuilder, module: ModuleUse, use: OptionUse): Match[] {
  const [name, flags] = use.values.map((v) => v.value);
  if (flags === 'src' || flags === 'dst') {
    return [builder.field(builder.address(flags === 'src' ? 'saddr' : 'daddr'), use, [{ kind: 'setRef', name: name ?? '', external: true }])];
  }
  return [optionOpaque(builder, module, use)];
}

const OWNER_IDS: Readonly<Record<string, bigint>> = { root: 0n };

function owner(builder: MatchBuilder, module: ModuleUse, use: OptionUse): Match[] {
  if (use.def.name !== 'uid-owner' && use.def.name !== 'gid-owner') return [optionOpaque(builder, module, use)];
  const text = use.values[0]!.value;
  const known = OWNER_IDS[text];
  const item = known !== undefined ? single(known) : /^\d/.test(text) ? builder.check(use, parseNumberRange(text, '-', (1n << 32n) - 1n)) : undefined;
  // Other user and group names depend on the machine's passwd and group files.
  if (!item) return /^\d/.test(text) ? [] : [optionOpaque(builder, module, use)];
  return [builder.field(use.def.name === 'uid-owner' ? 'skuid' : 'skgid', use, [item])];
}

function ttl(builder: MatchBuilder, use: OptionUse): Match[] {
  const value = parseUnsigned(use.values[0]!.value, 255n);
  if (value === undefined) {
    builder.fail(use, `invalid TTL value \`${use.values[0]!.value}'`);
    return [];
  }
  // `--ttl-lt 0` and `--ttl-gt 255` match nothing: an empty union.
  let items: ValueItem[];
  switch (use.def.name.slice(-2)) {
    case 'lt':
      items = value === 0n ? [] : [{ kind: 'range', low: 0n, high: value - 1n }];
      break;
    case 'gt':
      items = value === 255n ? [] : [{ kind: 'range', low: value + 1n, high: 255n }];
      break;
    default:
      items = [single(value)];
  }
  return [builder.field('ttl', use, items)];
}

function typedOption(builder: MatchBuilder, module: ModuleUse, use: OptionUse, protocol: number | undefined): Match[] {
  switch (module.name) {
    case 'tcp':
    case 'udp':
    case 'sctp':
    case 'dccp':
      return portModule(builder, module, use);
    case 'icmp':
      return icmpMatches(builder, use, 4);
    case 'icmp6':
      return icmpMatches(builder, use, 6);
    case 'multiport':
      return multiport(builder, module, use, protocol);
    case 'conntrack':
      return conntrack(builder, module, use);
    case 'state':
      return ctState(builder, use);
    case 'set':
      if (use.def.name === 'match-set' || use.def.name === 'set') return setMatch(builder, module, use);
      // These change what the match does to the set's counters, not which packets it matches.
      if (use.def.name === 'update-counters' || use.def.name === 'update-subcounters') return [];
      // `--packets-gt 10` and the like read the set element's counters, which change with traffic.
      if (/^(packets|bytes)-/.test(use.def.name)) return [builder.opaque(`set --${use.def.name}`, true, use.start, use.end)];
      return [optionOpaque(builder, module, use)];
    case 'mark':
    case 'connmark': {
      const item = builder.check(use, parseMarkValue(use.values[0]!.value));
      return item ? [builder.field(module.name === 'mark' ? 'mark' : 'ctMark', use, [item])] : [];
    }
    case 'owner':
      return owner(builder, module, use);
    case 'iprange': {
      const item = builder.check(use, parseAddressRangeItem(use.values[0]!.value, builder.context.ipVersion));
      return item ? [builder.field(builder.address(use.def.name === 'src-range' ? 'saddr' : 'daddr'), use, [item])] : [];
    }
    case 'pkttype': {
      const type = pktType(use.values[0]!.value);
      return type === undefined ? [optionOpaque(builder, module, use)] : [builder.field('pkttype', use, [single(BigInt(type))])];
    }
    case 'length': {
      const item = builder.check(use, parseNumberRange(use.values[0]!.value, ':', 65535n, true));
      return item ? [builder.field('length', use, [item])] : [];
    }
    case 'ttl':
    case 'hl':
      return ttl(builder, use);
    default:
      return [optionOpaque(builder, module, use)];
  }
}

const TYPED_MODULES = new Set(['tcp', 'udp', 'sctp', 'dccp', 'icmp', 'icmp6', 'multiport', 'conntrack', 'state', 'set', 'mark', 'connmark', 'owner', 'iprange', 'pkttype', 'length', 'ttl', 'hl']);

function protocolNeeded(builder: MatchBuilder, module: ModuleUse, protocol: number | undefined): Match[] {
  const required = REQUIRED_PROTOCOL[module.name];
  if (module.name === 'multiport' && (protocol === undefined || !MULTIPORT_PROTOCOLS.has(protocol))) {
    builder.problems.push({
      ruleId: 'parse-error',
      severity: 'error',
      message: "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'",
      start: module.start,
      end: module.end,
    });
    return [];
  }
  if (required === undefined || protocol === required) return [];
  if (module.name === 'tcp' || module.name === 'udp') {
    builder.problems.push({
      ruleId: 'parse-error',
      severity: 'error',
      message: `${module.name.toUpperCase()} match requires '-p ${module.name}' (the kernel refuses it otherwise)`,
      start: module.start,
      end: module.end,
    });
  }
  return [builder.implicitProtocol(required, module)];
}

export function convertModule(builder: MatchBuilder, module: ModuleUse, parsed: ParsedCommand): ModuleMatches {
  if (module.name === 'comment') {
    const text = module.options.find((o) => o.def.name === 'comment')?.values[0]?.value;
    // The kernel keeps at most 255 characters; iptables truncates longer comments silently.
    return text === undefined ? { matches: [] } : { matches: [], comment: text.slice(0, 255) };
  }
  if (!module.def || !TYPED_MODULES.has(module.name)) return wholeModuleOpaque(builder, module);
  const protocol = ruleProtocol(parsed);
  const matches = protocolNeeded(builder, module, protocol);
  for (const use of module.options) matches.push(...typedOption(builder, module, use, protocol));
  return { matches };
}
