/**
 * The schemas of Loket's answers (src/loket/schemas.ts): their output, key for key, and the field
 * path that the message of a wrong shape names. The paths are the ones the zod schemas gave; a port
 * to another library keeps them. The endpoints' own answers are in client.test.ts; paging in
 * paginate.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import {
  administration,
  authorization,
  authorizationModelItem,
  employer,
  employerMinimized,
  employerUserRow,
  listOf,
  pageOf,
  parseAnswer,
  team,
  teamEmployer,
  teamUser,
  user,
  userAnswer,
} from '../../src/loket/schemas.js';

beforeAll(() => setLang('en'));

const SOURCE = { host: 'api.loket.test', method: 'GET', path: '/things' };

function page(items: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { totalSize: Array.isArray(items) ? items.length : 1, pageSize: 250, totalPages: 1, currentPage: 1, _embedded: items, ...extra };
}

/** The field path the message names, or 'passed' when the answer was read. */
function problem(schema: Parameters<typeof parseAnswer>[0], data: unknown): string {
  try {
    parseAnswer(schema, data, SOURCE);
    return 'passed';
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    const message = (error as ApiError).message;
    const field = /^Unexpected answer from api\.loket\.test to GET \/things: the structure does not match \((.*)\)\.$/.exec(message)?.[1];
    expect(field, message).toBeDefined();
    return field!;
  }
}

const employers = Array.from({ length: 5 }, (_, i) => ({ id: `e-${i}`, employerNumber: 20001 + i, companyName: `Bakkerij ${i}` }));
const withItem3 = (change: Record<string, unknown>) => page(employers.map((entry, i) => (i === 3 ? { ...entry, ...change } : entry)));

describe('a wrong shape names the deepest field path, as the zod schemas did', () => {
  it.each([
    ['a missing id in item 3', pageOf(employer), withItem3({ id: undefined }), '_embedded.3.id'],
    ['an empty id in item 3', pageOf(employer), withItem3({ id: '' }), '_embedded.3.id'],
    ['a number for a text in item 3', pageOf(employer), withItem3({ companyName: 42 }), '_embedded.3.companyName'],
    [
      'a wrong type inside content.personalDetails',
      userAnswer,
      { content: { personalDetails: { initials: 'J.', lastName: 7 } } },
      'content.personalDetails.lastName',
    ],
    ['a list where personalDetails is an object', userAnswer, { content: { personalDetails: [] } }, 'content.personalDetails'],
    ['a list where contactInformation is an object', userAnswer, { content: { contactInformation: [] } }, 'content.contactInformation'],
    ['a list where providerSettings is an object', pageOf(employer), page([{ ...employers[0], providerSettings: ['DEB1'] }]), '_embedded.0.providerSettings'],
    [
      'an enumeration key of the wrong type',
      userAnswer,
      { content: { user: { userSpecifiedRole: { key: true, value: 'x' } } } },
      'content.user.userSpecifiedRole.key',
    ],
    [
      'an enumeration key of 1e999 (Infinity)',
      pageOf(user),
      page([{ id: 'u', loginMethod: JSON.parse('{"key":1e999,"value":"x"}') }]),
      '_embedded.0.loginMethod.key',
    ],
    ['_embedded as an object with a wrong field', pageOf(teamEmployer), page({ id: 'e-1', companyName: 7 }), '_embedded.companyName'],
    ['_embedded as an object with an empty id', pageOf(teamEmployer), page({ id: '' }), '_embedded.id'],
    ['_embedded as a text', pageOf(teamEmployer), page('none'), '_embedded'],
    ['totalPages missing', pageOf(team), { currentPage: 1, _embedded: [] }, 'totalPages'],
    ['totalPages 1e999 (Infinity)', pageOf(team), JSON.parse('{"totalPages":1e999,"currentPage":1,"_embedded":[]}'), 'totalPages'],
    ['pageSize 0', pageOf(team), page([], { pageSize: 0 }), 'pageSize'],
    ['currentPage below 0', pageOf(team), page([], { currentPage: -1 }), 'currentPage'],
    ['a fraction for totalSize', pageOf(team), page([], { totalSize: 1.5 }), 'totalSize'],
    ['an employer number with letters', pageOf(employerMinimized), page([{ id: 'e', employerNumber: '12a', companyName: 'A' }]), '_embedded.0.employerNumber'],
    ['an employer number beyond 2^53', pageOf(employerMinimized), page([{ id: 'e', employerNumber: 2 ** 53, companyName: 'A' }]), '_embedded.0.employerNumber'],
    ['a fraction for clientNumber', pageOf(administration), page([{ employerId: 'e', clientNumber: 1.5 }]), '_embedded.0.clientNumber'],
    // With two problems the deeper one is named, not the first one found (what an abortEarly would give).
    ['two problems in one item', pageOf(user), page([{ id: 5, personalDetails: { lastName: 7 } }]), '_embedded.0.personalDetails.lastName'],
    [
      'two problems in item 1 of E12',
      pageOf(employerUserRow),
      page([{ employerUser: { id: 'u' } }, { employerUser: 5, employer: { id: 7 } }]),
      '_embedded.1.employer.id',
    ],
    [
      'a nested employer number',
      pageOf(employerUserRow),
      page([{ employerUser: { id: 'u' }, employer: { id: 'e', employerNumber: 'x' } }]),
      '_embedded.0.employer.employerNumber',
    ],
    [
      'a right without description',
      pageOf(authorizationModelItem),
      page([{ description: 'A', authorizations: [{ description: 'r' }, {}] }]),
      '_embedded.0.authorizations.1.description',
    ],
    ['an E7 item without description', listOf(authorization), { _embedded: [{ description: 'a' }, { id: 'x' }] }, '_embedded.1.description'],
    ['a list for a page', pageOf(team), [], 'invalid_type'],
    ['an HTML page', userAnswer, '<html>', 'invalid_type'],
    ['null', listOf(authorization), null, 'invalid_type'],
  ] as const)('%s', (_label, schema, data, field) => {
    expect(problem(schema, data)).toBe(field);
  });
});

