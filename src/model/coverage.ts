import type { Chain, Rule, SimpleVerdict, Verdict } from '../ir.js';
import { type CompileContext, compileRule, type EffectiveRule } from './compile.js';
import { PackedSets } from './packed-sets.js';
import { type Box, boxesOverlapOn, LazyApproxBox, type NarrowedBox, narrowedFields, setsIn, subtractOverlapping, widened } from './box.js';
import type { ModelContext } from './context.js';
import { CoverageIndex, type IndexVisitor, type RuleIndex, type VisitResult } from './coverage-index.js';
import { verdictEffect } from './evaluate.js';
import { MutationFinder } from './overrides.js';
import type { Packet } from './packet.js';
import { intersectAll, subtractAll } from './space.js';
import { witnessOfBoxes } from './witness.js';

export interface Coverage {
  rule: Rule;
  /** Every packet the rule can match is decided by earlier rules (true also when it can match nothing). */
  fullyCovered: boolean;
  /**
   * The earlier rules that decide first part of this rule's packets, in chain order, with those
   * that may decide some of them first (a rate-limited rule, a jump into a chain that may decide).
   */
  coveredBy: readonly Rule[];
  /** Every covering rule gives the same verdict as this rule. */
  sameVerdict: boolean;
  /** The rule's matches select no packet at all (of those that can reach its chain). */
  neverMatches: boolean;
  /** A packet the rule can still match, when not fully covered. */
  witness?: Packet;
}

/** A coverage search gives up (and claims nothing) once the uncovered part splits this much. */
const MAX_REMAINING_BOXES = 512;
/** A jump target whose certainly decided packets split into more boxes than this is handled jump by jump. */
const MAX_CERTAIN_BOXES = 64;
/** Chains longer than this are not summarised for jumps into them: such a jump decides nothing. */
const MAX_SUMMARISED_RULES = 5000;

/**
 * An earlier rule's box in the index. Its sets live in the chain's PackedSets, under its serial;
 * the entry keeps them as bigints (`inexact`) only where doubles cannot hold them exactly.
 */
interface CoverEntry {
  /** Order of creation in the chain, from 0. */
  serial: number;
  /** The fields where the box is narrower than its chain's universe, one bit each. */
  fieldMask: number;
  /** The box's narrowed fields and sets, when the pool holds them only approximately (IPv6 addresses). */
  inexact: NarrowedBox | undefined;
  rule: Rule;
  verdict: SimpleVerdict | undefined;
  /**
   * The rule certainly decides every packet of the box; otherwise it may decide some of them (a
   * rate limit, a jump into a chain that may decide or return): it takes nothing out of what
   * remains, but where it meets it, it is among the rules that decide first.
   */
  certain: boolean;
  /** signatureOf(verdict), computed once rather than at every visit. */
  signature: string;
}

/**
 * Coverage of every rule, in ruleset order (tables, chains, rules). `createIndex` is where earlier
 * rules are looked up; any index that visits the entries overlapping a query in chain order gives
 * the same answers (tests compare the trie index with a plain scan).
 */
export function coverageOfAll(
  ctx: ModelContext,
  createIndex: CreateIndex = (expectedEntries, boxOf) => new CoverageIndex(expectedEntries, boxOf),
): Coverage[] {
  // A list, not a map by rule: filling a map keyed by 100k rules took about 6% of the pass.
  const result: Coverage[] = [];
  const summaries = new ReturnSummaries(ctx);
  for (const table of ctx.ruleset.tables) {
    for (const chain of table.chains) coverChain(ctx, chain, summaries, result, createIndex);
  }
  return result;
}

/**
 * Where coverage looks earlier rules up, made for a chain: about how many entries it will hold,
 * and the box filed under each serial, given back from the entry.
 */
export type CreateIndex = (expectedEntries: number, boxOf: (serial: number) => Box) => RuleIndex;

