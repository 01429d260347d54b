import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { expandFileArguments } from './file-args.js';
import type { Dialect, Hook } from './ir.js';
import { InputError, lintFile, parseText, type LintOptions, type LintResult } from './lint.js';
import { readRulesetFile } from './files.js';
import { printIr } from './print-ir.js';
import { REPORTERS } from './reporters/index.js';
import { runTrace } from './trace-command.js';
import { packageVersion } from './version.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  colorDefault: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const processIO = (): CliIO => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  colorDefault: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
});

interface GlobalOptions {
  format: string;
  dialect?: Dialect;
  ipVersion?: 4 | 6;
  includeDir: string[];
  define: string[];
  printIr?: boolean;
  allowIncludeOutsideWorkspace?: boolean;
  color?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseIpVersion(value: string): 4 | 6 {
  if (value === '4' || value === '6') return Number(value) as 4 | 6;
  throw new InvalidArgumentError('expected 4 or 6');
}

function parseDefines(defines: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const define of defines) {
    const eq = define.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`-D ${define}: expected NAME=VALUE`);
    result[define.slice(0, eq)] = define.slice(eq + 1);
  }
  return result;
}

function lintOptionsFrom(options: GlobalOptions, io: CliIO): LintOptions {
  const inActions = io.env['GITHUB_ACTIONS'] === 'true';
  return {
    ...(options.dialect ? { dialect: options.dialect } : {}),
    ...(options.ipVersion ? { ipVersion: options.ipVersion } : {}),
    includeDirs: options.includeDir,
    defines: parseDefines(options.define),
    ...(inActions && !options.allowIncludeOutsideWorkspace
      ? { confineIncludesTo: io.env['GITHUB_WORKSPACE'] ?? io.cwd }
      : {}),
  };
}

function addSharedOptions(command: Command): Command {
  return command
    .addOption(new Option('--dialect <dialect>', 'force the input format').choices(['nft', 'iptables']))
    .addOption(new Option('--ip-version <version>', 'force IPv4 or IPv6 for iptables dumps').argParser(parseIpVersion))
    .option('-I, --include-dir <dir>', 'search directory for nft include files (repeatable)', collect, [])
    .option('-D, --define <name=value>', 'define an nft variable, like nft -D (repeatable)', collect, []);
}

async function lintCommand(files: string[], options: GlobalOptions, io: CliIO): Promise<number> {
  const reporter = REPORTERS[options.format];
  if (!reporter) {
    io.stderr(`fwlint: unknown format '${options.format}' (choose from ${Object.keys(REPORTERS).join(', ')})\n`);
    return EXIT_USAGE;
  }
  if (files.length === 0) {
    io.stderr('fwlint: no input files; try `fwlint /etc/nftables.conf` or `fwlint --help`\n');
    return EXIT_USAGE;
  }
  const expanded = expandFileArguments(files, io.cwd);
  const lintOptions = lintOptionsFrom(options, io);
  const results: LintResult[] = [];
  const inputErrors = [...expanded.errors];
  for (const file of expanded.files) {
    try {
      if (options.printIr) {
        const read = readRulesetFile(file);
        if (!read.ok) throw new InputError(file, read.message);
        io.stdout(printIr(parseText(file, read.text, lintOptions).ruleset));
        continue;
      }
      results.push(lintFile(file, lintOptions));
    } catch (error) {
      if (error instanceof InputError) inputErrors.push(error.message);
      else throw error;
    }
  }
  if (!options.printIr) {
    io.stdout(reporter(results, { color: options.color ?? io.colorDefault }));
  }
  for (const message of inputErrors) io.stderr(`fwlint: ${message}\n`);
  if (inputErrors.length > 0) return EXIT_USAGE;
  return results.some((r) => r.errorCount > 0) ? EXIT_FINDINGS : EXIT_OK;
}

function buildProgram(io: CliIO, exit: { code: number }): Command {
  const program = new Command('fwlint')
    .description('Static analyzer for nftables rulesets and iptables-save dumps')
    .version(packageVersion(), '-V, --version')
    .argument('[files...]', 'ruleset files or globs')
    .option('-f, --format <format>', `output format: ${Object.keys(REPORTERS).join(', ')}`, 'stylish')
    .option('--print-ir', 'print the parsed intermediate representation as JSON instead of linting')
    .option('--allow-include-outside-workspace', 'in GitHub Actions, allow nft include files outside $GITHUB_WORKSPACE')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run fwlint --help for usage)')
    .action(async (files: string[], options: GlobalOptions) => {
      exit.code = await lintCommand(files, options, io);
    });
  addSharedOptions(program);

  const trace = new Command('trace')
    .description('show the path a packet takes through a ruleset and its final verdict')
    .argument('<file>', 'ruleset file')
    .requiredOption('-p, --packet <spec>', 'the packet, e.g. "tcp saddr 198.51.100.1 dport 22 iif eth0 ct new"')
    .option('--hook <hook>', 'start at this hook instead of the one the packet implies')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action((file: string, options: GlobalOptions & { packet: string; hook?: Hook }) => {
      const read = readRulesetFile(file);
      if (!read.ok) {
        io.stderr(`fwlint: ${file}: ${read.message}\n`);
        exit.code = EXIT_USAGE;
        return;
      }
      const result = runTrace(file, read.text, lintOptionsFrom(options, io), options.packet, options.hook);
      io.stdout(result.stdout);
      if (result.stderr) io.stderr(result.stderr);
      exit.code = result.exitCode;
    });
  addSharedOptions(trace);
  program.addCommand(trace);
  return program;
}

/** The only place that decides exit codes; bin/fwlint.js sets process.exitCode from it. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const exit = { code: EXIT_OK };
  try {
    await buildProgram(io, exit).parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof InvalidArgumentError) {
      io.stderr(`fwlint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`fwlint: internal error: ${detail}\nPlease report this with the input that caused it.\n`);
    return EXIT_USAGE;
  }
}
