import { invalid, valid, type Validation } from './validation.js';

const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** How Dutch people write a date: 28-10-2026, also 28/10/2026 and 28.10.2026, with or without leading zeros. */
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const TODAY = new Set(['today', 'vandaag']);
const YESTERDAY = new Set(['yesterday', 'gisteren']);

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day before `now` in the system's time zone, as YYYY-MM-DD. */
function yesterday(now: Date): string {
  const day = new Date(now.getTime());
  day.setDate(day.getDate() - 1);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** YYYY-MM-DD from either written form, or undefined. */
function isoDay(value: string): string | undefined {
  const ymd = YMD.exec(value);
  if (ymd) return `${ymd[1]}-${pad(Number(ymd[2]))}-${pad(Number(ymd[3]))}`;
  const dmy = DMY.exec(value);
  if (dmy) return `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`;
  return undefined;
}

/**
 * Dates are given as YYYY-MM-DD or DD-MM-YYYY (the year tells which; `/` and `.` separate too), or as
 * `today`/`vandaag` and `yesterday`/`gisteren`, and stored as ISO timestamps at midnight UTC (today:
 * the moment itself); not in the future. 31-02-2026 is refused, not rolled over into March.
 */
export function validateDate(raw: string, now: Date = new Date()): Validation {
  const value = raw.trim().toLowerCase();
  if (TODAY.has(value)) return valid(now.toISOString());
  const day = YESTERDAY.has(value) ? yesterday(now) : isoDay(value);
  const date = day ? new Date(`${day}T00:00:00.000Z`) : undefined;
  if (!day) return invalid('validate.date.format');
  // The form is right but the day is not in the calendar (31-02-2026, 2026-13-01): say so, not "use the form".
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return invalid('validate.date.noSuchDay');
  if (date.getTime() > now.getTime() + 24 * 3600 * 1000) return invalid('validate.date.future');
  return valid(date.toISOString());
}
