import type { Chain, Diagnostic, Family, ParseResult, Severity, SourceSpan, Table } from '../../src/ir.js';
import { IPTABLES_TABLES, type IptablesTable } from '../../src/data/hooks.js';
import { runCommand } from './commands.js';
import { parseOptions, type LineProblem } from './options.js';
import { lexChainLine, lexRuleLine, type Arg } from './parser.js';
import { chainNameProblem, createChain, POLICIES, setPolicy, type ChainState, type LineSink, type TableState } from './table-state.js';

/**
 * Turns an iptables-save / iptables-restore file into the IR, line by line, the way
 * iptables-restore reads it: the first character decides the line kind (`#` comment, `*` table,
 * `:` chain, `COMMIT`), every other line inside a table is an iptables command.
 */

export interface BuildOptions {
  ipVersion: 4 | 6;
  /** `iptables -S` output: one implicit table, no `*table` header and no COMMIT. */
  rulesSpecTable?: IptablesTable;
}

export class IptablesIrBuilder implements LineSink {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly tables: Table[] = [];
  readonly family: Family;
  readonly ipVersion: 4 | 6;
  private current: TableState | undefined;
  private lineNumber = 0;
  private currentLine = '';

  constructor(
    private readonly file: string,
    private readonly fileText: string,
    private readonly options: BuildOptions,
  ) {
    this.ipVersion = options.ipVersion;
    this.family = options.ipVersion === 4 ? 'ip' : 'ip6';
  }

  build(): ParseResult {
    const lines = this.fileText.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (this.options.rulesSpecTable) this.openTable(this.options.rulesSpecTable, this.lineSpan(1, 0, 0));
    let crlfReported = false;
    for (const [index, raw] of lines.entries()) {
      this.lineNumber = index + 1;
      let line = raw;
      if (line.endsWith('\r')) {
        line = line.slice(0, -1);
        if (!crlfReported) {
          crlfReported = true;
          this.report('parse-error', 'error', 'CRLF line ending: iptables-restore keeps the "\\r" as part of the line and rejects the file (convert it to LF line endings)', line.length, line.length + 1);
        }
      }
      this.currentLine = line;
      this.guarded(() => this.line(line));
    }
    this.lineNumber = lines.length;
    this.currentLine = lines[lines.length - 1] ?? '';
    this.guarded(() => this.endOfFile());
    return {
      ruleset: { dialect: 'iptables', sourceFiles: [this.file], tables: this.tables },
      diagnostics: this.diagnostics,
    };
  }

