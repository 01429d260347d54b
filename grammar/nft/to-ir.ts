import type { IToken } from 'chevrotain';
import type { Chain, Diagnostic, Family, ParseResult, Rule, SetDecl, SourceSpan } from '../../src/ir.js';
import type { Atom, BodyItem, Group, TopItem } from './ast.js';
import { isGroup } from './ast.js';
import { applyChainSetting, type PendingPolicies } from './chain-settings.js';
import { IncludeResolver } from './includes.js';
import type { NftParseOptions } from './index.js';
import { describeActual } from './errors.js';
import { GLOBAL_KEYWORDS, TABLE_OBJECTS, USAGE } from './keywords.js';
import { parseSource, type ParseMode } from './parse-file.js';
import { interpretRule } from './rule.js';
import { applyDefine, commandLineScope } from './defines.js';
import { Scope, expandVariables } from './scope.js';
import { readElements, removeElements } from './sets.js';
import { applySetLine, declareSet } from './set-decl.js';
import { repeatedChainSettings } from './checks/chain-once.js';
import { resetByHandle } from './checks/reset-by-name.js';
import { ListedTables } from './checks/listed-tables.js';
import { flowtableProblems } from './checks/flowtables.js';
import { ctTimeoutProblems } from './checks/ct-timeout.js';
import { tunnelProblems } from './checks/tunnels.js';
import { hooklessChainSettings } from './checks/hookless-chain.js';
import { emptyShape, observeSetLine, setBlockProblems, typeofProblems } from './checks/set-declarations.js';
import { type ElementShape, elementProblems, shiftedAddressElements } from './checks/set-elements.js';
import { setStatementProblem } from './checks/set-statements.js';
import { classidDataProblems } from './checks/classid.js';
import { verdictInConcatenation } from './checks/verdict-concat.js';
import { missingTargetMessage, requiredTargets } from './checks/command-targets.js';
import { nameTooLong } from './checks/name-length.js';
import { type Place, type TableState, tableKey } from './state.js';
import { atomsSpan, atomsText, firstToken, isSeparator, isToken, isWord, parseError, SourceFile, tokenSpan, unquote } from './source.js';
import type { VerdictEnv } from './verdicts.js';

/**
 * Builds the IR from the parsed block structure, applying the file's commands in order (nft loads
 * a file as one transaction, so later commands see the effect of earlier ones).
 */
export class IrBuilder {
  readonly diagnostics: Diagnostic[] = [];
  private readonly tables = new Map<string, TableState>();
  private readonly sourceFiles: string[] = [];
  private readonly includes: IncludeResolver;

  constructor(private readonly options: NftParseOptions) {
    this.includes = new IncludeResolver(options, this.diagnostics, this.sourceFiles);
  }

  result(): ParseResult {
    const fileOrder = (file: string): number => {
      const index = this.sourceFiles.indexOf(file);
      return index < 0 ? this.sourceFiles.length : index;
    };
    const diagnostics = [...this.diagnostics].sort(
      (a, b) => fileOrder(a.span.file) - fileOrder(b.span.file) || a.span.line - b.span.line || a.span.column - b.span.column,
    );
    return {
      ruleset: { dialect: 'nft', sourceFiles: this.sourceFiles, tables: [...this.tables.values()].map((t) => t.table) },
      diagnostics,
    };
  }

  rootScope(): Scope {
    return commandLineScope(this.options.defines ?? {}, this.diagnostics);
  }

  loadFile(filePath: string, text: string, scope: Scope): void {
    const source = new SourceFile(filePath, text);
    this.includes.enter(source);
    this.topItems(parseSource(source, 'file', this.diagnostics), { source, includedFrom: [], scope });
    this.includes.leave();
  }

  private error(place: Place, token: IToken, message: string): void {
    this.diagnostics.push(parseError(place.source, token, message));
  }

