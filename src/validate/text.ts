import { invalid, valid, type Validation } from './validation.js';

/** Omgevingscode: Loket support hands it out; its format is not published, so only the shape is checked. */
export function validateEnvironmentCode(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.environmentCode.empty');
  if (/\s/.test(trimmed)) return invalid('validate.environmentCode.whitespace');
  return valid(trimmed);
}

/** Names and other free text that must be filled in. */
export function validateRequiredText(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.requiredText.empty');
  return valid(trimmed);
}

/** The webservice user's user name (e.g. Webservice#01) — the password is never asked for. */
export function validateWebserviceUserName(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.webserviceUserName.empty');
  if (/\s/.test(trimmed)) return invalid('validate.webserviceUserName.whitespace');
  return valid(trimmed);
}
