/**
 * The Loket client against contract v2 (loket-api.md): every method fed the answer documents of
 * Loket's published spec (test/fixtures/loket-spec), the odd answers the contract names, the Accept
 * version per endpoint with its fallback, `filter` and its fallback, the one-time `/v2` fallback,
 * error bodies, and `probe`. nock stands in for Loket; no request leaves the process.
 */
import nock from 'nock';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, AuthError, CliError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { createLoketClient, type LoketClient, type LoketClientOptions } from '../../src/loket/client.js';
import { ENDPOINTS, type EndpointId } from '../../src/loket/endpoints.js';
import { API, HOST, fakeTokens, instantRetry, listPage, specFixture } from './helpers.js';
import { fakeLoket, useNock } from './fake-loket.js';

useNock();
beforeAll(() => setLang('en'));

const DATED = 'application/json;version=2018-01-01';
const NO_VERSION = 'application/json';
const SSO = 'application/json;version=SSO_gebruiker';
const LINKED = 'isLinked eq true';

/** The id every item of the spec's examples has. */
const SPEC_ID = 'b14acd0d-75d7-4fc8-8b22-4a3924585cab';
const PROVIDER = '5c1d0b8e-1111-4000-8000-000000000001';
const EMPLOYER = '0b7c1d1e-2222-4c55-9e0f-3a1b2c3d4e5f';
const USER = 'a1b2c3d4-3333-4000-8000-000000000001';
const TEAM = 'f0e1d2c3-4444-4000-8000-000000000001';

function client(options: Partial<LoketClientOptions> = {}): LoketClient {
  return createLoketClient({ apiUrl: API, tokens: fakeTokens(), retry: instantRetry(), env: {}, ...options });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const itemsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : (result as { items: unknown[] }).items);
const error400 = () => specFixture('error-400-collection').body;

// ---------------------------------------------------------------------------------------------
// 1. Every method parses its spec fixture
// ---------------------------------------------------------------------------------------------

const employerParsed = {
  id: SPEC_ID,
  employerNumber: 20720,
  companyName: 'Voorbeeld B.V.',
  chamberOfCommerceNumber: '12345678',
  administrationNumber: 'SR2',
};
const minimizedParsed = { id: SPEC_ID, employerNumber: 20720, companyName: 'Voorbeeld B.V.' };
const administrationParsed = {
  id: SPEC_ID,
  employerId: SPEC_ID,
  wageTaxNumber: '111111110L00',
  isPayrollAdministration: true,
  clientNumber: 1234,
  description: 'Bakker',
  startDate: '2016-01-01',
  endDate: '2020-12-31',
};
const userParsed = {
  id: SPEC_ID,
  userName: 'User42',
  loginMethod: 'Only via SSO',
  accessStatus: 'Has access to Client',
  hasMultiFactorAuthentication: false,
  dateTimeLastLogin: '2021-01-19',
  name: 'S.L. van Bergen',
};
const teamParsed = { id: SPEC_ID, description: 'Team oost Nederland', numberOfLinkedUsers: 435, numberOfLinkedEmployers: 435 };

interface PagedCase {
  fixture: EndpointId;
  /** loket-api.md §5, below the API base. */
  path: string;
  call: (loket: LoketClient) => Promise<unknown>;
  expected: unknown;
  filter?: string;
  /** The method returns a ListResult (items and totalSize). */
  listResult?: boolean;
}

const PAGED: PagedCase[] = [
  { fixture: 'E2', path: '/providers', call: (c) => c.providers(), expected: { id: SPEC_ID, name: 'Voorbeeld administratiekantoor B.V.' } },
  { fixture: 'E3', path: '/providers/employers', call: (c) => c.employers(), expected: employerParsed },
  { fixture: 'E3b', path: `/providers/${PROVIDER}/employers/minimized`, call: (c) => c.providerEmployers(PROVIDER), expected: minimizedParsed },
  { fixture: 'E4b', path: '/providers/employers/administrations', call: (c) => c.administrations(), expected: administrationParsed },
  {
    fixture: 'E4',
    path: `/providers/employers/${EMPLOYER}/administrations`,
    call: (c) => c.employerAdministrations(EMPLOYER),
    expected: administrationParsed,
  },
  { fixture: 'E8', path: `/providers/${PROVIDER}/users`, call: (c) => c.providerUsers(PROVIDER), expected: userParsed },
  {
    fixture: 'E9',
    path: `/providers/users/${USER}/authorizationGroups`,
    call: (c) => c.userTeams(USER),
    expected: { ...teamParsed, isLinked: true },
    listResult: true,
  },
  {
    fixture: 'E10',
    path: `/providers/authorizationgroups/${TEAM}/users`,
    call: (c) => c.teamUsers(TEAM),
    expected: { id: SPEC_ID, userName: 'User42', isLinked: true },
    filter: LINKED,
    listResult: true,
  },
  {
    fixture: 'E11',
    path: `/providers/authorizationgroups/${TEAM}/employers`,
    call: (c) => c.teamEmployers(TEAM),
    expected: { id: SPEC_ID, companyName: 'Voorbeeld B.V.', administrationNumber: 'SR2', isLinked: true },
    filter: LINKED,
    listResult: true,
  },
  {
    fixture: 'E12',
    path: `/providers/${PROVIDER}/employers/users`,
    call: (c) => c.providerEmployerUsers(PROVIDER),
    expected: {
      employerUser: { id: SPEC_ID, userName: 'User42', loginMethod: 'Only via SSO' },
      employer: { id: SPEC_ID, companyName: 'Voorbeeld B.V.', employerNumber: 20720 },
    },
  },
  { fixture: 'E13', path: `/providers/${PROVIDER}/authorizationgroups`, call: (c) => c.providerTeams(PROVIDER), expected: { ...teamParsed, isLinked: null } },
  {
    fixture: 'E14',
    path: '/authorizationmodel',
    call: (c) => c.authorizationModel(),
    expected: {
      activity: 'GetWagesByEmploymentId',
      functionalDescription: 'Ophalen van de salarisgegevens van een medewerker',
      rights: ['Beheer arbeidsvoorwaarden'],
    },
  },
  { fixture: 'E15', path: `/providers/employers/users/${USER}/employers`, call: (c) => c.linkedEmployers(USER), expected: minimizedParsed },
  { fixture: 'E5', path: `/providers/employers/${EMPLOYER}/users`, call: (c) => c.employerUsers(EMPLOYER), expected: userParsed },
];