  private checkName(place: Place, token: IToken | undefined): token is IToken {
    if (token === undefined) return false;
    if (GLOBAL_KEYWORDS.has(token.image)) {
      this.error(place, token, `syntax error, unexpected "${token.image}", expecting string ("${token.image}" is a keyword and cannot be used as a name)`);
      return false;
    }
    const tooLong = nameTooLong(unquote(token.image));
    if (tooLong !== undefined) {
      this.error(place, token, tooLong);
      return false;
    }
    return true;
  }

  private topItems(items: TopItem[], place: Place): void {
    for (const item of items) {
      switch (item.kind) {
        case 'include':
          this.include(item.keyword, item.path, 'file', place, () => undefined);
          break;
        case 'define':
        case 'undefine':
          this.define(item, place);
          break;
        case 'command':
          this.command(item, place);
          break;
        case 'other': {
          const problem = resetByHandle(item.first, item.rest, place.source);
          if (problem !== undefined) this.diagnostics.push(problem);
          this.listedTables.noteCommand(item.first, item.rest, place.source);
          break;
        }
      }
    }
  }

  private define(item: Extract<BodyItem, { kind: 'define' | 'undefine' }>, place: Place): void {
    applyDefine(item, place.scope, place.source, this.diagnostics);
  }

  /** The family a spec names, `ip` when it names none (nft's default). */
  private family(token: IToken | undefined): Family {
    return (token?.image ?? 'ip') as Family;
  }

  private tableState(family: Family, name: IToken, place: Place, create: boolean): TableState | undefined {
    const key = tableKey(family, name.image);
    let state = this.tables.get(key);
    if (state === undefined && create) {
      state = {
        table: { family, name: name.image, span: tokenSpan(place.source, name), flags: [], chains: [], sets: [] },
        chains: new Map(),
        sets: new Map(),
        flowtables: new Set(),
        tunnels: new Set(),
      };
      this.tables.set(key, state);
    }
    return state;
  }

  private chainState(table: TableState, name: string, span: SourceSpan, create: boolean): Chain | undefined {
    let chain = table.chains.get(name);
    if (chain === undefined && create) {
      chain = { family: table.table.family, table: table.table.name, name, span, rules: [] };
      table.chains.set(name, chain);
      table.table.chains.push(chain);
    }
    return chain;
  }

  private command(item: Extract<TopItem, { kind: 'command' }>, place: Place): void {
    if (item.close !== undefined && item.rest.length > 0) {
      const next = firstToken(item.rest[0]!);
      this.error(place, next, `syntax error, unexpected ${describeActual(next)}, expecting newline or ";"`);
      return;
    }
    const verb = item.verb?.image ?? 'add';
    const object = item.object?.image;
    const family = this.family(item.spec.family);
    const [tableName, objectName] = item.spec.names;
    const usage = item.object === undefined && tableName !== undefined ? USAGE[tableName.image] : undefined;
    if (usage !== undefined) {
      this.error(place, tableName!, `syntax error, incomplete "${tableName!.image}" statement, expecting ${usage}`);
      return;
    }
    if (object === 'ruleset') {
      if (verb === 'flush') this.flushRuleset(item.spec.family?.image);
      return;
    }
    if (tableName === undefined || !this.checkName(place, tableName)) return;
    if (item.verb !== undefined && this.missingTarget(verb, object, family, tableName, objectName, place)) return;
    const creating = verb === 'add' || verb === 'create';
    if (object === 'table') {
      const key = tableKey(family, tableName.image);
      if (verb === 'delete' || verb === 'destroy') {
        this.tables.delete(key);
        this.listedTables.tableDeleted(key);
        return;
      }
      if (creating) this.listedTables.tableAdded(key);
      const state = this.tableState(family, tableName, place, creating);
      if (state === undefined) return;
      if (verb === 'flush') this.flushTable(state);
      if (item.body) this.tableBody(item.body, state, { ...place, scope: new Scope(place.scope) });
      return;
    }
    if (objectName === undefined) return;
    // `delete chain inet t handle 5`: handles are assigned by the kernel, so the target is unknown.
    if ((verb === 'delete' || verb === 'destroy') && objectName.image === 'handle') return;
    if (object !== 'rule' && object !== undefined && !this.checkName(place, objectName)) return;
    const state = this.tableState(family, tableName, place, creating || object === undefined || object === 'rule');
    if (state === undefined) return;
    switch (object) {
      case 'chain':
        return this.chainCommand(verb, state, objectName, item, place);
      case 'set':
      case 'map':
        return this.setCommand(verb, object, state, objectName, item, place);
      case 'element':
        return this.elementCommand(verb, state, objectName, item.rest, place);
      case 'rule':
      case undefined:
        if (!this.checkName(place, objectName)) return;
        return this.ruleCommand(verb, state, objectName, item.rest, place);
      case 'tunnel':
        if (creating && item.body) this.tunnelBlock(objectName, item.body, state, { ...place, scope: new Scope(place.scope) });
        return;
      case 'timeout':
        if (creating && item.body) this.diagnostics.push(...ctTimeoutProblems(this.objectLines(item.body, place), place.source));
        return;
      default:
        return;
    }
  }

