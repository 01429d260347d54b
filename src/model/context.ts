import type { Chain, Family, Hook, Rule, Ruleset, ValueItem } from '../ir.js';
import { FIELDS, NFPROTO_IPV4, NFPROTO_IPV6 } from '../ir.js';
import { CONNTRACK_PRIORITY } from '../data/hooks.js';
import { CT_STATES } from '../data/conntrack.js';
import { ANY_BOX, type Box } from './box.js';
import { ChainDirectory } from './chains.js';
import { type CompileContext, type CompiledRule, compileRule } from './compile.js';
import { F, fieldMaxima } from './fields.js';
import { InterfaceAlphabet } from './interfaces.js';
import type { IntervalSet } from './intervals.js';
import { normalize } from './intervals.js';

/** A packet has exactly one conntrack state. */
const SINGLE_CT_STATES: IntervalSet = normalize(Object.values(CT_STATES).flatMap((bit) => [BigInt(bit), BigInt(bit)]));
const CT_NEW: IntervalSet = [BigInt(CT_STATES.new), BigInt(CT_STATES.new)];

/** Families whose base chains see IP packets on the IP hooks; arp and bridge chains are not modelled. */
export function familySeesIp(family: Family, hook: Hook): boolean {
  if (family === 'ip' || family === 'ip6' || family === 'inet') return true;
  return family === 'netdev' && (hook === 'ingress' || hook === 'egress');
}

/** Everything the model shares between queries: alphabet, per-chain universes, compiled rules. */
export class ModelContext {
  readonly alphabet: InterfaceAlphabet;
  readonly maxima: readonly bigint[];
  readonly directory: ChainDirectory;
  /** Built on the first lookup: coverage, the usual first query, compiles chain by chain without it. */
  private chainOfRule: Map<Rule, Chain> | undefined;
  private readonly compiledRules = new Map<Rule, CompiledRule>();
  private readonly contexts = new Map<Chain, CompileContext>();
  private readonly preConntrack = new Set<Chain>();

  constructor(readonly ruleset: Ruleset) {
    this.directory = new ChainDirectory(ruleset);
    this.alphabet = buildAlphabet(ruleset);
    this.maxima = fieldMaxima(this.alphabet.size);
    this.markPreConntrack();
  }

  /** Every packet at all: IPv4 or IPv6, one ct state, an interface name from the alphabet. */
  anyPacket(): Box {
    const box = ANY_BOX.slice();
    box[F.nfproto] = normalize([NFPROTO_IPV4, NFPROTO_IPV4, NFPROTO_IPV6, NFPROTO_IPV6]);
    box[F.ctState] = SINGLE_CT_STATES;
    box[F.iifname] = this.allInterfaces();
    box[F.oifname] = this.allInterfaces();
    return box;
  }

  /** Packets at a hook: which interfaces exist there. */
  hookUniverse(hook: Hook): Box {
    const box = this.anyPacket().slice();
    const none: IntervalSet = [0n, 0n];
    const some: IntervalSet = this.alphabet.size > 1 ? [1n, BigInt(this.alphabet.size - 1)] : [];
    switch (hook) {
      case 'prerouting':
      case 'input':
      case 'ingress':
        box[F.iifname] = some;
        box[F.oifname] = none;
        break;
      case 'forward':
        box[F.iifname] = some;
        box[F.oifname] = some;
        break;
      case 'output':
        box[F.iifname] = none;
        box[F.oifname] = some;
        break;
      case 'postrouting':
      case 'egress':
        box[F.oifname] = some;
        break;
    }
    return box;
  }

  /** The packets a base chain of `family` sees at all (before its rules run). */
  chainFilter(chain: Chain): Box {
    const box = ANY_BOX.slice();
    if (chain.family === 'ip') box[F.nfproto] = [NFPROTO_IPV4, NFPROTO_IPV4];
    if (chain.family === 'ip6') box[F.nfproto] = [NFPROTO_IPV6, NFPROTO_IPV6];
    // NAT chains see only the first packet of a connection; conntrack handles the rest.
    if (chain.base?.type === 'nat') box[F.ctState] = CT_NEW;
    return box;
  }

