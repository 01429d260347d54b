import type { Arg } from './parser.js';
import {
  BASE_OPTIONS,
  MATCH_ALIASES,
  MATCH_MODULES,
  NEEDS_AN_OPTION,
  PROTOCOL_MATCHES,
  TARGETS,
  type BaseOptionDef,
  type ExtensionDef,
  type OptionDef,
} from './option-tables.js';

/**
 * The option-level parser: reads a rule line's arguments the way iptables' getopt_long loop does,
 * with the option table growing as `-m`, `-p` and `-j` load extensions. Only options of extensions
 * loaded so far are known, an abbreviation must be unique among them, and an option belongs to the
 * most recently loaded extension that defines it.
 */

export interface OptionUse {
  def: OptionDef;
  /** The option as written (`--dpo`, `-s`). */
  spelled: Arg;
  negate: boolean;
  values: Arg[];
  /** Offsets of the whole use, from its `!` to its last value. */
  start: number;
  end: number;
}

export interface ModuleUse {
  name: string;
  /** Undefined for a match this parser does not know: its options are kept as written. */
  def?: ExtensionDef;
  start: number;
  end: number;
  options: OptionUse[];
}

export interface TargetUse {
  name: string;
  goto: boolean;
  def?: ExtensionDef;
  start: number;
  end: number;
  options: OptionUse[];
}

export interface CommandUse {
  def: BaseOptionDef;
  spelled: Arg;
  positionals: Arg[];
}

export interface LineProblem {
  ruleId: 'parse-error' | 'deprecated-negation' | 'attached-option-value';
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

export interface ParsedCommand {
  command?: CommandUse;
  /** `-s -d -p -i -o -f`, in the order written. */
  base: OptionUse[];
  modules: ModuleUse[];
  target?: TargetUse;
  /** A `-4` line read by ip6tables-restore or a `-6` line read by iptables-restore. */
  skipped: boolean;
  problems: LineProblem[];
}

export interface OptionContext {
  ipVersion: 4 | 6;
  /** Chains a `-j NAME` may call; unknown names that are not extensions are kept as targets too. */
  isChain(name: string): boolean;
}

interface Owner {
  kind: 'base' | 'module' | 'target';
  module?: ModuleUse;
  def: OptionDef;
}

const MATCH_OPTIONS = new Set(['protocol', 'source', 'destination', 'in-interface', 'out-interface', 'fragment']);

function findModule(name: string, ipVersion: 4 | 6): ExtensionDef | undefined {
  const def = MATCH_MODULES.get(MATCH_ALIASES.get(name) ?? name);
  return def && (def.only === undefined || def.only === ipVersion) ? def : undefined;
}

function findTarget(name: string, ipVersion: 4 | 6): ExtensionDef | undefined {
  const def = TARGETS.get(name);
  return def && (def.only === undefined || def.only === ipVersion) ? def : undefined;
}

class LineOptionParser {
  private readonly result: ParsedCommand = { base: [], modules: [], skipped: false, problems: [] };
  private index = 0;
  private negation: Arg | undefined;
  private protocol: string | undefined;

  constructor(
    private readonly args: Arg[],
    private readonly context: OptionContext,
  ) {}

  run(): ParsedCommand {
    while (this.index < this.args.length) {
      const arg = this.args[this.index++]!;
      if (arg.value === '!') {
        if (this.negation) {
          this.error(arg, 'multiple consecutive ! not allowed');
          return this.result;
        }
        this.negation = arg;
        continue;
      }
      if (!this.option(arg)) return this.result;
    }
    if (this.negation) this.error(this.negation, 'a trailing "!" negates nothing');
    else if (this.bareExtension()) return this.result;
    else if (!this.result.command && !this.result.skipped) {
      const at = this.args[0];
      this.problem('parse-error', 'error', 'no command specified (expected -A, -I, -N, -P … )', at?.start ?? 0, at?.end ?? 0);
    }
    return this.result;
  }

  /** Reports the first extension loaded without any of the options it needs; true if there is one. */
  private bareExtension(): boolean {
    const needsAnOption = (e: ModuleUse | TargetUse): boolean => e.def !== undefined && NEEDS_AN_OPTION.has(e.def.name) && e.options.length === 0;
    const target = this.result.target;
    const bare = this.result.modules.find(needsAnOption) ?? (target && needsAnOption(target) ? target : undefined);
    if (!bare?.def) return false;
    const kind = bare === this.result.target ? 'target' : 'match';
    const some = bare.def.options.slice(0, 3).map((o) => `--${o.name}`).join(', ');
    this.problem('parse-error', 'error', `the ${bare.def.name} ${kind} needs at least one of its options (${some}${bare.def.options.length > 3 ? ', …' : ''})`, bare.start, bare.end);
    return true;
  }

