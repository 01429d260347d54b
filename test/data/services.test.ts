import { describe, expect, it } from 'vitest';
import { portToService, serviceToPort } from '../../src/data/services.js';
import { protocolName, protocolNumber } from '../../src/data/protocols.js';

describe('services', () => {
  it('resolves names and aliases', () => {
    expect(serviceToPort('ssh')).toBe(22);
    expect(serviceToPort('http')).toBe(80);
    expect(serviceToPort('www')).toBe(80);
    expect(serviceToPort('http-alt')).toBe(8080);
    expect(serviceToPort('webcache')).toBe(8080);
    expect(serviceToPort('domain', 'udp')).toBe(53);
    expect(serviceToPort('https')).toBe(443);
  });
  it('distinguishes protocols', () => {
    expect(serviceToPort('ssh', 'udp')).toBeUndefined();
    expect(serviceToPort('fsp')).toBe(21);
    expect(serviceToPort('fsp', 'tcp')).toBeUndefined();
  });
  it('is case-sensitive and returns undefined for unknown names', () => {
    expect(serviceToPort('no-such-service')).toBeUndefined();
    expect(serviceToPort('SSH')).toBeUndefined();
    expect(serviceToPort('22')).toBeUndefined();
  });
  it('maps ports back to primary names', () => {
    expect(portToService(22)).toBe('ssh');
    expect(portToService(80)).toBe('http');
    expect(portToService(21)).toBe('ftp');
    expect(portToService(21, 'udp')).toBe('fsp');
    expect(portToService(1)).toBe('tcpmux');
    expect(portToService(65000)).toBeUndefined();
  });
});

describe('protocols', () => {
  it('resolves names case-insensitively', () => {
    expect(protocolNumber('tcp')).toBe(6);
    expect(protocolNumber('TCP')).toBe(6);
    expect(protocolNumber('udp')).toBe(17);
    expect(protocolNumber('icmp')).toBe(1);
    expect(protocolNumber('icmpv6')).toBe(58);
    expect(protocolNumber('ipv6-icmp')).toBe(58);
    expect(protocolNumber('IPv6-ICMP')).toBe(58);
    expect(protocolNumber('esp')).toBe(50);
    expect(protocolNumber('ipsec-esp')).toBe(50);
    expect(protocolNumber('sctp')).toBe(132);
    expect(protocolNumber('udplite')).toBe(136);
    expect(protocolNumber('mh')).toBe(135);
    expect(protocolNumber('gre')).toBe(47);
  });
  it('does not treat all, numbers or out-of-range entries as protocols', () => {
    expect(protocolNumber('all')).toBeUndefined();
    expect(protocolNumber('6')).toBeUndefined();
    expect(protocolNumber('mptcp')).toBeUndefined();
    expect(protocolNumber('bogus')).toBeUndefined();
  });
  it('names numbers canonically', () => {
    expect(protocolName(6)).toBe('tcp');
    expect(protocolName(17)).toBe('udp');
    expect(protocolName(1)).toBe('icmp');
    expect(protocolName(58)).toBe('ipv6-icmp');
    expect(protocolName(200)).toBeUndefined();
  });
});
