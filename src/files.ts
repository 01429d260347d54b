import { closeSync, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:fs';
import path from 'node:path';

/** Limits that keep hostile input bounded in time and memory. */
export const LIMITS = {
  maxFileBytes: 32 * 1024 * 1024,
  maxLineChars: 1024 * 1024,
  maxIncludeDepth: 16,
  maxIncludedFiles: 4096,
  maxGlobMatches: 1024,
} as const;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * How grammars reach the file system. Kept behind an interface so tests can give in-memory
 * files and so every read goes through the same limits.
 */
export interface SourceHost {
  readText(filePath: string): ReadResult;
  /** Regular files matching a glob, nft style: sorted bytewise, directories and dot-files skipped. */
  glob(pattern: string): { ok: true; files: string[] } | { ok: false; message: string };
  exists(filePath: string): boolean;
}

function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Reads a ruleset file, refusing what is not one: directories, FIFOs and devices (a read would
 * block or never end), files over the size limit and binary files.
 */
export function readRulesetFile(filePath: string): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK so that opening a FIFO with no writer does not hang before we can stat it.
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: describeOpenError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: 'is a directory, not a ruleset file' };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file (FIFO, socket or device)' };
    if (stat.size > LIMITS.maxFileBytes) {
      return {
        ok: false,
        message: `file is too large (${describeSize(stat.size)}; the limit is ${describeSize(LIMITS.maxFileBytes)})`,
      };
    }
    const buffer = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const read = readSync(fd, buffer, offset, stat.size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    const bytes = buffer.subarray(0, offset);
    const nul = bytes.indexOf(0);
    if (nul !== -1) return { ok: false, message: `binary file (NUL byte at offset ${nul}), not a ruleset` };
    return { ok: true, text: bytes.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

function describeOpenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a ruleset file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot open (${code ?? String(error)})`;
  }
}

const GLOB_CHARS = /[*?[]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** Translates one path segment of an fnmatch-style glob into a RegExp. */
function segmentToRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        let body = segment.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export function globFiles(pattern: string): { ok: true; files: string[] } | { ok: false; message: string } {
  const absolute = path.resolve(pattern);
  const segments = absolute.split('/').filter((s) => s !== '');
  let candidates = ['/'];
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const dir of candidates) {
      if (!isGlob(segment)) {
        next.push(path.join(dir, segment));
        continue;
      }
      const regexp = segmentToRegExp(segment);
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (name.startsWith('.') || !regexp.test(name)) continue;
        next.push(path.join(dir, name));
        if (next.length > LIMITS.maxGlobMatches) {
          return { ok: false, message: `glob matches more than ${LIMITS.maxGlobMatches} entries` };
        }
      }
    }
    candidates = last ? next : next.filter((p) => isDirectory(p));
  }
  const files = candidates.filter((p) => isRegularFile(p)).sort(compareBytes);
  return { ok: true, files };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isRegularFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export const diskHost: SourceHost = {
  readText: readRulesetFile,
  glob: globFiles,
  exists: (p) => {
    try {
      statSync(p);
      return true;
    } catch {
      return false;
    }
  },
};

/** An in-memory host for tests and for linting text given on standard input. */
export function memoryHost(files: Record<string, string>): SourceHost {
  const names = Object.keys(files).sort(compareBytes);
  return {
    readText: (p) => {
      const text = files[p];
      return text === undefined ? { ok: false, message: 'no such file' } : { ok: true, text };
    },
    glob: (pattern) => {
      const regexps = pattern.split('/').map(segmentToRegExp);
      const matches = names.filter((name) => {
        const parts = name.split('/');
        return (
          parts.length === regexps.length &&
          parts.every((part, i) => regexps[i]!.test(part) && !(isGlob(pattern.split('/')[i]!) && part.startsWith('.')))
        );
      });
      return { ok: true, files: matches };
    },
    exists: (p) => p in files,
  };
}
