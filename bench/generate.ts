/**
 * Deterministic synthetic rulesets for the benchmark: a realistic mix of prefixes, ports, ranges,
 * sets, interfaces and user-chain jumps, with a few percent duplicated (shadowed) rules.
 *
 * Two shapes. `dense` draws every rule from the same fixed pools of addresses and ports whatever
 * the size, so a rule overlaps more earlier rules the longer the chain is (at 100k rules, 60% of
 * them are partly shadowed): the answer itself grows faster than the chain. `spread` gives each
 * rule a destination server drawn from a pool that grows with the chain, as in a real ruleset
 * where more rules mean more servers, so each rule overlaps about as many earlier rules at every size.
 */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PREFIXES = [8, 12, 16, 20, 24, 28, 32];

export type Shape = 'dense' | 'spread';

const SPREAD_PREFIXES = [12, 16, 24, 28, 32, 32];

function denseRule(random: () => number, userChains: number): string {
  const int = (n: number): number => Math.floor(random() * n);
  const prefix = PREFIXES[int(PREFIXES.length)]!;
  const address = `10.${int(256)}.${int(256)}.${int(256)}/${prefix}`;
  const port = 1 + int(65000);
  const verdict = random() < 0.5 ? 'accept' : 'drop';
  switch (int(5)) {
    case 0:
      return `ip saddr ${address} tcp dport ${port}-${port + int(20)} ${verdict}`;
    case 1:
      return `ip daddr 192.0.2.${int(256)} udp dport { ${port}, ${port + 7}, 53 } ${verdict}`;
    case 2:
      return `iifname "eth${int(8)}" ct state new tcp dport ${port} ${verdict}`;
    case 3:
      return `tcp dport ${port} jump chain${int(userChains)}`;
    default:
      return `ip saddr ${address} ip daddr 172.16.${int(256)}.0/24 meta l4proto udp ${verdict}`;
  }
}

/**
 * Every rule is about one destination: a host or the /28 it sits in, one of `blocks` /28s of
 * 10.0.0.0/8; sources are any prefix of 172.16.0.0/12.
 */
function spreadRule(random: () => number, userChains: number, blocks: number): string {
  const int = (n: number): number => Math.floor(random() * n);
  const block = int(blocks);
  const server = (prefix: number): string =>
    `10.${(block >> 12) & 255}.${(block >> 4) & 255}.${((block & 15) << 4) | int(16)}/${prefix}`;
  const prefix = SPREAD_PREFIXES[int(SPREAD_PREFIXES.length)]!;
  const client = `172.${16 + int(16)}.${int(256)}.${int(256)}/${prefix}`;
  const port = 1 + int(65000);
  const verdict = random() < 0.5 ? 'accept' : 'drop';
  switch (int(5)) {
    case 0:
      return `ip saddr ${client} ip daddr ${server(28)} tcp dport ${port}-${port + int(20)} ${verdict}`;
    case 1:
      return `ip daddr ${server(32)} udp dport { ${port}, ${port + 7}, 53 } ${verdict}`;
    case 2:
      return `iifname "eth${int(8)}" ip daddr ${server(32)} ct state new tcp dport ${port} ${verdict}`;
    case 3:
      return `ip daddr ${server(32)} tcp dport ${port} jump chain${int(userChains)}`;
    default:
      return `ip saddr ${client} ip daddr ${server(28)} meta l4proto udp ${verdict}`;
  }
}

export function generateNftChain(ruleCount: number, seed = 1, shape: Shape = 'dense'): string {
  const random = lcg(seed);
  const userChains = 4;
  // About one /28 per rule, but never fewer than 256 of them: small chains are not crowded either.
  const blocks = Math.min(1 << 20, Math.max(256, ruleCount));
  const next = (): string => (shape === 'dense' ? denseRule(random, userChains) : spreadRule(random, userChains, blocks));
  const rules: string[] = [];
  for (let i = 0; i < ruleCount; i++) {
    const duplicate = rules.length > 0 && random() < 0.05;
    rules.push(duplicate ? rules[Math.floor(random() * rules.length)]! : next());
  }
  const chains = Array.from({ length: userChains }, (_, k) => `\tchain chain${k} {\n\t\ttcp sport 1024-65535 accept\n\t}\n`);
  return [
    'table inet bench {',
    ...chains,
    '\tchain input {',
    '\t\ttype filter hook input priority filter; policy drop;',
    ...rules.map((r) => `\t\t${r}`),
    '\t}',
    '}',
    '',
  ].join('\n');
}

export function generateIptablesChain(ruleCount: number, seed = 1): string {
  const random = lcg(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const lines = ['*filter', ':INPUT DROP [0:0]', ':FORWARD DROP [0:0]', ':OUTPUT ACCEPT [0:0]', ':SSH - [0:0]'];
  for (let i = 0; i < ruleCount; i++) {
    const prefix = PREFIXES[int(PREFIXES.length)]!;
    const port = 1 + int(65000);
    const target = random() < 0.1 ? 'SSH' : random() < 0.5 ? 'ACCEPT' : 'DROP';
    lines.push(
      `-A INPUT -s 10.${int(256)}.${int(256)}.${int(256)}/${prefix} -p tcp -m tcp --dport ${port}:${port + int(20)} -m conntrack --ctstate NEW -j ${target}`,
    );
  }
  lines.push('-A SSH -j RETURN', 'COMMIT', '');
  return lines.join('\n');
}
