/** Times for people: in the system's time zone and the user's language; JSON keeps ISO (UTC). */
import { getLang } from '../i18n/index.js';

const locale = (): string => (getLang() === 'nl' ? 'nl-NL' : 'en-GB');

/** "1-12-2026 21:30" (nl) / "01/12/2026, 21:30" (en), local time. */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/**
 * "1-12-2026" (nl) / "01/12/2026" (en), local date. A date the user typed is stored as midnight
 * UTC; that one is a calendar date and is shown as such in every time zone.
 */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const calendarDate = /T00:00:00(\.000)?Z$/.test(iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', ...(calendarDate ? { timeZone: 'UTC' } : {}) }).format(date);
}
