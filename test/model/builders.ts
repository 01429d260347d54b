import { parsePrefix } from '../../src/data/addresses.js';
import type {
  BaseChainSpec,
  Chain,
  ConcatMatch,
  Family,
  FieldMatch,
  FieldName,
  Hook,
  Match,
  OpaqueMatch,
  Rule,
  Ruleset,
  SetDecl,
  SimpleVerdict,
  SourceSpan,
  Table,
  ValueItem,
  Verdict,
} from '../../src/ir.js';

/** Hand-built IR for model tests: every node gets the next line of an imaginary file. */
export class RulesetBuilder {
  readonly ruleset: Ruleset;
  private line = 0;

  constructor(
    readonly file = 'test.nft',
    dialect: 'nft' | 'iptables' = 'nft',
  ) {
    this.ruleset = { dialect, sourceFiles: [file], tables: [] };
  }

  span(): SourceSpan {
    this.line++;
    return { file: this.file, line: this.line, column: 1, endLine: this.line, endColumn: 2 };
  }

  table(family: Family, name: string): TableBuilder {
    const table: Table = { family, name, span: this.span(), flags: [], chains: [], sets: [] };
    this.ruleset.tables.push(table);
    return new TableBuilder(this, table);
  }
}

export class TableBuilder {
  constructor(
    private readonly b: RulesetBuilder,
    readonly table: Table,
  ) {}

  base(name: string, hook: Hook, policy: 'accept' | 'drop' = 'accept', priority = 0, type: BaseChainSpec['type'] = 'filter'): ChainBuilder {
    return this.chain(name, { type, hook, priority, priorityText: String(priority), devices: [], policy, policySpan: this.b.span() });
  }

  chain(name: string, base?: BaseChainSpec): ChainBuilder {
    const chain: Chain = { family: this.table.family, table: this.table.name, name, span: this.b.span(), rules: [], ...(base ? { base } : {}) };
    this.table.chains.push(chain);
    return new ChainBuilder(this.b, chain);
  }

  set(name: string, keyFields: FieldName[], elements: ValueItem[][], options: { dynamic?: boolean; verdicts?: SimpleVerdict[] } = {}): SetDecl {
    const set: SetDecl = {
      kind: options.verdicts ? 'map' : 'set',
      family: this.table.family,
      table: this.table.name,
      name,
      span: this.b.span(),
      keyType: keyFields.join(' . '),
      keyFields,
      flags: [],
      elements: elements.map((key, i) => ({ key, ...(options.verdicts ? { verdict: options.verdicts[i]! } : {}) })),
      dynamic: options.dynamic ?? false,
    };
    this.table.sets.push(set);
    return set;
  }
}

export class ChainBuilder {
  constructor(
    private readonly b: RulesetBuilder,
    readonly chain: Chain,
  ) {}

  rule(text: string, matches: Match[], verdict?: Verdict | 'accept' | 'drop' | 'return' | 'continue'): Rule {
    const span = this.b.span();
    const rule: Rule = {
      family: this.chain.family,
      table: this.chain.table,
      chain: this.chain.name,
      span,
      text,
      matches,
      statements: [],
      ...(verdict === undefined ? {} : { verdict: typeof verdict === 'string' ? { kind: verdict, span } : verdict }),
    };
    this.chain.rules.push(rule);
    return rule;
  }
}

const SPAN: SourceSpan = { file: 'test.nft', line: 0, column: 1, endLine: 0, endColumn: 2 };

export function range(low: bigint | number, high: bigint | number = low): ValueItem {
  return { kind: 'range', low: BigInt(low), high: BigInt(high) };
}

export function prefix(text: string): ValueItem {
  const parsed = parsePrefix(text);
  if (!parsed) throw new Error(`bad prefix ${text}`);
  return { kind: 'range', low: parsed.range.low, high: parsed.range.high };
}

export function field(name: FieldName, items: ValueItem[], negate = false, implicit = false): FieldMatch {
  return { kind: 'field', field: name, negate, items, span: SPAN, text: `${name} …`, ...(implicit ? { implicit } : {}) };
}

/** `ip saddr X` as the nft grammar emits it: the nfproto dependency plus the address match. */
export function ipSaddr(...prefixes: string[]): Match[] {
  return [field('nfproto', [range(2)], false, true), field('saddr4', prefixes.map(prefix))];
}

export function ipDaddr(...prefixes: string[]): Match[] {
  return [field('nfproto', [range(2)], false, true), field('daddr4', prefixes.map(prefix))];
}

export function tcpDport(...ports: (number | [number, number])[]): Match[] {
  return [
    field('l4proto', [range(6)], false, true),
    field('dport', ports.map((p) => (Array.isArray(p) ? range(p[0], p[1]) : range(p)))),
  ];
}

export function udpDport(...ports: number[]): Match[] {
  return [field('l4proto', [range(17)], false, true), field('dport', ports.map((p) => range(p)))];
}

export function iifname(name: string, negate = false): FieldMatch {
  const wildcard = name.endsWith('*');
  return field('iifname', [{ kind: 'iface', name: wildcard ? name.slice(0, -1) : name, wildcard }], negate);
}

export function ctState(bits: number, negate = false): FieldMatch {
  return field('ctState', [{ kind: 'anyBits', mask: BigInt(bits) }], negate);
}

export function opaque(what: string, nondeterministic: boolean): OpaqueMatch {
  return { kind: 'opaque', what, nondeterministic, span: SPAN, text: what };
}

export function concat(fields: FieldName[], tuples: ValueItem[][], setRef?: string): ConcatMatch {
  return { kind: 'concat', fields, negate: false, tuples, span: SPAN, text: fields.join(' . '), ...(setRef ? { setRef: { name: setRef } } : {}) };
}

export function jump(target: string): SimpleVerdict {
  return { kind: 'jump', target, span: SPAN };
}

export function goto(target: string): SimpleVerdict {
  return { kind: 'goto', target, span: SPAN };
}

export function verdict(kind: 'accept' | 'drop' | 'return' | 'continue'): SimpleVerdict {
  return { kind, span: SPAN };
}
