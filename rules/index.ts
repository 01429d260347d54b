import type { RuleModule } from './types.js';

/** The registry of lint rules, in one place: ids here are the public contract. */
export const RULES: readonly RuleModule[] = [];