  private error(arg: Arg, message: string): void {
    this.problem('parse-error', 'error', message, arg.start, arg.end);
  }

  private problem(ruleId: LineProblem['ruleId'], severity: LineProblem['severity'], message: string, start: number, end: number): void {
    this.result.problems.push({ ruleId, severity, message, start, end });
  }

  /** Handles one non-`!` argument; false stops the line (iptables gives up at the first error). */
  private option(arg: Arg): boolean {
    const text = arg.value;
    if (text.startsWith('--') && text.length > 2) return this.longOption(arg);
    if (text.startsWith('-') && text.length > 1 && !text.startsWith('--')) return this.shortOption(arg);
    const hint = /^'|'$/.test(text) ? ' (single quotes do not quote in iptables-restore; use double quotes)' : '';
    const message = text.startsWith('#')
      ? `Bad argument \`${text}': a "#" comment must start at column 0 of its own line`
      : `Bad argument \`${text}'${hint}`;
    this.error(arg, message);
    return false;
  }

  private shortOption(arg: Arg): boolean {
    const letter = arg.value[1]!;
    const def = BASE_OPTIONS.find((o) => o.short === letter);
    if (!def) {
      this.error(arg, `unknown option "${arg.value}"`);
      return false;
    }
    const attached = arg.value.slice(2);
    if (attached === '') return this.apply({ kind: 'base', def }, arg, undefined);
    if (def.name === 'protocol' || def.name === 'source' || def.name === 'destination') {
      // iptables 1.8.9 reads these three back from the whole argument (`-ptcp` is protocol "-ptcp");
      // newer versions take the attached value, as getopt means.
      this.problem('attached-option-value', 'warning', `iptables 1.8.9 and older read "${arg.value}" as the value itself and fail; write "-${def.short} ${attached}"`, arg.start, arg.end);
    }
    if (def.arity > 0) return this.apply({ kind: 'base', def }, arg, attached);
    // getopt bundles flags: `-4v` is `-4 -v`.
    const rest: Arg = { ...arg, value: `-${attached}`, start: arg.start + 2 };
    return this.apply({ kind: 'base', def }, { ...arg, value: arg.value.slice(0, 2), end: arg.start + 2 }, undefined) && this.shortOption(rest);
  }

  private longOption(arg: Arg): boolean {
    const [name = '', inline] = splitInline(arg.value.slice(2));
    const owner = this.resolve(name, arg);
    if (owner === 'ambiguous') return false;
    if (owner) return this.apply(owner, arg, inline);
    if (this.loadProtocolMatch()) return this.longOption(arg);
    const unknownModule = [...this.result.modules].reverse().find((m) => m.def === undefined);
    const unknownTarget = this.result.target && !this.result.target.def && !this.context.isChain(this.result.target.name);
    if (unknownTarget || unknownModule) {
      const def: OptionDef = { name, aliases: [], arity: -1, negatable: true };
      return this.apply({ kind: unknownTarget ? 'target' : 'module', def, ...(unknownTarget ? {} : { module: unknownModule! }) }, arg, inline);
    }
    const hint = this.optionHint(name);
    this.error(arg, `unknown option "${arg.value}"${hint}`);
    return false;
  }

  /** Explains the two usual causes of an unknown option: its module or target is loaded later or not at all. */
  private optionHint(name: string): string {
    for (const def of TARGETS.values()) {
      if (def.options.some((o) => o.name === name)) {
        return ` (it is an option of the ${def.name} target: target options must come after -j ${def.name})`;
      }
    }
    for (const def of MATCH_MODULES.values()) {
      if (def.options.some((o) => o.name === name || o.aliases.includes(name))) {
        return ` (it is an option of the ${def.name} match: load it first with -m ${def.name}${PROTOCOL_MATCHES.has(def.name) ? ` or -p ${def.name}` : ''})`;
      }
    }
    return '';
  }

  private candidates(): Owner[] {
    const owners: Owner[] = [];
    const target = this.result.target;
    if (target?.def) for (const def of target.def.options) owners.push({ kind: 'target', def });
    for (const module of [...this.result.modules].reverse()) {
      for (const def of module.def?.options ?? []) owners.push({ kind: 'module', module, def });
    }
    for (const def of BASE_OPTIONS) owners.push({ kind: 'base', def });
    return owners;
  }

