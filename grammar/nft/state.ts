import type { Chain, SetDecl, SourceSpan, Table } from '../../src/ir.js';
import type { SetBlockShape } from './checks/set-declarations.js';
import type { Scope } from './scope.js';
import type { SourceFile } from './source.js';
import type { SymbolSpace } from './values.js';

/** A table being built, with lookups by name (nft names are unique per table and kind). */
export interface TableState {
  table: Table;
  chains: Map<string, Chain>;
  sets: Map<string, SetEntry>;
  /** Flowtables declared so far (by name). */
  flowtables: Set<string>;
  /** Tunnel objects declared so far (by name). */
  tunnels: Set<string>;
}

export interface SetEntry {
  decl: SetDecl;
  /** Which symbol table names each key field's values (ICMP vs ICMPv6 types). */
  spaces: SymbolSpace[];
  /** What the first block declared: later blocks must agree with it. */
  first?: SetBlockShape;
}

/** Where interpretation currently is: the file, the include chain that led to it, the scope. */
export interface Place {
  source: SourceFile;
  includedFrom: SourceSpan[];
  scope: Scope;
}

export function tableKey(family: string, name: string): string {
  return `${family} ${name}`;
}