  /**
   * Reports an explicit command (`flush chain t c`, `add rule t c …`) whose table or chain does not
   * exist (see requiredTargets). A verb-less or incomplete one may be an include fragment's line.
   */
  private missingTarget(verb: string, object: string | undefined, family: Family, tableName: IToken, objectName: IToken | undefined, place: Place): boolean {
    if (object !== 'table' && objectName === undefined) return false;
    const required = requiredTargets(verb, object);
    const table = this.tables.get(tableKey(family, tableName.image));
    if (required.table && table === undefined) {
      this.error(place, tableName, missingTargetMessage(`table ${family} ${tableName.image}`));
      return true;
    }
    if (required.chain && table !== undefined && objectName !== undefined && objectName.image !== 'handle' && !table.chains.has(objectName.image)) {
      this.error(place, objectName, missingTargetMessage(`chain ${objectName.image} in table ${family} ${tableName.image}`));
      return true;
    }
    return false;
  }

  private flushRuleset(family: string | undefined): void {
    for (const [key, state] of this.tables) {
      if (family === undefined || state.table.family === family) this.tables.delete(key);
    }
  }

  private flushTable(state: TableState): void {
    for (const chain of state.table.chains) chain.rules = [];
    for (const set of state.table.sets) set.elements = [];
  }

  private chainCommand(verb: string, state: TableState, name: IToken, item: Extract<TopItem, { kind: 'command' }>, place: Place): void {
    if (verb === 'delete' || verb === 'destroy') {
      const chain = state.chains.get(name.image);
      if (chain === undefined) return;
      state.chains.delete(name.image);
      state.table.chains = state.table.chains.filter((c) => c !== chain);
      return;
    }
    if (verb === 'rename') {
      const chain = state.chains.get(name.image);
      const newName = item.rest[0];
      if (chain === undefined || !isWord(newName) || !this.checkName(place, newName)) return;
      state.chains.delete(chain.name);
      chain.name = newName.image;
      for (const rule of chain.rules) rule.chain = newName.image;
      state.chains.set(chain.name, chain);
      return;
    }
    const chain = this.chainState(state, name.image, tokenSpan(place.source, name), true)!;
    if (verb === 'flush') chain.rules = [];
    if (item.body) this.chainBlock(item.body, state, chain, { ...place, scope: new Scope(place.scope) });
  }

  private setCommand(verb: string, kind: 'set' | 'map', state: TableState, name: IToken, item: Extract<TopItem, { kind: 'command' }>, place: Place): void {
    if (verb === 'delete' || verb === 'destroy') {
      state.sets.delete(name.image);
      state.table.sets = state.table.sets.filter((s) => s.name !== name.image);
      return;
    }
    if (verb === 'flush') {
      const set = state.sets.get(name.image);
      if (set) set.decl.elements = [];
      return;
    }
    if (item.body) this.setBlock(kind, state, name, item.body, place);
  }

