import type { Hook } from '../ir.js';
import { NFPROTO_IPV4, NFPROTO_IPV6 } from '../ir.js';
import { parseAddress } from '../data/addresses.js';
import { CT_STATES, ctDirection, ctStateBit, ctStatusBit, pktType, TCP_FLAGS, tcpFlagBit } from '../data/conntrack.js';
import { icmpTypeByName, icmpv6TypeByName } from '../data/icmp.js';
import { protocolNumber } from '../data/protocols.js';
import { isPortProtocol } from './fields.js';
import { completePacket, KEYWORDS, type NumericField, type Packet, protoLabel } from './packet.js';

const PORT_NAMES: Readonly<Record<string, number>> = { tcp: 6, udp: 17, dccp: 33, sctp: 132, udplite: 136 };

const HOOK_NAMES: readonly Hook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting', 'ingress', 'egress'];

class SpecError extends Error {}

function fail(message: string): never {
  throw new SpecError(message);
}

function parseNumber(text: string, what: string, max: bigint): bigint {
  if (!/^(?:0x[0-9a-f]+|\d+)$/i.test(text)) fail(`${what} must be a number, not '${text}'`);
  const value = BigInt(text);
  if (value > max) fail(`${what} ${text} is out of range (0-${max})`);
  return value;
}

interface Draft {
  values: Partial<Record<NumericField, bigint>>;
  saddr?: { version: 4 | 6; value: bigint };
  daddr?: { version: 4 | 6; value: bigint };
  icmpTypeText?: string;
  iifname?: string;
  oifname?: string;
  hook: Hook;
}

function parseAddr(text: string, what: string): { version: 4 | 6; value: bigint } {
  const address = parseAddress(text.replace(/^\[|\]$/g, ''));
  if (!address) fail(`${what} '${text}' is not an IPv4 or IPv6 address`);
  return address;
}

/** `203.0.113.7:40000`, `[2001:db8::1]:22`, `2001:db8::1`, `203.0.113.7` or (destination only) `22`. */
function parseEndpoint(text: string, draft: Draft, side: 'source' | 'destination'): void {
  const addrKey = side === 'source' ? 'saddr' : 'daddr';
  const portKey = side === 'source' ? 'sport' : 'dport';
  if (/^\d+$/.test(text) && side === 'destination') {
    draft.values.dport = parseNumber(text, 'destination port', 65535n);
    return;
  }
  const bracketed = /^\[(.+)\]:(\d+)$/.exec(text);
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(text);
  const match = bracketed ?? v4WithPort;
  if (match) {
    draft[addrKey] = parseAddr(match[1]!, `${side} address`);
    draft.values[portKey] = parseNumber(match[2]!, `${side} port`, 65535n);
    return;
  }
  draft[addrKey] = parseAddr(text, `${side} address`);
}

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1');
}

/**
 * Reads a packet description: nft-like words (`tcp saddr 198.51.100.1 dport 22 iif eth0 ct new`)
 * or formatPacket's own output. Unstated fields get readable defaults.
 */
export function parsePacket(text: string): Packet | { error: string } {
  try {
    return parseSpec(text);
  } catch (error) {
    if (error instanceof SpecError) return { error: error.message };
    throw error;
  }
}

