/**
 * Hostile-input generators for both dialects: mutations of real rulesets and token soup. Every
 * choice comes from a seeded generator, so a seed and an index reproduce an input exactly.
 */
import type { Dialect } from '../ir.js';

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to spread mutations; not for anything secret. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(rng: Rng, bound: number): number {
  return Math.floor(rng() * bound);
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomInt(rng, items.length)]!;
}

export interface Seed {
  dialect: Dialect;
  name: string;
  text: string;
}

export interface FuzzInput {
  dialect: Dialect;
  /** Where it came from and what was done to it, enough to explain a crash report. */
  origin: string;
  text: string;
  /** Set when the mutation leaves the input certainly invalid: fwlint must report an error. */
  certainlyInvalid?: boolean;
}

/** Words and whitespace, alternating, so mutations keep or break token boundaries on purpose. */
function tokenize(text: string): string[] {
  return text.match(/\s+|[{}()[\];,:=]|[^\s{}()[\];,:=]+/g) ?? [];
}

function wordIndexes(tokens: string[]): number[] {
  const indexes: number[] = [];
  tokens.forEach((token, index) => {
    if (!/^\s+$/.test(token)) indexes.push(index);
  });
  return indexes;
}

const HUGE_NUMBERS = [
  '4294967296',
  '18446744073709551616',
  '99999999999999999999999999999999999999',
  '-1',
  '0x',
  '0xffffffffffffffffffffffff',
  '1e309',
  '65536',
  '256.256.256.256',
  '::ffff:ffff:ffff',
  '1.2.3.4/33',
  'ffff::/129',
  '0/0',
  '1-0',
];

const UNICODE = ['é', 'ß', '\u200b', '\u202e', '\ufeff', '\ufffd', '\ud800', '\udfff', '𝕏', '😀', '\u0085', '\u2028', '\u00a0', 'Ω'];

const NFT_WORDS = [
  'table', 'chain', 'set', 'map', 'inet', 'ip', 'ip6', 'bridge', 'netdev', 'arp', 'filter', 'nat', 'route', 'type',
  'hook', 'input', 'output', 'forward', 'prerouting', 'postrouting', 'ingress', 'priority', 'policy', 'accept', 'drop',
  'reject', 'with', 'tcp', 'udp', 'icmp', 'icmpv6', 'dport', 'sport', 'saddr', 'daddr', 'ct', 'state', 'established',
  'related', 'new', 'invalid', 'meta', 'l4proto', 'iifname', 'oifname', 'counter', 'log', 'prefix', 'limit', 'rate',
  'jump', 'goto', 'return', 'vmap', 'elements', 'flags', 'interval', 'timeout', 'define', 'include', 'flush',
  'ruleset', 'add', 'insert', 'delete', 'rule', 'element', 'snat', 'dnat', 'to', 'masquerade', 'comment', 'typeof',
  'ipv4_addr', 'inet_service', '.', '@s', '$v', '10.0.0.0/8', '::1', '22', '80-443', '0x10', '"x"', '"*.nft"', '{',
  '}', ';', ',', ':', '-', '!=', '==', '&', '|', '*', '\n', '#',
];

const IPTABLES_WORDS = [
  '*filter', '*nat', '*mangle', '*raw', '*security', ':INPUT', ':FORWARD', ':OUTPUT', ':PREROUTING', ':POSTROUTING',
  ':X', 'ACCEPT', 'DROP', '-', '[0:0]', 'COMMIT', '-A', '-I', '-N', '-P', '-D', 'INPUT', 'X', '-p', 'tcp', 'udp',
  'icmp', 'all', '-s', '-d', '10.0.0.0/8', '::/0', '1.2.3.4/255.0.0.0', '-i', '-o', 'eth+', '!', '-m', 'state',
  'conntrack', '--ctstate', '--state', 'NEW,ESTABLISHED', 'multiport', '--dports', '22,80:90', '--dport', '--sport',
  'comment', '--comment', '"x y"', 'limit', '--limit', '5/s', 'mark', '--mark', '0x1/0xff', '-j', '-g', 'REJECT',
  '--reject-with', 'LOG', '--log-prefix', 'MASQUERADE', 'DNAT', '--to-destination', 'RETURN', 'set', '--match-set',
  'src', '--icmp-type', 'echo-request', '[1:2]', '#', '\n',
];