  /** The first owner spelled exactly `name`, in the order `candidates` lists them, without listing them all. */
  private exactOwner(name: string): Owner | undefined {
    const target = this.result.target;
    if (target?.def) for (const def of target.def.options) if (isNamed(def, name)) return { kind: 'target', def };
    const modules = this.result.modules;
    for (let i = modules.length - 1; i >= 0; i--) {
      const module = modules[i]!;
      for (const def of module.def?.options ?? []) if (isNamed(def, name)) return { kind: 'module', module, def };
    }
    for (const def of BASE_OPTIONS) if (isNamed(def, name)) return { kind: 'base', def };
    return undefined;
  }

  private resolve(name: string, arg: Arg): Owner | undefined | 'ambiguous' {
    const exact = this.exactOwner(name);
    if (exact) return exact;
    const owners = this.candidates();
    const names = (o: Owner): string[] => [o.def.name, ...o.def.aliases];
    const prefixed = owners.filter((o) => names(o).some((n) => n.startsWith(name)));
    if (prefixed.length === 1) return prefixed[0];
    if (prefixed.length > 1) {
      const spelled = [...new Set(prefixed.map((o) => `--${o.def.name}`))].join(', ');
      this.error(arg, `option "${arg.value}" is ambiguous (could be ${spelled})`);
      return 'ambiguous';
    }
    return undefined;
  }

  /** `-p tcp --dport 22`: iptables loads the protocol's match when it meets an option it does not know. */
  private loadProtocolMatch(): boolean {
    if (this.protocol === undefined) return false;
    const name = PROTOCOL_MATCHES.get(this.protocol.toLowerCase());
    if (name === undefined || this.result.modules.some((m) => m.name === name)) return false;
    const def = findModule(name, this.context.ipVersion);
    if (!def) return false;
    const protocolUse = this.result.base.find((o) => o.def.name === 'protocol');
    this.result.modules.push({ name, def, start: protocolUse?.start ?? 0, end: protocolUse?.end ?? 0, options: [] });
    return true;
  }

  private takeValues(owner: Owner, arg: Arg, inline: string | undefined): { values: Arg[]; negate: boolean } | undefined {
    const { def } = owner;
    const values: Arg[] = [];
    let negate = false;
    if (inline !== undefined && def.arity === 0) {
      this.error(arg, `option "${arg.value.split('=')[0]}" doesn't allow an argument`);
      return undefined;
    }
    if (inline !== undefined) values.push({ ...arg, value: inline });
    if (def.arity === -1) {
      while (this.index < this.args.length && !this.looksLikeOption(this.args[this.index]!)) values.push(this.args[this.index++]!);
      return { values, negate };
    }
    for (let n = values.length; n < def.arity; n++) {
      let next = this.args[this.index];
      if (n === 0 && next?.value === '!' && def.negatable) {
        this.problem('deprecated-negation', 'warning', `"${arg.value} ! value" is the pre-2011 spelling, rejected by iptables 1.4.12 and later; write "! ${arg.value} value"`, next.start, next.end);
        negate = true;
        this.index++;
        next = this.args[this.index];
      }
      if (next === undefined) {
        this.error(arg, `option "${arg.value}" requires ${def.arity === 1 ? 'an argument' : `${def.arity} arguments`}`);
        return undefined;
      }
      values.push(next);
      this.index++;
    }
    return { values, negate };
  }

  private looksLikeOption(arg: Arg): boolean {
    return arg.value === '!' || (arg.value.startsWith('-') && arg.value.length > 1 && !/^-\d/.test(arg.value));
  }

  private apply(owner: Owner, arg: Arg, inline: string | undefined): boolean {
    const negation = this.negation;
    this.negation = undefined;
    if (negation && !owner.def.negatable) {
      this.error(negation, `cannot have ! before ${arg.value}`);
      return false;
    }
    const taken = this.takeValues(owner, arg, inline);
    if (!taken) return false;
    const last = taken.values[taken.values.length - 1];
    const use: OptionUse = {
      def: owner.def,
      spelled: arg,
      negate: negation !== undefined || taken.negate,
      values: taken.values,
      start: negation?.start ?? arg.start,
      end: Math.max(arg.end, last?.end ?? arg.end),
    };
    if (owner.kind === 'base') return this.baseOption(owner.def as BaseOptionDef, use);
    const holder = owner.kind === 'target' ? this.result.target! : owner.module!;
    if (owner.def.arity !== -1 && holder.options.some((o) => o.def === owner.def) && REPEAT_CHECKED.has(owner.def.name)) {
      this.error(arg, `Only one \`--${owner.def.name}' allowed`);
      return false;
    }
    holder.options.push(use);
    holder.end = Math.max(holder.end, use.end);
    return true;
  }

