/**
 * What a command needs to exist already. `nft -f` starts from the ruleset it finds, and fwlint
 * lints a file as the whole ruleset (as loading it into an empty namespace does): a command on
 * a table or chain the file has not created (or has deleted) fails with ENOENT. Not judged:
 * `delete`, since `delete table t` before `table t { … }` is the usual way to reload a table on a
 * host that has it (the nftables examples do it); `destroy`, which tolerates a missing target; and
 * commands naming a rule by handle.
 */
export interface RequiredTargets {
  table: boolean;
  chain: boolean;
}

const NONE: RequiredTargets = { table: false, chain: false };
const TABLE: RequiredTargets = { table: true, chain: false };
const TABLE_AND_CHAIN: RequiredTargets = { table: true, chain: true };

export function requiredTargets(verb: string, object: string | undefined): RequiredTargets {
  switch (object) {
    case 'table':
      return verb === 'flush' ? TABLE : NONE;
    case 'chain':
      if (verb === 'add' || verb === 'create') return TABLE;
      return verb === 'flush' || verb === 'rename' ? TABLE_AND_CHAIN : NONE;
    case 'set':
    case 'map':
      return verb === 'add' || verb === 'create' ? TABLE : NONE;
    case 'element':
      return verb === 'add' || verb === 'create' ? TABLE : NONE;
    case 'rule':
    case undefined:
      return verb === 'add' || verb === 'insert' || verb === 'replace' ? TABLE_AND_CHAIN : NONE;
    default:
      return NONE;
  }
}

export function missingTargetMessage(what: string): string {
  return `Could not process rule: No such file or directory (${what} does not exist at this point of the file)`;
}