  private elementCommand(verb: string, state: TableState, name: IToken, rest: Atom[], place: Place): void {
    const set = state.sets.get(name.image);
    const group = rest[0];
    if (set === undefined || group === undefined || !isGroup(group)) return;
    const expanded = expandVariables([group], place.scope, place.source, this.diagnostics);
    if (expanded === undefined || !isGroup(expanded[0]!)) return;
    const env = this.verdictEnv(state, undefined, place);
    if ((verb === 'add' || verb === 'create') && set.first !== undefined) {
      this.checkElements(expanded[0], { kind: set.first.kind, keyParts: set.first.keyParts ?? 1 }, set.decl, place.source);
    }
    if (verb === 'add' || verb === 'create') readElements(set.decl, set.spaces, expanded[0], place.source, env);
    else if (verb === 'delete' || verb === 'destroy') removeElements(set.decl, set.spaces, expanded[0], place.source, env);
  }

  /** `add rule`/`insert rule`/`replace rule`/`delete rule`, with an optional position. */
  private ruleCommand(verb: string, state: TableState, chainName: IToken, rest: Atom[], place: Place): void {
    if (verb === 'delete' || verb === 'destroy') return;
    const chain = this.chainState(state, chainName.image, tokenSpan(place.source, chainName), true)!;
    let atoms = rest;
    let index: number | undefined;
    const where = isWord(atoms[0]) ? atoms[0].image : undefined;
    if ((where === 'position' || where === 'handle' || where === 'index') && isToken(atoms[1], 'Number')) {
      if (where === 'index') index = Number(atoms[1].image);
      atoms = atoms.slice(2);
    }
    if (atoms.length === 0) {
      this.error(place, chainName, 'syntax error, expecting a rule after the chain name');
      return;
    }
    const expanded = expandVariables(atoms, place.scope, place.source, this.diagnostics);
    if (expanded === undefined) return;
    const rule = this.rule(expanded, state, chain, place);
    if (rule === undefined) return;
    // Handles and positions are assigned by the kernel and cannot be known from a file: `add`
    // after a handle appends, `insert` before one prepends, and `replace` (which names the rule
    // it replaces by handle) appends its rule. `index N` counts rules as loaded.
    if (verb === 'insert') chain.rules.splice(index === undefined ? 0 : Math.min(index, chain.rules.length), 0, rule);
    else if (index !== undefined) chain.rules.splice(Math.min(index + 1, chain.rules.length), 0, rule);
    else chain.rules.push(rule);
  }

  private tableBody(items: BodyItem[], state: TableState, place: Place): void {
    for (const item of items) {
      switch (item.kind) {
        case 'include':
          this.include(item.keyword, item.path, 'table', place, (included, p) => this.tableBody(included, state, p));
          break;
        case 'define':
        case 'undefine':
          this.define(item, place);
          break;
        case 'block':
          this.tableBlockItem(item, state, place);
          break;
        case 'line': {
          const atoms = item.line.atoms;
          if (isWord(atoms[0], 'flags')) {
            for (const a of atoms.slice(1)) if (isWord(a)) state.table.flags.push(a.image);
          } else if (TABLE_OBJECTS.has(firstToken(atoms[0]!).image) && atoms[1] !== undefined) {
            const name = firstToken(atoms[1]);
            this.error(place, name, `syntax error, unexpected ${describeActual(name)}, expecting string (names cannot be quoted or be keywords)`);
          } else if (!isWord(atoms[0], 'comment')) {
            const first = firstToken(atoms[0]!);
            this.error(place, first, `syntax error, unexpected "${first.image}" in a table block, expecting chain, set, map, flowtable, an object, flags or comment`);
          }
          break;
        }
        case 'elements':
          break;
      }
    }
  }

  private tableBlockItem(item: Extract<BodyItem, { kind: 'block' }>, state: TableState, place: Place): void {
    if (!this.checkName(place, item.name)) return;
    const scope = new Scope(place.scope);
    if (item.objectType === 'chain') {
      const chain = this.chainState(state, item.name.image, tokenSpan(place.source, item.name), true)!;
      this.chainBlock(item.body, state, chain, { ...place, scope });
    } else if (item.objectType === 'set' || item.objectType === 'map') {
      this.setBlock(item.objectType, state, item.name, item.body, { ...place, scope });
    } else if (item.objectType === 'flowtable') {
      this.diagnostics.push(...flowtableProblems(item.name, item.body, state.flowtables.has(item.name.image), place.source));
      state.flowtables.add(item.name.image);
    } else if (item.objectType === 'tunnel') {
      this.tunnelBlock(item.name, item.body, state, { ...place, scope });
    } else if (item.objectType === 'ct timeout') {
      this.diagnostics.push(...ctTimeoutProblems(this.objectLines(item.body, { ...place, scope }), place.source));
    }
  }

