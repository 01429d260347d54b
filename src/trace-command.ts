import type { Hook } from './ir.js';
import { parseText, type LintOptions } from './lint.js';
import { buildModel, formatTrace, parsePacket } from './model/index.js';

export interface TraceOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const HOOKS: readonly Hook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting', 'ingress', 'egress'];

/** `fwlint trace`: the static twin of `nft monitor trace`. */
export function runTrace(filePath: string, text: string, options: LintOptions, packetSpec: string, hook?: string): TraceOutput {
  if (hook !== undefined && !HOOKS.includes(hook as Hook)) {
    return { stdout: '', stderr: `fwlint: --hook ${hook}: expected one of ${HOOKS.join(', ')}\n`, exitCode: 2 };
  }
  const packet = parsePacket(packetSpec);
  if ('error' in packet) {
    return { stdout: '', stderr: `fwlint: --packet: ${packet.error}\n`, exitCode: 2 };
  }
  const { ruleset, diagnostics } = parseText(filePath, text, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((d) => `${d.span.file}:${d.span.line}:${d.span.column}: ${d.message} [${d.ruleId}]\n`);
    return { stdout: '', stderr: `fwlint: cannot trace, the ruleset has errors:\n${lines.join('')}`, exitCode: 1 };
  }
  const model = buildModel(ruleset);
  const trace = model.trace(packet, hook === undefined ? undefined : [hook as Hook]);
  return { stdout: formatTrace(trace) + '\n', stderr: '', exitCode: 0 };
}
