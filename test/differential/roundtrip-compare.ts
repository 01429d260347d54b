/**
 * Do two rulesets say the same thing? Used for round trips: fwlint's reading of a file against
 * its reading of the tool's re-listing of that file after a real load.
 *
 * Match spaces of two models live on different interface alphabets and cannot be compared
 * directly, so both rulesets go into one model, their tables renamed apart; then rule spaces are
 * compared as sets (subset both ways), and a difference is explained with a witness packet.
 */
import type { Chain, Rule, Ruleset, Table } from '../../src/ir.js';
import { buildModel, formatPacket, witness, type PacketSpace, type SemanticModel } from '../../src/model/index.js';

const ORIGINAL = 'original\u2192';
const RELISTED = 'relisted\u2192';

function renamed(tables: readonly Table[], prefix: string): Table[] {
  return tables.map((table) => {
    const name = prefix + table.name;
    return {
      ...table,
      name,
      sets: table.sets.map((set) => ({ ...set, table: name })),
      chains: table.chains.map((chain) => ({ ...chain, table: name, rules: chain.rules.map((rule) => ({ ...rule, table: name })) })),
    };
  });
}

function chainKey(chain: Chain, prefix: string): string {
  return `${chain.family} ${chain.table.slice(prefix.length)} ${chain.name}`;
}

function chainsOf(tables: readonly Table[], prefix: string): Map<string, Chain> {
  return new Map(tables.flatMap((t) => t.chains.filter((c) => !c.anonymous).map((c) => [chainKey(c, prefix), c] as [string, Chain])));
}

/** iptables-save lists every built-in chain of a table it touched; an empty accepting one adds nothing. */
function isInert(chain: Chain): boolean {
  return chain.rules.length === 0 && (chain.base === undefined || chain.base.policy === 'accept');
}

function baseText(chain: Chain): string {
  const base = chain.base;
  return base ? `${base.type} hook ${base.hook} priority ${base.priority} policy ${base.policy}` : 'regular chain';
}

function spaceDifference(a: PacketSpace, b: PacketSpace): string | undefined {
  const onlyA = a.subtract(b);
  const onlyB = b.subtract(a);
  if (onlyA.isEmpty() && onlyB.isEmpty()) return undefined;
  const example = witness(onlyA.isEmpty() ? onlyB : onlyA);
  const side = onlyA.isEmpty() ? 'only the re-listing' : 'only the original';
  return `${side} matches ${example ? formatPacket(example) : 'some packet'}`;
}

function ruleDifference(model: SemanticModel, a: Rule, b: Rule): string | undefined {
  const spacesA = model.matchSpace(a);
  const spacesB = model.matchSpace(b);
  const over = spaceDifference(spacesA.over, spacesB.over);
  if (over) return `"${a.text}" vs "${b.text}": ${over}`;
  const under = spaceDifference(spacesA.under, spacesB.under);
  return under ? `"${a.text}" vs "${b.text}" (certain part): ${under}` : undefined;
}

/** Differences between the two readings, empty when they agree on chains, policies and rule spaces. */
export function compareRulesets(original: Ruleset, relisted: Ruleset): string[] {
  const tablesA = renamed(original.tables, ORIGINAL);
  const tablesB = renamed(relisted.tables, RELISTED);
  const model = buildModel({ dialect: original.dialect, sourceFiles: original.sourceFiles, tables: [...tablesA, ...tablesB] });
  const chainsA = chainsOf(tablesA, ORIGINAL);
  const chainsB = chainsOf(tablesB, RELISTED);
  const differences: string[] = [];
  for (const key of new Set([...chainsA.keys(), ...chainsB.keys()])) {
    const a = chainsA.get(key);
    const b = chainsB.get(key);
    if (!a || !b) {
      const present = (a ?? b)!;
      if (!isInert(present)) differences.push(`chain ${key} only in the ${a ? 'original' : 're-listing'}`);
      continue;
    }
    if (baseText(a) !== baseText(b)) differences.push(`chain ${key}: ${baseText(a)} vs ${baseText(b)}`);
    if (a.rules.length !== b.rules.length) {
      differences.push(`chain ${key}: ${a.rules.length} rules vs ${b.rules.length} in the re-listing`);
      continue;
    }
    a.rules.forEach((rule, index) => {
      const difference = ruleDifference(model, rule, b.rules[index]!);
      if (difference) differences.push(`chain ${key} rule ${index + 1}: ${difference}`);
    });
  }
  return differences;
}