  private baseOption(def: BaseOptionDef, use: OptionUse): boolean {
    if (def.command) return this.command(def, use);
    const [value] = use.values;
    switch (def.name) {
      case 'match':
        return this.loadMatch(use, value!);
      case 'jump':
      case 'goto':
        return this.setTarget(def, use, value!);
      case 'ipv4':
      case 'ipv6':
        if ((def.name === 'ipv4') !== (this.context.ipVersion === 4)) this.result.skipped = true;
        return true;
      case 'table':
        this.error(use.spelled, 'the -t option cannot be used in iptables-restore (the table comes from the "*table" line)');
        return false;
      case 'set-counters':
        return this.counters(use);
      case 'fragment':
        if (this.context.ipVersion === 6) {
          this.error(use.spelled, "`-f' is not supported in IPv6, use -m frag instead");
          return false;
        }
        break;
      default:
        break;
    }
    if (MATCH_OPTIONS.has(def.name)) {
      if (this.result.base.some((o) => o.def === def)) {
        this.error(use.spelled, `multiple -${def.short ?? def.name} flags not allowed`);
        return false;
      }
      if (def.name === 'protocol') this.protocol = value!.value;
      this.result.base.push(use);
    }
    return true;
  }

  private counters(use: OptionUse): boolean {
    const bad = use.values.find((v) => !/^\d+$/.test(v.value));
    if (bad) {
      this.error(bad, `-c takes packet and byte counts, not "${bad.value}"`);
      return false;
    }
    return true;
  }

  private command(def: BaseOptionDef, use: OptionUse): boolean {
    if (this.result.command) {
      this.error(use.spelled, `-${def.short} cannot be combined with -${this.result.command.def.short}: one command per line`);
      return false;
    }
    const positionals = [...use.values];
    for (let n = 0; n < (def.optional ?? 0); n++) {
      const next = this.args[this.index];
      if (next === undefined || next.value.startsWith('-') || next.value === '!') break;
      positionals.push(next);
      this.index++;
    }
    this.result.command = { def, spelled: use.spelled, positionals };
    return true;
  }

  private loadMatch(use: OptionUse, nameArg: Arg): boolean {
    const name = nameArg.value;
    const def = findModule(name, this.context.ipVersion);
    const otherVersion = !def && MATCH_MODULES.has(MATCH_ALIASES.get(name) ?? name);
    if (otherVersion) {
      const tool = this.context.ipVersion === 4 ? 'iptables' : 'ip6tables';
      this.error(nameArg, `Couldn't load match \`${name}': ${tool} has no such match (it exists for IPv${this.context.ipVersion === 4 ? 6 : 4} only)`);
      return false;
    }
    this.result.modules.push(def ? { name: def.name, def, start: use.start, end: use.end, options: [] } : { name, start: use.start, end: use.end, options: [] });
    return true;
  }

  private setTarget(def: BaseOptionDef, use: OptionUse, nameArg: Arg): boolean {
    const previous = this.result.target;
    if (previous) {
      const message = previous.goto === (def.name === 'goto') ? `multiple -${def.short} flags not allowed` : 'Cannot use -j and -g together';
      this.error(use.spelled, message);
      return false;
    }
    const name = nameArg.value;
    const targetDef = def.name === 'goto' ? undefined : findTarget(name, this.context.ipVersion);
    const goto = def.name === 'goto';
    this.result.target = targetDef
      ? { name, goto, def: targetDef, start: use.start, end: use.end, options: [] }
      : { name, goto, start: use.start, end: use.end, options: [] };
    return true;
  }

}

/** Options whose repetition iptables refuses ("Only one `--dport' allowed"). */
const REPEAT_CHECKED = new Set(['sport', 'dport', 'sports', 'dports', 'ports', 'icmp-type', 'icmpv6-type', 'ctstate', 'state']);

function isNamed(def: OptionDef, name: string): boolean {
  return def.name === name || def.aliases.includes(name);
}

function splitInline(body: string): [string, string | undefined] {
  const eq = body.indexOf('=');
  return eq === -1 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}

export function parseOptions(args: Arg[], context: OptionContext): ParsedCommand {
  return new LineOptionParser(args, context).run();
}
