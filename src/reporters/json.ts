import type { Reporter } from './types.js';

/** The stable machine format: one entry per input file, ESLint-compatible field names. */
export const json: Reporter = (results) =>
  JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      dialect: result.dialect,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      messages: result.messages,
    })),
    null,
    2,
  ) + '\n';