function parseSpec(text: string): Packet {
  const tokens = text
    .split(/\s+/)
    .map((t) => t.replace(/,$/, ''))
    .filter((t) => t !== '');
  if (tokens.length === 0) fail('empty packet description');
  const draft: Draft = { values: {}, hook: 'input' };
  let afterArrow = false;
  let positional = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.toLowerCase();
    const value = (): string => {
      const next = tokens[++i];
      if (next === undefined) fail(`'${word}' needs a value`);
      return next;
    };
    if (word in PORT_NAMES) {
      draft.values.l4proto = BigInt(PORT_NAMES[word]!);
      continue;
    }
    switch (word) {
      case 'icmp':
        draft.values.l4proto = 1n;
        continue;
      case 'icmpv6':
      case 'ipv6-icmp':
        draft.values.l4proto = 58n;
        continue;
      case 'ip':
      case 'ipv4':
        draft.values.nfproto = NFPROTO_IPV4;
        continue;
      case 'ip6':
      case 'ipv6':
        draft.values.nfproto = NFPROTO_IPV6;
        continue;
      case 'proto':
      case 'l4proto': {
        const name = value();
        const number = /^\d+$/.test(name) ? Number(name) : protocolNumber(name);
        if (number === undefined || number > 255) fail(`unknown protocol '${name}'`);
        draft.values.l4proto = BigInt(number);
        continue;
      }
      case '→':
      case '->':
        afterArrow = true;
        continue;
      case 'saddr':
        draft.saddr = parseAddr(value(), 'saddr');
        continue;
      case 'daddr':
        draft.daddr = parseAddr(value(), 'daddr');
        continue;
      case 'sport':
        draft.values.sport = parseNumber(value(), 'sport', 65535n);
        continue;
      case 'dport':
        draft.values.dport = parseNumber(value(), 'dport', 65535n);
        continue;
      case 'iif':
      case 'iifname':
        draft.iifname = unquote(value());
        continue;
      case 'oif':
      case 'oifname':
        draft.oifname = unquote(value());
        continue;
      case 'type':
        draft.icmpTypeText = value();
        continue;
      case 'code':
        draft.values.icmpCode = parseNumber(value(), 'icmp code', 255n);
        continue;
      case 'flags':
        draft.values.tcpFlags = parseFlags(value());
        continue;
      case 'ct':
        parseCt(tokens, ++i, draft, (n) => (i = n));
        continue;
      case 'ctstatus':
        draft.values.ctStatus = parseCtStatus(value());
        continue;
      case 'ctdirection':
        draft.values.ctDirection = parseDirection(value());
        continue;
      case 'mark':
        draft.values.mark = parseNumber(value(), 'mark', 0xffffffffn);
        continue;
      case 'ctmark':
        draft.values.ctMark = parseNumber(value(), 'ct mark', 0xffffffffn);
        continue;
      case 'uid':
      case 'skuid':
        draft.values.skuid = parseNumber(value(), 'uid', 0xffffffffn);
        continue;
      case 'gid':
      case 'skgid':
        draft.values.skgid = parseNumber(value(), 'gid', 0xffffffffn);
        continue;
      case 'ttl':
      case 'hoplimit':
        draft.values.ttl = parseNumber(value(), 'ttl', 255n);
        continue;
      case 'length':
        draft.values.length = parseNumber(value(), 'length', 65535n);
        continue;
      case 'pkttype': {
        const name = value();
        const type = pktType(name);
        if (type === undefined) fail(`unknown pkttype '${name}' (host, broadcast, multicast, other)`);
        draft.values.pkttype = BigInt(type);
        continue;
      }
      case 'hook': {
        const name = value().toLowerCase();
        const hook = HOOK_NAMES.find((h) => h === name);
        if (!hook) fail(`unknown hook '${name}' (${HOOK_NAMES.join(', ')})`);
        draft.hook = hook;
        continue;
      }
    }
    const protocol = protocolNumber(word);
    if (protocol !== undefined && /^[a-z]/.test(word) && !KEYWORDS.has(word)) {
      draft.values.l4proto = BigInt(protocol);
      continue;
    }
    if (/^[\d[]/.test(word) || word.includes(':')) {
      if (!afterArrow && positional === 0) parseEndpoint(tokens[i]!, draft, 'source');
      else parseEndpoint(tokens[i]!, draft, 'destination');
      positional++;
      continue;
    }
    fail(
      `unknown word '${tokens[i]}' (expected a protocol, saddr/daddr/sport/dport, iif/oif, ct STATE, type, code, flags, mark, uid, gid, ttl, length, pkttype or hook)`,
    );
  }
  return finish(draft);
}

