import type { Chain, Diagnostic, Rule, Ruleset, SetDecl, SimpleVerdict, SourceSpan, Table } from '../ir.js';

export function tableKey(family: string, table: string): string {
  return `${family}\u0000${table}`;
}

export interface ChainJump {
  kind: 'jump' | 'goto';
  target: string;
  span: SourceSpan;
}

const NO_JUMPS: readonly ChainJump[] = [];

/** Chains and sets by name per table; jumps cannot leave a table, so that is all lookups need. */
export class ChainDirectory {
  private readonly chains = new Map<string, Map<string, Chain>>();
  private readonly sets = new Map<string, Map<string, SetDecl>>();

  constructor(readonly ruleset: Ruleset) {
    for (const table of ruleset.tables) {
      const key = tableKey(table.family, table.name);
      const chains = this.chains.get(key) ?? new Map<string, Chain>();
      for (const chain of table.chains) chains.set(chain.name, chain);
      this.chains.set(key, chains);
      const sets = this.sets.get(key) ?? new Map<string, SetDecl>();
      for (const set of table.sets) sets.set(set.name, set);
      this.sets.set(key, sets);
    }
  }

  chain(from: Chain | Rule, name: string): Chain | undefined {
    return this.chains.get(tableKey(from.family, from.table))?.get(name);
  }

  setsOf(chain: Chain): ReadonlyMap<string, SetDecl> {
    return this.sets.get(tableKey(chain.family, chain.table)) ?? new Map();
  }

  /** Every jump/goto a rule can take, including through verdict-map entries. */
  jumpsOf(rule: Rule, chain: Chain): readonly ChainJump[] {
    const verdict = rule.verdict;
    // Most rules end in a plain verdict: no list is made for them.
    if (verdict === undefined || (verdict.kind !== 'vmap' && verdict.kind !== 'jump' && verdict.kind !== 'goto')) return NO_JUMPS;
    const out: ChainJump[] = [];
    const add = (v: SimpleVerdict): void => {
      if (v.kind === 'jump' || v.kind === 'goto') out.push({ kind: v.kind, target: v.target, span: v.span });
    };
    if (verdict.kind !== 'vmap') {
      add(verdict);
      return out;
    }
    for (const entry of verdict.entries) add(entry.verdict);
    if (verdict.setRef) {
      for (const element of this.setsOf(chain).get(verdict.setRef.name)?.elements ?? []) {
        if (element.verdict) add(element.verdict);
      }
    }
    return out;
  }
}

function where(span: SourceSpan): string {
  return `${span.file}:${span.line}`;
}

/** Jumps to chains that do not exist, and jump loops (each cycle reported once). */
export function chainDiagnostics(directory: ChainDirectory, tables: readonly Table[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const edges = new Map<Chain, { target: Chain; jump: ChainJump }[]>();
  for (const table of tables) {
    for (const chain of table.chains) {
      const out: { target: Chain; jump: ChainJump }[] = [];
      const rules = chain.rules;
      for (let r = 0; r < rules.length; r++) {
        const jumps = directory.jumpsOf(rules[r]!, chain);
        // Indexed: this runs once per model, before for-of over every rule would be optimised.
        for (let j = 0; j < jumps.length; j++) {
          const jump = jumps[j]!;
          const target = directory.chain(chain, jump.target);
          if (target) {
            out.push({ target, jump });
          } else {
            diagnostics.push({
              ruleId: 'unknown-chain',
              severity: 'error',
              message: `${jump.kind} to chain '${jump.target}', which table ${chain.family} ${chain.table} does not define`,
              span: jump.span,
            });
          }
        }
      }
      edges.set(chain, out);
    }
  }
  diagnostics.push(...findLoops(edges));
  return diagnostics;
}

function findLoops(edges: ReadonlyMap<Chain, { target: Chain; jump: ChainJump }[]>): Diagnostic[] {
  const state = new Map<Chain, 'active' | 'done'>();
  const stack: { chain: Chain; jump?: ChainJump }[] = [];
  const reported = new Set<string>();
  const diagnostics: Diagnostic[] = [];

  const visit = (chain: Chain, via: ChainJump | undefined): void => {
    state.set(chain, 'active');
    stack.push({ chain, ...(via ? { jump: via } : {}) });
    for (const { target, jump } of edges.get(chain) ?? []) {
      const seen = state.get(target);
      if (seen === 'active') {
        const start = stack.findIndex((frame) => frame.chain === target);
        const cycle = stack.slice(start);
        const jumps = [...cycle.slice(1).map((frame) => frame.jump!), jump];
        const key = cycle
          .map((frame) => `${tableKey(frame.chain.family, frame.chain.table)}\u0000${frame.chain.name}`)
          .sort()
          .join('\u0000');
        if (reported.has(key)) continue;
        reported.add(key);
        const names = [...cycle.map((frame) => frame.chain.name), target.name].join(' → ');
        diagnostics.push({
          ruleId: 'jump-loop',
          severity: 'error',
          message: `jump loop ${names} (at ${jumps.map((j) => where(j.span)).join(', ')}); the kernel refuses to load it`,
          span: jump.span,
        });
      } else if (seen === undefined) {
        visit(target, jump);
      }
    }
    stack.pop();
    state.set(chain, 'done');
  };

  for (const chain of edges.keys()) {
    if (!state.has(chain)) visit(chain, undefined);
  }
  return diagnostics;
}
