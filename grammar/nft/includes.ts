import path from 'node:path';
import type { IToken } from 'chevrotain';
import type { Diagnostic, SourceSpan } from '../../src/ir.js';
import { LIMITS, isGlob } from '../../src/files.js';
import { describeActual } from './errors.js';
import type { NftParseOptions } from './index.js';
import { atomsSpan, parseError, SourceFile, unquote } from './source.js';

/**
 * Follows `include` statements: finds the files (globs included), reads them through the host,
 * and guards against cycles, excessive depth and refused paths, reporting `include-error`s at
 * the include statement.
 */
export class IncludeResolver {
  private readonly active: string[] = [];
  private count = 0;

  constructor(
    private readonly options: NftParseOptions,
    private readonly diagnostics: Diagnostic[],
    private readonly sourceFiles: string[],
  ) {}

  enter(source: SourceFile): void {
    this.sourceFiles.push(source.path);
    this.active.push(path.resolve(source.path));
  }

  leave(): void {
    this.active.pop();
  }

  follow(
    keyword: IToken,
    pathToken: IToken,
    from: SourceFile,
    includedFrom: SourceSpan[],
    load: (source: SourceFile, includedFrom: SourceSpan[]) => void,
  ): void {
    if (pathToken.tokenType.name !== 'QuotedString') {
      this.diagnostics.push(parseError(from, pathToken, `syntax error, unexpected ${describeActual(pathToken)}, expecting quoted string`));
      return;
    }
    const span = atomsSpan(from, keyword, pathToken);
    const report = (message: string): void => {
      this.diagnostics.push({ ruleId: 'include-error', severity: 'error', message, span });
    };
    const target = unquote(pathToken.image);
    for (const file of this.resolve(target, from.path, report)) {
      const absolute = path.resolve(file);
      const refusal = this.options.includeAllowed?.(absolute);
      if (refusal !== undefined) {
        report(`include "${target}" refused: ${refusal}`);
        continue;
      }
      if (this.active.includes(absolute)) {
        report(`include cycle: "${file}" is already being included`);
        continue;
      }
      if (this.active.length > LIMITS.maxIncludeDepth) {
        report(`include depth limit (${LIMITS.maxIncludeDepth}) exceeded at "${file}"`);
        continue;
      }
      if (++this.count > LIMITS.maxIncludedFiles) {
        report(`more than ${LIMITS.maxIncludedFiles} included files`);
        return;
      }
      const read = this.options.host.readText(file);
      if (!read.ok) {
        report(`cannot include "${file}": ${read.message}`);
        continue;
      }
      const source = new SourceFile(file, read.text);
      this.enter(source);
      load(source, [...includedFrom, span]);
      this.leave();
    }
  }

  /** The including file's directory first, then each include directory, then the path as given. */
  private resolve(target: string, from: string, report: (message: string) => void): string[] {
    const bases = path.isAbsolute(target) ? [''] : [path.dirname(from), ...this.options.includeDirs, ''];
    for (const base of bases) {
      const candidate = base === '' ? target : path.join(base, target);
      if (isGlob(target)) {
        const found = this.options.host.glob(candidate);
        if (!found.ok) {
          report(`include "${target}": ${found.message}`);
          return [];
        }
        if (found.files.length > 0) return found.files;
      } else if (this.options.host.exists(candidate)) return [candidate];
    }
    if (!isGlob(target)) report(`include "${target}": file not found (searched ${bases.map((b) => b || '.').join(', ')})`);
    return [];
  }
}
