import { invalid, valid, type Validation } from './validation.js';

/** KvK-nummer: 8 digits, kept as a string because leading zeros matter. No public checksum. */
export function validateKvkNumber(input: string): Validation {
  const trimmed = input.trim();
  if (trimmed === '') return invalid('validate.kvkNumber.empty');
  if (!/^\d+$/.test(trimmed)) return invalid('validate.kvkNumber.notDigits');
  if (trimmed.length !== 8) return invalid('validate.kvkNumber.length', { count: trimmed.length });
  return valid(trimmed);
}
