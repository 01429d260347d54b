import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../../../src/ir.js';
import type { Atom } from '../ast.js';
import { isWord, parseError, type SourceFile } from '../source.js';
import { tableKey } from '../state.js';

const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

interface Listing {
  key: string;
  table: string;
  at: IToken;
  source: SourceFile;
}

/**
 * `list table t` in a file that deletes t. nft evaluates every command of a file before it runs
 * any, and evaluating `delete table`/`destroy table` drops the table from the cache the listing
 * reads; the listing runs last and finds no table (ENOENT), whether or not the host had it. So a
 * listed table fails when the file's last word on it is a deletion.
 */
export class ListedTables {
  private readonly listings: Listing[] = [];
  private readonly deleted = new Set<string>();

  /** Notes a `list …` command (`verb` is its first token, `rest` the words after it). */
  noteCommand(verb: IToken, rest: readonly Atom[], source: SourceFile): void {
    const [object, first, second] = rest;
    if (verb.image !== 'list' || !isWord(object, 'table') || !isWord(first)) return;
    const familyGiven = FAMILIES.has(first.image) && isWord(second);
    const name = familyGiven ? second : first;
    const family = familyGiven ? first.image : 'ip';
    this.listings.push({ key: tableKey(family, name.image), table: `${family} ${name.image}`, at: verb, source });
  }

  tableDeleted(key: string): void {
    this.deleted.add(key);
  }

  tableAdded(key: string): void {
    this.deleted.delete(key);
  }

  problems(): Diagnostic[] {
    return this.listings
      .filter((listing) => this.deleted.has(listing.key))
      .map((listing) =>
        parseError(listing.source, listing.at, `Could not process rule: No such file or directory (nft lists after evaluating the whole file, and this file deletes table ${listing.table})`),
      );
  }
}