function coverChain(
  ctx: ModelContext,
  chain: Chain,
  summaries: ReturnSummaries,
  result: Coverage[],
  createIndex: CreateIndex,
): void {
  /** Every entry ever made, for a query's visitor to find by serial. */
  const bySerial: CoverEntry[] = [];
  const packedSets = new PackedSets();
  const context = ctx.contextOf(chain);
  const universe = context.universe;
  const boxOf = (serial: number): Box => widened(bySerial[serial]!.inexact ?? packedSets.narrowed(serial), universe);
  // Most rules file one entry.
  let index = createIndex(chain.rules.length, boxOf);
  /** The entries in the index: all of them, less those a statement that changed their fields dropped. */
  let indexed: CoverEntry[] = [];
  let serial = 0;
  const file = (boxes: readonly Box[], rule: Rule, verdict: SimpleVerdict | undefined, certain: boolean): void => {
    if (boxes.length === 0) return;
    const signature = signatureOf(verdict);
    for (const box of boxes) {
      const fields = narrowedFields(box, universe);
      const exact = packedSets.add(serial, box, fields);
      const inexact = exact ? undefined : { fields, sets: setsIn(box, fields) };
      const entry: CoverEntry = { serial: serial++, fieldMask: maskOf(fields), inexact, rule, verdict, certain, signature };
      bySerial.push(entry);
      index.insert(entry.serial, box);
      indexed.push(entry);
    }
  };
  for (const rule of chain.rules) {
    const compiled = compileRule(rule, context);
    result.push(coverRule(rule, compiled.over, index, bySerial, packedSets, context));
    for (const slice of compiled.effective) {
      file(decidedBoxes(chain, slice.verdict, slice.under, summaries), rule, slice.verdict, true);
      file(mayDecideBoxes(chain, slice, summaries), rule, slice.verdict, false);
    }
    // After a statement changes a field, earlier tests on it no longer describe the packets that go on.
    const mutated = summaries.mutations.ofRule(rule, chain);
    const mutatedMask = mutated.size === 0 ? 0 : maskOf(mutated);
    const kept = mutatedMask === 0 ? indexed : indexed.filter((entry) => (entry.fieldMask & mutatedMask) === 0);
    if (kept.length < indexed.length) {
      indexed = kept;
      index = createIndex(chain.rules.length, boxOf);
      for (const entry of indexed) index.insert(entry.serial, boxOf(entry.serial));
    }
  }
}

/** Fields as bits of one number: there are fewer than 32. */
function maskOf(fields: Iterable<number>): number {
  let mask = 0;
  for (const f of fields) mask |= 1 << f;
  return mask;
}

/** Packets a rule slice certainly takes out of the chain. */
function decidedBoxes(chain: Chain, verdict: SimpleVerdict | undefined, under: Box[], summaries: ReturnSummaries): Box[] {
  const effect = verdictEffect(verdict);
  if (effect === 'none' || under.length === 0) return [];
  if (verdict?.kind === 'unknown') return [];
  if (verdict?.kind === 'jump') {
    const decides = summaries.certainlyDecides(chain, verdict.target);
    return decides === undefined ? subtractAll(under, summaries.mayReturn(chain, verdict.target)) : intersectAll(under, decides);
  }
  return under;
}

/**
 * Packets a rule slice may take out of the chain without certainly doing so: all it matches when
 * an unmodelled test (limit, opaque match) or an unknown target stands in the way, and for a jump,
 * what the chain jumped to may decide.
 */
function mayDecideBoxes(chain: Chain, slice: EffectiveRule, summaries: ReturnSummaries): Box[] {
  const verdict = slice.verdict;
  const effect = verdictEffect(verdict);
  if (effect === 'none' || slice.over.length === 0) return [];
  if (verdict?.kind === 'jump') return intersectAll(slice.over, summaries.mayDecide(chain, verdict.target));
  return verdict?.kind === 'unknown' || slice.under.length === 0 ? slice.over : [];
}

/** Stands for the rule's own first box, uncovered: compiled again if a witness is asked for rather than kept. */
const WHOLE_RULE = 'whole rule';

/** A coverage result; the witness is computed only when asked for. */
class CoverageResult implements Coverage {
  constructor(
    readonly rule: Rule,
    readonly fullyCovered: boolean,
    readonly coveredBy: readonly Rule[],
    readonly sameVerdict: boolean,
    readonly neverMatches: boolean,
    private readonly uncovered: Box | typeof WHOLE_RULE | undefined,
    private readonly context: CompileContext,
  ) {}

  get witness(): Packet | undefined {
    if (this.uncovered === undefined) return undefined;
    const box = this.uncovered === WHOLE_RULE ? compileRule(this.rule, this.context).over[0]! : this.uncovered;
    return witnessOfBoxes([box], this.context.alphabet);
  }
}

/** Most rules are covered by no rule: they share one empty list. */
const NO_RULES: readonly Rule[] = [];

function coverRule(
  rule: Rule,
  over: Box[],
  index: RuleIndex,
  bySerial: readonly CoverEntry[],
  packedSets: PackedSets,
  context: CompileContext,
): Coverage {
  if (over.length === 0) return new CoverageResult(rule, true, NO_RULES, true, true, undefined, context);
  const search = new CoverSearch(over, bySerial, packedSets);
  index.query(over, search);
  const { covering, remaining, gaveUp } = search;
  // Entries come in chain order, so the slices of one rule sit side by side.
  const coveredBy: Rule[] = [];
  for (const entry of covering) if (coveredBy[coveredBy.length - 1] !== entry.rule) coveredBy.push(entry.rule);
  const signature = signatureOf(rule.verdict);
  const sameVerdict = covering.every((e) => e.signature === signature);
  // One uncovered box is enough for a witness; keeping them all would hold every fragment alive.
  const uncovered = remaining.length > 0 && !gaveUp ? remaining[0] : undefined;
  const kept = uncovered === over[0] ? WHOLE_RULE : uncovered;
  return new CoverageResult(rule, remaining.length === 0, coveredBy.length > 0 ? coveredBy : NO_RULES, sameVerdict, false, kept, context);
}

