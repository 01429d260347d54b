import type { ParseResult } from '../../src/ir.js';
import type { SourceHost } from '../../src/files.js';
import { loadChecks } from './checks/load-checks.js';
import { IrBuilder } from './to-ir.js';

export interface NftParseOptions {
  host: SourceHost;
  includeDirs: string[];
  defines?: Record<string, string>;
  /** Returns a refusal reason when an include target must not be read (CI sandboxing), else undefined. */
  includeAllowed?: (absolutePath: string) => string | undefined;
}

function describeInternal(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Parses an `nft -f` file (and what it includes) into the IR. Never throws. */
export function parseNft(filePath: string, text: string, options: NftParseOptions): ParseResult {
  const builder = new IrBuilder(options);
  try {
    builder.loadFile(filePath, text, builder.rootScope());
    builder.markLateUpdatedSets();
    builder.reportWholeFileProblems();
    const result = builder.result();
    result.diagnostics.push(...loadChecks(result.ruleset));
    return result;
  } catch (error) {
    const partial = builder.result();
    partial.diagnostics.push({
      ruleId: 'internal-error',
      severity: 'error',
      message: `internal error while parsing (please report it): ${describeInternal(error)}`,
      span: { file: filePath, line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    return partial;
  }
}
