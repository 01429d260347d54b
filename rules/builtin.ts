import type { Severity } from '../src/ir.js';

export interface BuiltinDiagnostic {
  id: string;
  severity: Severity;
  dialect: 'nft' | 'iptables' | 'both';
  description: string;
}

/**
 * Findings the grammars and the model report themselves (they are not lint rules and run before
 * any). Listed here so that documentation, the README table and future configuration know them.
 */
export const BUILTIN_DIAGNOSTICS: readonly BuiltinDiagnostic[] = [
  { id: 'parse-error', severity: 'error', dialect: 'both', description: 'The file is not valid nftables or iptables-restore input.' },
  { id: 'internal-error', severity: 'error', dialect: 'both', description: 'fwlint failed on part of the input.' },
  { id: 'include-error', severity: 'error', dialect: 'nft', description: 'An nft `include` cannot be followed: missing file, include cycle, too deep nesting (16 levels, like nft), or a path refused in CI.' },
  { id: 'undefined-variable', severity: 'error', dialect: 'nft', description: 'A `$name` is used without a `define` in scope.' },
  { id: 'invalid-priority', severity: 'error', dialect: 'nft', description: 'A standard priority name is used on a hook where nft does not allow it.' },
  { id: 'deprecated-negation', severity: 'warning', dialect: 'iptables', description: 'The pre-2011 negation placement `-s ! 10.0.0.0/8`.' },
  { id: 'attached-option-value', severity: 'warning', dialect: 'iptables', description: 'A short option with its value attached (`-ptcp`, `-s10.0.0.1`).' },
  { id: 'duplicate-table-section', severity: 'warning', dialect: 'iptables', description: 'The same `*table` appears twice in one dump.' },
  { id: 'policy-on-user-chain', severity: 'warning', dialect: 'iptables', description: 'A policy other than `-` on a user-defined chain.' },
  { id: 'unknown-target', severity: 'warning', dialect: 'iptables', description: '`-j NAME` names neither a known target nor a declared chain.' },
  { id: 'incomplete-dump', severity: 'warning', dialect: 'iptables', description: 'The dump says itself that it is incomplete.' },
  { id: 'jump-loop', severity: 'error', dialect: 'both', description: 'Chains jump to each other in a cycle.' },
  { id: 'unknown-chain', severity: 'error', dialect: 'both', description: 'A `jump`/`goto` (or `-j`/`-g`) targets a chain that does not exist in the table.' },
];
