import { describe, expect, it } from 'vitest';
import { errors, parseText } from './helpers.js';

describe('errors in unclosed braces', () => {
  it('reports a verdict inside an anonymous set where nft does, not at the end of the file', () => {
    const text = 'table inet t {\n\tchain c {\n\t\tip saddr 1.2.3.4 tcp dport { 22, 80 accept\n\t}\n}\n';
    expect(errors(parseText(text))).toEqual(['3:39 syntax error, unexpected accept, expecting comma or "}"']);
  });

  it('accepts verdicts as map data inside braces', () => {
    const text = 'table inet t {\n\tchain c {\n\t\ttcp dport vmap { 22 : accept, 80 : drop }\n\t}\n}\n';
    expect(errors(parseText(text))).toEqual([]);
  });

  it('names the "{" whose "}" is missing when the file ends inside braces', () => {
    const text = 'table inet t {\n\tchain c {\n\t\tip saddr { 192.0.2.1,\n\t\tip daddr 192.0.2.2 counter\n\t}\n}\n';
    expect(errors(parseText(text))).toEqual(['7:1 syntax error, unexpected end of file, expecting "}"; unclosed "{" opened at 3:12']);
  });

  it('reports a verdict on the line after an open anonymous set', () => {
    const text = 'table inet t {\n\tchain c {\n\t\tip saddr { 192.0.2.1,\n\t\tip daddr 192.0.2.2 drop\n\t}\n}\n';
    expect(errors(parseText(text))).toEqual(['4:22 syntax error, unexpected drop, expecting comma or "}"']);
  });

  it('names the chain left open when its "}" is missing', () => {
    const text = 'table inet t {\n\tchain c {\n\t\taccept\n}\n';
    expect(errors(parseText(text))).toEqual(['5:1 syntax error, unexpected end of file, expecting "}"; unclosed "{" opened at 2:10']);
  });

  it('names the outermost "{" when nothing else hints where the "}" went missing', () => {
    const text = 'table inet t {\n\tchain c {\n\t\taccept\n\t}\n';
    expect(errors(parseText(text))).toEqual(['5:1 syntax error, unexpected end of file, expecting "}"; unclosed "{" opened at 1:14']);
  });
});
