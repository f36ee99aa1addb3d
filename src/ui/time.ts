/**
 * Times for people, in one place: in the system's time zone (Intl.DateTimeFormat's default, which
 * follows TZ) and the user's language. The store and JSON keep ISO (UTC); every time a person reads
 * (status, employers list, step texts, the report, Loket's "try again after") is formatted here.
 */
import { getLang } from '../i18n/index.js';

const locale = (): string => (getLang() === 'nl' ? 'nl-NL' : 'en-GB');

/** A date the user typed is stored as midnight UTC: a calendar date, the same day in every time zone. */
const isCalendarDate = (iso: string): boolean => /T00:00:00(\.000)?Z$/.test(iso);

function parse(value: string | Date | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "01-12-2026, 20:30" (nl) / "01/12/2026, 20:30" (en), local time; with `seconds` "20:30:15". */
export function formatDateTime(value: string | Date | undefined | null, options: { seconds?: boolean } = {}): string {
  const date = parse(value);
  if (!date) return typeof value === 'string' ? value : '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: options.seconds ? 'medium' : 'short' }).format(date);
}

/** "01-12-2026" (nl) / "01/12/2026" (en), the local date; a typed (calendar) date as typed. */
export function formatDate(value: string | undefined | null): string {
  const date = parse(value);
  if (!date) return value ?? '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', ...(isCalendarDate(value!) ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** The calendar day a person means, as YYYY-MM-DD: a typed date as typed, a moment in local time (to compare dates). */
export function localDay(value: string): string {
  return spreadsheetDateTime(value).slice(0, 10);
}

/**
 * "2026-12-01 20:30" in local time, or "2026-12-01" for a calendar date: the form a spreadsheet
 * (Excel in any language) reads as a date, for the Excel export.
 */
export function spreadsheetDateTime(value: string | undefined | null): string {
  const date = parse(value);
  if (!date) return value ?? '';
  const calendar = isCalendarDate(value!);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(calendar ? { timeZone: 'UTC' } : {}),
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return calendar ? day : `${day} ${parts.hour}:${parts.minute}`;
}