type Mutation = (text: string, rng: Rng) => string;

export interface GeneratorOptions {
  /** Upper bound on the characters a long-line mutation inserts (CI keeps it small to stay fast). */
  longLineChars: number;
}

export const DEFAULT_GENERATOR_OPTIONS: GeneratorOptions = { longLineChars: 110_000 };

const deleteToken: Mutation = (text, rng) => {
  const tokens = tokenize(text);
  const words = wordIndexes(tokens);
  if (words.length === 0) return text;
  tokens.splice(pick(rng, words), 1);
  return tokens.join('');
};

const duplicateToken: Mutation = (text, rng) => {
  const tokens = tokenize(text);
  const words = wordIndexes(tokens);
  if (words.length === 0) return text;
  const index = pick(rng, words);
  tokens.splice(index, 0, tokens[index]!, ' ');
  return tokens.join('');
};

const swapTokens: Mutation = (text, rng) => {
  const tokens = tokenize(text);
  const words = wordIndexes(tokens);
  if (words.length < 2) return text;
  const a = pick(rng, words);
  const b = pick(rng, words);
  [tokens[a], tokens[b]] = [tokens[b]!, tokens[a]!];
  return tokens.join('');
};

const replaceNumber: Mutation = (text, rng) => {
  const tokens = tokenize(text);
  const numeric = tokens.flatMap((token, index) => (/\d/.test(token) ? [index] : []));
  const index = numeric.length > 0 ? pick(rng, numeric) : pick(rng, [...tokens.keys(), tokens.length]);
  tokens[index] = pick(rng, HUGE_NUMBERS);
  return tokens.join('');
};

const insertWord =
  (words: readonly string[]): Mutation =>
  (text, rng) => {
    const tokens = tokenize(text);
    tokens.splice(randomInt(rng, tokens.length + 1), 0, ` ${pick(rng, words)} `);
    return tokens.join('');
  };

const truncate: Mutation = (text, rng) => text.slice(0, randomInt(rng, text.length + 1));

const deepNesting: Mutation = (text, rng) => {
  const at = randomInt(rng, text.length + 1);
  const opener = pick(rng, ['{', '(', '{ {', '[']);
  return text.slice(0, at) + opener.repeat(500 + randomInt(rng, 5000)) + text.slice(at);
};

const longLine =
  (maxChars: number): Mutation =>
  (text, rng) => {
    const at = text.indexOf('\n', randomInt(rng, text.length + 1));
    const unit = pick(rng, ['a', '1', ' ', '"', 'x,', '{', '#']);
    const filler = unit.repeat(Math.ceil((maxChars / 10 + randomInt(rng, (maxChars * 9) / 10)) / unit.length));
    return at === -1 ? text + filler : text.slice(0, at) + filler + text.slice(at);
  };

const injectChars =
  (alphabet: readonly string[]): Mutation =>
  (text, rng) => {
    let result = text;
    const count = 1 + randomInt(rng, 8);
    for (let i = 0; i < count; i++) {
      const at = randomInt(rng, result.length + 1);
      result = result.slice(0, at) + pick(rng, alphabet) + result.slice(at);
    }
    return result;
  };

/** What a file with invalid UTF-8 becomes after decoding: replacement characters, or latin1 soup. */
const invalidUtf8: Mutation = (text, rng) => {
  const bytes = Buffer.from(text, 'utf8');
  const count = 1 + randomInt(rng, 6);
  for (let i = 0; i < count && bytes.length > 0; i++) bytes[randomInt(rng, bytes.length)] = 0x80 + randomInt(rng, 0x80);
  return rng() < 0.5 ? bytes.toString('utf8') : bytes.toString('latin1');
};

const crlf: Mutation = (text) => text.replace(/\n/g, '\r\n');
const loneCr: Mutation = (text) => text.replace(/\n/g, '\r');

const swapLines: Mutation = (text, rng) => {
  const lines = text.split('\n');
  const a = randomInt(rng, lines.length);
  const b = randomInt(rng, lines.length);
  [lines[a], lines[b]] = [lines[b]!, lines[a]!];
  return lines.join('\n');
};