/**
 * One rule's search, in chain order, for the earlier entries that decide its packets: what is
 * still undecided and who decided the rest. A class rather than closures, so that the index calls
 * one shape of visitor.
 */
class CoverSearch implements IndexVisitor {
  remaining: Box[];
  readonly covering: CoverEntry[] = [];
  gaveUp = false;
  /** The rule's own boxes as doubles: what is left lies inside them, so a cheap first check. */
  private readonly overApprox: LazyApproxBox[];
  /** `remaining` as doubles (same order), so most disjoint boxes are told apart without bigints. */
  private remainingApprox: LazyApproxBox[];

  constructor(
    over: Box[],
    private readonly bySerial: readonly CoverEntry[],
    private readonly packedSets: PackedSets,
  ) {
    this.remaining = over;
    this.overApprox = over.map((box) => new LazyApproxBox(box));
    this.remainingApprox = this.overApprox;
  }

  finished(): boolean {
    return this.remaining.length === 0 || this.gaveUp;
  }

  visit(serial: number): VisitResult {
    if (!this.mayOverlapRule(serial)) return 'unchanged';
    const entry = this.bySerial[serial]!;
    if (!entry.certain) {
      if (this.meetsRemaining(entry)) this.covering.push(entry);
      return 'unchanged';
    }
    if (!this.subtract(entry)) return 'unchanged';
    this.covering.push(entry);
    this.gaveUp = this.remaining.length > MAX_REMAINING_BOXES;
    return this.finished() ? 'done' : 'unchanged';
  }

  private mayOverlapRule(serial: number): boolean {
    for (const box of this.overApprox) if (this.packedSets.mayOverlap(box, serial)) return true;
    return false;
  }

  private meetsRemaining(entry: CoverEntry): boolean {
    const boxes = this.remaining;
    for (let i = 0; i < boxes.length; i++) if (this.overlaps(i, entry)) return true;
    return false;
  }

  /** Whether remaining box `i` meets the entry: its doubles decide, unless they are only approximations. */
  private overlaps(i: number, entry: CoverEntry): boolean {
    if (!this.packedSets.mayOverlap(this.remainingApprox[i]!, entry.serial)) return false;
    return entry.inexact === undefined || boxesOverlapOn(this.remaining[i]!, entry.inexact);
  }

  /** Takes the entry's box out of what remains; false when they do not overlap (nothing changes). */
  private subtract(entry: CoverEntry): boolean {
    const boxes = this.remaining;
    const approximations = this.remainingApprox;
    let out: Box[] | undefined;
    let outApprox: LazyApproxBox[] | undefined;
    let sets: NarrowedBox | undefined;
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i]!;
      if (!this.overlaps(i, entry)) {
        out?.push(box);
        outApprox?.push(approximations[i]!);
        continue;
      }
      out ??= boxes.slice(0, i);
      outApprox ??= approximations.slice(0, i);
      sets ??= entry.inexact ?? this.packedSets.narrowed(entry.serial);
      for (const piece of subtractOverlapping(box, sets)) {
        out.push(piece);
        outApprox.push(new LazyApproxBox(piece));
      }
    }
    if (out === undefined || outApprox === undefined) return false;
    this.remaining = out;
    this.remainingApprox = outApprox;
    return true;
  }
}

/** Compares verdicts by effect: same kind, same target, same reject type. */
export function signatureOf(verdict: Verdict | undefined): string {
  if (verdict === undefined) return 'none';
  switch (verdict.kind) {
    case 'jump':
    case 'goto':
      return `${verdict.kind} ${verdict.target}`;
    case 'reject':
      return `reject ${verdict.with ?? ''}`;
    case 'nat':
      return `nat ${verdict.nat}`;
    case 'unknown':
      return `unknown ${verdict.name}`;
    case 'vmap':
      return `vmap ${verdict.entries.map((e) => signatureOf(e.verdict)).join(',')} ${verdict.setRef?.name ?? ''}`;
    default:
      return verdict.kind;
  }
}

/** A per-chain answer, computed once; a chain met again while its own answer is computed gets `looped`. */
class PerChain {
  private readonly answers = new Map<Chain, Box[]>();
  private readonly computing = new Set<Chain>();

  constructor(
    private readonly compute: (chain: Chain) => Box[],
    private readonly looped: () => Box[],
  ) {}

