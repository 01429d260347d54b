import type { Diagnostic, Family, FieldEffect, Match, Statement, StatementKind, Verdict } from '../../src/ir.js';
import { type Atom, type Group, isGroup } from './ast.js';
import type { Cursor } from './cursor.js';
import { describeActual } from './errors.js';
import { readExpression, readPrimary, readRhs } from './expression.js';
import type { MatchSite } from './match.js';
import type { MapUse } from './checks/map-uses.js';
import { atomsSpan, atomsText, firstToken, isToken, isWord, parseError, type SourceFile, unquote } from './source.js';
import { parseNftInteger } from './values.js';

export interface RuleEnv {
  source: SourceFile;
  family: Family;
  diagnostics: Diagnostic[];
  anonymousChain(body: Group, holder: Atom): string;
  setUpdated(name: string): void;
  /** Whether a set of that name is declared at this point, and as what. */
  setKind(name: string): 'set' | 'map' | undefined;
}

export interface RuleBody {
  matches: Match[];
  statements: Statement[];
  verdict?: Verdict;
  comment?: string;
}

/** Stops reading a statement's free-form arguments (NAT targets …) at the next statement. */
const STATEMENT_WORDS = new Set([
  'accept', 'drop', 'continue', 'return', 'jump', 'goto', 'counter', 'log', 'comment', 'limit', 'quota',
  'notrack', 'queue',
]);

/** Options of statements whose arguments are keyword/value pairs; the number is how many atoms follow. */
const LOG_OPTIONS: Record<string, number> = { prefix: 1, level: 1, group: 1, snaplen: 1, 'queue-threshold': 1 };
const LOG_LEVELS = new Set(['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug', 'audit']);
export const COUNTER_OPTIONS: Record<string, number> = { name: 1, packets: 1, bytes: 1 };
export const SYNPROXY_OPTIONS: Record<string, number> = { mss: 1, wscale: 1, timestamp: 0, 'sack-perm': 0, name: 1 };

/**
 * The shared state of reading one rule, and the statements whose arguments are keyword/value
 * lists (log, limit, quota, reject, queue, flow, meter, set updates, xt). The match and verdict
 * logic lives in the subclass in rule.ts.
 */
export class StatementReader {
  readonly body: RuleBody = { matches: [], statements: [] };
  protected failed = false;
  /** The map lookups of the rule, checked once it is read. */
  protected readonly maps: MapUse[] = [];

  constructor(
    protected readonly c: Cursor,
    protected readonly env: RuleEnv,
  ) {}

  /** Where the statement that began at `start` and ends before the cursor was written. */
  protected site(start: number): MatchSite {
    return this.siteBetween(start, this.c.index - 1);
  }

  protected siteBetween(start: number, end: number): MatchSite {
    const first = this.c.atoms[start]!;
    const last = this.c.atoms[Math.max(start, end)]!;
    return { span: atomsSpan(this.env.source, first, last), text: atomsText(this.env.source, first, last) };
  }

  protected fail(atom: Atom | undefined, message: string): void {
    if (this.failed) return;
    this.failed = true;
    const token = atom === undefined ? firstToken(this.c.atoms[this.c.atoms.length - 1]!) : firstToken(atom);
    this.env.diagnostics.push(parseError(this.env.source, token, message));
  }

  protected unexpected(expecting: string): void {
    const atom = this.c.peek();
    const what = atom === undefined ? 'end of rule' : isGroup(atom) ? '"{"' : describeActual(atom);
    this.fail(atom ?? this.c.last(), `syntax error, unexpected ${what}, expecting ${expecting}`);
  }

  /** A vmap stays the rule's verdict when a fallback verdict follows it (`vmap @m accept`). */
  protected setVerdict(verdict: Verdict): void {
    if (this.body.verdict?.kind !== 'vmap') this.body.verdict = verdict;
  }

  protected statement(kind: StatementKind, start: number, effects?: readonly FieldEffect[]): void {
    const site = this.site(start);
    const statement: Statement = { kind, text: site.text, span: site.span };
    if (effects !== undefined && effects.length > 0) statement.effects = [...effects];
    this.body.statements.push(statement);
  }

  protected opaque(what: string, start: number, nondeterministic: boolean): void {
    const site = this.site(start);
    this.body.matches.push({ kind: 'opaque', what, nondeterministic, span: site.span, text: site.text });
  }

  protected options(table: Record<string, number>): void {
    for (let w = this.c.word(); w !== undefined && w in table; w = this.c.word()) {
      this.c.index++;
      // `counter name ip saddr map { … }`: an object name may be chosen by a map lookup.
      if (w === 'name') {
        if (!readExpression(this.c, this.maps, true)) return this.unexpected('an object name');
        continue;
      }
      for (let i = 0; i < table[w]!; i++) {
        if (!readPrimary(this.c, [])) return this.unexpected(`a value after "${w}"`);
      }
    }
  }

  protected freeArguments(): void {
    const c = this.c;
    while (!c.done() && !STATEMENT_WORDS.has(c.word() ?? '')) c.index++;
  }

