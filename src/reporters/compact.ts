import type { Reporter } from './types.js';

/** One line per finding, `file:line:col: severity: message [rule-id]`, for editors and grep. */
export const compact: Reporter = (results) =>
  results
    .flatMap((result) =>
      result.messages.map(
        (m) => `${m.file ?? result.filePath}:${m.line}:${m.column}: ${m.severity}: ${m.message} [${m.ruleId}]\n`,
      ),
    )
    .join('');
