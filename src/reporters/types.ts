import type { LintResult } from '../lint.js';

export interface ReporterOptions {
  color: boolean;
}

export type Reporter = (results: LintResult[], options: ReporterOptions) => string;
