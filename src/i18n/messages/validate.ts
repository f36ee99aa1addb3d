import { defineMessages } from '../define.js';

export const validate = defineMessages(
  {
    'validate.date.format': 'gebruik de vorm JJJJ-MM-DD (bijv. 2026-11-28) of "vandaag"',
    'validate.date.future': 'deze datum ligt in de toekomst',
    'validate.payrollTaxNumber.empty': 'vul een loonheffingennummer in, bijv. 123456782L01',
    'validate.payrollTaxNumber.format':
      'een loonheffingennummer bestaat uit 9 cijfers, de letter L en een subnummer van 2 cijfers, bijv. 123456782L01',
    'validate.payrollTaxNumber.digits': 'een loonheffingennummer begint met precies 9 cijfers (nu {count})',
    'validate.payrollTaxNumber.letter': 'na de 9 cijfers hoort de letter L, niet {letter}',
    'validate.payrollTaxNumber.subnumberLength':
      'het subnummer na de L bestaat uit precies 2 cijfers (nu {count}), bijv. L01',
    'validate.payrollTaxNumber.subnumberZero':
      'subnummer L00 bestaat niet — gebruik het subnummer van de administratie, bijv. L01',
    'validate.payrollTaxNumber.allZeros': '000000000 is geen geldig fiscaal nummer',
    'validate.payrollTaxNumber.checksum':
      'het controlegetal (11-proef) klopt niet — controleer de 9 cijfers vóór de L',
    'validate.kvkNumber.empty': 'vul een KvK-nummer in (8 cijfers)',
    'validate.kvkNumber.notDigits': 'een KvK-nummer bestaat alleen uit cijfers',
    'validate.kvkNumber.length': 'een KvK-nummer heeft precies 8 cijfers (nu {count})',
    'validate.email.empty': 'vul een e-mailadres in',
    'validate.email.whitespace': 'een e-mailadres bevat geen spaties',
    'validate.email.noAt': 'er ontbreekt een @, bijv. salaris@kantoor.nl',
    'validate.email.multipleAt': 'een e-mailadres bevat precies één @ (nu {count})',
    'validate.email.local': 'vóór de @ ontbreekt de naam, bijv. salaris@kantoor.nl',
    'validate.email.domain': 'na de @ hoort een domein met een punt, bijv. kantoor.nl',
    'validate.phone.empty': 'vul een telefoonnummer in',
    'validate.phone.characters': 'een telefoonnummer bevat alleen cijfers, eventueel met + aan het begin',
    'validate.phone.foreign': 'alleen Nederlandse telefoonnummers: begin met 0, +31 of 0031',
    'validate.phone.start': 'een Nederlands telefoonnummer begint met 0, +31 of 0031, bijv. 013 1234567',
    'validate.phone.trunkZero': 'laat de 0 na +31 weg, bijv. +31 13 1234567',
    'validate.phone.length':
      'na {prefix} horen precies 9 cijfers (nu {count}), bijv. 013 1234567 of +31 13 1234567',
    'validate.environmentCode.empty': 'vul de omgevingscode in die je van Loket.nl hebt gekregen',
    'validate.environmentCode.whitespace': 'een omgevingscode bevat geen spaties',
    'validate.requiredText.empty': 'dit veld mag niet leeg zijn',
    'validate.text.tooLong': 'te lang: hoogstens {max} tekens (nu {length})',
    'validate.text.control': 'bevat een stuurteken (zoals een regeleinde, tab of escape); gebruik alleen gewone tekst op één regel',
    'validate.webserviceUserName.empty':
      'vul de gebruikersnaam van de webservicegebruiker in, bijv. Webservice#01',
    'validate.webserviceUserName.whitespace': 'een gebruikersnaam bevat geen spaties',
  },
  {
    'validate.date.format': 'use the form YYYY-MM-DD (e.g. 2026-11-28) or "today"',
    'validate.date.future': 'this date is in the future',
    'validate.payrollTaxNumber.empty': 'enter a loonheffingennummer (payroll tax number), e.g. 123456782L01',
    'validate.payrollTaxNumber.format':
      'a loonheffingennummer is 9 digits, the letter L and a 2-digit subnummer, e.g. 123456782L01',
    'validate.payrollTaxNumber.digits': 'a loonheffingennummer starts with exactly 9 digits (got {count})',
    'validate.payrollTaxNumber.letter': 'the 9 digits must be followed by the letter L, not {letter}',
    'validate.payrollTaxNumber.subnumberLength':
      'the subnummer after the L is exactly 2 digits (got {count}), e.g. L01',
    'validate.payrollTaxNumber.subnumberZero':
      'subnummer L00 does not exist — use the subnummer of the administration, e.g. L01',
    'validate.payrollTaxNumber.allZeros': '000000000 is not a valid fiscal number',
    'validate.payrollTaxNumber.checksum':
      'the check digit (11-proef) does not match — check the 9 digits before the L',
    'validate.kvkNumber.empty': 'enter a KvK number (8 digits)',
    'validate.kvkNumber.notDigits': 'a KvK number contains digits only',
    'validate.kvkNumber.length': 'a KvK number has exactly 8 digits (got {count})',
    'validate.email.empty': 'enter an e-mail address',
    'validate.email.whitespace': 'an e-mail address contains no spaces',
    'validate.email.noAt': 'the @ is missing, e.g. salaris@kantoor.nl',
    'validate.email.multipleAt': 'an e-mail address contains exactly one @ (got {count})',
    'validate.email.local': 'the name before the @ is missing, e.g. salaris@kantoor.nl',
    'validate.email.domain': 'the @ must be followed by a domain with a dot, e.g. kantoor.nl',
    'validate.phone.empty': 'enter a phone number',
    'validate.phone.characters': 'a phone number contains digits only, optionally with a leading +',
    'validate.phone.foreign': 'Dutch phone numbers only: start with 0, +31 or 0031',
    'validate.phone.start': 'a Dutch phone number starts with 0, +31 or 0031, e.g. 013 1234567',
    'validate.phone.trunkZero': 'leave out the 0 after +31, e.g. +31 13 1234567',
    'validate.phone.length':
      '{prefix} must be followed by exactly 9 digits (got {count}), e.g. 013 1234567 or +31 13 1234567',
    'validate.environmentCode.empty': 'enter the omgevingscode (environment code) you received from Loket.nl',
    'validate.environmentCode.whitespace': 'an omgevingscode contains no spaces',
    'validate.requiredText.empty': 'this field must not be empty',
    'validate.text.tooLong': 'too long: at most {max} characters (now {length})',
    'validate.text.control': 'contains a control character (such as a line break, tab or escape); use plain text on one line',
    'validate.webserviceUserName.empty': "enter the webservice user's user name, e.g. Webservice#01",
    'validate.webserviceUserName.whitespace': 'a user name contains no spaces',
  },
);
