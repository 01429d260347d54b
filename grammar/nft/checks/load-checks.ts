import { type Diagnostic, FIELDS, type Ruleset, type SetDecl, type SimpleVerdict, type SourceSpan } from '../../../src/ir.js';
import { nameTooLong } from './name-length.js';

function loadError(message: string, span: SourceSpan): Diagnostic {
  return { ruleId: 'parse-error', severity: 'error', message, span };
}

/** A range element; the catch-all `*`, which the IR holds as the whole domain, is not one. */
function holdsRange(set: SetDecl): boolean {
  const fields = set.keyFields;
  if (fields === undefined) return false;
  return set.elements.some((element) => {
    const whole = element.key.every((item, i) => item.kind === 'range' && item.low === 0n && fields[i] !== undefined && item.high === FIELDS[fields[i]].max);
    return !whole && element.key.some((item) => item.kind === 'range' && item.low !== item.high);
  });
}

/**
 * A named set holding a range or prefix (`10.0.0.0/8`, `20-30`) needs `flags interval`. Every block
 * of a set must repeat its flags (see set-declarations.ts), so the set's flags are each block's.
 */
function rangesWithoutInterval(ruleset: Ruleset): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const table of ruleset.tables) {
    for (const set of table.sets) {
      if (set.flags.includes('interval') || !holdsRange(set)) continue;
      const message = `You must add 'flags interval' to your ${set.kind} declaration if you want to add range or prefix elements (${set.kind} "${set.name}" holds some)`;
      problems.push(loadError(message, set.span));
    }
  }
  return problems;
}

function jumpVerdicts(ruleset: Ruleset): SimpleVerdict[] {
  const verdicts: SimpleVerdict[] = [];
  for (const table of ruleset.tables) {
    for (const chain of table.chains) {
      for (const rule of chain.rules) {
        const verdict = rule.verdict;
        if (verdict === undefined) continue;
        if (verdict.kind === 'vmap') verdicts.push(...verdict.entries.map((e) => e.verdict));
        else verdicts.push(verdict);
      }
    }
  }
  return verdicts;
}

/** `jump <300 characters>`: no chain can have that name, so the kernel refuses the rule. */
function overlongJumpTargets(ruleset: Ruleset): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const verdict of jumpVerdicts(ruleset)) {
    if (verdict.kind !== 'jump' && verdict.kind !== 'goto') continue;
    const tooLong = nameTooLong(verdict.target);
    if (tooLong !== undefined) problems.push(loadError(tooLong, verdict.span));
  }
  return problems;
}

/**
 * The checks nft makes when it evaluates a parsed ruleset (or the kernel makes when loading it)
 * that need the whole ruleset in view. Each reports only what nft certainly rejects.
 */
export function loadChecks(ruleset: Ruleset): Diagnostic[] {
  return [...rangesWithoutInterval(ruleset), ...overlongJumpTargets(ruleset)];
}