  protected log(start: number): void {
    const c = this.c;
    for (;;) {
      if (c.word() === 'level' && c.word(1) !== undefined && !LOG_LEVELS.has(c.word(1)!)) {
        c.index++;
        return this.fail(c.peek(), `invalid log level "${c.word()}" (emerg, alert, crit, err, warn, notice, info, debug or audit)`);
      }
      this.options(LOG_OPTIONS);
      if (c.accept('flags') === undefined) break;
      c.accept('tcp', 'ip');
      do {
        if (c.word() === undefined) return this.unexpected('a log flag');
        c.index++;
      } while (c.isType('Comma') && c.index++ >= 0);
    }
    this.statement('log', start);
  }

  protected limitOrQuota(kind: 'limit' | 'quota', start: number): void {
    const c = this.c;
    if (c.accept('name') !== undefined) {
      if (!readExpression(c, this.maps, true)) return this.unexpected('an object name');
    } else {
      if (kind === 'limit' && c.accept('rate') === undefined) return this.unexpected('"rate" or "name"');
      c.accept('over', 'until');
      if (!c.isType('Number')) return this.unexpected('a number');
      c.index++;
      this.unitTail();
      if (c.accept(kind === 'limit' ? 'burst' : 'used') !== undefined) {
        if (!c.isType('Number')) return this.unexpected('a number');
        c.index++;
        c.accept('packets', 'bytes', 'kbytes', 'mbytes');
      }
    }
    this.opaque(kind, start, true);
    this.statement(kind, start);
  }

  /** `/second`, `mbytes/second`, `mbytes / second`, `bytes`. */
  protected unitTail(): void {
    const c = this.c;
    if (c.word() !== undefined && !c.isType('Slash')) c.index++;
    if (c.isType('Slash') && c.word(1) !== undefined) c.index += 2;
  }

  protected reject(start: number): void {
    const c = this.c;
    let withText: string | undefined;
    if (c.accept('with') !== undefined) {
      const proto = c.accept('icmp', 'icmpv6', 'icmpx', 'tcp');
      if (proto === undefined) return this.unexpected('"icmp", "icmpv6", "icmpx" or "tcp"');
      c.accept('type', 'code');
      const value = c.peek();
      if (value === undefined || isGroup(value)) return this.unexpected('a reject type');
      c.index++;
      const code = isToken(value, 'Number') ? parseNftInteger(value.image) : undefined;
      if (code !== undefined && code > 255n) return this.fail(value, 'reject code must be integer in range 0-255');
      withText = `${proto} ${value.image}`;
    }
    const span = this.site(start).span;
    this.setVerdict(withText === undefined ? { kind: 'reject', span } : { kind: 'reject', with: withText, span });
  }

  protected queue(start: number): void {
    const c = this.c;
    let bypass = false;
    for (;;) {
      const w = c.word();
      if (w === 'num') {
        c.index++;
        if (readRhs(c).length === 0) return this.unexpected('a queue number');
      } else if (w === 'flags') {
        c.index++;
      } else if (w === 'to') {
        c.index++;
        if (!readExpression(c, this.maps)) return this.unexpected('a queue number or expression');
      } else if (w === 'bypass' || w === 'fanout') {
        c.index++;
        bypass ||= w === 'bypass';
      } else if (c.isType('Comma')) c.index++;
      else break;
    }
    this.setVerdict({ kind: 'queue', bypass, span: this.site(start).span });
  }

  protected flow(start: number): void {
    const c = this.c;
    c.index++;
    if (c.accept('add', 'offload') !== undefined) {
      if (!c.isType('At') || c.word(1) === undefined) return this.unexpected('"@flowtable"');
      c.index += 2;
      return this.statement('flow-offload', start);
    }
    if (c.accept('table') !== undefined) return this.meterBody(start);
    this.unexpected('"add" or "offload"');
  }

  protected meter(start: number): void {
    this.c.index++;
    this.meterBody(start);
  }

  protected meterBody(start: number): void {
    const c = this.c;
    if (c.word() === undefined) return this.unexpected('a meter name');
    c.index++;
    if (c.accept('size') !== undefined && !c.isType('Number')) return this.unexpected('a number');
    if (c.isType('Number')) c.index++;
    const body = c.peek();
    if (body === undefined || !isGroup(body)) return this.unexpected('"{"');
    c.index++;
    this.opaque('meter', start, true);
    this.statement('set-update', start);
  }

  protected setUpdate(start: number): void {
    const c = this.c;
    c.index += 2;
    const name = c.word();
    if (name === undefined) return this.unexpected('a set name');
    c.index++;
    const body = c.peek();
    if (body === undefined || !isGroup(body)) return this.unexpected('"{"');
    c.index++;
    if (body.items.some((a) => isToken(a, 'Colon')) && this.env.setKind(name) === 'set') {
      return this.fail(c.atoms[start + 1], `${name} is not a map (an update with "key : value" needs a map)`);
    }
    this.env.setUpdated(name);
    if (body.items.some((a) => isWord(a) && (a.image === 'limit' || a.image === 'quota' || a.image === 'count'))) {
      this.opaque('set update with limit', start, true);
    }
    this.statement('set-update', start);
  }

  protected xt(start: number): void {
    const c = this.c;
    c.index++;
    const kind = c.accept('match', 'target');
    if (kind === undefined || c.peek() === undefined) return this.unexpected('"match" or "target"');
    const name = c.next();
    const image = isGroup(name) ? '' : unquote(name.image);
    if (kind === 'target') this.setVerdict({ kind: 'unknown', name: image, span: this.site(start).span });
    else this.opaque(`xt ${image}`, start, false);
  }
}
