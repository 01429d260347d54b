import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIptables } from '../../grammar/iptables/index.js';
import { iptablesCorpusDir } from '../support/shared.js';

/**
 * iptables' own per-extension test vectors (`extensions/*.t`: `rule;expected save;OK|FAIL`, after
 * `:CHAIN` and `*table` lines). Every rule marked OK must parse without a parse-error; FAIL rules
 * are counted, as many of them fail only in the kernel.
 */

const vectorsDir = path.join(iptablesCorpusDir, 'ext-t');
const missing = !existsSync(vectorsDir);
if (missing) console.warn(`skipping the iptables extension vectors: ${vectorsDir} is absent`);

/** OK in the vectors (iptables 1.8.11) but rejected by the 1.8.9 oracle as well: ICMPv6 names added later. */
const NEWER_THAN_ORACLE = /--icmpv6-type mld-listener-/;

const BUILT_IN = new Set(['INPUT', 'FORWARD', 'OUTPUT', 'PREROUTING', 'POSTROUTING']);

interface Vector {
  file: string;
  rule: string;
  ok: boolean;
  text: string;
  ipVersion: 4 | 6;
}

function vectors(): Vector[] {
  const found: Vector[] = [];
  for (const file of readdirSync(vectorsDir).sort()) {
    if (!/__lib(xt|ipt|ip6t)_/.test(file)) continue;
    const ipVersion = file.includes('libip6t_') ? 6 : 4;
    let table = 'filter';
    let chain = 'INPUT';
    for (const line of readFileSync(path.join(vectorsDir, file), 'utf8').split('\n')) {
      if (line.startsWith('*')) table = line.slice(1);
      else if (line.startsWith(':')) chain = line.slice(1).split(',')[0]!;
      const [rule, , verdict] = line.split(';');
      if (rule === undefined || verdict === undefined || rule.startsWith('#') || NEWER_THAN_ORACLE.test(rule)) continue;
      const declare = BUILT_IN.has(chain) ? '' : `:${chain} - [0:0]\n`;
      found.push({ file, rule, ok: verdict.trim() === 'OK', text: `*${table}\n${declare}-A ${chain} ${rule}\nCOMMIT\n`, ipVersion });
    }
  }
  return found;
}

describe.skipIf(missing)('iptables extension test vectors', () => {
  it('parses every OK vector without a parse-error', () => {
    const all = vectors();
    const failures = all
      .filter((v) => v.ok)
      .flatMap((v) => {
        const errors = parseIptables(v.file, v.text, { ipVersion: v.ipVersion }).diagnostics.filter((d) => d.severity === 'error');
        return errors.length === 0 ? [] : [`${v.file}: ${v.rule} => ${errors[0]!.message}`];
      });
    const bad = all.filter((v) => !v.ok);
    const flagged = bad.filter((v) => parseIptables(v.file, v.text, { ipVersion: v.ipVersion }).diagnostics.some((d) => d.severity === 'error'));
    console.warn(`extension vectors: ${all.filter((v) => v.ok).length - failures.length}/${all.filter((v) => v.ok).length} OK vectors parse cleanly; ${flagged.length}/${bad.length} FAIL vectors flagged`);
    expect(failures).toEqual([]);
  });
});