/** The item with another id (when it has one), so a keyed list does not see a duplicate. */
/** The same item under another id (E12's rows carry theirs in `employerUser`). */
function withId(item: unknown, id: string): unknown {
  if (item === null || typeof item !== 'object') return item;
  if ('id' in item) return { ...item, id };
  if ('employerUser' in item) return { ...item, employerUser: { ...(item.employerUser as object), id } };
  return item;
}

describe("every method parses the answer of Loket's published spec", () => {
  it('covers every endpoint of the table', () => {
    expect([...PAGED.map((entry) => entry.fixture), 'E1', 'E7'].sort()).toEqual(Object.keys(ENDPOINTS).sort());
  });

  it('E1 GET /user: name from initials, prefix and last name; e-mail; role as its value', async () => {
    const fixture = specFixture('E1');
    const scope = nock(HOST).get('/v2/user').matchHeader('accept', DATED).reply(200, fixture.body);
    expect(await client().getUser()).toStrictEqual({ name: 'S.L. van Bergen', email: 'info@loket.nl', role: 'Salarisadministrateur' });
    expect(scope.isDone()).toBe(true);
  });

  it('E7 GET …/authorizations: the envelope without paging parameters, read as activity names', async () => {
    const fixture = specFixture('E7');
    const seen = fakeLoket(() => [200, fixture.body]);
    expect(await client().myAuthorizations(EMPLOYER)).toEqual(['GetEmployerByEmployerId']);
    expect(seen.map((request) => [request.url, request.accept])).toEqual([[`/v2/providers/employers/${EMPLOYER}/authorizations`, DATED]]);
  });

  it.each(PAGED)("$fixture GET $path: the spec's page, verbatim, as page 2 of 3", async ({ fixture: name, path, call, expected, filter, listResult }) => {
    const { body } = specFixture(name);
    const item = (body._embedded as unknown[])[0];
    // The fixture is page 2 of 3 (650 items of 250); pages 1 and 3 are the same item with other ids.
    const pages = [
      { ...body, currentPage: 1, _embedded: [withId(item, `${SPEC_ID.slice(0, -1)}1`)] },
      body,
      { ...body, currentPage: 3, _embedded: [withId(item, `${SPEC_ID.slice(0, -1)}3`)] },
    ];
    const scope = nock(HOST);
    pages.forEach((page, index) =>
      scope
        .get(`/v2${path}`)
        .query({ ...(filter ? { filter } : {}), pageNumber: String(index + 1), pageSize: '250' })
        .matchHeader('accept', DATED)
        .reply(200, page),
    );
    const loket = client();
    const result = await call(loket);
    expect(scope.isDone()).toBe(true);
    const items = itemsOf(result);
    expect(items).toHaveLength(3);
    // Unknown fields (logos, addresses, Azure AD, …) are dropped: the parsed item is exactly this.
    expect(items[1]).toStrictEqual(expected);
    if (listResult) expect((result as { totalSize: number | null }).totalSize).toBe(650);
    expect(loket.versions()).toEqual({ [name]: '2018-01-01' });
  });
});

// ---------------------------------------------------------------------------------------------
// 1b. The odd answers the contract names
// ---------------------------------------------------------------------------------------------

