import type { SimpleVerdict, Statement, StatementKind } from '../../src/ir.js';
import { iptablesLogLevel } from '../../src/data/conntrack.js';
import type { LineContext } from './matches.js';
import type { LineProblem, TargetUse } from './options.js';
import { targetEffects } from './target-effects.js';

/** Targets that act and let evaluation go on to the next rule, with the IR statement they are. */
const STATEMENT_TARGETS: Readonly<Record<string, StatementKind>> = {
  LOG: 'log',
  ULOG: 'log',
  NFLOG: 'log',
  AUDIT: 'log',
  MARK: 'meta-set',
  CLASSIFY: 'meta-set',
  SECMARK: 'meta-set',
  CONNMARK: 'ct-set',
  CONNSECMARK: 'ct-set',
  CT: 'ct-set',
  NOTRACK: 'notrack',
  TCPMSS: 'payload-set',
  DSCP: 'payload-set',
  TOS: 'payload-set',
  TTL: 'payload-set',
  HL: 'payload-set',
  ECN: 'payload-set',
  TCPOPTSTRIP: 'payload-set',
  DNPT: 'payload-set',
  SNPT: 'payload-set',
  CHECKSUM: 'other',
  TRACE: 'other',
  IDLETIMER: 'other',
  LED: 'other',
  RATEEST: 'other',
  HMARK: 'meta-set',
  CLUSTERIP: 'other',
  SET: 'set-update',
  TEE: 'dup',
};

const NAT_TARGETS: Readonly<Record<string, 'snat' | 'dnat' | 'masquerade' | 'redirect'>> = {
  SNAT: 'snat',
  DNAT: 'dnat',
  MASQUERADE: 'masquerade',
  REDIRECT: 'redirect',
};

// libipt_REJECT / libip6t_REJECT: names and their short aliases, matched by case-insensitive prefix.
const REJECT_TYPES: Readonly<Record<4 | 6, readonly string[]>> = {
  4: [
    'icmp-net-unreachable', 'net-unreach', 'icmp-host-unreachable', 'host-unreach', 'icmp-proto-unreachable',
    'proto-unreach', 'icmp-port-unreachable', 'port-unreach', 'icmp-net-prohibited', 'net-prohib',
    'icmp-host-prohibited', 'host-prohib', 'tcp-reset', 'tcp-rst', 'icmp-admin-prohibited', 'admin-prohib',
  ],
  6: [
    'icmp6-no-route', 'no-route', 'icmp6-adm-prohibited', 'adm-prohibited', 'icmp6-addr-unreachable', 'addr-unreach',
    'icmp6-port-unreachable', 'port-unreach', 'icmp6-policy-fail', 'policy-fail', 'icmp6-reject-route',
    'reject-route', 'tcp-reset', 'tcp-rst',
  ],
};


export interface TargetResult {
  verdict?: SimpleVerdict;
  statements: Statement[];
  problems: LineProblem[];
}

function optionValue(target: TargetUse, name: string): string | undefined {
  return target.options.find((o) => o.def.name === name)?.values[0]?.value;
}

function validate(target: TargetUse, ipVersion: 4 | 6): LineProblem[] {
  const problem = (name: string, message: string): LineProblem[] => {
    const value = target.options.find((o) => o.def.name === name)?.values[0];
    return value ? [{ ruleId: 'parse-error', severity: 'error', message, start: value.start, end: value.end }] : [];
  };
  const level = optionValue(target, 'log-level');
  if (target.name === 'LOG' && level !== undefined && iptablesLogLevel(level) === undefined) {
    return problem('log-level', `log level "${level}" unknown`);
  }
  const reject = optionValue(target, 'reject-with');
  if (target.name === 'REJECT' && reject !== undefined) {
    const lower = reject.toLowerCase();
    if (lower === '' || !REJECT_TYPES[ipVersion].some((t) => t.startsWith(lower))) {
      return problem('reject-with', `unknown reject type "${reject}" for ${ipVersion === 4 ? 'iptables' : 'ip6tables'}`);
    }
  }
  return [];
}

/**
 * `-j`/`-g` as a verdict and the statements it performs. `hook` is the built-in chain the rule is
 * in, if any (NETMAP maps destinations before routing, sources after); `isChain` says whether a
 * name is a user chain.
 */
export function convertTarget(target: TargetUse, context: LineContext, hook: string | undefined, isChain: (name: string) => boolean): TargetResult {
  const span = context.span(target.start, target.end);
  const statements: Statement[] = [];
  const problems = validate(target, context.ipVersion);
  const name = target.name;
  if (target.goto) return { verdict: { kind: 'goto', target: name, span }, statements, problems };
  const statementKind = STATEMENT_TARGETS[name];
  if (target.def && statementKind !== undefined) {
    const effects = targetEffects(target);
    statements.push({ kind: statementKind, text: context.text(target.start, target.end), span, ...(effects.length > 0 ? { effects } : {}) });
    return { statements, problems };
  }
  const nat = NAT_TARGETS[name];
  let verdict: SimpleVerdict;
  if (name === 'ACCEPT' || name === 'DROP' || name === 'RETURN') verdict = { kind: name === 'ACCEPT' ? 'accept' : name === 'DROP' ? 'drop' : 'return', span };
  else if (name === 'REJECT') {
    const withType = optionValue(target, 'reject-with');
    verdict = withType === undefined ? { kind: 'reject', span } : { kind: 'reject', with: withType, span };
  } else if (nat !== undefined) verdict = { kind: 'nat', nat, span };
  else if (name === 'NETMAP') verdict = { kind: 'nat', nat: hook === 'prerouting' || hook === 'output' ? 'dnat' : 'snat', span };
  else if (name === 'NFQUEUE' || name === 'QUEUE') {
    verdict = { kind: 'queue', bypass: target.options.some((o) => o.def.name === 'queue-bypass'), span };
  } else if (!target.def && isChain(name)) verdict = { kind: 'jump', target: name, span };
  else verdict = { kind: 'unknown', name, span };
  return { verdict, statements, problems };
}
