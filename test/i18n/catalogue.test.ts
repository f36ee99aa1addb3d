/**
 * The message catalogues: plural forms instead of "werkgever(s)", one form of address ("je", as
 * a.s.r.'s manual), and messages that fill completely in both languages.
 */
import { describe, expect, it } from 'vitest';
import { format, LANGS, messages, t, type MessageKey } from '../../src/i18n/index.js';

const keys = Object.keys(messages('nl')) as MessageKey[];
/** The names a message fills: `{name}` and `{name, plural, …}`. */
const names = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();

describe('plural forms', () => {
  it('picks one/other by the language rules, =N first, and fills # and other placeholders inside a case', () => {
    const template = '{count, plural, =0 {geen werkgevers} one {# werkgever in {team}} other {# werkgevers in {team}}}';
    expect(format(template, { count: 0, team: 'A' }, 'nl')).toBe('geen werkgevers');
    expect(format(template, { count: 1, team: 'A' }, 'nl')).toBe('1 werkgever in A');
    expect(format(template, { count: 12, team: 'A' }, 'nl')).toBe('12 werkgevers in A');
    expect(format('{n, plural, one {# day} other {# days}}', { n: 1 }, 'en')).toBe('1 day');
  });

  it('nests: a case may hold a plural block of its own', () => {
    const template = '{a, plural, one {één} other {{b, plural, one {# van {a}} other {# van de {a}}}}} klaar';
    expect(format(template, { a: 1, b: 1 }, 'nl')).toBe('één klaar');
    expect(format(template, { a: 3, b: 1 }, 'nl')).toBe('1 van 3 klaar');
    expect(format(template, { a: 3, b: 2 }, 'nl')).toBe('2 van de 3 klaar');
  });

  it('a message with a count says "1 werkgever" and "2 werkgevers"', () => {
    expect(t('commands.employers.fetched', { count: 1 }, 'nl')).toBe('1 werkgever opgehaald uit Loket.nl.');
    expect(t('commands.employers.fetched', { count: 2 }, 'nl')).toBe('2 werkgevers opgehaald uit Loket.nl.');
    expect(t('commands.employers.fetched', { count: 1 }, 'en')).toBe('1 employer fetched from Loket.nl.');
    expect(t('report.days', { days: 1 }, 'nl')).toBe('1 dag');
    expect(t('report.days', { days: 3 }, 'en')).toBe('3 days');
  });
});

describe('every message', () => {
  it.each(LANGS)('%s: fills completely with every parameter given, as 1 and as 2', (lang) => {
    for (const key of keys) {
      const template = messages(lang)[key];
      for (const value of [1, 2]) {
        const params = Object.fromEntries(names(template).map((name) => [name, value]));
        const filled = format(template, params, lang);
        expect(filled, `${lang} ${key}`).not.toMatch(/\{\w+(\}|, plural,)|\bplural\b/);
      }
    }
  });

  it('nl and en fill the same parameters', () => {
    for (const key of keys) expect(names(messages('en')[key]), key).toEqual(names(messages('nl')[key]));
  });

  it.each(LANGS)('%s: no "werkgever(s)"-style plural after a number', (lang) => {
    const hacks = keys.filter((key) => /\}[^{}]{0,30}\w\((s|en|es)\)/.test(messages(lang)[key]));
    expect(hacks).toEqual([]);
  });

  it('Dutch speaks to the user with "je", as the manual does; only the tickets, letters to Loket.nl\'s support desk, say "u"', () => {
    const formal = keys.filter((key) => !key.startsWith('tickets.') && /\b(u|uw|U|Uw)\b/.test(messages('nl')[key]));
    expect(formal).toEqual([]);
  });
});

describe('the plural rule, written out', () => {
  it('agrees with Intl.PluralRules for Dutch and English', async () => {
    const { pluralCategory } = await import('../../src/i18n/index.js');
    for (const lang of ['nl', 'en'] as const) {
      const rules = new Intl.PluralRules(lang);
      for (const count of [0, 1, 2, 3, 10, 11, 21, 100, 101, 1.5, 0.5, -1, 1_000_000]) {
        expect(pluralCategory(count), `${lang} ${count}`).toBe(rules.select(count));
      }
    }
  });
});
