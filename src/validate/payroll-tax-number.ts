import { invalid, valid, type Validation } from './validation.js';

/**
 * Loonheffingennummer: the employer's fiscal number (9 digits), the letter L and a 2-digit
 * subnummer per administration. People copy it with spaces, dots or dashes, so those are ignored.
 */
export function validatePayrollTaxNumber(input: string): Validation {
  const normalised = input.replace(/[\s.-]/g, '').toUpperCase();
  if (normalised === '') return invalid('validate.payrollTaxNumber.empty');

  const parts = /^(\d*)([A-Z]?)(\d*)$/.exec(normalised);
  if (!parts || parts[2] === '') return invalid('validate.payrollTaxNumber.format');
  const [, digits = '', letter = '', subnumber = ''] = parts;

  if (digits.length !== 9) return invalid('validate.payrollTaxNumber.digits', { count: digits.length });
  if (letter !== 'L') return invalid('validate.payrollTaxNumber.letter', { letter });
  if (subnumber.length !== 2) {
    return invalid('validate.payrollTaxNumber.subnumberLength', { count: subnumber.length });
  }
  if (subnumber === '00') return invalid('validate.payrollTaxNumber.subnumberZero');
  // 000000000 passes the 11-proef arithmetically but is never issued.
  if (/^0+$/.test(digits)) return invalid('validate.payrollTaxNumber.allZeros');
  if (!passesElevenTest(digits)) return invalid('validate.payrollTaxNumber.checksum');
  return valid(normalised);
}

/** 11-proef as for BSN/RSIN: weights 9…2, and −1 on the last digit; the sum is divisible by 11. */
function passesElevenTest(nineDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const weight = i === 8 ? -1 : 9 - i;
    sum += weight * Number(nineDigits[i]);
  }
  return sum % 11 === 0;
}
