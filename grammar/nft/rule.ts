import type { SourceSpan } from '../../src/ir.js';
import { type Atom, type Group, isGroup } from './ast.js';
import { portWithoutTransport, TRANSPORT_MAPPING_MESSAGE } from './checks/nat-transport.js';
import { binopChainTooLong } from './checks/binop-chain.js';
import { concatenationConstant } from './checks/concatenation.js';
import { mapUseProblems, natMapUse } from './checks/map-uses.js';
import { natFamilyMessage, natFamilyMissing } from './checks/nat-family.js';
import { prefixProblem } from './checks/prefix-length.js';
import { TransportContext } from './checks/transport-conflict.js';
import { rawPayloadProblem } from './checks/raw-payload.js';
import { elementProblems } from './checks/set-elements.js';
import { metaNotSettable, oversizedShift, rangeStart, tproxyRange } from './checks/statement-values.js';
import { arpCtAddress } from './checks/arp-ct-address.js';
import { Cursor } from './cursor.js';
import { NOTRACK_EFFECTS, setEffects } from './effects.js';
import { type Lhs, readExpression, readLhs, readPrimary, readRhs } from './expression.js';
import { GLOBAL_KEYWORDS } from './keywords.js';
import { addDependencies, buildMatch, type MatchSite, relOp } from './match.js';
import { atomsSpan, isToken, isWord, unquote } from './source.js';
import { COUNTER_OPTIONS, type RuleBody, type RuleEnv, StatementReader, SYNPROXY_OPTIONS } from './statements.js';
import { buildVmap, verdictFromAtoms, type VerdictEnv } from './verdicts.js';

export type { RuleBody, RuleEnv } from './statements.js';

class RuleReader extends StatementReader implements VerdictEnv {
  private readonly protocols = new TransportContext();

  read(): RuleBody {
    const c = this.c;
    const shift = oversizedShift(c.atoms);
    if (shift !== undefined) this.fail(shift, 'shifts exceeding 4294967295 bits are not supported');
    const untyped = arpCtAddress(c.atoms, this.env.family);
    if (untyped !== undefined) this.fail(untyped.atom, untyped.message);
    while (!c.done() && !this.failed) {
      const start = c.index;
      const atom = c.peek()!;
      if (this.body.comment !== undefined) {
        this.unexpected('newline or ";" (a rule comment must come last)');
        break;
      }
      const w = c.word();
      // A verdict map may be followed by statements (`vmap @m counter`), other verdicts may not.
      if (this.body.verdict !== undefined && this.body.verdict.kind !== 'vmap' && w !== 'comment') {
        this.fail(atom, 'statement after a terminal statement has no effect');
        break;
      }
      if (w === undefined) {
        if (isToken(atom, 'At')) this.match(start);
        else this.unexpected('a statement');
        continue;
      }
      this.dispatch(w, start);
    }
    if (!this.failed) {
      const problem = this.maps.flatMap((use) => mapUseProblems(use, this.env.setKind, this.env.source))[0];
      if (problem !== undefined) this.env.diagnostics.push(problem);
    }
    return this.body;
  }