  of(chain: Chain): Box[] {
    const known = this.answers.get(chain);
    if (known) return known;
    if (this.computing.has(chain)) return this.looped();
    this.computing.add(chain);
    const answer = this.compute(chain);
    this.computing.delete(chain);
    this.answers.set(chain, answer);
    return answer;
  }
}

/** Over-approximations of the packets that can come back from a jump into each chain, and of those it may decide there. */
class ReturnSummaries {
  // A loop makes the ruleset invalid; assuming every packet returns, or may be decided, claims nothing.
  private readonly returning = new PerChain((chain) => this.summarise(chain), () => [this.ctx.anyPacket()]);
  private readonly deciding = new PerChain((chain) => this.decidedIn(chain), () => [this.ctx.anyPacket()]);

  /** Per chain, the packets that certainly do not come back from it; undefined where that splits too much. */
  private readonly certain = new Map<Chain, Box[] | undefined>();

  readonly mutations: MutationFinder;

  constructor(private readonly ctx: ModelContext) {
    this.mutations = new MutationFinder(ctx.directory);
  }

  mayReturn(from: Chain, name: string): Box[] {
    const target = this.ctx.directory.chain(from, name);
    return target ? this.returning.of(target) : [this.ctx.anyPacket()];
  }

  /**
   * The packets a jump into chain `name` certainly decides there: every packet less those that may
   * come back. Computed once per chain, so that each jump intersects with it rather than
   * subtracting the returning packets again; undefined when it would split into too many boxes.
   */
  certainlyDecides(from: Chain, name: string): Box[] | undefined {
    const target = this.ctx.directory.chain(from, name);
    if (!target) return [];
    if (!this.certain.has(target)) this.certain.set(target, this.neverReturning(target));
    return this.certain.get(target);
  }

  private neverReturning(chain: Chain): Box[] | undefined {
    let decided: Box[] = [this.ctx.anyPacket()];
    for (const back of this.returning.of(chain)) {
      decided = subtractAll(decided, [back]);
      if (decided.length > MAX_CERTAIN_BOXES) return undefined;
    }
    return decided;
  }

  /** Over-approximation of the packets a jump into chain `name` may decide there (accept, drop, goto …). */
  mayDecide(from: Chain, name: string): Box[] {
    const target = this.ctx.directory.chain(from, name);
    return target ? this.deciding.of(target) : [this.ctx.anyPacket()];
  }

  private decidedIn(chain: Chain): Box[] {
    const everything = [this.ctx.anyPacket()];
    if (chain.rules.length > MAX_SUMMARISED_RULES || this.mutations.ofChain(chain).size > 0) return everything;
    const decided: Box[] = [];
    for (const rule of chain.rules) {
      for (const slice of this.ctx.compiled(rule, chain).effective) {
        const effect = verdictEffect(slice.verdict);
        if (effect === 'none' || effect === 'return') continue;
        if (effect === 'jump') decided.push(...intersectAll(slice.over, this.mayDecide(chain, targetOf(slice.verdict))));
        else decided.push(...slice.over);
        if (decided.length > MAX_REMAINING_BOXES) return everything;
      }
    }
    return decided;
  }

  private summarise(chain: Chain): Box[] {
    const everything = [this.ctx.anyPacket()];
    // Rules after a statement that changes the packet test changed values: no summary in arrival terms.
    if (chain.rules.length > MAX_SUMMARISED_RULES || this.mutations.ofChain(chain).size > 0) return everything;
    let pending: Box[] = everything;
    let returning: Box[] = [];
    for (const rule of chain.rules) {
      if (pending.length === 0) break;
      if (pending.length > MAX_REMAINING_BOXES) return everything;
      for (const slice of this.ctx.compiled(rule, chain).effective) {
        const verdict = slice.verdict;
        switch (verdictEffect(verdict)) {
          case 'none':
            break;
          case 'undetermined':
            if (verdict?.kind === 'queue') pending = subtractAll(pending, slice.under);
            break;
          case 'return':
            returning = [...returning, ...intersectAll(pending, slice.over)];
            pending = subtractAll(pending, slice.under);
            break;
          case 'jump':
            pending = subtractAll(pending, subtractAll(slice.under, this.mayReturn(chain, targetOf(verdict))));
            break;
          case 'goto': {
            const back = this.mayReturn(chain, targetOf(verdict));
            returning = [...returning, ...intersectAll(intersectAll(pending, slice.over), back)];
            pending = subtractAll(pending, slice.under);
            break;
          }
          default:
            pending = subtractAll(pending, slice.under);
        }
      }
    }
    return [...returning, ...pending];
  }
}

function targetOf(verdict: SimpleVerdict | undefined): string {
  return verdict !== undefined && (verdict.kind === 'jump' || verdict.kind === 'goto') ? verdict.target : '';
}