describe('odd answers', () => {
  it('E8: userName null and missing optional fields are read as null, never a crash', async () => {
    fakeLoket(() => [
      200,
      listPage([
        { id: 'u-1', userName: null, loginMethod: { key: 3, value: 'Only via SSO' }, personalDetails: { initials: 'J.', lastName: 'Jansen' } },
        { id: 'u-2' },
      ]),
    ]);
    expect(await client().providerUsers(PROVIDER)).toStrictEqual([
      {
        id: 'u-1',
        userName: null,
        loginMethod: 'Only via SSO',
        accessStatus: null,
        hasMultiFactorAuthentication: null,
        dateTimeLastLogin: null,
        name: 'J. Jansen',
      },
      { id: 'u-2', userName: null, loginMethod: null, accessStatus: null, hasMultiFactorAuthentication: null, dateTimeLastLogin: null, name: null },
    ]);
  });

  it('E1: no prefix, and no personal details, contact information or role at all', async () => {
    nock(HOST)
      .get('/v2/user')
      .reply(200, { content: { personalDetails: { initials: 'J.', prefix: null, lastName: 'Jansen', firstName: null }, user: { userSpecifiedRole: null } } })
      .get('/v2/user')
      .reply(200, { content: { personalDetails: null, contactInformation: null, user: null } });
    const loket = client();
    expect(await loket.getUser()).toStrictEqual({ name: 'J. Jansen', email: null, role: null });
    expect(await loket.getUser()).toStrictEqual({ name: null, email: null, role: null });
  });

  it('E3: an employer without chamberOfCommerceNumber or providerSettings, and an employerNumber as digits', async () => {
    fakeLoket(() => [
      200,
      listPage([
        { id: 'e-1', employerNumber: '20721', companyName: 'Zonder KvK' },
        { id: 'e-2', employerNumber: 20722, companyName: 'Leeg', chamberOfCommerceNumber: null, providerSettings: { administrationNumber: null } },
      ]),
    ]);
    expect(await client().employers()).toStrictEqual([
      { id: 'e-1', employerNumber: 20721, companyName: 'Zonder KvK', chamberOfCommerceNumber: null, administrationNumber: null },
      { id: 'e-2', employerNumber: 20722, companyName: 'Leeg', chamberOfCommerceNumber: null, administrationNumber: null },
    ]);
  });

  it('E4b: a non-payroll administration without wageTaxNumber, clientNumber or endDate', async () => {
    fakeLoket(() => [
      200,
      listPage([{ id: 'a-1', employerId: EMPLOYER, description: 'Oud', isPayrollAdministration: false, startDate: '2010-01-01', endDate: null }]),
    ]);
    expect(await client().administrations()).toStrictEqual([
      {
        id: 'a-1',
        employerId: EMPLOYER,
        wageTaxNumber: null,
        isPayrollAdministration: false,
        description: 'Oud',
        startDate: '2010-01-01',
        endDate: null,
        clientNumber: null,
      },
    ]);
  });

  it('E4b/E4: the same administration id twice is an ApiError; administrations without an id are kept', async () => {
    const admin = (id: string | undefined, n: number) => ({
      ...(id ? { id } : {}),
      employerId: EMPLOYER,
      wageTaxNumber: '123456782L01',
      description: `Admin ${n}`,
      isPayrollAdministration: true,
    });
    fakeLoket(() => [200, listPage([admin('a-1', 1), admin(undefined, 2), admin(undefined, 3), admin('a-1', 4)])]);
    await expect(client().administrations()).rejects.toThrow('Loket.nl returned item a-1 of /providers/employers/administrations twice (again on page 1)');
    nock.cleanAll();
    fakeLoket(() => [200, listPage([admin('a-1', 1), admin(undefined, 2), admin(undefined, 3)])]);
    expect((await client().employerAdministrations(EMPLOYER)).map((a) => a.description)).toEqual(['Admin 1', 'Admin 2', 'Admin 3']);
  });

  it('E12: the same user × employer row twice is an ApiError; the same user with two employers is two rows', async () => {
    const row = (employer: string) => ({
      employerUser: { id: 'u-1', userName: 'Webservice#01' },
      employer: { id: employer, companyName: 'Bakkerij', employerNumber: 1 },
    });
    fakeLoket(() => [200, listPage([row('e-1'), row('e-2')])]);
    expect(await client().providerEmployerUsers(PROVIDER)).toHaveLength(2);
    nock.cleanAll();
    fakeLoket(() => [200, listPage([row('e-1'), row('e-2'), row('e-1')])]);
    await expect(client().providerEmployerUsers(PROVIDER)).rejects.toThrow('returned item u-1/e-1 of');
  });

  it.each([
    ['E10', (c: LoketClient) => c.teamUsers(TEAM), { id: 'u-1', userName: 'Webservice01', isLinked: true }],
    ['E11', (c: LoketClient) => c.teamEmployers(TEAM), { id: 'e-1', companyName: 'Bakkerij', administrationNumber: null, isLinked: true }],
  ] as const)('%s: _embedded as a single object (as the spec declares it) is a one-item list', async (_id, call, item) => {
    fakeLoket(() => [200, listPage(item)]);
    expect(await call(client())).toStrictEqual({ items: [item], totalSize: 1 });
  });

  it.each([
    ['totalPages 0 and an empty _embedded', { totalSize: 0, pageSize: 250, totalPages: 0, currentPage: 1, _embedded: [] }],
    ['totalPages 0 and no _embedded at all', { totalSize: 0, pageSize: 250, totalPages: 0, currentPage: 1 }],
    ['currentPage 0', { totalSize: 0, pageSize: 250, totalPages: 0, currentPage: 0, _embedded: [] }],
    ['totalPages 1 and nothing in it', { totalSize: 0, pageSize: 250, totalPages: 1, currentPage: 1, _embedded: [] }],
  ])('an empty list with %s is an empty list, in one request', async (_label, page) => {
    const seen = fakeLoket(() => [200, page]);
    const loket = client();
    expect(await loket.teamEmployers(TEAM)).toStrictEqual({ items: [], totalSize: 0 });
    expect(await loket.employers()).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('drops unknown fields, also inside the fields it keeps', async () => {
    fakeLoket(() => [
      200,
      listPage([
        {
          id: 't-1',
          description: 'Benefits-Plaza',
          isLinked: true,
          numberOfLinkedUsers: 1,
          numberOfLinkedEmployers: 2,
          secret: 'x',
          authorizationSet: { id: 's' },
        },
      ]),
    ]);
    const { items } = await client().userTeams(USER);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['description', 'id', 'isLinked', 'numberOfLinkedEmployers', 'numberOfLinkedUsers']);
  });

  it('reads enumerations {key, value} as their value, whatever the key', async () => {
    fakeLoket(({ path }) =>
      path.endsWith('/employers/users')
        ? [200, listPage([{ employerUser: { id: 'u-1', userName: 'ws', loginMethod: { key: '7', value: 'Via website en SSO' } }, employer: null }])]
        : [200, listPage([{ id: 'u-1', loginMethod: { key: 3, value: 'Only via SSO' }, accessStatus: { key: 1, value: null } }])],
    );
    const loket = client();
    const [account] = await loket.employerUsers(EMPLOYER);
    expect([account?.loginMethod, account?.accessStatus]).toEqual(['Only via SSO', null]);
    expect(await loket.providerEmployerUsers(PROVIDER)).toStrictEqual([
      { employerUser: { id: 'u-1', userName: 'ws', loginMethod: 'Via website en SSO' }, employer: null },
    ]);
  });

  it('removes control characters, escape sequences and bidi controls from names where they enter', async () => {
    const hostile = '\u001b[2J\u001b]0;owned\u0007Bakkerij\u202e Test\u202c\r\n\tBV\u0007\u009b31m';
    fakeLoket(({ path }) => {
      if (path === '/v2/providers/employers') return [200, listPage([{ id: 'e-1', employerNumber: 1, companyName: hostile }])];
      if (path.endsWith('/employers/minimized')) return [200, listPage([{ id: 'e-1', employerNumber: 1, companyName: hostile }])];
      if (path.endsWith('/authorizationgroups')) return [200, listPage([{ id: 't-1', description: `Team\u2066 ${hostile}` }])];
      if (path.endsWith('/users')) return [200, listPage([{ id: 'u-1', userName: 'Webservice\u200f#01\u001b[0m' }])];
      return [200, listPage([{ id: 'e-1', companyName: hostile, isLinked: true }])];
    });
    const loket = client();
    expect((await loket.employers())[0]?.companyName).toBe('Bakkerij Test BV');
    expect((await loket.providerEmployers(PROVIDER))[0]?.companyName).toBe('Bakkerij Test BV');
    expect((await loket.teamEmployers(TEAM)).items[0]?.companyName).toBe('Bakkerij Test BV');
    expect((await loket.providerTeams(PROVIDER))[0]?.description).toBe('Team Bakkerij Test BV');
    expect((await loket.providerUsers(PROVIDER))[0]?.userName).toBe('Webservice#01');
  });

  it.each([
    ['E3', (c: LoketClient) => c.employers(), listPage([{ id: 'e-1', employerNumber: 1, companyName: 42 }]), '/providers/employers', '_embedded.0.companyName'],
    [
      'E3',
      (c: LoketClient) => c.employers(),
      listPage([{ id: 'e-1', employerNumber: 'twenty', companyName: 'A' }]),
      '/providers/employers',
      '_embedded.0.employerNumber',
    ],
    ['E1', (c: LoketClient) => c.getUser(), { personalDetails: { initials: 'J.' } }, '/user', 'content'],
    ['E1', (c: LoketClient) => c.getUser(), [], '/user', 'invalid_type'],
    ['E9', (c: LoketClient) => c.userTeams(USER), { currentPage: 1, _embedded: [] }, `/providers/users/${USER}/authorizationGroups`, 'totalPages'],
    [
      'E11',
      (c: LoketClient) => c.teamEmployers(TEAM),
      listPage({ id: 'e-1', companyName: 7 }),
      `/providers/authorizationgroups/${TEAM}/employers`,
      '_embedded.companyName',
    ],
    ['E8', (c: LoketClient) => c.providerUsers(PROVIDER), listPage([{ id: '' }]), `/providers/${PROVIDER}/users`, '_embedded.0.id'],
    [
      'E7',
      (c: LoketClient) => c.myAuthorizations(EMPLOYER),
      { _embedded: [{ id: 'x' }] },
      `/providers/employers/${EMPLOYER}/authorizations`,
      '_embedded.0.description',
    ],
    [
      'E14',
      (c: LoketClient) => c.authorizationModel(),
      listPage([{ description: 'A', authorizations: 'none' }]),
      '/authorizationmodel',
      '_embedded.0.authorizations',
    ],
  ] as const)('%s: a wrong shape is an ApiError naming the field path (%s)', async (endpoint, call, body, path, field) => {
    fakeLoket(() => [200, body]);
    const error = await apiFailure(call(client()));
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe(`Unexpected answer from api.loket.test to GET ${path}: the structure does not match (${field}).`);
    expect(error.details).toMatchObject({ method: 'GET', path, endpoint });
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The Accept header per endpoint
// ---------------------------------------------------------------------------------------------

describe('the Accept version', () => {
  it('is 2018-01-01 for every endpoint by default, and a 400 to it is not retried with another version', async () => {
    const seen = fakeLoket(() => [400, error400()]);
    const error = await apiFailure(client().employers());
    expect(error.details).toMatchObject({ status: 400, endpoint: 'E3', loketMessage: '[field] has an invalid length' });
    expect(seen.map((request) => request.accept)).toEqual([DATED]);
  });

  it('E8: on 400/406 retries without a version, then with SSO_gebruiker; remembers what worked', async () => {
    const seen = fakeLoket(({ accept }) =>
      accept === SSO ? [200, listPage([{ id: 'u-1', userName: 'Webservice#01' }])] : accept === NO_VERSION ? [406, ''] : [400, error400()],
    );
    const loket = client();
    expect((await loket.providerUsers(PROVIDER)).map((account) => account.userName)).toEqual(['Webservice#01']);
    expect(seen.map((request) => request.accept)).toEqual([DATED, NO_VERSION, SSO]);
    expect(loket.versions()).toEqual({ E8: 'SSO_gebruiker' });

    await loket.providerUsers(PROVIDER);
    expect(seen.slice(3).map((request) => request.accept)).toEqual([SSO]);
    // Remembered per endpoint: E5 starts from the date again.
    await loket.employerUsers(EMPLOYER).catch(() => undefined);
    expect(seen[4]?.accept).toBe(DATED);
  });

  it('E5: no version works after a 406; the next call sends none at once and versions() says null', async () => {
    const seen = fakeLoket(({ accept }) => (accept === NO_VERSION ? [200, listPage([{ id: 'u-1', userName: 'werkgever' }])] : [406, '']));
    const loket = client();
    await loket.employerUsers(EMPLOYER);
    await loket.employerUsers('other-employer');
    expect(seen.map((request) => [request.path, request.accept])).toEqual([
      [`/v2/providers/employers/${EMPLOYER}/users`, DATED],
      [`/v2/providers/employers/${EMPLOYER}/users`, NO_VERSION],
      ['/v2/providers/employers/other-employer/users', NO_VERSION],
    ]);
    expect(loket.versions()).toEqual({ E5: null });
  });

  it('E8: when every version is refused, the last refusal is thrown, tagged E8', async () => {
    const seen = fakeLoket(({ accept }) => [400, { messages: [{ description: `not ${accept}` }] }]);
    const error = await apiFailure(client().providerUsers(PROVIDER));
    expect(error.details).toMatchObject({ status: 400, endpoint: 'E8', loketMessage: `not ${SSO}` });
    expect(seen).toHaveLength(3);
  });

  it('E8: a 403 is a refusal, not a version problem: no other version is tried', async () => {
    const seen = fakeLoket(() => [403, specFixture('error-403').body]);
    const error = await apiFailure(client().providerUsers(PROVIDER));
    expect(error.details).toMatchObject({ status: 403, endpoint: 'E8' });
    expect(seen.map((request) => request.accept)).toEqual([DATED]);
  });

  it('versions() lists every endpoint that answered, with the version it answered to', async () => {
    fakeLoket(({ path }) => (path === '/v2/user' ? [200, specFixture('E1').body] : [200, listPage([])]));
    const loket = client();
    expect(loket.versions()).toEqual({});
    await loket.getUser();
    await loket.administrations();
    expect(loket.versions()).toEqual({ E1: '2018-01-01', E4b: '2018-01-01' });
  });
});

// ---------------------------------------------------------------------------------------------
// 3. filter
// ---------------------------------------------------------------------------------------------

describe('filter', () => {
  it("E8 with a user name sends filter=userName eq '…', URL-encoded", async () => {
    const seen = fakeLoket(() => [200, listPage([{ id: 'u-1', userName: 'Webservice#01' }])]);
    await client().providerUsers(PROVIDER, 'Webservice#01');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.query.get('filter')).toBe("userName eq 'Webservice#01'");
    expect(seen[0]?.query.get('pageNumber')).toBe('1');
    // Nothing of the filter travels unencoded: no space, quote or '#' (which would cut the URL).
    expect(seen[0]?.url.split('?')[1]).not.toMatch(/[ '#]/);
    expect(seen[0]?.url).toContain('%27Webservice%2301%27');
  });

  it('doubles a quote in the user name', async () => {
    const seen = fakeLoket(() => [200, listPage([])]);
    await client().providerUsers(PROVIDER, "O'Brien");
    expect(seen[0]?.query.get('filter')).toBe("userName eq 'O''Brien'");
  });

  it('E8 without a user name sends no filter', async () => {
    const seen = fakeLoket(() => [200, listPage([])]);
    await client().providerUsers(PROVIDER);
    expect(seen[0]?.query.has('filter')).toBe(false);
  });

  it('E10 and E11 send filter=isLinked eq true', async () => {
    const seen = fakeLoket(() => [200, listPage([])]);
    const loket = client();
    await loket.teamUsers(TEAM);
    await loket.teamEmployers(TEAM);
    expect(seen.map((request) => [request.path, request.query.get('filter')])).toEqual([
      [`/v2/providers/authorizationgroups/${TEAM}/users`, LINKED],
      [`/v2/providers/authorizationgroups/${TEAM}/employers`, LINKED],
    ]);
  });

  it('a 400 to a filtered request is retried once without it, and the filter is not sent again for that endpoint', async () => {
    const seen = fakeLoket(({ query }) => (query.has('filter') ? [400, error400()] : [200, listPage([{ id: 'u-1', userName: 'ws', isLinked: true }])]));
    const loket = client();
    expect((await loket.teamUsers(TEAM)).items).toHaveLength(1);
    await loket.teamUsers('team-2');
    const users = (team: string) => `/v2/providers/authorizationgroups/${team}/users`;
    expect(seen.map((request) => [request.path, request.query.get('filter'), request.accept])).toEqual([
      [users(TEAM), LINKED, DATED],
      [users(TEAM), null, DATED],
      [users('team-2'), null, DATED],
    ]);
    // Per endpoint: E11 still tries its filter.
    await loket.teamEmployers(TEAM);
    expect(seen[3]?.query.get('filter')).toBe(LINKED);
  });

  it('E8: a refused filter falls back to the unfiltered list in the same version', async () => {
    const seen = fakeLoket(({ query }) =>
      query.has('filter')
        ? [400, error400()]
        : [
            200,
            listPage([
              { id: 'u-1', userName: 'Webservice#01' },
              { id: 'u-2', userName: 'jan' },
            ]),
          ],
    );
    const loket = client();
    expect(await loket.providerUsers(PROVIDER, 'Webservice#01')).toHaveLength(2);
    expect(seen.map((request) => [request.query.get('filter'), request.accept])).toEqual([
      ["userName eq 'Webservice#01'", DATED],
      [null, DATED],
    ]);
    expect(loket.versions()).toEqual({ E8: '2018-01-01' });
  });

  it('a 406 is about the version, not the filter: the filter stays', async () => {
    const seen = fakeLoket(({ accept }) => (accept === DATED ? [406] : [200, listPage([{ id: 'u-1', userName: 'Webservice#01' }])]));
    const loket = client();
    await loket.providerUsers(PROVIDER, 'Webservice#01');
    await loket.providerUsers(PROVIDER, 'Webservice#01');
    expect(seen.at(-1)?.query.get('filter')).toBe("userName eq 'Webservice#01'");
  });

  it('retries only once: a 400 without the filter too is thrown', async () => {
    const seen = fakeLoket(() => [400, error400()]);
    const error = await apiFailure(client().teamEmployers(TEAM));
    expect(error.details).toMatchObject({ status: 400, endpoint: 'E11' });
    expect(seen.map((request) => request.query.get('filter'))).toEqual([LINKED, null]);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. The /v2 prefix fallback
// ---------------------------------------------------------------------------------------------

describe('the /v2 prefix fallback', () => {
  const employer = { id: 'e-1', employerNumber: 1, companyName: 'Bakkerij' };

  it('a bodiless 404 on the first prefixed call moves the prefixed endpoints below /v2/v2, and only those', async () => {
    const seen = fakeLoket(({ path }) => {
      if (path === '/v2/providers/employers') return [404];
      if (path.startsWith('/v2/v2/providers/')) return [200, listPage([employer])];
      if (path === '/v2/user') return [200, specFixture('E1').body];
      if (path === '/v2/providers') return [200, listPage([{ id: PROVIDER, name: 'Kantoor' }])];
      if (path === '/v2/authorizationmodel') return [200, listPage([])];
      return [500];
    });
    const loket = client();
    expect(await loket.employers()).toHaveLength(1);
    expect(await loket.providerEmployers(PROVIDER)).toHaveLength(1);
    // E1, E2 and E14 have no /v2 of their own in the spec: they stay where they were.
    await loket.getUser();
    await loket.providers();
    await loket.authorizationModel();
    await loket.probe('E1');
    expect(seen.map((request) => request.path)).toEqual([
      '/v2/providers/employers',
      '/v2/v2/providers/employers',
      `/v2/v2/providers/${PROVIDER}/employers/minimized`,
      '/v2/user',
      '/v2/providers',
      '/v2/authorizationmodel',
      '/v2/user',
    ]);
  });

  it('calls made while the first one settles the question wait for it', async () => {
    const seen = fakeLoket(({ path }) => {
      if (path === '/v2/providers/employers') return [404];
      if (path === '/v2/user') return [200, specFixture('E1').body];
      return [200, listPage([employer])];
    });
    const loket = client();
    const [employers, all, me] = await Promise.all([loket.employers(), loket.providerEmployers(PROVIDER), loket.getUser()]);
    expect([employers.length, all.length, me.name]).toEqual([1, 1, 'S.L. van Bergen']);
    expect(seen.map((request) => request.path).sort()).toEqual(
      ['/v2/providers/employers', '/v2/user', '/v2/v2/providers/employers', `/v2/v2/providers/${PROVIDER}/employers/minimized`].sort(),
    );
  });

  it('a 404 with a body does not trigger it', async () => {
    const seen = fakeLoket(() => [404, { message: 'Employer not found' }]);
    const error = await apiFailure(client().employers());
    expect(error.details).toMatchObject({ status: 404, bodyless: false, endpoint: 'E3', loketMessage: 'Employer not found' });
    expect(seen.map((request) => request.path)).toEqual(['/v2/providers/employers']);
  });

  it('when the retry fails too, the original error is thrown and the base restored', async () => {
    let asked = 0;
    const seen = fakeLoket(({ path }) => {
      if (path.startsWith('/v2/v2/')) return [403, { message: 'Insufficient rights' }];
      if (path === '/v2/providers/employers' && asked++ === 0) return [404];
      return [200, listPage([employer])];
    });
    const loket = client();
    const error = await apiFailure(loket.employers());
    expect(error.details).toEqual({ method: 'GET', path: '/providers/employers', status: 404, bodyless: true, endpoint: 'E3' });
    expect(await loket.providerEmployers(PROVIDER)).toHaveLength(1);
    expect(await loket.employers()).toHaveLength(1);
    expect(seen.map((request) => request.path)).toEqual([
      '/v2/providers/employers',
      '/v2/v2/providers/employers',
      `/v2/providers/${PROVIDER}/employers/minimized`,
      '/v2/providers/employers',
    ]);
  });

  it("an unprefixed endpoint's bodiless 404 does not trigger it, nor settle the question", async () => {
    const seen = fakeLoket(({ path }) => {
      if (path === '/v2/user' || path === '/v2/providers/employers') return [404];
      return [200, listPage([employer])];
    });
    const loket = client();
    const error = await apiFailure(loket.getUser());
    expect(error.details).toMatchObject({ status: 404, bodyless: true, endpoint: 'E1' });
    expect(await loket.employers()).toHaveLength(1);
    expect(seen.map((request) => request.path)).toEqual(['/v2/user', '/v2/providers/employers', '/v2/v2/providers/employers']);
  });

  it('other prefixed lists wait for the first answer only, not for the whole first list', async () => {
    let releaseSecondPage: () => void = () => {};
    const held = new Promise<void>((resolve) => (releaseSecondPage = resolve));
    const seen = fakeLoket(async ({ path, query }) => {
      if (path === '/v2/providers/employers' && query.get('pageNumber') === '2') await held;
      const n = Number(query.get('pageNumber'));
      const onPage = { ...employer, id: `${EMPLOYER.slice(0, -1)}${n}` };
      return [200, path === '/v2/providers/employers' ? listPage([onPage], { totalSize: 750, totalPages: 3, currentPage: n }) : listPage([])];
    });
    const loket = client();
    const employers = loket.employers();
    const administrations = loket.administrations();
    // The administrations are asked for while page 2 of the employers is still held.
    await expect.poll(() => seen.some((request) => request.path === '/v2/providers/employers/administrations')).toBe(true);
    releaseSecondPage();
    await Promise.all([employers, administrations]);
  });

  it('a first answer that fails for another reason settles nothing: the next call may still fall back', async () => {
    let calls = 0;
    const seen = fakeLoket(({ path }) => {
      calls++;
      if (calls === 1) return [500];
      return path.startsWith('/v2/v2/') ? [200, listPage([employer])] : [404];
    });
    const loket = client();
    await apiFailure(loket.employers());
    expect(await loket.employers()).toHaveLength(1);
    expect(seen.map((request) => request.path)).toEqual(['/v2/providers/employers', '/v2/providers/employers', '/v2/v2/providers/employers']);
  });

  it('is tried only on the first prefixed call: a later bodiless 404 is just a 404', async () => {
    const seen = fakeLoket(({ path }) => (path === '/v2/providers/employers' ? [200, listPage([employer])] : [404]));
    const loket = client();
    await loket.employers();
    const error = await apiFailure(loket.employerUsers(EMPLOYER));
    expect(error.details).toMatchObject({ status: 404, bodyless: true, endpoint: 'E5' });
    expect(seen.map((request) => request.path)).toEqual(['/v2/providers/employers', `/v2/providers/employers/${EMPLOYER}/users`]);
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Error bodies, in one line, tagged with the endpoint
// ---------------------------------------------------------------------------------------------

describe('error answers', () => {
  it("403 { message }: Loket's words in one line, the endpoint named", async () => {
    const { body } = specFixture('error-403');
    fakeLoket(() => [403, body]);
    const error = await apiFailure(client().employers());
    const said = String(body.message);
    expect(error.details).toEqual({ method: 'GET', path: '/providers/employers', status: 403, bodyless: false, loketMessage: said, endpoint: 'E3' });
    expect(error.message).toBe(`Loket.nl denies access to GET /providers/employers (403). Loket.nl says: "${said}"`);
  });

  it('403 { Message } with a capital M', async () => {
    fakeLoket(() => [403, { Message: 'Authorization has been denied for this request.' }]);
    const error = await apiFailure(client().userTeams(USER));
    expect(error.details).toMatchObject({ status: 403, endpoint: 'E9', loketMessage: 'Authorization has been denied for this request.' });
  });

  it('a multi-line message with escape sequences is cut to its first line, cleaned', async () => {
    fakeLoket(() => [403, { message: 'Geen \u001b[31mtoegang\u001b[0m\r\n   at Loket.Api.Controllers…' }]);
    const error = await apiFailure(client().providers());
    expect(error.details.loketMessage).toBe('Geen toegang');
    expect(error.message).not.toMatch(/[\r\n\u001b]/);
  });

  it.each([
    ['400', 'error-400-collection', (c: LoketClient) => c.providers(), 'E2', '/providers'],
    ['400 on a single resource', 'error-400-detail', (c: LoketClient) => c.getUser(), 'E1', '/user'],
    ['409', 'error-409', (c: LoketClient) => c.authorizationModel(), 'E14', '/authorizationmodel'],
  ] as const)('%s { messages: [{ description }] }', async (_label, name, call, endpoint, path) => {
    const { status, body } = specFixture(name);
    const seen = fakeLoket(() => [status, body]);
    const error = await apiFailure(call(client()));
    expect(error.details).toEqual({ method: 'GET', path, status, bodyless: false, loketMessage: '[field] has an invalid length', endpoint });
    expect(error.message).toBe(`Loket.nl refused GET ${path} (${status}). Loket.nl says: "[field] has an invalid length"`);
    expect(seen).toHaveLength(1);
  });

  it('a text/plain 400 shows its first line', async () => {
    nock(HOST).get('/v2/user').reply(400, 'This is an SSL-only API.\r\nRequest id 1234', { 'Content-Type': 'text/plain' });
    const error = await apiFailure(client().getUser());
    expect(error.details).toMatchObject({ status: 400, loketMessage: 'This is an SSL-only API.', endpoint: 'E1' });
  });

  it('a bodiless 404 says only the status, and marks the error bodyless', async () => {
    nock(HOST).get('/v2/user').reply(404);
    const error = await apiFailure(client().getUser());
    expect(error.details).toEqual({ method: 'GET', path: '/user', status: 404, bodyless: true, endpoint: 'E1' });
    expect(error.message).toBe('Loket.nl does not know GET /user (404).');
  });

  it('an HTML 502 page says nothing, after the retries', async () => {
    const html = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const seen = fakeLoket(() => [502, html, { 'Content-Type': 'text/html' }]);
    const error = await apiFailure(client({ retry: { sleep: async () => {} } }).providers());
    expect(error.details).toEqual({ method: 'GET', path: '/providers', status: 502, bodyless: false, endpoint: 'E2' });
    expect(error.message).toBe('Loket.nl still answered 502 to GET /providers after 5 attempts.');
    expect(seen).toHaveLength(5);
  });

  it('a 500 without a body is a refusal with its status, tagged', async () => {
    fakeLoket(() => [500]);
    const error = await apiFailure(client().administrations());
    expect(error.details).toMatchObject({ status: 500, bodyless: true, endpoint: 'E4b' });
  });

  it('a second 401 is "log in again" (exit 3) after one refresh', async () => {
    const { body } = specFixture('error-401');
    const tokens = fakeTokens();
    const seen = fakeLoket(() => [401, body]);
    const error = await failure(client({ tokens }).getUser());
    expect(error).toBeInstanceOf(AuthError);
    expect((error as CliError).exitCode).toBe(3);
    expect(tokens.refreshes).toBe(1);
    expect(seen).toHaveLength(2);
  });

  it('a 401 then a good answer is just the answer', async () => {
    nock(HOST)
      .get('/v2/user')
      .matchHeader('authorization', 'Bearer access-token-1')
      .reply(401, specFixture('error-401').body)
      .get('/v2/user')
      .matchHeader('authorization', 'Bearer access-token-2')
      .reply(200, specFixture('E1').body);
    expect((await client().getUser()).email).toBe('info@loket.nl');
  });
});

// ---------------------------------------------------------------------------------------------
// 8. probe
// ---------------------------------------------------------------------------------------------

describe('probe', () => {
  it('asks page 1 with pageSize 1 of a paged endpoint, and returns the answer unparsed', async () => {
    const body = listPage([{ id: 'u-1', anything: { goes: true } }]);
    const seen = fakeLoket(() => [200, body]);
    expect(await client().probe('E8', PROVIDER)).toEqual(body);
    expect(seen.map((request) => [request.url, request.accept])).toEqual([[`/v2/providers/${PROVIDER}/users?pageNumber=1&pageSize=1`, DATED]]);
  });

  it('sends no paging parameters to E1 and E7, and pageNumber=1&pageSize=1 to every other endpoint', async () => {
    const seen = fakeLoket(() => [200, listPage([])]);
    const loket = client();
    const ids = Object.keys(ENDPOINTS) as EndpointId[];
    for (const id of ids) await loket.probe(id, 'id-1');
    expect(seen).toHaveLength(ids.length);
    for (const [index, id] of ids.entries()) {
      const query = seen[index]?.query.toString();
      expect([id, query]).toEqual([id, ENDPOINTS[id].paged ? 'pageNumber=1&pageSize=1' : '']);
    }
    expect(seen.find((request) => request.path.includes('authorizations'))?.path).toBe('/v2/providers/employers/id-1/authorizations');
  });

  it('uses the version fallback too, and a refusal is an ApiError naming the endpoint', async () => {
    const seen = fakeLoket(({ path, accept }) => {
      if (path.endsWith('/users')) return accept === NO_VERSION ? [200, listPage([])] : [406, ''];
      return [403, { message: 'Insufficient rights for this request' }];
    });
    const loket = client();
    await loket.probe('E5', EMPLOYER);
    expect(loket.versions()).toEqual({ E5: null });
    const error = await apiFailure(loket.probe('E3'));
    expect(error.details).toMatchObject({ status: 403, endpoint: 'E3', loketMessage: 'Insufficient rights for this request' });
    expect(seen).toHaveLength(3);
  });
});

describe('the client', () => {
  it('counts requests and retries, and clamps concurrency', async () => {
    nock(HOST).get('/v2/user').reply(503, '').get('/v2/user').reply(200, specFixture('E1').body);
    const loket = client({ concurrency: 99 });
    await loket.getUser();
    expect(loket.stats()).toEqual({ requests: 2, retries: 1, refreshes: 0, networkMs: expect.any(Number) });
    expect(loket.concurrency).toBe(16);
    expect(client({ concurrency: 0 }).concurrency).toBe(1);
    loket.close();
  });

  it('escapes ids in paths', async () => {
    const seen = fakeLoket(() => [200, listPage([])]);
    await client().employerAdministrations('a/b?c');
    expect(seen[0]?.path).toBe('/v2/providers/employers/a%2Fb%3Fc/administrations');
  });
});