  private dispatch(w: string, start: number): void {
    const c = this.c;
    switch (w) {
      case 'accept':
      case 'drop':
      case 'continue':
      case 'return':
      case 'jump':
      case 'goto':
        return this.verdict();
      case 'comment': {
        c.index++;
        const text = c.peek();
        if (!isToken(text, 'QuotedString') && !isWord(text)) return this.unexpected('a quoted string after "comment"');
        c.index++;
        this.body.comment = unquote(text.image);
        return;
      }
      case 'counter':
        c.index++;
        this.options(COUNTER_OPTIONS);
        return this.statement('counter', start);
      case 'log':
        c.index++;
        return this.log(start);
      case 'limit':
      case 'quota':
        c.index++;
        return this.limitOrQuota(w, start);
      case 'notrack':
        c.index++;
        return this.statement('notrack', start, NOTRACK_EFFECTS);
      case 'reject':
        c.index++;
        return this.reject(start);
      case 'snat':
      case 'dnat':
      case 'masquerade':
      case 'redirect': {
        c.index++;
        this.freeArguments();
        const unknownFamily = natFamilyMissing(c.atoms, start, this.body.matches, this.env.family);
        if (unknownFamily !== undefined) return this.fail(unknownFamily, natFamilyMessage(w));
        const port = portWithoutTransport(c.atoms, start, c.index, this.body.matches);
        if (port !== undefined) return this.fail(port, TRANSPORT_MAPPING_MESSAGE);
        const natMap = natMapUse(c.atoms, start + 1, c.index);
        if (natMap?.problem !== undefined) return this.fail(natMap.problem.atom, natMap.problem.message);
        if (natMap !== undefined) this.maps.push(natMap.use);
        this.statement('nat', start);
        this.setVerdict({ kind: 'nat', nat: w, span: this.site(start).span });
        return;
      }
      case 'queue':
        c.index++;
        return this.queue(start);
      case 'dup':
      case 'fwd':
        c.index++;
        c.accept('ip', 'ip6');
        for (const [keyword, what] of [['to', `a target after "${w} to"`], ['device', 'a device']] as const) {
          if (c.accept(keyword) === undefined) continue;
          const valueStart = c.index;
          if (!readExpression(c, this.maps)) return this.unexpected(what);
          const range = rangeStart(c.atoms.slice(valueStart, c.index));
          if (range !== undefined) return this.fail(range, `${w}: range argument not supported`);
        }
        return this.statement(w, start);
      case 'tproxy': {
        c.index++;
        const argumentsStart = c.index;
        this.freeArguments();
        const problem = tproxyRange(c.atoms.slice(argumentsStart, c.index));
        if (problem !== undefined) return this.fail(problem.atom, problem.message);
        return this.statement('tproxy', start);
      }
      case 'synproxy':
        c.index++;
        this.options(SYNPROXY_OPTIONS);
        return this.statement('synproxy', start);
      case 'flow':
        return this.flow(start);
      case 'add':
      case 'update':
      case 'delete':
        if (c.isType('At', 1)) return this.setUpdate(start);
        return this.unexpected('a statement');
      case 'meter':
        return this.meter(start);
      case 'xt':
        return this.xt(start);
      case 'tunnel':
        c.index++;
        if (c.accept('name') === undefined || !readExpression(c, this.maps, true)) return this.unexpected('"name" and a tunnel object');
        return this.statement('other', start);
      case 'ct':
        if (c.word(1) === 'count') {
          c.index += 2;
          c.accept('over');
          if (!readPrimary(c, [])) return this.unexpected('a number after "ct count"');
          this.opaque('ct count', start, true);
          return this.statement('other', start);
        }
        return this.match(start);
      default:
        return this.match(start);
    }
  }

  private verdict(): void {
    const c = this.c;
    const keyword = c.next();
    const kind = (keyword as { image: string }).image;
    const atoms: Atom[] = [keyword];
    if (kind === 'jump' || kind === 'goto') {
      const target = c.peek();
      if (target === undefined || (!isGroup(target) && !isWord(target))) return this.unexpected('a chain name');
      if (!isGroup(target) && GLOBAL_KEYWORDS.has(target.image)) {
        c.index++;
        return this.fail(target, `syntax error, unexpected "${target.image}", expecting a chain name ("${target.image}" is a keyword)`);
      }
      atoms.push(c.next());
    }
    // The verdict's atoms are exactly the statement's, so its span is the statement's too.
    const verdict = verdictFromAtoms(atoms, this);
    if (verdict === undefined) return this.unexpected('a chain name');
    this.setVerdict(verdict);
  }

  span(first: Atom, last: Atom): SourceSpan {
    return atomsSpan(this.env.source, first, last);
  }

  anonymousChain(body: Group, holder: Atom): string {
    return this.env.anonymousChain(body, holder);
  }