const duplicateLines: Mutation = (text, rng) => {
  const lines = text.split('\n');
  const at = randomInt(rng, lines.length);
  const span = lines.slice(at, at + 1 + randomInt(rng, 5));
  lines.splice(at, 0, ...span);
  return lines.join('\n');
};

function mutationsFor(dialect: Dialect, options: GeneratorOptions): Array<[string, Mutation]> {
  return [
    ['delete-token', deleteToken],
    ['duplicate-token', duplicateToken],
    ['swap-tokens', swapTokens],
    ['huge-number', replaceNumber],
    ['insert-keyword', insertWord(dialect === 'nft' ? NFT_WORDS : IPTABLES_WORDS)],
    ['truncate', truncate],
    ['deep-nesting', deepNesting],
    ['long-line', longLine(options.longLineChars)],
    ['nul-bytes', injectChars(['\0'])],
    ['invalid-utf8', invalidUtf8],
    ['crlf', crlf],
    ['lone-cr', loneCr],
    ['random-unicode', injectChars(UNICODE)],
    ['swap-lines', swapLines],
    ['duplicate-lines', duplicateLines],
  ];
}

/** Costly mutations (huge inputs) are rarer so that a batch stays fast. */
const RARE = new Set(['deep-nesting', 'long-line']);

/** Token soup: a random walk over the dialect's vocabulary, sometimes wrapped in a table skeleton. */
export function randomRuleset(dialect: Dialect, rng: Rng): string {
  const words = dialect === 'nft' ? NFT_WORDS : IPTABLES_WORDS;
  const length = 1 + randomInt(rng, 60);
  const body = Array.from({ length }, () => pick(rng, words)).join(' ');
  if (rng() < 0.5) return body;
  return dialect === 'nft'
    ? `table inet t {\n\tchain c {\n\t\t${body}\n\t}\n}\n`
    : `*filter\n:INPUT ACCEPT [0:0]\n-A INPUT ${body}\nCOMMIT\n`;
}

/**
 * Inputs no parser may accept: nft nesting that is never closed, an iptables table that is never
 * committed. They check that a parser says "error" rather than giving up quietly. (A rule line
 * with no table is not one of them: fwlint also reads `iptables -S` output, which has no tables.)
 */
function certainlyInvalid(dialect: Dialect, rng: Rng): string {
  const depth = 1 + randomInt(rng, 20_000);
  if (dialect === 'nft') {
    const opener = pick(rng, ['{', '{ ', '(', '{ 1, {']);
    return `table inet t {\n\tchain c {\n\t\tip saddr ${opener.repeat(depth)}\n`;
  }
  const rule = rng() < 0.5 ? '-p tcp '.repeat(1 + randomInt(rng, 50)) : '! '.repeat(depth);
  return `*filter\n:INPUT ACCEPT [0:0]\n-A INPUT ${rule}-j ACCEPT\n`;
}

/**
 * The `index`-th input of the batch for `seed`: a deterministic function of both, so a failure
 * reported as (seed, index) can be regenerated without storing anything.
 */
export function generateInput(
  seeds: readonly Seed[],
  dialect: Dialect,
  seed: number,
  index: number,
  options: GeneratorOptions = DEFAULT_GENERATOR_OPTIONS,
): FuzzInput {
  const rng = createRng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const candidates = seeds.filter((s) => s.dialect === dialect);
  const roll = rng();
  if (roll < 0.03) {
    return { dialect, origin: `certainly invalid ${dialect}`, text: certainlyInvalid(dialect, rng), certainlyInvalid: true };
  }
  if (candidates.length === 0 || roll < 0.15) {
    return { dialect, origin: `random ${dialect} token soup`, text: randomRuleset(dialect, rng) };
  }
  const source = pick(rng, candidates);
  const mutations = mutationsFor(dialect, options);
  let text = source.text;
  const applied: string[] = [];
  const rounds = 1 + randomInt(rng, 3);
  for (let round = 0; round < rounds; round++) {
    let [name, mutation] = pick(rng, mutations);
    if (RARE.has(name) && rng() < 0.9) [name, mutation] = pick(rng, mutations.filter(([n]) => !RARE.has(n)));
    text = mutation(text, rng);
    applied.push(name);
  }
  return { dialect, origin: `${source.name} + ${applied.join(', ')}`, text };
}
