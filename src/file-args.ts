import { statSync } from 'node:fs';
import fg from 'fast-glob';
import { isGlob } from './files.js';

export type Expanded = { files: string[]; errors: string[] };

/**
 * Turns command-line arguments into files: an existing path is taken as it is (a directory is an
 * error, not a silent recursion); an argument with glob characters is expanded; anything else is
 * reported, never skipped.
 */
export function expandFileArguments(args: string[], cwd: string): Expanded {
  const files: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    let isDirectory = false;
    let exists = false;
    try {
      isDirectory = statSync(arg).isDirectory();
      exists = true;
    } catch {
      exists = false;
    }
    if (exists) {
      if (isDirectory) errors.push(`${arg}: is a directory; give the ruleset files (a glob such as '${arg}/*.nft' works)`);
      else files.push(arg);
      continue;
    }
    if (isGlob(arg)) {
      const matches = fg.sync(arg, { cwd, onlyFiles: true, dot: false, followSymbolicLinks: true }).sort();
      if (matches.length === 0) errors.push(`${arg}: no files match this pattern`);
      files.push(...matches);
      continue;
    }
    errors.push(`${arg}: no such file`);
  }
  return { files: [...new Set(files)], errors };
}
