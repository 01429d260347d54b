/** fwlint's accept/reject of a file, and the reviewed list of places where it may differ from the tool. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRulesetFile } from '../../src/files.js';
import { lintText } from '../../src/lint.js';

/** Findings that mean "the tool would refuse to load this"; every other finding is advice. */
const REJECTING_RULES = new Set(['parse-error', 'include-error', 'undefined-variable']);

export type Verdict = 'accepts' | 'rejects';

export interface FwlintVerdict {
  verdict: Verdict;
  /** The first rejecting message, to explain a disagreement. */
  reason: string;
  /** Set when fwlint threw: always a bug, never an allowed difference. */
  crash?: string;
}

export function fwlintVerdict(file: string): FwlintVerdict {
  const read = readRulesetFile(file);
  if (!read.ok) return { verdict: 'rejects', reason: read.message };
  try {
    const result = lintText(file, read.text);
    const rejecting = result.messages.find((m) => m.severity === 'error' && REJECTING_RULES.has(m.ruleId));
    return rejecting
      ? { verdict: 'rejects', reason: `${rejecting.line}:${rejecting.column} ${rejecting.ruleId}: ${rejecting.message}` }
      : { verdict: 'accepts', reason: '' };
  } catch (error) {
    const crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { verdict: 'rejects', reason: 'threw', crash };
  }
}

export interface KnownDifference {
  /**
   * Why it differs: the tool's version or this sandbox's kernel, the loading host's users and
   * interfaces, a deliberate fwlint choice, or a check fwlint does not do yet (`fwlint-gap`, to fix).
   */
  kind: 'tool-version' | 'sandbox' | 'host-state' | 'fwlint-policy' | 'fwlint-gap';
  /** What fwlint says where the tool says the opposite. */
  fwlint: Verdict;
  /** Regular expression on the file's base name. */
  file?: string;
  /** Regular expression on the tool's error output. */
  toolError?: string;
  reason: string;
}

/** Load verdicts per dialect, and round trips whose two readings may differ (matched by file name). */
type KnownDifferences = Record<'nft' | 'iptables' | 'roundtrip', KnownDifference[]>;

export function loadKnownDifferences(): KnownDifferences {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'known-differences.json');
  return JSON.parse(readFileSync(file, 'utf8')) as KnownDifferences;
}

export function findKnownDifference(
  list: readonly KnownDifference[],
  file: string,
  fwlint: Verdict,
  toolError: string,
): KnownDifference | undefined {
  const name = path.basename(file);
  return list.find(
    (entry) =>
      entry.fwlint === fwlint &&
      (entry.file === undefined || new RegExp(entry.file).test(name)) &&
      (entry.toolError === undefined || new RegExp(entry.toolError).test(toolError)),
  );
}

export interface PartTally {
  part: string;
  files: number;
  agree: number;
  knownDifferences: number;
  unexpected: string[];
}

export function formatTable(tallies: readonly PartTally[]): string {
  const header = ['corpus part', 'files', 'agree', 'known diff', 'unexpected'];
  const rows = tallies.map((t) => [t.part, String(t.files), String(t.agree), String(t.knownDifferences), String(t.unexpected.length)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