  universeOf(chain: Chain): Box {
    const base = chain.base ? this.hookUniverse(chain.base.hook) : this.anyPacket();
    const filter = this.chainFilter(chain);
    const out = base.slice();
    filter.forEach((set, f) => {
      if (set !== undefined) out[f] = set;
    });
    return out;
  }

  contextOf(chain: Chain): CompileContext {
    let ctx = this.contexts.get(chain);
    if (!ctx) {
      ctx = {
        alphabet: this.alphabet,
        maxima: this.maxima,
        universe: this.universeOf(chain),
        sets: this.directory.setsOf(chain),
        ctStateKnown: !this.preConntrack.has(chain),
      };
      this.contexts.set(chain, ctx);
    }
    return ctx;
  }

  /** The rule compiled against its chain's context; `chain`, when the caller knows it, saves looking it up. */
  compiled(rule: Rule, ruleChain?: Chain): CompiledRule {
    let compiled = this.compiledRules.get(rule);
    if (!compiled) {
      const chain = ruleChain ?? this.chainOf(rule);
      if (!chain) throw new Error(`rule is not part of this model's ruleset: ${rule.text}`);
      compiled = compileRule(rule, this.contextOf(chain));
      this.compiledRules.set(rule, compiled);
    }
    return compiled;
  }

  private chainOf(rule: Rule): Chain | undefined {
    if (this.chainOfRule === undefined) {
      this.chainOfRule = new Map();
      for (const table of this.ruleset.tables) {
        for (const chain of table.chains) {
          for (const member of chain.rules) this.chainOfRule.set(member, chain);
        }
      }
    }
    return this.chainOfRule.get(rule);
  }

  baseChains(hook: Hook): Chain[] {
    const chains: Chain[] = [];
    for (const table of this.ruleset.tables) {
      for (const chain of table.chains) {
        if (chain.base?.hook === hook && familySeesIp(chain.family, hook)) chains.push(chain);
      }
    }
    // A stable sort keeps file order for equal priorities, whose real order the kernel leaves open.
    return chains.sort((a, b) => a.base!.priority - b.base!.priority);
  }

  private allInterfaces(): IntervalSet {
    return [0n, BigInt(this.alphabet.size - 1)];
  }

  /** Chains reachable from a base chain that runs before conntrack: there `ct state` is unknown. */
  private markPreConntrack(): void {
    const pending: Chain[] = [];
    for (const table of this.ruleset.tables) {
      for (const chain of table.chains) {
        if (chain.base && chain.base.priority <= CONNTRACK_PRIORITY) pending.push(chain);
      }
    }
    while (pending.length > 0) {
      const chain = pending.pop()!;
      if (this.preConntrack.has(chain)) continue;
      this.preConntrack.add(chain);
      for (const rule of chain.rules) {
        for (const jump of this.directory.jumpsOf(rule, chain)) {
          const target = this.directory.chain(chain, jump.target);
          if (target) pending.push(target);
        }
      }
    }
  }
}

function buildAlphabet(ruleset: Ruleset): InterfaceAlphabet {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  // Indexed loops: this runs once per model, often before for-of over these arrays is optimised,
  // and unoptimised for-of allocates an iterator result per element of every rule.
  const note = (items: readonly ValueItem[]): void => {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'iface') (item.wildcard ? prefixes : literals).add(item.name);
    }
  };
  const noteRule = (rule: Rule): void => {
    const matches = rule.matches;
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m]!;
      // Only interface fields hold interface names: other matches' items need not be read at all.
      if (match.kind === 'field') {
        if (FIELDS[match.field].kind === 'interface') note(match.items);
      } else if (match.kind === 'concat') for (let t = 0; t < match.tuples.length; t++) note(match.tuples[t]!);
    }
    if (rule.verdict?.kind === 'vmap') for (const entry of rule.verdict.entries) note(entry.key);
  };
  for (const table of ruleset.tables) {
    for (const set of table.sets) for (const element of set.elements) note(element.key);
    for (const chain of table.chains) {
      for (const device of chain.base?.devices ?? []) literals.add(device);
      const rules = chain.rules;
      for (let r = 0; r < rules.length; r++) noteRule(rules[r]!);
    }
  }
  return new InterfaceAlphabet(literals, prefixes);
}
