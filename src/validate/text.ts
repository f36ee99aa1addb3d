import { invalid, valid, type Validation } from './validation.js';

/** Names, ticket numbers, codes: one line, and no longer than any form or ticket field needs. */
export const MAX_TEXT_LENGTH = 200;
/** A note or a reason (`--note`, `--reason`): a sentence or two. */
export const MAX_NOTE_LENGTH = 500;

/** Control characters (line breaks, tabs, escapes, C1) and DEL: text goes into tickets, exports and the terminal as one line. */
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

/** The rules every free text shares: not too long, no control characters; undefined when it passes. */
export function freeTextProblem(text: string, max = MAX_TEXT_LENGTH): Validation | undefined {
  if (text.length > max) return invalid('validate.text.tooLong', { max, length: text.length });
  if (CONTROL.test(text)) return invalid('validate.text.control');
  return undefined;
}

/** A note or reason: may be empty (then it is no note), else a free text of at most MAX_NOTE_LENGTH characters. */
export function validateNote(input: string): Validation {
  const trimmed = input.trim();
  return freeTextProblem(trimmed, MAX_NOTE_LENGTH) ?? valid(trimmed);
}

/** Omgevingscode: Loket support hands it out; its format is not published, so only the shape is checked. */
export function validateEnvironmentCode(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.environmentCode.empty');
  if (/\s/.test(trimmed)) return invalid('validate.environmentCode.whitespace');
  return freeTextProblem(trimmed) ?? valid(trimmed);
}

/** Names and other free text that must be filled in. */
export function validateRequiredText(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.requiredText.empty');
  return freeTextProblem(trimmed) ?? valid(trimmed);
}

/** The webservice user's user name (e.g. Webservice#01) — the password is never asked for. */
export function validateWebserviceUserName(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.webserviceUserName.empty');
  if (/\s/.test(trimmed)) return invalid('validate.webserviceUserName.whitespace');
  return freeTextProblem(trimmed) ?? valid(trimmed);
}