describe('what an answer reads as', () => {
  it('drops unknown fields, gives null for absent nullable ones and keeps the order of the schema', () => {
    const read = parseAnswer(pageOf(teamUser), page([{ isLinked: true, extra: { deep: 1 }, id: 'u-1' }], { version: {}, messages: [] }), SOURCE);
    expect(read).toStrictEqual({
      totalSize: 1,
      pageSize: 250,
      totalPages: 1,
      currentPage: 1,
      _embedded: [{ id: 'u-1', userName: null, isLinked: true }],
      items: [{ id: 'u-1', userName: null, isLinked: true }],
    });
    expect(Object.keys(read.items[0]!)).toEqual(['id', 'userName', 'isLinked']);
  });

  it('reads null and absent alike where a field is nullish', () => {
    const absent = parseAnswer(team, { id: 't', description: 'T' }, SOURCE);
    const nulls = parseAnswer(team, { id: 't', description: 'T', isLinked: null, numberOfLinkedUsers: null, numberOfLinkedEmployers: null }, SOURCE);
    expect(absent).toStrictEqual({ id: 't', description: 'T', isLinked: null, numberOfLinkedUsers: null, numberOfLinkedEmployers: null });
    expect(nulls).toStrictEqual(absent);
  });

  it('sanitises every text; a nullable text empty after sanitising is null, a required one stays empty', () => {
    expect(parseAnswer(teamEmployer, { id: 'e', companyName: ' \u001b[2J\u202e ', administrationNumber: '  DEB\t1 ' }, SOURCE)).toStrictEqual({
      id: 'e',
      companyName: null,
      administrationNumber: 'DEB 1',
      isLinked: null,
    });
    expect(parseAnswer(employerMinimized, { id: 'e', employerNumber: 1, companyName: '\u001b[31m\u001b[0m' }, SOURCE).companyName).toBe('');
    expect(parseAnswer(authorization, { description: 'Werkgever\r\ninzien\u0007' }, SOURCE)).toStrictEqual({ description: 'Werkgever inzien' });
  });

  it('E3: the employer number as digits becomes a number, providerSettings.administrationNumber comes up a level', () => {
    const read = parseAnswer(
      employer,
      {
        id: 'e',
        employerNumber: '020001',
        companyName: 'Bakkerij',
        chamberOfCommerceNumber: '',
        providerSettings: { administrationNumber: 'DEB1', groupCode: 2 },
      },
      SOURCE,
    );
    expect(read).toStrictEqual({ id: 'e', employerNumber: 20001, companyName: 'Bakkerij', chamberOfCommerceNumber: null, administrationNumber: 'DEB1' });
    expect(Object.keys(read)).toEqual(['id', 'employerNumber', 'companyName', 'chamberOfCommerceNumber', 'administrationNumber']);
    expect(parseAnswer(employer, { id: 'e', employerNumber: 1, companyName: 'B', providerSettings: null }, SOURCE).administrationNumber).toBeNull();
  });

  it('E4: the administration id is there only when Loket gave one', () => {
    const rest = {
      employerId: null,
      wageTaxNumber: null,
      isPayrollAdministration: null,
      description: null,
      startDate: null,
      endDate: null,
      clientNumber: null,
    };
    const read = parseAnswer(administration, { id: 'a-1', clientNumber: 7 }, SOURCE);
    expect(read).toStrictEqual({ id: 'a-1', ...rest, clientNumber: 7 });
    expect(Object.keys(read)[0]).toBe('id');
    expect(parseAnswer(administration, { id: null }, SOURCE)).toStrictEqual(rest);
    expect(parseAnswer(administration, {}, SOURCE)).toStrictEqual(rest);
  });

  it('E1, E8: personalDetails becomes a display name, an enumeration its value', () => {
    expect(
      parseAnswer(
        userAnswer,
        {
          content: {
            personalDetails: { firstName: 'Jan', initials: 'J.', prefix: 'de', lastName: 'Vries' },
            contactInformation: { emailAddress: 'jan@example.test' },
            user: { userSpecifiedRole: { key: 2, value: 'Beheerder' } },
          },
        },
        SOURCE,
      ),
    ).toStrictEqual({ name: 'J. de Vries', email: 'jan@example.test', role: 'Beheerder' });
    expect(parseAnswer(userAnswer, { content: { personalDetails: null, user: { userSpecifiedRole: null } } }, SOURCE)).toStrictEqual({
      name: null,
      email: null,
      role: null,
    });
    expect(
      parseAnswer(user, { id: 'u', userName: 'ws', loginMethod: { key: 'sso', value: 'Via SSO' }, accessStatus: {}, personalDetails: { prefix: '' } }, SOURCE),
    ).toStrictEqual({
      id: 'u',
      userName: 'ws',
      loginMethod: 'Via SSO',
      accessStatus: null,
      hasMultiFactorAuthentication: null,
      dateTimeLastLogin: null,
      name: null,
    });
  });

  it('E12: an absent employer stays absent, a null one null', () => {
    const row = { employerUser: { id: 'u', userName: 'ws' } };
    const employerUser = { id: 'u', userName: 'ws', loginMethod: null };
    expect(parseAnswer(employerUserRow, row, SOURCE)).toStrictEqual({ employerUser });
    expect(parseAnswer(employerUserRow, { ...row, employer: null }, SOURCE)).toStrictEqual({ employerUser, employer: null });
    expect(parseAnswer(employerUserRow, { ...row, employer: { id: 'e', employerNumber: '7' } }, SOURCE)).toStrictEqual({
      employerUser,
      employer: { id: 'e', companyName: null, employerNumber: 7 },
    });
  });

  it('E14: the rights of an activity, none when Loket gives none', () => {
    expect(parseAnswer(authorizationModelItem, { description: 'Werkgever', authorizations: [{ description: 'Lezen', id: 'r' }] }, SOURCE)).toStrictEqual({
      activity: 'Werkgever',
      functionalDescription: null,
      rights: ['Lezen'],
    });
    expect(parseAnswer(authorizationModelItem, { description: 'Werkgever', authorizations: null }, SOURCE).rights).toEqual([]);
  });

  it('_embedded: an object is a one-item list; null or absent is an empty list', () => {
    expect(parseAnswer(pageOf(teamUser), page({ id: 'u' }), SOURCE).items).toStrictEqual([{ id: 'u', userName: null, isLinked: null }]);
    expect(parseAnswer(pageOf(teamUser), page(null, { totalPages: 0 }), SOURCE)).toStrictEqual({
      totalSize: 1,
      pageSize: 250,
      totalPages: 0,
      currentPage: 1,
      _embedded: null,
      items: [],
    });
    expect(parseAnswer(pageOf(teamUser), { totalPages: 0, currentPage: 0 }, SOURCE)).toStrictEqual({
      totalSize: null,
      pageSize: null,
      totalPages: 0,
      currentPage: 0,
      items: [],
    });
    expect(parseAnswer(listOf(authorization), { _embedded: { description: 'a' } }, SOURCE)).toStrictEqual([{ description: 'a' }]);
    expect(parseAnswer(listOf(authorization), {}, SOURCE)).toStrictEqual([]);
  });
});
