/**
 * A packet's path through the rules in one notation for both sides: the kernel's trace (rules
 * known by handle) and fwlint's trace (rules known by source span) both become chain positions.
 */
import type { TraceEvent } from './nft-trace.js';

export interface PathStep {
  /** Family and name, `ip filter`. */
  table: string;
  chain: string;
  /** 1-based position of the rule in its chain; absent for a policy. */
  position?: number;
  /** `accept`, `drop`, `return`, `jump X`, `goto X`, `policy accept` … */
  action: string;
}

/** `positions` maps `family table chain handle` to a 0-based position (see NetnsLab.rulePositions). */
export function kernelPath(trace: TraceEvent[], positions: ReadonlyMap<string, number>): PathStep[] {
  return trace.map((event) => {
    if (event.handle === undefined) return { table: event.table, chain: event.chain, action: event.verdict };
    const position = positions.get(`${event.table} ${event.chain} ${event.handle}`);
    return {
      table: event.table,
      chain: event.chain,
      ...(position === undefined ? {} : { position: position + 1 }),
      action: event.verdict,
    };
  });
}

export function samePath(a: readonly PathStep[], b: readonly PathStep[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `chain#position action` steps, prefixed with the table's name when more than one table took part. */
export function describePath(path: readonly PathStep[]): string {
  if (path.length === 0) return '(no base chain)';
  const severalTables = new Set(path.map((step) => step.table)).size > 1;
  return path
    .map((step) => {
      const where = severalTables ? `${step.table.split(' ')[1]}/${step.chain}` : step.chain;
      return step.position === undefined ? `${where} ${step.action}` : `${where}#${step.position} ${step.action}`;
    })
    .join(' › ');
}
