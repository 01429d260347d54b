import path from 'node:path';
import { looksLikeIptables } from '../grammar/iptables/index.js';
import type { Dialect } from './ir.js';

const NFT_CONTENT = /^\s*((add|create|insert|flush|delete|table|define|include)\b|#!.*\bnft\b)/m;
const IPTABLES_NAME = /(^|[/._-])(ip6?tables|rules\.v[46]|[a-z0-9]*\.v[46])([._-]|$)|ip6?tables/i;
const NFT_NAME = /\.nft$|nftables/i;

/**
 * Which grammar to use, from content first (a file's name can lie, its first lines rarely do),
 * then from its name; nftables when nothing tells.
 */
export function detectDialect(filePath: string, text: string): Dialect {
  const head = text.slice(0, 64 * 1024);
  const iptablesByContent = looksLikeIptables(head);
  const nftByContent = NFT_CONTENT.test(head);
  if (iptablesByContent !== nftByContent) return iptablesByContent ? 'iptables' : 'nft';
  const base = path.basename(filePath);
  if (NFT_NAME.test(base)) return 'nft';
  if (IPTABLES_NAME.test(base)) return 'iptables';
  return 'nft';
}
