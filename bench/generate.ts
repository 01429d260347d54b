/**
 * Deterministic synthetic rulesets for the benchmark: a realistic mix of prefixes, ports, ranges,
 * sets, interfaces and user-chain jumps, with a few percent duplicated (shadowed) rules.
 */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PREFIXES = [8, 12, 16, 20, 24, 28, 32];

export function nftRule(random: () => number, userChains: number): string {
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

export function generateNftChain(ruleCount: number, seed = 1): string {
  const random = lcg(seed);
  const userChains = 4;
  const rules: string[] = [];
  for (let i = 0; i < ruleCount; i++) {
    const duplicate = rules.length > 0 && random() < 0.05;
    rules.push(duplicate ? rules[Math.floor(random() * rules.length)]! : nftRule(random, userChains));
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