  private tunnelBlock(name: IToken, body: BodyItem[], state: TableState, place: Place): void {
    const lines = this.objectLines(body, place);
    this.diagnostics.push(...tunnelProblems(name, lines, state.tunnels.has(name.image), place.source));
    state.tunnels.add(name.image);
  }

  /** The lines of a stateful object's block, with variables expanded. */
  private objectLines(body: BodyItem[], place: Place): Atom[][] {
    const lines: Atom[][] = [];
    for (const item of body) {
      if (item.kind !== 'line') continue;
      const atoms = expandVariables(item.line.atoms, place.scope, place.source, this.diagnostics);
      if (atoms !== undefined) lines.push(atoms);
    }
    return lines;
  }

  private setBlock(kind: 'set' | 'map', state: TableState, name: IToken, body: BodyItem[], place: Place): void {
    const earlier = state.sets.get(name.image);
    const entry = declareSet(state, kind, name, place.source);
    const { decl } = entry;
    const shape = emptyShape(kind);
    const elementGroups: Group[] = [];
    for (const item of body) {
      if (item.kind === 'define' || item.kind === 'undefine') this.define(item, place);
      if (item.kind === 'elements') {
        const expanded = expandVariables(item.value, place.scope, place.source, this.diagnostics);
        if (expanded !== undefined && expanded.length === 1 && isGroup(expanded[0]!)) {
          elementGroups.push(expanded[0]);
          readElements(decl, entry.spaces, expanded[0], place.source, this.verdictEnv(state, undefined, place));
        }
      }
      if (item.kind !== 'line') continue;
      const atoms = expandVariables(item.line.atoms, place.scope, place.source, this.diagnostics);
      if (atoms === undefined) continue;
      this.diagnostics.push(...typeofProblems(atoms, place.source));
      const statementProblem = setStatementProblem(atoms, place.source) ?? verdictInConcatenation(atoms, place.source);
      if (statementProblem !== undefined) this.diagnostics.push(statementProblem);
      observeSetLine(shape, atoms);
      applySetLine(entry, atoms, place.source);
    }
    this.diagnostics.push(...setBlockProblems(name, shape, earlier?.first, place.source));
    entry.first ??= shape;
    const elementShape = { kind: entry.first.kind, keyParts: shape.keyParts ?? entry.first.keyParts ?? 1 };
    for (const group of elementGroups) this.checkElements(group, elementShape, decl, place.source);
  }

  /** What nft refuses in a group of elements added to a set, in a block or by `add element`. */
  private checkElements(group: Group, shape: ElementShape, decl: SetDecl, source: SourceFile): void {
    this.diagnostics.push(...elementProblems(group, shape, source));
    this.diagnostics.push(...classidDataProblems(group, decl.dataType, source));
    this.diagnostics.push(...shiftedAddressElements(group, decl.keyType, source));
  }

  private chainBlock(items: BodyItem[], state: TableState, chain: Chain, place: Place): void {
    this.diagnostics.push(...repeatedChainSettings(items, place.source));
    this.chainBody(items, state, chain, place);
    this.diagnostics.push(...hooklessChainSettings(items, chain, place.source));
  }

  private chainBody(items: BodyItem[], state: TableState, chain: Chain, place: Place): void {
    for (const item of items) {
      switch (item.kind) {
        case 'include':
          this.include(item.keyword, item.path, 'chain', place, (included, p) => this.chainBody(included, state, chain, p));
          break;
        case 'define':
        case 'undefine':
          this.define(item, place);
          break;
        case 'line':
          this.chainLine(item.line.atoms, state, chain, place);
          break;
        default:
          break;
      }
    }
  }

