import { impossibleMatch } from './impossible-match.js';
import { redundantRule } from './redundant-rule.js';
import type { RuleModule } from './types.js';
import { unreachableRule } from './unreachable-rule.js';

/** The registry of lint rules, in one place: ids here are the public contract. */
export const RULES: readonly RuleModule[] = [unreachableRule, redundantRule, impossibleMatch];
