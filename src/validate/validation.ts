import { t, type MessageKey, type MessageParams } from '../i18n/index.js';

/** The outcome of checking one user input: the normalised value, or why it was refused. */
export type Validation<T = string> = { ok: true; value: T } | { ok: false; reason: string };

export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

export function invalid(key: MessageKey, params?: MessageParams): { ok: false; reason: string } {
  return { ok: false, reason: t(key, params) };
}