  private chainLine(raw: Atom[], state: TableState, chain: Chain, place: Place): void {
    const atoms = expandVariables(raw, place.scope, place.source, this.diagnostics);
    if (atoms === undefined) return;
    const setting = applyChainSetting(atoms, chain, this.pendingPolicy, place.source);
    if (setting === 'setting') return;
    if (setting !== 'rule') {
      this.diagnostics.push(setting);
      return;
    }
    const rule = this.rule(atoms, state, chain, place);
    if (rule !== undefined) chain.rules.push(rule);
  }

  private readonly pendingPolicy: PendingPolicies = new Map();

  private verdictEnv(state: TableState, chain: Chain | undefined, place: Place): VerdictEnv {
    return {
      span: (first, last) => atomsSpan(place.source, first, last),
      anonymousChain: (body, holder) => this.anonymousChain(body, holder, state, chain, place),
    };
  }

  private rule(atoms: Atom[], state: TableState, chain: Chain, place: Place): Rule | undefined {
    const first = atoms[0]!;
    const last = atoms[atoms.length - 1]!;
    const env = this.verdictEnv(state, chain, place);
    const body = interpretRule(atoms, {
      source: place.source,
      family: chain.family,
      diagnostics: this.diagnostics,
      anonymousChain: env.anonymousChain,
      setUpdated: (name) => {
        const set = state.sets.get(name);
        if (set) set.decl.dynamic = true;
        else this.updatedLater.add(`${tableKey(state.table.family, state.table.name)} ${name}`);
      },
      setKind: (name) => state.sets.get(name)?.decl.kind,
    });
    const rule: Rule = {
      family: chain.family,
      table: chain.table,
      chain: chain.name,
      span: atomsSpan(place.source, first, last),
      text: atomsText(place.source, first, last),
      matches: body.matches,
      statements: body.statements,
    };
    if (body.verdict !== undefined) rule.verdict = body.verdict;
    if (body.comment !== undefined) rule.comment = body.comment;
    if (place.includedFrom.length > 0) rule.includedFrom = place.includedFrom;
    return rule;
  }

  /** Sets updated by rules before their declaration was read. */
  private readonly updatedLater = new Set<string>();

  private readonly listedTables = new ListedTables();

  /** Problems only the whole file shows, reported once every command has been read. */
  reportWholeFileProblems(): void {
    this.diagnostics.push(...this.listedTables.problems());
  }

  markLateUpdatedSets(): void {
    for (const state of this.tables.values()) {
      for (const set of state.table.sets) {
        if (this.updatedLater.has(`${tableKey(set.family, set.table)} ${set.name}`)) set.dynamic = true;
      }
    }
  }

  /** `jump { … }`: the body becomes a chain of its own, named after where it was written. */
  private anonymousChain(body: Group, holder: Atom, state: TableState, parent: Chain | undefined, place: Place): string {
    const at = tokenSpan(place.source, isGroup(holder) ? holder.open : holder);
    const name = `${parent?.name ?? 'map'}@${at.line}:${at.column}`;
    const chain: Chain = { family: state.table.family, table: state.table.name, name, span: at, anonymous: true, rules: [] };
    state.chains.set(name, chain);
    state.table.chains.push(chain);
    let line: Atom[] = [];
    for (const item of body.items) {
      if (isSeparator(item)) {
        if (line.length > 0) this.chainLine(line, state, chain, place);
        line = [];
      } else line.push(item);
    }
    if (line.length > 0) {
      this.error(place, body.close, 'syntax error, unexpected "}", expecting newline or ";"');
    }
    return name;
  }

  private include(keyword: IToken, pathToken: IToken, mode: ParseMode, place: Place, inBlock: (items: BodyItem[], place: Place) => void): void {
    this.includes.follow(keyword, pathToken, place.source, place.includedFrom, (source, includedFrom) => {
      const nested: Place = { source, includedFrom, scope: place.scope };
      if (mode === 'file') this.topItems(parseSource(source, 'file', this.diagnostics), nested);
      else inBlock(parseSource(source, mode, this.diagnostics), nested);
    });
  }
}
