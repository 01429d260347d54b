import type { Diagnostic } from '../../src/ir.js';
import type { BodyItem } from './ast.js';
import { GLOBAL_KEYWORDS, KEYWORD_VALUES } from './keywords.js';
import { parseDefineValue } from './parse-file.js';
import { Scope, expandVariables } from './scope.js';
import { isWord, parseError, type SourceFile } from './source.js';

/** The scope holding `nft -D name=value` definitions, with the file's top-level scope inside it. */
export function commandLineScope(defines: Record<string, string>, diagnostics: Diagnostic[]): Scope {
  const root = new Scope();
  for (const [name, text] of Object.entries(defines)) {
    const value = parseDefineValue(text);
    if (value !== undefined) root.set(name, value);
    else {
      diagnostics.push({
        ruleId: 'parse-error',
        severity: 'error',
        message: `cannot parse the value of -D ${name}=${text}`,
        span: { file: '<command line>', line: 1, column: 1, endLine: 1, endColumn: 1 },
      });
    }
  }
  return new Scope(root);
}

/** `define`, `redefine` and `undefine`, with nft's checks (keyword values, redefinition). */
export function applyDefine(item: Extract<BodyItem, { kind: 'define' | 'undefine' }>, scope: Scope, source: SourceFile, diagnostics: Diagnostic[]): void {
  const name = item.name.image;
  if (item.kind === 'undefine') {
    scope.undefine(name);
    return;
  }
  const [only] = item.value;
  if (item.value.length === 1 && isWord(only) && GLOBAL_KEYWORDS.has(only.image) && !KEYWORD_VALUES.has(only.image)) {
    diagnostics.push(parseError(source, only, `syntax error, unexpected "${only.image}" (a keyword is not a value; quote it: "${only.image}")`));
    return;
  }
  const value = expandVariables(item.value, scope, source, diagnostics);
  if (value === undefined) return;
  if (item.keyword.image === 'redefine') scope.redefine(name, value);
  else if (scope.hasOwn(name)) diagnostics.push(parseError(source, item.name, `redefinition of symbol '${name}'`));
  else scope.set(name, value);
}