  private match(start: number): void {
    const c = this.c;
    const lhs = readLhs(c);
    if (lhs === undefined) {
      const head = c.word();
      if (head === 'meta' || head === 'ct') {
        c.index++;
        return this.unexpected(`a ${head} key (${head === 'meta' ? 'mark, iifname, l4proto, nfproto …' : 'state, status, mark, helper …'})`);
      }
      return this.unexpected('a statement');
    }
    const setting = c.word() === 'set';
    const lhsProblem = rawPayloadProblem(lhs, !setting) ?? concatenationConstant(lhs) ?? binopChainTooLong(lhs) ?? this.protocols.conflict(lhs);
    if (lhsProblem !== undefined) return this.fail(lhsProblem.atom, lhsProblem.message);
    if (setting) return this.setStatement(lhs, start);
    const lhsEnd = c.index - 1;
    let lhsSiteMemo: MatchSite | undefined;
    const lhsSite = (): MatchSite => (lhsSiteMemo ??= this.siteBetween(start, lhsEnd));
    if (c.accept('vmap') !== undefined) {
      const table: Atom[] = [];
      if (!readPrimary(c, table)) return this.unexpected('"{" or "@map" after "vmap"');
      const vmap = buildVmap(lhs, table, lhsSite().text, this.site(start).span, this);
      if (vmap === undefined) return this.unexpected('"key : verdict" elements');
      this.maps.push({ table, keyParts: lhs.parts.length, objects: false });
      addDependencies(this.body.matches, this.env.family, lhs, lhsSite);
      this.setVerdict(vmap);
      return;
    }
    let op = relOp(c.isType('Bang') ? undefined : c.word() ?? (c.peek() as { image?: string } | undefined)?.image);
    if (op !== undefined) c.index++;
    else op = 'implicit';
    const rhs = readRhs(c);
    if (rhs.length === 0) return this.unexpected(`a value after "${lhsSite().text}"`);
    const badPrefix = prefixProblem(lhs, rhs);
    if (badPrefix !== undefined) return this.fail(badPrefix.atom, badPrefix.message);
    const only = rhs[0]!;
    if (lhs.parts.length > 1 && rhs.length === 1 && isGroup(only)) {
      const problem = elementProblems(only, { kind: 'set', keyParts: lhs.parts.length }, this.env.source)[0];
      if (problem !== undefined) {
        this.env.diagnostics.push(problem);
        this.failed = true;
        return;
      }
    }
    this.protocols.learn(lhs, op, rhs);
    addDependencies(this.body.matches, this.env.family, lhs, lhsSite);
    this.body.matches.push(buildMatch(lhs, op, rhs, this.site(start)));
  }

  /** `LHS set VALUE`. */
  private setStatement(lhs: Lhs, start: number): void {
    const c = this.c;
    c.index++;
    const { key, head } = lhs.parts[0]!.selector;
    const valueStart = c.index;
    if (!readExpression(c, this.maps, OBJECT_SETTINGS.has(key))) return this.unexpected('a value after "set"');
    const value = c.atoms.slice(valueStart, c.index);
    const notSettable = head === 'meta' && lhs.parts.length === 1 ? metaNotSettable(key, this.env.family) : undefined;
    if (notSettable !== undefined) return this.fail(c.atoms[start], notSettable);
    const range = rangeStart(value);
    if (range !== undefined) return this.fail(range, `${key} set: range argument not supported`);
    const effects = setEffects(lhs, value);
    return this.statement(head === 'meta' ? 'meta-set' : head === 'ct' ? 'ct-set' : 'payload-set', start, effects);
  }
}

/** `ct helper set …` and its kin name stateful objects. */
const OBJECT_SETTINGS = new Set(['ct helper', 'ct timeout', 'ct expectation']);

export function interpretRule(atoms: Atom[], env: RuleEnv): RuleBody {
  return new RuleReader(new Cursor(atoms), env).read();
}
