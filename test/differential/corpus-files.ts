/** Which corpus files the differential tests compare, and how to load each with the real tool. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { iptablesCorpusDir, nftCorpusDir } from '../support/shared.js';

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/** nft rulesets (not the JSON twins, which are nft's listing of the `.nft` twin). */
export function nftRulesets(): string[] {
  return filesIn(nftCorpusDir, (name) => !name.endsWith('.json-nft'));
}

/** Inputs meant to be rejected; the `nft-j-f` ones are JSON, which only `nft -j -f` reads. */
export function nftBogons(): string[] {
  return filesIn(path.join(nftCorpusDir, 'bogons'), () => true);
}

/** Top-level iptables-save/restore dumps (not the `-S` variants or extension test files). */
export function iptablesDumps(): string[] {
  return filesIn(iptablesCorpusDir, () => true);
}

/** `.nft` dumps that have a `.json-nft` twin, as [nft, json] pairs. */
export function jsonTwins(): Array<[string, string]> {
  return filesIn(nftCorpusDir, (name) => name.endsWith('.json-nft')).flatMap((json) => {
    const nft = json.replace(/\.json-nft$/, '.nft');
    try {
      readFileSync(nft);
      return [[nft, json] as [string, string]];
    } catch {
      return [];
    }
  });
}

const IPV6_BY_NAME = /ip6tables|\.aud6$|\.v6$|6\.rules$/;
const IPV6_BY_CONTENT = /\s-[sd] !?\s*[0-9a-f]*:[0-9a-f:]*[/\s]|icmpv6|ipv6-icmp|icmp6/i;

/**
 * Which of iptables-restore and ip6tables-restore a dump is meant for. Dumps do not say; their
 * name usually does, and otherwise an IPv6 address or ICMPv6 match gives it away.
 */
export function iptablesIpVersion(file: string, text: string): 4 | 6 {
  const name = path.basename(file);
  if (IPV6_BY_NAME.test(name)) return 6;
  if (/\.aud4$|\.v4$|iptables/.test(name)) return 4;
  return IPV6_BY_CONTENT.test(text) ? 6 : 4;
}
