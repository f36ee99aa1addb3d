/**
 * Times for people, in one place: in the system's time zone (Intl.DateTimeFormat's default, which
 * follows TZ) and the user's language. The store and JSON keep ISO (UTC); every time a person reads
 * (status, employers list, step texts, the report, Loket's "try again after") is formatted here.
 */
import { getLang } from '../i18n/index.js';

/**
 * The formats are written out, not asked of Intl.DateTimeFormat: its first use loads ICU's date
 * data, 12–18 ms of every `status`. They are Intl's short styles of nl-NL ("01-12-2026, 20:30") and
 * en-GB ("01/12/2026, 20:30"), from Date's own local getters (the same time zone, TZ included);
 * test/ui/time.test.ts holds them to Intl.
 */
const two = (n: number): string => String(n).padStart(2, '0');

function dayText(date: Date, utc: boolean): string {
  const [day, month, year] = utc
    ? [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()]
    : [date.getDate(), date.getMonth() + 1, date.getFullYear()];
  const separator = getLang() === 'nl' ? '-' : '/';
  return `${two(day)}${separator}${two(month)}${separator}${year}`;
}

function clockText(date: Date, seconds: boolean): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}${seconds ? `:${two(date.getSeconds())}` : ''}`;
}

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
  return `${dayText(date, false)}, ${clockText(date, options.seconds === true)}`;
}

/** "01-12-2026" (nl) / "01/12/2026" (en), the local date; a typed (calendar) date as typed. */
export function formatDate(value: string | undefined | null): string {
  const date = parse(value);
  if (!date) return value ?? '';
  return dayText(date, isCalendarDate(value!));
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
  if (isCalendarDate(value!)) return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${clockText(date, false)}`;
}
