import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { createLoketClient, type LoketClientOptions } from '../../src/loket/client.js';
import { dumpFileName } from '../../src/loket/dump.js';
import { entityAccess } from '../../src/loket/entities.js';
import { registerSecret } from '../../src/loket/redact.js';
import { API, HOST, fakeTokens, instantRetry } from './helpers.js';

beforeAll(() => {
  nock.disableNetConnect();
  setLang('en');
});
afterEach(() => {
  nock.cleanAll();
});

const EMPLOYER = '0b7c1d1e-8f2a-4c55-9e0f-3a1b2c3d4e5f';
const USER = 'a1b2c3d4-0000-4000-8000-000000000001';

function client(options: Partial<LoketClientOptions> = {}) {
  return createLoketClient({ apiUrl: API, tokens: fakeTokens(), retry: instantRetry(), env: {}, ...options });
}

function paged(items: unknown[]) {
  return { _embedded: items, currentPage: 1, totalPages: 1, pageSize: 250, totalItems: items.length };
}

const loket = () => nock(HOST);
const listQuery = { pageNumber: '1', pageSize: '250' };

describe('E1 GET /user', () => {
  const user = { id: 'u-1', userName: 'j.jansen', initials: 'J.', lastName: 'Jansen', emailAddress: null, extra: 1 };
  const expected = { id: 'u-1', userName: 'j.jansen', initials: 'J.', lastName: 'Jansen', emailAddress: undefined };

  it('accepts the bare object', async () => {
    loket().get('/v2/user').reply(200, user);
    expect(await client().getUser()).toEqual(expected);
  });

  it('accepts the object wrapped in content', async () => {
    loket().get('/v2/user').reply(200, { content: user });
    expect(await client().getUser()).toEqual(expected);
  });

  it('reports a wrong shape as an unexpected answer naming the endpoint', async () => {
    loket().get('/v2/user').reply(200, { content: { name: 'no userName' } });
    const error = await client()
      .getUser()
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).exitCode).toBe(4);
    expect((error as ApiError).message).toBe(
      'Unexpected answer from api.loket.test to GET /user: the structure does not match (content.userName).',
    );
  });
});

describe('E2–E5', () => {
  it('lists the providers', async () => {
    loket().get('/v2/providers').reply(200, { _embedded: [{ id: 'p-1', name: 'Administratiekantoor De Vries', x: 1 }] });
    expect(await client().getProviders()).toEqual([{ id: 'p-1', name: 'Administratiekantoor De Vries' }]);
  });

  it('streams and lists employers', async () => {
    const employer = { id: EMPLOYER, employerNumber: 20720, companyName: 'Bakkerij Test BV', chamberOfCommerceNumber: '12345678' };
    loket().get('/v2/providers/employers').query(listQuery).times(2).reply(200, paged([employer, { ...employer, id: 'e-2', employerNumber: '20721', chamberOfCommerceNumber: null }]));
    const loketClient = client();
    const streamed = [];
    for await (const entry of loketClient.employers()) streamed.push(entry);
    expect(streamed).toHaveLength(2);
    expect(await loketClient.listEmployers()).toEqual([
      employer,
      { id: 'e-2', employerNumber: 20721, companyName: 'Bakkerij Test BV', chamberOfCommerceNumber: undefined },
    ]);
  });

  it('lists administrations with a nullable wageTaxNumber', async () => {
    loket()
      .get(`/v2/providers/employers/${EMPLOYER}/administrations`)
      .query(listQuery)
      .reply(
        200,
        paged([
          { id: 'a-1', employerId: EMPLOYER, wageTaxNumber: '123456782L01', description: 'Maand', isPayrollAdministration: true, startDate: '2024-01-01', endDate: null },
          { id: 'a-2', employerId: EMPLOYER, wageTaxNumber: null, description: 'Oud', isPayrollAdministration: false, startDate: '2010-01-01', endDate: '2019-12-31' },
        ]),
      );
    const administrations = await client().administrations(EMPLOYER);
    expect(administrations.map((entry) => entry.wageTaxNumber)).toEqual(['123456782L01', null]);
    expect(administrations[0]).toEqual({
      id: 'a-1',
      wageTaxNumber: '123456782L01',
      description: 'Maand',
      isPayrollAdministration: true,
      startDate: '2024-01-01',
      endDate: undefined,
    });
  });

  it('lists employer users, with userType as text or as {key, value}', async () => {
    loket()
      .get(`/v2/providers/employers/${EMPLOYER}/users`)
      .query(listQuery)
      .reply(
        200,
        paged([
          { id: USER, userName: 'Webservice#01', userType: { key: 4, value: 'Webservice gebruiker' } },
          { id: 'u-2', userName: 'p.pietersen', initials: 'P.', lastName: 'Pietersen', userType: 'Werkgevergebruiker' },
        ]),
      );
    const users = await client().employerUsers(EMPLOYER);
    expect(users.map((user) => [user.userName, user.userType])).toEqual([
      ['Webservice#01', 'Webservice gebruiker'],
      ['p.pietersen', 'Werkgevergebruiker'],
    ]);
  });
});

