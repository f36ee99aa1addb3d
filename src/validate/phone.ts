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

/**
 * Netnummers of two digits after the 0 (010 Rotterdam … 079 Zoetermeer), the non-geographic 085,
 * 087, 088 and 091 numbers, and 06 for mobiles; every other number has a netnummer of three digits
 * after the 0 (0251, 0800, …).
 */
const SHORT_AREA_CODES = new Set('10 13 15 20 23 24 26 30 33 35 36 38 40 43 45 46 50 53 55 58 70 71 72 73 74 75 76 77 78 79 84 85 87 88 91'.split(' '));

/**
 * A Dutch number written as people read it: "013 123 4567", "0251 123 456", "06 12345678", and
 * "+31 13 123 4567" / "+31 6 12345678" for the international form. A value that is not a valid
 * Dutch number is returned as it is.
 */
export function formatPhone(value: string): string {
  const result = validatePhone(value);
  if (!result.ok) return value;
  const international = result.value.startsWith('+31');
  const subscriber = result.value.slice(international ? 3 : 1);
  const prefix = international ? '+31 ' : '0';
  if (subscriber.startsWith('6')) return `${prefix}${subscriber.slice(0, 1)} ${subscriber.slice(1)}`;
  const areaLength = SHORT_AREA_CODES.has(subscriber.slice(0, 2)) ? 2 : 3;
  const area = subscriber.slice(0, areaLength);
  const local = subscriber.slice(areaLength);
  return `${prefix}${area} ${local.slice(0, 3)} ${local.slice(3)}`;
}
