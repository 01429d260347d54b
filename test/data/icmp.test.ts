import { describe, expect, it } from 'vitest';
import {
  IPTABLES_ICMP_NAMES,
  IPTABLES_ICMPV6_NAMES,
  icmpCodeByName,
  icmpTypeByName,
  icmpv6CodeByName,
  icmpv6TypeByName,
  icmpxCodeByName,
  iptablesIcmpType,
  iptablesIcmpv6Type,
} from '../../src/data/icmp.js';

describe('nft icmp names', () => {
  it('maps icmp types', () => {
    expect(icmpTypeByName('echo-request')).toBe(8);
    expect(icmpTypeByName('echo-reply')).toBe(0);
    expect(icmpTypeByName('destination-unreachable')).toBe(3);
    expect(icmpTypeByName('info-reply')).toBe(16);
    expect(icmpTypeByName('address-mask-reply')).toBe(18);
    expect(icmpTypeByName('nd-neighbor-solicit')).toBeUndefined();
    expect(icmpTypeByName('toString')).toBeUndefined();
  });
  it('maps icmpv6 types', () => {
    expect(icmpv6TypeByName('echo-request')).toBe(128);
    expect(icmpv6TypeByName('nd-neighbor-solicit')).toBe(135);
    expect(icmpv6TypeByName('nd-router-advert')).toBe(134);
    expect(icmpv6TypeByName('mld-listener-done')).toBe(132);
    expect(icmpv6TypeByName('mld-listener-reduction')).toBe(132);
    expect(icmpv6TypeByName('mld2-listener-report')).toBe(143);
    expect(icmpv6TypeByName('packet-too-big')).toBe(2);
    expect(icmpv6TypeByName('neighbour-solicitation')).toBeUndefined();
  });
  it('maps codes', () => {
    expect(icmpCodeByName('port-unreachable')).toBe(3);
    expect(icmpCodeByName('frag-needed')).toBe(4);
    expect(icmpCodeByName('admin-prohibited')).toBe(13);
    expect(icmpv6CodeByName('admin-prohibited')).toBe(1);
    expect(icmpv6CodeByName('port-unreachable')).toBe(4);
    expect(icmpv6CodeByName('reject-route')).toBe(6);
    expect(icmpxCodeByName('no-route')).toBe(0);
    expect(icmpxCodeByName('port-unreachable')).toBe(1);
    expect(icmpxCodeByName('host-unreachable')).toBe(2);
    expect(icmpxCodeByName('admin-prohibited')).toBe(3);
    expect(icmpxCodeByName('frag-needed')).toBeUndefined();
  });
});

describe('iptables --icmp-type', () => {
  it.each([
    ['any', 'any'],
    ['ANY', 'any'],
    ['echo-request', { type: 8 }],
    ['ping', { type: 8 }],
    ['pong', { type: 0 }],
    ['echo-req', { type: 8 }],
    ['PORT-UNREACHABLE', { type: 3, code: 3 }],
    ['port-unreachable', { type: 3, code: 3 }],
    ['network-unreachable', { type: 3, code: 0 }],
    ['host-unreachable', { type: 3, code: 1 }],
    ['fragmentation-needed', { type: 3, code: 4 }],
    ['communication-prohibited', { type: 3, code: 13 }],
    ['destination-unreachable', { type: 3 }],
    ['ttl-exceeded', { type: 11 }],
    ['time-exceeded', { type: 11 }],
    ['ttl-zero-during-transit', { type: 11, code: 0 }],
    ['tos-host-redirect', { type: 5, code: 3 }],
    ['8', { type: 8 }],
    ['3/4', { type: 3, code: 4 }],
    ['0', { type: 0 }],
    ['255', 'any'],
    ['255/3', 'any'],
  ])('%s', (text, expected) => expect(iptablesIcmpType(text)).toEqual(expected));

  it.each(['ttl', 'echo', 'info-request', '256', '3/256', '3/', '/3', '08', '3/4/5', '', 'a'])('rejects %j', (text) =>
    expect(iptablesIcmpType(text)).toBeUndefined(),
  );
});

describe('ip6tables --icmpv6-type', () => {
  it.each([
    ['neighbour-solicitation', { type: 135 }],
    ['neighbor-solicitation', { type: 135 }],
    ['neighbor-advertisement', { type: 136 }],
    ['echo-request', { type: 128 }],
    ['ping', { type: 128 }],
    ['echo-reply', { type: 129 }],
    ['router-advertisement', { type: 134 }],
    ['redirect', { type: 137 }],
    ['packet-too-big', { type: 2 }],
    ['failed-policy', { type: 1, code: 5 }],
    ['address-unreachable', { type: 1, code: 3 }],
    ['unknown-option', { type: 4, code: 2 }],
    ['1/3', { type: 1, code: 3 }],
    ['255/255', { type: 255, code: 255 }],
  ])('%s', (text, expected) => expect(iptablesIcmpv6Type(text)).toEqual(expected));

  it.each(['any', 'neigh', 'ttl', '256', 'mld-listener-query'])('rejects %j', (text) =>
    expect(iptablesIcmpv6Type(text)).toBeUndefined(),
  );

  it('has no full name that is a prefix of another (so every name resolves)', () => {
    for (const names of [IPTABLES_ICMP_NAMES, IPTABLES_ICMPV6_NAMES]) {
      for (const name of names) {
        const others = names.filter((n) => n !== name && n.toLowerCase().startsWith(name.toLowerCase()));
        expect(others).toEqual([]);
      }
    }
  });
});
