import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileProblem, jsonProblem } from '../../src/i18n/files.js';
import { setLang } from '../../src/i18n/index.js';

beforeAll(() => setLang('nl'));
afterAll(() => setLang('nl'));

describe('file problems in words', () => {
  it('names the usual errno codes in Dutch, for reading and for writing, and never shows them raw', () => {
    expect(fileProblem('ENOENT')).toBe('het bestand bestaat niet');
    expect(fileProblem('ENOENT', 'write')).toBe('de map waarin het moet komen bestaat niet');
    expect(fileProblem('EACCES')).toBe('je hebt geen rechten om het te lezen');
    expect(fileProblem('EPERM', 'write')).toBe('je hebt geen rechten om daar te schrijven');
    expect(fileProblem('EISDIR')).toBe('dat is een map, geen bestand');
    expect(fileProblem('ENOSPC', 'write')).toBe('de schijf is vol');
    for (const code of ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'ENOTREG', 'ELOOP', 'ENOSPC', 'EROFS', 'EBUSY', 'EMFILE']) {
      expect(fileProblem(code)).not.toContain(code);
    }
  });

  it('an unknown code is named as a system error, cleaned of anything but letters and digits', () => {
    expect(fileProblem('EXDEV')).toBe('systeemfout EXDEV');
    expect(fileProblem('E\u001b[2JX')).toBe('systeemfout E2JX');
    expect(fileProblem(undefined)).toBe('systeemfout EIO');
  });

  it('English in English mode', () => {
    setLang('en');
    expect(fileProblem('ENOENT')).toBe('the file does not exist');
    expect(jsonProblem('{"a": 1,}')).toBe("line 1, column 9: one comma too many before '}'");
    setLang('nl');
  });
});

describe('JSON mistakes with line and column', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['{"a": 1}\n\n', undefined],
    ['', 'regel 1, kolom 1: het bestand is leeg'],
    ['{"a": 1,}', "regel 1, kolom 9: een komma te veel vóór '}'"],
    ['{\n  "a": 1,\n  "b": 2,\n}\n', "regel 4, kolom 1: een komma te veel vóór '}'"],
    ['{"a": 1,,}', "regel 1, kolom 9: hier had ik iets anders verwacht dan ','"],
    ['{"a" 1}', "regel 1, kolom 6: hier had ik iets anders verwacht dan '1'"],
    ['{"a": tru}', "regel 1, kolom 10: hier had ik iets anders verwacht dan '}'"],
    ['{\n  "a": 1', 'regel 2, kolom 9: het bestand houdt op voordat de JSON af is (ontbreekt er een }, ] of "?)'],
    ["{'a': 1}", 'regel 1, kolom 2: JSON vraagt dubbele aanhalingstekens (") in plaats van enkele'],
    ['{"a": "b\tc"}', 'regel 1, kolom 9: een tab of regeleinde midden in een tekst (schrijf \\t of \\n)'],
    ['{} x', "regel 1, kolom 4: na het einde van de JSON staat nog 'x'"],
    ['office.name = "Kantoor"', "regel 1, kolom 1: hier had ik iets anders verwacht dan 'o'"],
  ])('%j', (text, expected) => {
    expect(jsonProblem(text)).toBe(expected);
  });

  it('a control character is shown escaped, never raw', () => {
    expect(jsonProblem('{"a": 1}\u001b[2J')).toBe('regel 1, kolom 9: na het einde van de JSON staat nog "\\u001b"');
  });

  it('finds the place in a large file with a few dozen parses, not one per character', () => {
    const big = `{"employers": {${Array.from({ length: 20_000 }, (_, i) => `"${i}": {"status": "confirmed"}`).join(', ')}, }}`;
    expect(jsonProblem(big)).toMatch(/^regel 1, kolom \d+: een komma te veel vóór '}'$/);
  });
});
