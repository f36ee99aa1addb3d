import { freeTextProblem } from './text.js';
import { invalid, valid, type Validation } from './validation.js';

/**
 * Deliberately loose (RFC 5322 allows far more than anyone types): catches the typos that matter —
 * a missing or doubled @, a space, a domain without a dot. The caller shows the address back.
 */
export function validateEmail(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.email.empty');
  if (/\s/.test(trimmed)) return invalid('validate.email.whitespace');
  const atCount = trimmed.split('@').length - 1;
  if (atCount === 0) return invalid('validate.email.noAt');
  if (atCount > 1) return invalid('validate.email.multipleAt', { count: atCount });
  const [local = '', domain = ''] = trimmed.split('@');
  if (local === '') return invalid('validate.email.local');
  if (!/^[^.]+(\.[^.]+)+$/.test(domain)) return invalid('validate.email.domain');
  // RFC 5321 allows 254 characters in an address; control characters are never part of one.
  return freeTextProblem(trimmed, 254) ?? valid(trimmed);
}
