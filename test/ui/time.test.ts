import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { formatDate, formatDateTime, spreadsheetDateTime } from '../../src/ui/time.js';

/** Node follows a change of TZ at run time; each test sets the zone it is about. */
const zone = (tz: string) => {
  process.env.TZ = tz;
};

describe('times for people (src/ui/time.ts)', () => {
  const saved = process.env.TZ;
  beforeEach(() => zone('Europe/Amsterdam'));
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
    setLang('nl');
  });

  it('a stored UTC moment in the local zone: 19:30Z is 20:30 in Amsterdam in winter, 21:30 in summer', () => {
    expect(formatDateTime('2026-12-01T19:30:00.000Z')).toBe('01-12-2026, 20:30');
    expect(formatDateTime('2026-07-01T19:30:00.000Z')).toBe('01-07-2026, 21:30');
    zone('UTC');
    expect(formatDateTime('2026-12-01T19:30:00.000Z')).toBe('01-12-2026, 19:30');
    zone('America/New_York');
    expect(formatDateTime('2026-12-01T19:30:00.000Z')).toBe('01-12-2026, 14:30');
  });

  it('English mode, seconds when asked, and a Date as well as a string', () => {
    setLang('en');
    expect(formatDateTime('2026-12-01T19:30:00.000Z')).toBe('01/12/2026, 20:30');
    expect(formatDateTime(new Date('2026-12-01T19:30:15.000Z'), { seconds: true })).toBe('01/12/2026, 20:30:15');
  });

  it('a date: the local day of a moment (23:30Z is already the next day in Amsterdam); a typed date stays the day typed', () => {
    expect(formatDate('2026-12-01T23:30:00.000Z')).toBe('02-12-2026');
    expect(formatDate('2026-10-28T00:00:00.000Z')).toBe('28-10-2026');
    zone('America/New_York');
    expect(formatDate('2026-10-28T00:00:00.000Z')).toBe('28-10-2026');
  });

  it('nothing or something unreadable is shown as it is', () => {
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDateTime('gisteren')).toBe('gisteren');
  });

  it('spreadsheetDateTime: local, in the order every Excel reads as a date; a typed date without a time', () => {
    expect(spreadsheetDateTime('2026-12-01T19:30:00.000Z')).toBe('2026-12-01 20:30');
    expect(spreadsheetDateTime('2026-12-31T23:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(spreadsheetDateTime('2026-01-15T00:00:00.000Z')).toBe('2026-01-15');
    expect(spreadsheetDateTime(null)).toBe('');
  });

  it('says exactly what Intl.DateTimeFormat would (nl-NL and en-GB short styles), across zones and the clock changes', () => {
    const moments = [
      '2026-03-29T00:59:59.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-01-05T09:05:07.000Z',
      '2027-12-31T23:59:59.000Z',
    ];
    for (const tz of ['Europe/Amsterdam', 'UTC', 'America/New_York', 'Asia/Kolkata']) {
      zone(tz);
      for (const [lang, locale] of [
        ['nl', 'nl-NL'],
        ['en', 'en-GB'],
      ] as const) {
        setLang(lang);
        for (const iso of moments) {
          const date = new Date(iso);
          expect(formatDateTime(iso), `${tz} ${lang} ${iso}`).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date));
          expect(formatDateTime(iso, { seconds: true })).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(date));
          expect(formatDate(iso)).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(date));
        }
        expect(formatDate('2026-02-03T00:00:00.000Z')).toBe(
          new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date('2026-02-03T00:00:00.000Z')),
        );
      }
    }
  });
});
