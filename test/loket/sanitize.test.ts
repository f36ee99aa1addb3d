/** src/sanitize.ts: what the Loket client applies to every text field of an answer (schemas.ts). */
import { describe, expect, it } from 'vitest';
import { foldLine, sanitizeLine, sanitizeText } from '../../src/sanitize.js';

describe('sanitizeLine', () => {
  it.each([
    ['a CSI colour sequence', '\u001b[31mBakkerij\u001b[0m BV', 'Bakkerij BV'],
    ['a screen clear and the alternate screen', '\u001b[2J\u001b[?1049hBakkerij', 'Bakkerij'],
    ['an OSC window title ended by BEL', '\u001b]0;owned\u0007Bakkerij', 'Bakkerij'],
    ['an OSC 8 hyperlink ended by ST', 'a\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\b', 'alinkb'],
    ['a C1 CSI', 'A\u009b31mB', 'AB'],
    ['a lone ESC at the end', 'Bakkerij\u001b', 'Bakkerij'],
    ['a carriage return that would overwrite the line', 'Bakkerij BV\rEvil Corp', 'Bakkerij BV Evil Corp'],
    ['line feeds, tabs, BEL and DEL', 'Bakkerij\n\tBV\u0007\u007f', 'Bakkerij BV'],
    ['a right-to-left override', 'Bakkerij \u202eVB\u202c', 'Bakkerij VB'],
    ['isolates and direction marks', '\u2066Bakkerij\u2069 \u200fBV\u200e\u061c', 'Bakkerij BV'],
    ['runs of white space', '  Bakkerij   \u00a0 BV  ', 'Bakkerij BV'],
  ])('removes %s', (_label, input, expected) => {
    expect(sanitizeLine(input)).toBe(expected);
  });

  it('leaves ordinary text alone, accents and all', () => {
    expect(sanitizeLine("Bakkerij 't Hoekje & Zonen B.V. — Café Ærø")).toBe("Bakkerij 't Hoekje & Zonen B.V. — Café Ærø");
  });

  it('gives what the full replacement gives, also where it takes the shortcut for plain text', () => {
    // Every kind of character the replacements treat apart, in random strings of a fixed seed.
    const alphabet = [
      'a',
      'Z',
      'é',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '\u001b',
      '[',
      '3',
      'm',
      ']',
      '\u0007',
      '\u009b',
      '\u007f',
      '\u202e',
      '\u2066',
      '\u200f',
      '\u061c',
      '\\',
    ];
    let seed = 20720;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5_000; n++) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(sanitizeLine(text), JSON.stringify(text)).toBe(foldLine(text));
    }
    for (const plain of ['Bakkerij BV', 'a', '', "'t Hoekje"]) expect(sanitizeLine(plain)).toBe(plain);
  });

  it('never leaves a control character behind', () => {
    const everything = Array.from({ length: 0xa0 }, (_, code) => String.fromCharCode(code)).join('');
    expect(sanitizeLine(`x${everything}y`)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('sanitizeText', () => {
  it('keeps line breaks (normalised to \\n) and removes the rest', () => {
    expect(sanitizeText('regel 1\r\nregel \u001b[31m2\u001b[0m\rregel\u202e 3\t \n')).toBe('regel 1\nregel 2\nregel 3');
  });
});