function parseCt(tokens: readonly string[], start: number, draft: Draft, advance: (index: number) => void): void {
  const word = tokens[start]?.toLowerCase();
  if (word === undefined) fail(`'ct' needs a state`);
  const next = tokens[start + 1];
  const needValue = (): string => {
    if (next === undefined) fail(`'ct ${word}' needs a value`);
    advance(start + 1);
    return next;
  };
  switch (word) {
    case 'state':
      draft.values.ctState = parseState(needValue());
      return;
    case 'status':
      draft.values.ctStatus = parseCtStatus(needValue());
      return;
    case 'direction':
      draft.values.ctDirection = parseDirection(needValue());
      return;
    case 'mark':
      draft.values.ctMark = parseNumber(needValue(), 'ct mark', 0xffffffffn);
      return;
    default:
      advance(start);
      draft.values.ctState = parseState(word);
  }
}

function parseState(text: string): bigint {
  const bit = ctStateBit(text);
  if (bit === undefined) fail(`unknown ct state '${text}' (a packet has one of: ${Object.keys(CT_STATES).join(', ')})`);
  return BigInt(bit);
}

function parseCtStatus(text: string): bigint {
  if (/^(?:0x[0-9a-f]+|\d+)$/i.test(text)) return parseNumber(text, 'ct status', 0xffffn);
  let bits = 0n;
  for (const name of text.split(/[,|]/)) {
    const bit = ctStatusBit(name);
    if (bit === undefined) fail(`unknown ct status '${name}'`);
    bits |= BigInt(bit);
  }
  return bits;
}

function parseDirection(text: string): bigint {
  const direction = ctDirection(text);
  if (direction === undefined) fail(`unknown ct direction '${text}' (original, reply)`);
  return BigInt(direction);
}

function parseFlags(text: string): bigint {
  if (/^(?:0x[0-9a-f]+|\d+)$/i.test(text)) return parseNumber(text, 'tcp flags', 255n);
  let bits = 0n;
  for (const name of text.split(/[,|]/)) {
    const bit = tcpFlagBit(name);
    if (bit === undefined) fail(`unknown tcp flag '${name}' (${Object.keys(TCP_FLAGS).join(', ')})`);
    bits |= BigInt(bit);
  }
  return bits;
}

function finish(draft: Draft): Packet {
  const values = draft.values;
  const versions = [draft.saddr?.version, draft.daddr?.version].filter((v) => v !== undefined);
  if (versions.length === 2 && versions[0] !== versions[1]) fail('source and destination addresses are of different IP versions');
  const stated = values.nfproto === undefined ? undefined : values.nfproto === NFPROTO_IPV6 ? 6 : 4;
  const version = versions[0] ?? stated ?? 4;
  if (stated !== undefined && stated !== version) fail(`an IPv${version} address in an IPv${stated} packet`);
  values.nfproto = version === 6 ? NFPROTO_IPV6 : NFPROTO_IPV4;
  if (draft.saddr) values[version === 6 ? 'saddr6' : 'saddr4'] = draft.saddr.value;
  if (draft.daddr) values[version === 6 ? 'daddr6' : 'daddr4'] = draft.daddr.value;
  const proto = values.l4proto ?? 6n;
  if (!isPortProtocol(proto) && (values.sport !== undefined || values.dport !== undefined)) {
    fail(`${protoLabel(proto)} packets have no ports`);
  }
  const icmp = proto === 1n || proto === 58n;
  if (!icmp && (draft.icmpTypeText !== undefined || values.icmpCode !== undefined)) {
    fail(`'type' and 'code' need icmp or icmpv6, not ${protoLabel(proto)}`);
  }
  if (proto !== 6n && values.tcpFlags !== undefined) fail(`'flags' needs tcp, not ${protoLabel(proto)}`);
  if (draft.icmpTypeText !== undefined) {
    const name = draft.icmpTypeText;
    const byName = proto === 58n ? icmpv6TypeByName(name) : icmpTypeByName(name);
    values.icmpType = byName !== undefined ? BigInt(byName) : parseNumber(name, 'icmp type', 255n);
  }
  return completePacket(values, draft.hook, draft.iifname, draft.oifname);
}
