import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/** How each token kind is named in messages, in nft's words where nft has them. */
const DESCRIPTIONS: Record<string, string> = {
  Separator: 'newline or ";"',
  Newline: 'newline',
  Semi: '";"',
  LBrace: '"{"',
  RBrace: '"}"',
  Assign: '"="',
  QuotedString: 'quoted string',
  AnyWord: 'string',
  Word: 'string',
  FamilyWord: 'family (ip, ip6, inet, arp, bridge, netdev)',
  Atom: 'expression',
  Number: 'number',
  Dollar: '"$"',
  EOF: 'end of file',
};

export function describeExpected(type: TokenType): string {
  const known = DESCRIPTIONS[type.name];
  if (known !== undefined) return known;
  if (type.name.startsWith('Kw_')) return `"${type.name.slice(3)}"`;
  return type.name;
}

export function describeActual(token: IToken): string {
  if (token.tokenType.name === 'EOF') return 'end of file';
  if (token.tokenType.name === 'Newline') return 'newline';
  const image = token.image.length > 40 ? `${token.image.slice(0, 40)}…` : token.image;
  return token.tokenType.name === 'QuotedString' ? `quoted string ${image}` : `"${image}"`;
}

function joinAlternatives(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function firstTokens(paths: TokenType[][]): string[] {
  return paths.flatMap((path) => (path[0] ? [describeExpected(path[0])] : []));
}

/** Messages shaped like nft's own: `syntax error, unexpected "}", expecting newline or ";"`. */
export const nftErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) =>
    `syntax error, unexpected ${describeActual(actual)}, expecting ${describeExpected(expected)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `syntax error, unexpected ${describeActual(firstRedundant)}, expecting newline or ";"`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    `syntax error, unexpected ${describeActual(actual[0]!)}, expecting ${joinAlternatives(expectedPathsPerAlt.flatMap(firstTokens))}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    `syntax error, unexpected ${describeActual(actual[0]!)}, expecting ${joinAlternatives(firstTokens(expectedIterationPaths))}`,
};
