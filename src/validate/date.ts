import { invalid, valid, type Validation } from './validation.js';

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates are given as YYYY-MM-DD (or `today` / `vandaag`) and stored as ISO timestamps at midnight UTC; not in the future. */
export function validateDate(raw: string, now: Date = new Date()): Validation {
  const value = raw.trim().toLowerCase();
  if (value === 'today' || value === 'vandaag') return valid(now.toISOString());
  const match = YMD.exec(value);
  const date = match ? new Date(`${value}T00:00:00.000Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return invalid('validate.date.format');
  if (date.getTime() > now.getTime() + 24 * 3600 * 1000) return invalid('validate.date.future');
  return valid(date.toISOString());
}
