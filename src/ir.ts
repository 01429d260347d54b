/**
 * The dialect-neutral intermediate representation. Both grammars (grammar/nft, grammar/iptables)
 * produce it; the semantic model (src/model) and the rules read it. It holds values already
 * normalised to numbers and ranges, so nothing downstream needs to know how a dialect spells them.
 */

/** 1-based line and column; `endColumn` points one past the last character (ESLint convention). */
export interface SourceSpan {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Dialect = 'nft' | 'iptables';
export type Family = 'ip' | 'ip6' | 'inet' | 'arp' | 'bridge' | 'netdev';
export type Hook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting' | 'ingress' | 'egress';
export type ChainType = 'filter' | 'nat' | 'route';

export interface Ruleset {
  dialect: Dialect;
  /** Every file that contributed, the linted file first, then includes in load order. */
  sourceFiles: string[];
  tables: Table[];
}

export interface Table {
  family: Family;
  name: string;
  span: SourceSpan;
  flags: string[];
  chains: Chain[];
  sets: SetDecl[];
}

export interface BaseChainSpec {
  type: ChainType;
  hook: Hook;
  priority: number;
  /** What the file wrote (`filter - 1`, `$prio`, `-150`), for messages. */
  priorityText: string;
  devices: string[];
  policy: 'accept' | 'drop';
  /** Where the policy was set; absent when it is the implicit default (`accept`). */
  policySpan?: SourceSpan;
}

export interface Chain {
  family: Family;
  table: string;
  name: string;
  span: SourceSpan;
  base?: BaseChainSpec;
  /** nft `jump { ... }` bodies become chains of their own, named after the rule that holds them. */
  anonymous?: boolean;
  rules: Rule[];
}

/**
 * Packet fields the model reasons about exactly. Anything else a rule tests is an OpaqueMatch.
 * Port and ICMP fields are meaningful only together with an `l4proto` match, which the grammars
 * emit as an implicit dependency exactly as nft and iptables add it.
 */
export type FieldName =
  | 'nfproto'
  | 'saddr4'
  | 'daddr4'
  | 'saddr6'
  | 'daddr6'
  | 'l4proto'
  | 'sport'
  | 'dport'
  | 'icmpType'
  | 'icmpCode'
  | 'iifname'
  | 'oifname'
  | 'ctState'
  | 'ctStatus'
  | 'ctDirection'
  | 'mark'
  | 'ctMark'
  | 'skuid'
  | 'skgid'
  | 'tcpFlags'
  | 'pkttype'
  | 'ttl'
  | 'length';

export interface FieldInfo {
  /** Inclusive upper bound of the field's domain (its lower bound is 0). */
  max: bigint;
  kind: 'number' | 'address' | 'interface' | 'bits';
}

const bits = (n: number): bigint => (1n << BigInt(n)) - 1n;

export const FIELDS: Readonly<Record<FieldName, FieldInfo>> = {
  nfproto: { max: 15n, kind: 'number' },
  saddr4: { max: bits(32), kind: 'address' },
  daddr4: { max: bits(32), kind: 'address' },
  saddr6: { max: bits(128), kind: 'address' },
  daddr6: { max: bits(128), kind: 'address' },
  l4proto: { max: 255n, kind: 'number' },
  sport: { max: 65535n, kind: 'number' },
  dport: { max: 65535n, kind: 'number' },
  icmpType: { max: 255n, kind: 'number' },
  icmpCode: { max: 255n, kind: 'number' },
  iifname: { max: 0n, kind: 'interface' },
  oifname: { max: 0n, kind: 'interface' },
  ctState: { max: 127n, kind: 'bits' },
  ctStatus: { max: bits(16), kind: 'bits' },
  ctDirection: { max: 1n, kind: 'number' },
  mark: { max: bits(32), kind: 'number' },
  ctMark: { max: bits(32), kind: 'number' },
  skuid: { max: bits(32), kind: 'number' },
  skgid: { max: bits(32), kind: 'number' },
  tcpFlags: { max: 255n, kind: 'bits' },
  pkttype: { max: 7n, kind: 'number' },
  ttl: { max: 255n, kind: 'number' },
  length: { max: 65535n, kind: 'number' },
};

/** `nfproto` values, as the kernel's NFPROTO numbers. */
export const NFPROTO_IPV4 = 2n;
export const NFPROTO_IPV6 = 10n;

/**
 * One alternative of a match value. A match holds when the field's value is in the union of its
 * items (or, negated, in none of them).
 * - `range`: a single value (low = high), a range, or an address prefix already turned into a range.
 * - `iface`: an interface name; `wildcard` means "any name starting with `name`" (nft `eth*`,
 *   iptables `eth+`).
 * - `masked`: `(x & mask) == value` (non-contiguous masks, `tcp flags syn / syn,ack`, mark/mask).
 * - `anyBits`: `(x & mask) != 0`, nft's meaning of a bare comma list on a bitmask type.
 * - `setRef`: a named set (nft `@name`) or an external ipset (iptables `--match-set`), whose
 *   elements the model looks up (`external` sets have unknown contents).
 */
export type ValueItem =
  | { kind: 'range'; low: bigint; high: bigint }
  | { kind: 'iface'; name: string; wildcard: boolean }
  | { kind: 'masked'; value: bigint; mask: bigint }
  | { kind: 'anyBits'; mask: bigint }
  | { kind: 'setRef'; name: string; external?: boolean };

export interface FieldMatch {
  kind: 'field';
  field: FieldName;
  negate: boolean;
  items: ValueItem[];
  /** True for dependencies the tool adds on its own (`tcp dport` ⇒ `l4proto tcp`). */
  implicit?: boolean;
  span: SourceSpan;
  text: string;
}

/** `ip saddr . tcp dport { 10.0.0.1 . 22 }`: each tuple lists one item per field, in order. */
export interface ConcatMatch {
  kind: 'concat';
  fields: FieldName[];
  negate: boolean;
  tuples: ValueItem[][];
  /** A named set of tuples instead of (or besides) literal tuples. */
  setRef?: { name: string; external?: boolean };
  span: SourceSpan;
  text: string;
}

/**
 * A test we parse but do not model. `nondeterministic` marks the ones whose outcome changes from
 * packet to packet for the same header (limit, quota, recent, numgen …); deterministic ones we
 * merely do not understand. The model over-approximates both when asking "can this match?" and
 * under-approximates both when asking "does this certainly decide?".
 */
export interface OpaqueMatch {
  kind: 'opaque';
  /** A short name of what it is (`limit`, `recent`, `fib`, `ip dscp` …). */
  what: string;
  nondeterministic: boolean;
  span: SourceSpan;
  text: string;
}

export type Match = FieldMatch | ConcatMatch | OpaqueMatch;

export type StatementKind =
  | 'counter'
  | 'log'
  | 'limit'
  | 'quota'
  | 'meta-set'
  | 'ct-set'
  | 'payload-set'
  | 'notrack'
  | 'set-update'
  | 'nat'
  | 'dup'
  | 'fwd'
  | 'synproxy'
  | 'tproxy'
  | 'flow-offload'
  | 'comment'
  | 'other';

/**
 * How a statement changes one field for the rules and hooks after it. `value` absent: set to
 * something the model cannot know (`meta mark set ct mark`, a hash). `mask` absent: the whole
 * field becomes `value`; otherwise the new value is `(old & ~mask) ^ value`, iptables'
 * `--set-xmark value/mask`, which also expresses and/or/xor.
 */
export interface FieldEffect {
  field: FieldName;
  value?: bigint;
  mask?: bigint;
}

/** A non-terminal action (or an action whose verdict is carried separately in `Rule.verdict`). */
export interface Statement {
  kind: StatementKind;
  text: string;
  span: SourceSpan;
  /** Why: later matches see the changed packet (a mark set at prerouting, notrack), so the model must apply it. */
  effects?: FieldEffect[];
}

export type SimpleVerdict =
  | { kind: 'accept' | 'drop' | 'return' | 'continue'; span: SourceSpan }
  | { kind: 'reject'; with?: string; span: SourceSpan }
  | { kind: 'jump' | 'goto'; target: string; span: SourceSpan }
  /** Packets go to user space; with `bypass` they are accepted when no listener exists. */
  | { kind: 'queue'; bypass: boolean; span: SourceSpan }
  /** snat/dnat/masquerade/redirect: accept for the NAT chain's base chain. */
  | { kind: 'nat'; nat: 'snat' | 'dnat' | 'masquerade' | 'redirect'; span: SourceSpan }
  /** An extension target we do not model; it may or may not end evaluation. */
  | { kind: 'unknown'; name: string; span: SourceSpan };

export interface VmapEntry {
  key: ValueItem[];
  verdict: SimpleVerdict;
}

/** `tcp dport vmap { 22 : accept, * : drop }`; `*` is an entry whose key is every value. */
export interface VmapVerdict {
  kind: 'vmap';
  fields: FieldName[];
  entries: VmapEntry[];
  setRef?: { name: string };
  /** Set when the key expression is not typed: the verdict then counts as unknown. */
  opaqueKey?: string;
  span: SourceSpan;
}

export type Verdict = SimpleVerdict | VmapVerdict;

export interface Rule {
  family: Family;
  table: string;
  chain: string;
  span: SourceSpan;
  /** The rule as written (one line, whitespace collapsed), for messages. */
  text: string;
  matches: Match[];
  statements: Statement[];
  verdict?: Verdict;
  comment?: string;
  /** Spans of the `include` statements that led to this rule, outermost first. */
  includedFrom?: SourceSpan[];
}

export interface SetElement {
  /** One item per key field (one for plain sets, several for concatenations). */
  key: ValueItem[];
  /** Map data: a verdict for verdict maps, the data text otherwise. */
  verdict?: SimpleVerdict;
  data?: string;
}

export interface SetDecl {
  kind: 'set' | 'map';
  family: Family;
  table: string;
  name: string;
  span: SourceSpan;
  /** The key type as written (`ipv4_addr . inet_service`, `typeof ip saddr`). */
  keyType: string;
  /** Typed key fields when the key type maps onto model fields. */
  keyFields?: FieldName[];
  dataType?: string;
  flags: string[];
  elements: SetElement[];
  /** Contents change at run time (timeout/dynamic flags, or updated from a rule): unknown to us. */
  dynamic: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

/** What the grammars and the resolver report (parse errors, missing includes …). */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  span: SourceSpan;
}

export interface ParseResult {
  ruleset: Ruleset;
  diagnostics: Diagnostic[];
}
