export type { Validation } from './validation.js';
export { validatePayrollTaxNumber } from './payroll-tax-number.js';
export { validateKvkNumber } from './kvk-number.js';
export { validateEmail } from './email.js';
export { formatPhone, validatePhone } from './phone.js';
export { MAX_NOTE_LENGTH, MAX_TEXT_LENGTH, validateEnvironmentCode, validateNote, validateRequiredText, validateWebserviceUserName } from './text.js';
export { validateDate } from './date.js';
