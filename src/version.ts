import { readFileSync } from 'node:fs';

/** The package version, found by walking up from this module (it runs from src/ and from dist/src/). */
export function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'fwlint' && parsed.version) return parsed.version;
    } catch {
      continue;
    }
  }
  return 'unknown';
}