  /** A bug in one line's handling becomes a located diagnostic, and the next lines are still read. */
  private guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.report('internal-error', 'error', `internal error while reading this line: ${message}`, 0, this.currentLine.length);
    }
  }

  private lineSpan(line: number, start: number, end: number): SourceSpan {
    return { file: this.file, line, column: start + 1, endLine: line, endColumn: end + 1 };
  }

  lineText(): string {
    return this.currentLine;
  }

  span(start: number, end: number): SourceSpan {
    return this.lineSpan(this.lineNumber, start, end);
  }

  text(start: number, end: number): string {
    return this.currentLine.slice(start, end);
  }

  report(ruleId: string, severity: Severity, message: string, start: number, end: number): void {
    this.diagnostics.push({ ruleId, severity, message, span: this.span(start, Math.max(end, start + 1)) });
  }

  reportProblems(problems: LineProblem[]): boolean {
    for (const p of problems) this.report(p.ruleId, p.severity, p.message, p.start, p.end);
    return problems.some((p) => p.severity === 'error');
  }

  private line(line: string): void {
    if (line === '') return;
    const first = line[0];
    if (first === '#') return this.comment(line);
    if (line.trim() === '') {
      this.report('parse-error', 'error', 'whitespace-only line: iptables-restore reads it as a command and fails with "no command specified" (make it empty)', 0, line.length);
      return;
    }
    if (first === '*') return this.tableHeader(line);
    if (line.startsWith('COMMIT')) return this.commit(line);
    if (this.current && !this.current.known) return;
    if (first === ':') return this.chainLine(line);
    if (line.trimStart().startsWith('#')) {
      const column = line.indexOf('#');
      this.report('parse-error', 'error', "Bad argument `#': a comment must start at column 0 (iptables-restore has no indented comments)", column, line.length);
      return;
    }
    this.ruleLine(line);
  }

  private comment(line: string): void {
    if (/^# Warning: ip6?tables-legacy tables present/.test(line) || /^# Table `[^']*' (is incompatible|contains incompatible)/.test(line)) {
      this.report('incomplete-dump', 'warning', `the dump says it is incomplete: ${line.slice(2)}`, 0, line.length);
    }
  }

  private tableHeader(line: string): void {
    const name = line.slice(1).trimStart().split(/[ \t]/)[0] ?? '';
    const nameStart = line.indexOf(name, 1);
    if (this.current && !this.options.rulesSpecTable) {
      this.report('parse-error', 'error', `table "${name}" starts before the "${this.current.name}" table is committed (COMMIT expected)`, 0, line.length);
      this.closeTable();
    }
    if (!Object.hasOwn(IPTABLES_TABLES, name)) {
      const message = name === '' ? 'table name expected after "*"' : `can't initialize table \`${name}': Table does not exist (known tables: ${Object.keys(IPTABLES_TABLES).join(', ')})`;
      this.report('parse-error', 'error', message, nameStart, nameStart + Math.max(name.length, 1));
      this.current = { name, span: this.span(0, line.length), known: false, chains: new Map(), specs: new Map() };
      return;
    }
    this.openTable(name as IptablesTable, this.span(0, line.length));
  }

  private openTable(name: IptablesTable, span: SourceSpan): void {
    const chains = new Map<string, ChainState>();
    for (const builtin of IPTABLES_TABLES[name].chains) {
      const chain: Chain = {
        family: this.family,
        table: name,
        name: builtin.name,
        span,
        base: {
          type: name === 'nat' ? 'nat' : 'filter',
          hook: builtin.hook,
          priority: builtin.priority,
          priorityText: String(builtin.priority),
          devices: [],
          policy: 'accept',
        },
        rules: [],
      };
      chains.set(builtin.name, { chain, builtin });
    }
    this.current = { name, span, known: true, chains, specs: new Map() };
  }

  private commit(line: string): void {
    if (line !== 'COMMIT') {
      this.report('parse-error', 'error', `"${line}": iptables-restore needs the line to be exactly "COMMIT" (no trailing characters)`, 6, Math.max(line.length, 7));
      return;
    }
    if (!this.current) {
      this.report('parse-error', 'error', 'COMMIT outside a table: no "*table" line opened a section', 0, line.length);
      return;
    }
    this.closeTable();
  }

  private closeTable(): void {
    const state = this.current;
    this.current = undefined;
    if (!state?.known) return;
    const previous = this.tables.findIndex((t) => t.name === state.name);
    if (previous !== -1) {
      const earlier = this.tables[previous]!;
      this.diagnostics.push({
        ruleId: 'duplicate-table-section',
        severity: 'warning',
        message: `a second "*${state.name}" section replaces the one at line ${earlier.span.line}: iptables-restore flushes the table again, so the earlier rules are lost`,
        span: state.span,
      });
      this.tables.splice(previous, 1);
    }
    this.tables.push({ family: this.family, name: state.name, span: state.span, flags: [], chains: [...state.chains.values()].map((c) => c.chain), sets: [] });
  }

  private endOfFile(): void {
    if (!this.current) return;
    if (this.options.rulesSpecTable) {
      this.closeTable();
      return;
    }
    const header = this.current.span.line;
    this.report('parse-error', 'error', `COMMIT expected at line ${this.lineNumber + 1}: the "*${this.current.name}" section from line ${header} is never committed`, 0, this.currentLine.length);
    this.closeTable();
  }

  private chainLine(line: string): void {
    const table = this.requireTable(line);
    if (!table) return;
    const lexed = lexChainLine(line.slice(1));
    const shift = (arg: Arg): Arg => ({ ...arg, start: arg.start + 1, end: arg.end + 1 });
    if (!lexed) {
      this.report('parse-error', 'error', 'chain name expected after ":"', 0, line.length);
      return;
    }
    const name = shift(lexed.name);
    if (chainNameProblem(this, name)) return;
    if (!lexed.policy) {
      this.report('parse-error', 'error', `no policy given for chain \`${name.value}' (expected ACCEPT, DROP or "-")`, name.start, name.end);
      return;
    }
    const policy = shift(lexed.policy);
    const existing = table.chains.get(name.value);
    if (existing?.builtin) {
      existing.chain.span = this.span(0, line.length);
      setPolicy(this, existing, policy);
      return;
    }
    if (existing) {
      this.report('parse-error', 'error', `chain \`${name.value}' is declared twice (iptables-legacy-restore: "error creating chain: File exists")`, name.start, name.end);
      return;
    }
    if (policy.value !== '-') {
      if (!POLICIES.has(policy.value)) {
        this.report('parse-error', 'error', `Bad policy name \`${policy.value}' (a user chain takes "-")`, policy.start, policy.end);
        return;
      }
      this.report('policy-on-user-chain', 'warning', `user chain \`${name.value}' cannot have a policy: iptables-legacy-restore rejects "${policy.value}", iptables-nft-restore ignores it (write "-")`, policy.start, policy.end);
    }
    createChain(this, table, name);
  }

  private requireTable(line: string): TableState | undefined {
    if (this.current) return this.current;
    this.report('parse-error', 'error', 'this line is outside a table: a "*filter" (or other *table) line must come first', 0, line.length);
    return undefined;
  }

  private ruleLine(line: string): void {
    const table = this.requireTable(line);
    if (!table) return;
    const lexed = lexRuleLine(line);
    const first = lexed.args[0];
    if (!lexed.counters && first?.value.startsWith('[')) {
      this.report('parse-error', 'error', `bad counters \`${first.value}' (expected [packets:bytes] followed by a blank)`, first.start, first.end);
      return;
    }
    const parsed = parseOptions(lexed.args, {
      ipVersion: this.options.ipVersion,
      isChain: (name) => table.chains.has(name),
    });
    if (this.reportProblems(parsed.problems) || parsed.skipped || !parsed.command) return;
    runCommand(this, table, parsed, lexed.args);
  }
}
