import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { validate as validateMessages } from '../../src/i18n/messages/validate.js';
import {
  MAX_NOTE_LENGTH,
  MAX_TEXT_LENGTH,
  formatPhone,
  validateDate,
  validateEmail,
  validateEnvironmentCode,
  validateKvkNumber,
  validateNote,
  validatePayrollTaxNumber,
  validatePhone,
  validateRequiredText,
  validateWebserviceUserName,
  type Validation,
} from '../../src/validate/index.js';

afterEach(() => setLang('nl'));

function reasonOf(result: Validation): string {
  if (result.ok) throw new Error(`expected a refusal, got ${result.value}`);
  return result.reason;
}

describe('validatePayrollTaxNumber', () => {
  it.each([
    ['123456782L01', '123456782L01'],
    ['249566758L01', '249566758L01'],
    ['123456782l01', '123456782L01'],
    [' 1234.56.782 L01 ', '123456782L01'],
    ['123-456-782-L-02', '123456782L02'],
  ])('accepts %j as %s', (input, value) => {
    expect(validatePayrollTaxNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['123456789L01', '11-proef'],
    ['123456782B01', 'letter L, niet B'],
    ['12345678L01', 'precies 9 cijfers (nu 8)'],
    ['123456782L00', 'subnummer L00 bestaat niet'],
    ['123456782L1', 'precies 2 cijfers (nu 1)'],
    ['123456782', '9 cijfers, de letter L'],
    ['ABC', '9 cijfers, de letter L'],
    ['000000000L01', 'geen geldig fiscaal nummer'],
    ['   ', 'vul een loonheffingennummer in'],
  ])('refuses %j: %s', (input, reason) => {
    expect(reasonOf(validatePayrollTaxNumber(input))).toContain(reason);
  });

  it('gives each failure of the SPEC examples its own reason', () => {
    const reasons = ['123456789L01', '123456782B01', '12345678L01', '123456782L00'].map((input) => reasonOf(validatePayrollTaxNumber(input)));
    expect(new Set(reasons).size).toBe(4);
  });
});

describe('validateKvkNumber', () => {
  it.each([
    ['12345678', '12345678'],
    [' 01234567 ', '01234567'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateKvkNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'vul een KvK-nummer in'],
    ['1234567', 'precies 8 cijfers (nu 7)'],
    ['123456789', 'precies 8 cijfers (nu 9)'],
    ['1234 5678', 'alleen uit cijfers'],
    ['1234567a', 'alleen uit cijfers'],
  ])('refuses %j: %s', (input, reason) => {
    expect(reasonOf(validateKvkNumber(input))).toContain(reason);
  });
});

describe('validateEmail', () => {
  it.each([
    ['salaris@tilburg.nl', 'salaris@tilburg.nl'],
    ['  Salaris.Team@kantoor.example.nl ', 'Salaris.Team@kantoor.example.nl'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'vul een e-mailadres in'],
    ['salaris tilburg@x.nl', 'geen spaties'],
    ['salaris.tilburg.nl', 'ontbreekt een @'],
    ['a@b@c.nl', 'precies één @ (nu 2)'],
    ['@tilburg.nl', 'vóór de @'],
    ['salaris@tilburg', 'domein met een punt'],
    ['salaris@tilburg.', 'domein met een punt'],
    ['salaris@.nl', 'domein met een punt'],
    ['salaris@tilburg..nl', 'domein met een punt'],
  ])('refuses %j: %s', (input, reason) => {
    expect(reasonOf(validateEmail(input))).toContain(reason);
  });
});

describe('validatePhone', () => {
  it.each([
    ['013-1234567', '0131234567'],
    ['0612345678', '0612345678'],
    ['06 12 34 56 78', '0612345678'],
    ['(013) 123.45.67', '0131234567'],
    ['+31 6 12345678', '+31612345678'],
    ['+31 (0)6 1234 5678', '+31612345678'],
    ['0031 20-123 4567', '+31201234567'],
  ])('accepts %j as %s', (input, value) => {
    expect(validatePhone(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'vul een telefoonnummer in'],
    ['013-12345678', 'na 0 horen precies 9 cijfers (nu 10)'],
    ['06 1234 567', 'na 0 horen precies 9 cijfers (nu 8)'],
    ['+31 6 1234567', 'na +31 horen precies 9 cijfers (nu 8)'],
    ['+31 06 12345678', 'laat de 0 na +31 weg'],
    ['+32 2 123 45 67', 'alleen Nederlandse'],
    ['0049 30 1234567', 'alleen Nederlandse'],
    ['612345678', 'begint met 0, +31 of 0031'],
    ['06-CALLME', 'alleen cijfers'],
    ['06+12345678', 'alleen cijfers'],
  ])('refuses %j: %s', (input, reason) => {
    expect(reasonOf(validatePhone(input))).toContain(reason);
  });
});

describe('formatPhone (tickets show the number as people write it)', () => {
  it.each([
    ['0131234567', '013 123 4567'],
    ['0201234567', '020 123 4567'],
    ['0882345678', '088 234 5678'],
    ['0251123456', '0251 123 456'],
    ['0800123456', '0800 123 456'],
    ['0612345678', '06 12345678'],
    ['+31612345678', '+31 6 12345678'],
    ['+31131234567', '+31 13 123 4567'],
    ['+31251123456', '+31 251 123 456'],
    // Not yet normalised (an older store, a hand-edited file): grouped all the same.
    ['013-1234567', '013 123 4567'],
  ])('%s → %s', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });

  it('leaves what is not a Dutch number as it is', () => {
    expect(formatPhone('+32 2 123 45 67')).toBe('+32 2 123 45 67');
    expect(formatPhone('onbekend')).toBe('onbekend');
  });
});

describe('free-text fields', () => {
  it('omgevingscode: trimmed, non-empty, no whitespace inside, otherwise anything', () => {
    expect(validateEnvironmentCode('  ABC-123_x ')).toEqual({ ok: true, value: 'ABC-123_x' });
    expect(reasonOf(validateEnvironmentCode(' '))).toContain('vul de omgevingscode in');
    expect(reasonOf(validateEnvironmentCode('ABC 123'))).toContain('geen spaties');
  });

  it('required text: trimmed and non-empty', () => {
    expect(validateRequiredText('  Administratiekantoor De Vries  ')).toEqual({
      ok: true,
      value: 'Administratiekantoor De Vries',
    });
    expect(reasonOf(validateRequiredText('\t\n'))).toContain('niet leeg');
  });

  it('webservice user name: trimmed, non-empty, no whitespace', () => {
    expect(validateWebserviceUserName(' Webservice#01 ')).toEqual({ ok: true, value: 'Webservice#01' });
    expect(reasonOf(validateWebserviceUserName(''))).toContain('Webservice#01');
    expect(reasonOf(validateWebserviceUserName('Webservice 01'))).toContain('geen spaties');
  });
});

describe('validateDate', () => {
  const now = new Date('2026-12-01T10:00:00.000Z');
  it('YYYY-MM-DD to midnight UTC, "vandaag"/"today" to now', () => {
    expect(validateDate(' 2026-10-21 ', now)).toEqual({ ok: true, value: '2026-10-21T00:00:00.000Z' });
    expect(validateDate('Vandaag', now)).toEqual({ ok: true, value: now.toISOString() });
    expect(validateDate('today', now)).toEqual({ ok: true, value: now.toISOString() });
  });
  it('DD-MM-JJJJ as Dutch people write it (also with / or . and without leading zeros)', () => {
    for (const raw of ['21-10-2026', '21/10/2026', '21.10.2026', '2026-10-21', ' 21-10-2026 ']) {
      expect(validateDate(raw, now), raw).toEqual({ ok: true, value: '2026-10-21T00:00:00.000Z' });
    }
    expect(validateDate('1-2-2026', now)).toEqual({ ok: true, value: '2026-02-01T00:00:00.000Z' });
    expect(validateDate('2026-2-1', now)).toEqual({ ok: true, value: '2026-02-01T00:00:00.000Z' });
  });
  it('"gisteren"/"yesterday": the calendar day before today in the system time zone', () => {
    expect(validateDate('gisteren', now)).toEqual({ ok: true, value: '2026-11-30T00:00:00.000Z' });
    expect(validateDate('Yesterday', now)).toEqual({ ok: true, value: '2026-11-30T00:00:00.000Z' });
  });
  it('refuses other forms, naming the forms', () => {
    for (const raw of ['21-10-26', '2026/10/21', 'morgen', '']) {
      const reason = reasonOf(validateDate(raw, now));
      expect(reason, raw).toContain('DD-MM-JJJJ');
      expect(reason, raw).toContain('gisteren');
    }
  });
  it('a day that is not in the calendar is refused as such, not rolled into the next month', () => {
    for (const raw of ['31-02-2026', '2026-02-30', '2026-13-01', '13-13-2026', '10/21/2026', '29-02-2026']) {
      expect(reasonOf(validateDate(raw, now)), raw).toBe('die dag staat niet in de kalender (controleer dag en maand)');
    }
    expect(validateDate('29-02-2028', new Date('2028-03-01T10:00:00.000Z'))).toEqual({ ok: true, value: '2028-02-29T00:00:00.000Z' });
  });
  it('refuses a day after tomorrow, accepts tomorrow (a time zone ahead of UTC)', () => {
    expect(validateDate('2026-12-02', now).ok).toBe(true);
    expect(reasonOf(validateDate('2026-12-03', now))).toContain('toekomst');
  });
});

describe('free text: a length limit and no control characters (every text input, config set, notes)', () => {
  it.each([
    ['validateRequiredText', validateRequiredText, 'Kantoor'],
    ['validateEnvironmentCode', validateEnvironmentCode, 'DEVRIES-PRD'],
    ['validateWebserviceUserName', validateWebserviceUserName, 'Webservice#01'],
  ] as const)('%s: 200 characters pass, 201 do not; a line break, tab or escape does not', (_name, validate, sample) => {
    const longest = sample.padEnd(MAX_TEXT_LENGTH, 'x');
    expect(validate(longest)).toEqual({ ok: true, value: longest });
    expect(reasonOf(validate(`${longest}x`))).toBe(`te lang: hoogstens ${MAX_TEXT_LENGTH} tekens (nu ${MAX_TEXT_LENGTH + 1})`);
    for (const control of ['\u001b[2J', '\u0007', '\u009b']) expect(reasonOf(validate(`${sample}${control}${sample}`))).toMatch(/stuurteken/);
  });

  it('an e-mail address may have 254 characters', () => {
    const address = `${'a'.repeat(254 - '@kantoor.nl'.length)}@kantoor.nl`;
    expect(validateEmail(address).ok).toBe(true);
    expect(reasonOf(validateEmail(`a${address}`))).toMatch(/te lang: hoogstens 254/);
  });

  it('a note may be empty and has at most 500 characters', () => {
    expect(validateNote('  ')).toEqual({ ok: true, value: '' });
    expect(validateNote(` ${'n'.repeat(MAX_NOTE_LENGTH)} `)).toEqual({ ok: true, value: 'n'.repeat(MAX_NOTE_LENGTH) });
    expect(reasonOf(validateNote('n'.repeat(MAX_NOTE_LENGTH + 1)))).toMatch(/hoogstens 500/);
    expect(reasonOf(validateNote('regel 1\nregel 2'))).toMatch(/stuurteken/);
  });
});

describe('reasons in both languages', () => {
  const refusals: Array<() => Validation> = [
    () => validateDate('x'),
    () => validateDate('2999-01-01'),
    () => validateDate('31-02-2026'),
    () => validatePayrollTaxNumber(''),
    () => validatePayrollTaxNumber('x'),
    () => validatePayrollTaxNumber('12345678L01'),
    () => validatePayrollTaxNumber('123456782B01'),
    () => validatePayrollTaxNumber('123456782L1'),
    () => validatePayrollTaxNumber('123456782L00'),
    () => validatePayrollTaxNumber('000000000L01'),
    () => validatePayrollTaxNumber('123456789L01'),
    () => validateKvkNumber(''),
    () => validateKvkNumber('x'),
    () => validateKvkNumber('1'),
    () => validateEmail(''),
    () => validateEmail('a b'),
    () => validateEmail('a'),
    () => validateEmail('a@@b.nl'),
    () => validateEmail('@b.nl'),
    () => validateEmail('a@b'),
    () => validatePhone(''),
    () => validatePhone('x'),
    () => validatePhone('+44 20 1234 5678'),
    () => validatePhone('12'),
    () => validatePhone('+310612345678'),
    () => validatePhone('01'),
    () => validateEnvironmentCode(''),
    () => validateEnvironmentCode('a b'),
    () => validateRequiredText(''),
    () => validateWebserviceUserName(''),
    () => validateWebserviceUserName('a b'),
    () => validateRequiredText('x'.repeat(201)),
    () => validateRequiredText('Bakkerij\u001b[2J'),
  ];

  it('every refusal above uses a distinct catalogue message', () => {
    const reasons = refusals.map((refuse) => reasonOf(refuse()));
    expect(new Set(reasons).size).toBe(Object.keys(validateMessages.nl).length);
    for (const reason of reasons) expect(reason).not.toMatch(/^validate\./);
  });

  it('is translated into English, with the parameters filled in', () => {
    const nl = refusals.map((refuse) => reasonOf(refuse()));
    setLang('en');
    const en = refusals.map((refuse) => reasonOf(refuse()));
    en.forEach((reason, i) => {
      expect(reason).not.toBe(nl[i]);
      expect(reason).not.toMatch(/^validate\.|\{\w+\}/);
    });
    expect(reasonOf(validatePayrollTaxNumber('123456782L00'))).toContain('subnummer L00 does not exist');
  });
});
