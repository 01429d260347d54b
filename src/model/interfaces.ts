import type { IntervalSet } from './intervals.js';
import { normalize } from './intervals.js';

/**
 * Interface names as a finite alphabet, which makes wildcard and negated name matches exact:
 * every literal name of the ruleset, one fresh name per wildcard prefix (it starts with the prefix
 * but is nothing else the ruleset names), one fully fresh name, and "" for "no device"
 * (the input interface of locally generated packets, the output interface in prerouting/input).
 * Any real name behaves exactly like one of these symbols.
 */
export class InterfaceAlphabet {
  readonly names: readonly string[];
  private readonly literals: ReadonlyMap<string, number>;
  private readonly prefixes: readonly string[];
  private readonly freshForPrefix: ReadonlyMap<string, number>;
  private readonly fullyFresh: number;

  constructor(literalNames: Iterable<string>, wildcardPrefixes: Iterable<string>) {
    const prefixes = [...new Set(wildcardPrefixes)].sort();
    const literals = [...new Set(['', ...literalNames])].sort();
    const names = [...literals];
    const taken = new Set(names);
    const freshFor = new Map<string, number>();
    for (const prefix of prefixes) {
      const longer = prefixes.filter((p) => p.length > prefix.length && p.startsWith(prefix));
      const name = freshName(prefix, (candidate) => taken.has(candidate) || longer.some((p) => candidate.startsWith(p)));
      taken.add(name);
      freshFor.set(prefix, names.length);
      names.push(name);
    }
    const fully = freshName('', (c) => c === '' || taken.has(c) || prefixes.some((p) => c.startsWith(p)));
    this.fullyFresh = names.length;
    names.push(fully);
    this.names = names;
    this.literals = new Map(literals.map((name, i) => [name, i]));
    this.prefixes = prefixes;
    this.freshForPrefix = freshFor;
  }

  get size(): number {
    return this.names.length;
  }

  /** Symbols a match item selects: one literal, or every symbol starting with the prefix. */
  select(name: string, wildcard: boolean): IntervalSet {
    if (!wildcard) {
      const index = this.literals.get(name);
      return index === undefined ? [] : [BigInt(index), BigInt(index)];
    }
    const flat: bigint[] = [];
    this.names.forEach((symbol, i) => {
      if (symbol.startsWith(name)) flat.push(BigInt(i), BigInt(i));
    });
    return normalize(flat);
  }

  /** The symbol standing for a real interface name. */
  symbolOf(name: string): number {
    const literal = this.literals.get(name);
    if (literal !== undefined) return literal;
    let best: string | undefined;
    for (const prefix of this.prefixes) {
      if (name.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
    }
    return best === undefined ? this.fullyFresh : (this.freshForPrefix.get(best) ?? this.fullyFresh);
  }

  isLiteral(index: number): boolean {
    return index < this.literals.size;
  }
}

function freshName(prefix: string, clashes: (candidate: string) => boolean): string {
  const stems = prefix === '' ? ['eth', 'ens', 'if'] : [prefix];
  for (let n = 0; ; n++) {
    for (const stem of stems) {
      const candidate = prefix === '' ? `${stem}${n}` : `${stem}${9 + n}`;
      if (!clashes(candidate)) return candidate;
    }
  }
}