describe('E6 and E7 authorizations', () => {
  const e6 = `/v2/providers/employers/${EMPLOYER}/users/${USER}/authorizations`;

  it('accepts activity items and bare strings, wrapped or not', async () => {
    loket().get(e6).reply(200, { _embedded: [{ activity: 'GetEmployerByEmployerId' }, { activity: 'GetLeaveByEmploymentId' }] });
    loket().get(`/v2/providers/employers/${EMPLOYER}/authorizations`).reply(200, ['GetEmployeesByEmployerId']);
    const loketClient = client();
    const answer = await loketClient.userAuthorizations(EMPLOYER, USER);
    expect(answer).toEqual({ kind: 'activities', activities: ['GetEmployerByEmployerId', 'GetLeaveByEmploymentId'] });
    expect(entityAccess(answer)).toEqual({ werkgever: 'pass', persoon: 'fail', verlof: 'pass' });
    expect(await loketClient.myAuthorizations(EMPLOYER)).toEqual({ kind: 'activities', activities: ['GetEmployeesByEmployerId'] });
  });

  it('accepts rights; a switched-off right grants nothing and Beheren implies Raadplegen', async () => {
    loket()
      .get(e6)
      .reply(200, {
        content: [
          { id: 'r-1', description: 'Raadplegen werkgever', availableForEmployerUser: true, isEnabled: true },
          { id: 'r-2', description: 'Beheren dienstverbanden', availableForEmployerUser: true, isEnabled: true },
          { id: 'r-3', description: 'Raadplegen verlof', availableForEmployerUser: true, isEnabled: false },
        ],
      });
    const answer = await client().userAuthorizations(EMPLOYER, USER);
    expect(answer).toEqual({
      kind: 'rights',
      rights: [
        { description: 'Raadplegen werkgever', enabled: true },
        { description: 'Beheren dienstverbanden', enabled: true },
        { description: 'Raadplegen verlof', enabled: false },
      ],
    });
    expect(entityAccess(answer)).toEqual({ werkgever: 'pass', persoon: 'pass', verlof: 'fail' });
  });

  it('rejects a list that mixes activities and rights', async () => {
    loket().get(e6).reply(200, ['GetEmployerByEmployerId', { description: 'Raadplegen verlof' }]);
    await expect(client().userAuthorizations(EMPLOYER, USER)).rejects.toBeInstanceOf(ApiError);
  });

  it('calls an HTML page an unexpected answer', async () => {
    loket().get(e6).reply(200, '<!doctype html><title>Access denied by proxy</title>');
    await expect(client().userAuthorizations(EMPLOYER, USER)).rejects.toThrow(
      `Unexpected answer from api.loket.test to GET /providers/employers/${EMPLOYER}/users/${USER}/authorizations: not JSON.`,
    );
  });
});

describe('--dump', () => {
  it('writes every answer body, redacted, as NNN-<method>-<path-slug>.json with mode 0600', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'loket-dump-')), 'nested', 'dir');
    const leaked = 'leaked-refresh-token-5d2e';
    registerSecret(leaked);
    try {
      loket().get('/v2/user').reply(200, { userName: 'j.jansen', accessToken: 'abc', note: `oops ${leaked}` });
      loket().get('/v2/providers').reply(502, '<html>Bad gateway</html>').get('/v2/providers').reply(200, { _embedded: [] });
      const loketClient = client({ dumpDir: dir });
      await loketClient.getUser();
      await loketClient.getProviders();
      const files = (await readdir(dir)).sort();
      expect(files).toEqual(['001-get-user.json', '002-get-providers.json', '003-get-providers.json']);
      expect(JSON.parse(await readFile(path.join(dir, files[0] ?? ''), 'utf8'))).toEqual({
        userName: 'j.jansen',
        accessToken: '[redacted]',
        note: 'oops [redacted]',
      });
      expect(JSON.parse(await readFile(path.join(dir, files[1] ?? ''), 'utf8'))).toBe('<html>Bad gateway</html>');
      if (process.platform !== 'win32') expect((await stat(path.join(dir, files[0] ?? ''))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(path.dirname(path.dirname(dir)), { recursive: true, force: true });
    }
  });

  it('names files after the path', () => {
    expect(dumpFileName(7, 'GET', `/providers/employers/${EMPLOYER}/users`)).toBe(`007-get-providers-employers-${EMPLOYER}-users.json`);
  });
});

describe('client', () => {
  it('counts requests and retries, and clamps concurrency', async () => {
    loket().get('/v2/user').reply(503, '').get('/v2/user').reply(200, { userName: 'x' });
    const loketClient = client({ concurrency: 99 });
    await loketClient.getUser();
    expect(loketClient.stats()).toEqual({ requests: 2, retries: 1, refreshes: 0 });
    expect(loketClient.concurrency).toBe(16);
    loketClient.close();
  });
});
