import { parseIptables } from '../../grammar/iptables/index.js';
import { parseNft } from '../../grammar/nft/index.js';
import { memoryHost } from '../../src/files.js';
import type { Rule, Ruleset } from '../../src/ir.js';
import { parsePacket, type Packet } from '../../src/model/index.js';

export function nft(text: string): Ruleset {
  const { ruleset, diagnostics } = parseNft('test.nft', text, { host: memoryHost({ 'test.nft': text }), includeDirs: [] });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`nft parse failed: ${errors.map((e) => `${e.span.line}: ${e.message}`).join('; ')}`);
  return ruleset;
}

export function iptables(text: string, ipVersion: 4 | 6 = 4): Ruleset {
  const { ruleset, diagnostics } = parseIptables('test.rules', text, { ipVersion });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`iptables parse failed: ${errors.map((e) => `${e.span.line}: ${e.message}`).join('; ')}`);
  return ruleset;
}

/** The rule written on `line` of the file. */
export function ruleAt(ruleset: Ruleset, line: number): Rule {
  for (const table of ruleset.tables) {
    for (const chain of table.chains) {
      const rule = chain.rules.find((r) => r.span.line === line);
      if (rule) return rule;
    }
  }
  throw new Error(`no rule on line ${line}`);
}

export function packet(text: string): Packet {
  const parsed = parsePacket(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}
