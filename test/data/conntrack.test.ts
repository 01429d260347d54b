import { describe, expect, it } from 'vitest';
import {
  CT_STATES,
  addrType,
  ctDirection,
  ctStateBit,
  ctStatePseudo,
  ctStatusBit,
  iptablesLogLevel,
  iptablesTcpFlagBit,
  nftLogLevel,
  pktType,
  tcpFlagBit,
} from '../../src/data/conntrack.js';

describe('conntrack', () => {
  it('uses kernel state bits', () => {
    expect(CT_STATES).toEqual({ invalid: 1, established: 2, related: 4, new: 8, untracked: 64 });
    expect(ctStateBit('ESTABLISHED')).toBe(2);
    expect(ctStateBit('new')).toBe(8);
    expect(ctStateBit('Untracked')).toBe(64);
    expect(ctStateBit('SNAT')).toBeUndefined();
    expect(ctStateBit('constructor')).toBeUndefined();
  });
  it('separates the SNAT/DNAT pseudo-states', () => {
    expect(ctStatePseudo('SNAT')).toBe('snat');
    expect(ctStatePseudo('dnat')).toBe('dnat');
    expect(ctStatePseudo('NEW')).toBeUndefined();
  });
  it('maps status names in both spellings', () => {
    expect(ctStatusBit('seen-reply')).toBe(2);
    expect(ctStatusBit('SEEN_REPLY')).toBe(2);
    expect(ctStatusBit('ASSURED')).toBe(4);
    expect(ctStatusBit('dying')).toBe(512);
    expect(ctStatusBit('NONE')).toBe(0);
    expect(ctStatusBit('bogus')).toBeUndefined();
  });
  it('maps directions', () => {
    expect(ctDirection('ORIGINAL')).toBe(0);
    expect(ctDirection('reply')).toBe(1);
  });
});

describe('tcp flags, pkttype, addrtype, log levels', () => {
  it('maps tcp flags', () => {
    expect(tcpFlagBit('syn')).toBe(2);
    expect(tcpFlagBit('cwr')).toBe(128);
    expect(iptablesTcpFlagBit('ALL')).toBe(0x3f);
    expect(iptablesTcpFlagBit('NONE')).toBe(0);
    expect(iptablesTcpFlagBit('ACK')).toBe(16);
    expect(iptablesTcpFlagBit('ECN')).toBeUndefined();
  });
  it('maps pkttype and addrtype', () => {
    expect(pktType('host')).toBe(0);
    expect(pktType('unicast')).toBe(0);
    expect(pktType('broadcast')).toBe(1);
    expect(pktType('multicast')).toBe(2);
    expect(pktType('other')).toBe(3);
    expect(addrType('LOCAL')).toBe(2);
    expect(addrType('xresolve')).toBe(11);
  });
  it('maps log levels per dialect', () => {
    expect(nftLogLevel('warn')).toBe(4);
    expect(nftLogLevel('warning')).toBeUndefined();
    expect(nftLogLevel('audit')).toBe(8);
    expect(iptablesLogLevel('warning')).toBe(4);
    expect(iptablesLogLevel('panic')).toBe(0);
    expect(iptablesLogLevel('err')).toBeUndefined();
    expect(iptablesLogLevel('6')).toBe(6);
    expect(iptablesLogLevel('8')).toBeUndefined();
    expect(iptablesLogLevel('INFO')).toBeUndefined();
    expect(nftLogLevel('INFO')).toBeUndefined();
  });
});
