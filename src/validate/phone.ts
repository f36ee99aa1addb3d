import { invalid, valid, type Validation } from './validation.js';

/**
 * Dutch phone number: 0 + 9 digits, or +31 / 0031 + 9 digits. The value is normalised to
 * `0XXXXXXXXX` or `+31XXXXXXXXX` so the same number is always stored the same way.
 */
export function validatePhone(input: string): Validation {
  const compact = input
    .trim()
    // "+31 (0)20 …" is the common way to write the trunk 0 that is dropped after +31.
    .replace(/^(\+31|0031)\s*\(0\)/, '$1')
    .replace(/[\s.()-]/g, '');
  if (compact === '') return invalid('validate.phone.empty');
  if (!/^\+?\d+$/.test(compact)) return invalid('validate.phone.characters');

  if (compact.startsWith('+31') || compact.startsWith('0031')) {
    const subscriber = compact.slice(compact.startsWith('+') ? 3 : 4);
    if (subscriber.startsWith('0')) return invalid('validate.phone.trunkZero');
    if (subscriber.length !== 9) return invalid('validate.phone.length', { prefix: '+31', count: subscriber.length });
    return valid(`+31${subscriber}`);
  }
  if (compact.startsWith('+') || compact.startsWith('00')) return invalid('validate.phone.foreign');
  if (!compact.startsWith('0')) return invalid('validate.phone.start');
  const subscriber = compact.slice(1);
  if (subscriber.length !== 9) return invalid('validate.phone.length', { prefix: '0', count: subscriber.length });
  return valid(compact);
}
