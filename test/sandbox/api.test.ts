/**
 * The simulator's HTTP behaviour, independent of a scenario's story: paging, filters, Accept
 * versions, error statuses, overrides, stats and cheap lazy pages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { get, ok } from './helpers.js';

interface Page<T = any> {
  totalSize: number;
  pageSize: number;
  totalPages: number;
  currentPage: number;
  version: { obsoleteDate: null; resourceVersion: string };
  messages: unknown[];
  _embedded: T[];
}

let sandbox: SandboxHandle;
let providerId: string;
let teamId: string;

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'large', employers: 600 });
  providerId = (await ok(sandbox, '/providers'))._embedded[0].id;
  teamId = (await ok(sandbox, `/providers/${providerId}/authorizationgroups`))._embedded[0].id;
});
afterAll(() => sandbox.close());

let extra: SandboxHandle | undefined;
afterEach(async () => {
  await extra?.close();
  extra = undefined;
});

describe('paging', () => {
  it('defaults to page 1 of 250 and reports the totals', async () => {
    const first = await ok<Page>(sandbox, '/providers/employers');
    expect(first).toMatchObject({ totalSize: 600, pageSize: 250, totalPages: 3, currentPage: 1, messages: [] });
    expect(first.version).toEqual({ obsoleteDate: null, resourceVersion: '2018-01-01' });
    expect(first._embedded).toHaveLength(250);
  });

  it('serves a short last page, and past the end an empty page with the real totals', async () => {
    const last = await ok<Page>(sandbox, '/providers/employers?pageNumber=3');
    expect(last).toMatchObject({ currentPage: 3, totalPages: 3, totalSize: 600 });
    expect(last._embedded).toHaveLength(100);
    const beyond = await ok<Page>(sandbox, '/providers/employers?pageNumber=9');
    expect(beyond).toMatchObject({ currentPage: 9, totalPages: 3, totalSize: 600, pageSize: 250, _embedded: [] });
  });

  it('honours a smaller pageSize and caps a larger one at 250, saying so', async () => {
    const small = await ok<Page>(sandbox, '/providers/employers?pageNumber=2&pageSize=7');
    expect(small).toMatchObject({ currentPage: 2, totalPages: 86, pageSize: 7 });
    expect(small._embedded).toHaveLength(7);
    const capped = await ok<Page>(sandbox, '/providers/employers?pageSize=1000');
    expect(capped).toMatchObject({ pageSize: 250, totalPages: 3 });
    expect(capped._embedded).toHaveLength(250);
  });

  it('lists every employer exactly once across the pages, in a stable order', async () => {
    const ids: string[] = [];
    const numbers = new Set<number>();
    for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
      for (const employer of (await ok<Page>(sandbox, `/providers/employers?pageNumber=${pageNumber}`))._embedded) {
        ids.push(employer.id);
        numbers.add(employer.employerNumber);
      }
    }
    expect(new Set(ids).size).toBe(600);
    expect(numbers.size).toBe(600);
    const again = await ok<Page>(sandbox, '/providers/employers?pageNumber=2&pageSize=100');
    expect(again._embedded.map((employer) => employer.id)).toEqual(ids.slice(100, 200));
  });

  it('answers an empty list with totalSize 0, totalPages 0, currentPage 1', async () => {
    extra = await startSandbox({ scenario: 'all-good', employers: 0 });
    for (const path of ['/providers/employers', '/providers/employers/administrations']) {
      expect(await ok(extra, path), path).toMatchObject({ totalSize: 0, totalPages: 0, currentPage: 1, pageSize: 250, _embedded: [] });
    }
  });

  it.each(['pageNumber=0', 'pageNumber=-1', 'pageNumber=abc', 'pageSize=0', 'pageSize=2.5', 'pageNumber='])(
    'answers %s with a 400 BrokenBusinessRule',
    async (query) => {
      const reply = await get(sandbox, `/providers/employers?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.messages).toEqual([
        { type: 'BrokenBusinessRule', description: expect.stringMatching(/^Invalid value for page(Number|Size)$/), id: null, code: 12, properties: [] },
      ]);
      expect(reply.body._embedded).toEqual([]);
    },
  );
});

describe('filter', () => {
  it('matches strings case-insensitively, before paging', async () => {
    const users = await ok<Page>(sandbox, `/providers/${providerId}/users?filter=${encodeURIComponent("userName eq 'WEBSERVICE#01'")}`);
    expect(users.totalSize).toBe(1);
    expect(users._embedded[0].userName).toBe('Webservice#01');
    const teams = await ok<Page>(sandbox, `/providers/${providerId}/authorizationgroups?filter=${encodeURIComponent("description eq 'benefits-plaza'")}`);
    expect(teams._embedded.map((team) => team.description)).toEqual(['Benefits-Plaza']);
  });

  it('matches booleans, null and nested fields', async () => {
    const invited = await ok<Page>(sandbox, `/providers/${providerId}/users?filter=userName eq null`);
    expect(invited.totalSize).toBe(1);
    expect(invited._embedded[0].userName).toBeNull();
    const sso = await ok<Page>(sandbox, `/providers/${providerId}/users?filter=loginMethod.key eq 3`);
    expect(sso._embedded.map((user) => user.userName)).toEqual(['Webservice#01']);
    const members = await ok<Page>(sandbox, `/providers/authorizationgroups/${teamId}/users?filter=isLinked eq true`);
    expect(members._embedded.map((user) => user.userName)).toEqual(['Webservice#01']);
  });

  it('counts the filtered list in totalSize and totalPages (team employers)', async () => {
    const linked = await ok<Page>(sandbox, `/providers/authorizationgroups/${teamId}/employers?filter=isLinked eq true&pageSize=7&pageNumber=86`);
    expect(linked).toMatchObject({ totalSize: 600, totalPages: 86, currentPage: 86 });
    expect(linked._embedded).toHaveLength(5);
    expect(linked._embedded.every((employer) => employer.isLinked === true)).toBe(true);
    const unlinked = await ok<Page>(sandbox, `/providers/authorizationgroups/${teamId}/employers?filter=isLinked eq false`);
    expect(unlinked).toMatchObject({ totalSize: 0, totalPages: 0, _embedded: [] });
    const name = (await ok<Page>(sandbox, '/providers/employers?pageSize=1'))._embedded[0].companyName as string;
    const byName = await ok<Page>(
      sandbox,
      `/providers/authorizationgroups/${teamId}/employers?filter=${encodeURIComponent(`companyName eq '${name.toUpperCase()}'`)}`,
    );
    expect(byName.totalSize).toBeGreaterThan(0);
    expect(byName._embedded.every((employer) => employer.companyName === name)).toBe(true);
  });

  it.each([
    ['an operator it does not know', `/providers/${'{provider}'}/users?filter=userName ne 'x'`],
    ['two conditions', `/providers/${'{provider}'}/users?filter=userName eq 'a' and userName eq 'b'`],
    ['an unquoted string', `/providers/${'{provider}'}/users?filter=userName eq webservice`],
    ['a field the items lack', `/providers/${'{provider}'}/users?filter=colour eq 'red'`],
    ['a list without filter support', '/providers/employers?filter=isLinked eq true'],
    ['E4b', '/providers/employers/administrations?filter=isPayrollAdministration eq true'],
  ])('answers %s with a 400 BrokenBusinessRule', async (_, template) => {
    const reply = await get(sandbox, template.replace('{provider}', providerId).replace(/ /g, '%20'));
    expect(reply.status).toBe(400);
    expect(reply.body.messages[0]).toMatchObject({ type: 'BrokenBusinessRule', id: null });
  });
});

describe('Accept header', () => {
  it.each([null, 'application/json', 'application/json;version=2018-01-01', 'application/json; version=2024-05-01', '*/*'])(
    'serves resource version 2018-01-01 for %s',
    async (accept) => {
      const reply = await get(sandbox, '/user', { accept });
      expect(reply.status).toBe(200);
      expect(reply.body.version).toEqual({ obsoleteDate: null, resourceVersion: '2018-01-01' });
    },
  );

  it('accepts version=SSO_gebruiker on E8 and E5 only', async () => {
    const accept = 'application/json;version=SSO_gebruiker';
    expect((await get(sandbox, `/providers/${providerId}/users`, { accept })).status).toBe(200);
    const employerId = (await ok<Page>(sandbox, '/providers/employers?pageSize=1'))._embedded[0].id;
    expect((await get(sandbox, `/providers/employers/${employerId}/users`, { accept })).status).toBe(200);
    expect((await get(sandbox, '/providers/employers', { accept })).status).toBe(400);
  });

  it.each(['application/json;version=2017-12-31', 'application/json;version=latest'])('answers %s with a 400', async (accept) => {
    const reply = await get(sandbox, '/providers', { accept });
    expect(reply.status).toBe(400);
    expect(reply.body.messages[0].type).toBe('BrokenBusinessRule');
  });
});

describe('statuses', () => {
  it('401 without a token, with a revoked one, and never a body other than {message}', async () => {
    extra = await startSandbox({ scenario: 'all-good' });
    for (const token of [null, 'not-a-token']) {
      const reply = await get(extra, '/user', { token });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: 'Authorization has been denied for this request.' });
    }
    extra.revokeAccessTokens();
    expect((await get(extra, '/user')).status).toBe(401);
    const refreshed = await fetch(`${extra.authUrl}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: extra.refreshToken, client_id: extra.clientId }),
    });
    const { access_token: accessToken } = (await refreshed.json()) as { access_token: string };
    expect((await get(extra, '/user', { token: accessToken })).status).toBe(200);
  });

  it('404 without a body for unknown paths and ids, after the token check', async () => {
    const employerId = (await ok<Page>(sandbox, '/providers/employers?pageSize=1'))._embedded[0].id;
    const userId = (await ok<Page>(sandbox, `/providers/${providerId}/users`))._embedded[0].id;
    for (const path of [
      '/nothing',
      '/providers/employers/not-an-id/administrations',
      `/providers/${employerId}/users`,
      `/providers/users/${employerId}/authorizationGroups`,
      `/providers/authorizationgroups/${userId}/employers`,
      `/providers/employers/users/${userId}/employers`,
    ]) {
      const reply = await get(sandbox, path);
      expect(reply.status, path).toBe(404);
      expect(reply.text, path).toBe('');
    }
    expect((await get(sandbox, '/nothing', { token: null })).status).toBe(401);
  });

  it('matches literal path segments case-insensitively, ignoring a trailing slash', async () => {
    expect((await get(sandbox, '/Providers/Employers/?pageSize=1')).status).toBe(200);
    expect((await get(sandbox, `/providers/${providerId}/authorizationGroups`)).status).toBe(200);
  });

  it('405 with Allow: GET for other methods', async () => {
    const reply = await get(sandbox, '/providers/employers', { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET');
    expect(reply.body).toEqual({ message: "The requested resource does not support http method 'POST'." });
  });
});

describe('overrides', () => {
  it("replace one route's answers, see the path ids and query, and can be removed", async () => {
    extra = await startSandbox({ scenario: 'all-good' });
    const handle = extra;
    const employers = (await ok<Page>(handle, '/providers/employers'))._embedded;
    const seen: unknown[] = [];
    handle.setOverride('E4', (req) => {
      seen.push({ employerId: req.employerId, page: req.query.get('pageNumber') });
      if (req.employerId === employers[0].id) return { status: 503, body: 'maintenance' };
      if (req.employerId === employers[1].id) return { status: 404 };
      if (req.employerId === employers[2].id) return { status: 200, body: { anything: true } };
      return undefined;
    });
    const text = await get(handle, `/providers/employers/${employers[0].id}/administrations?pageNumber=2`);
    expect([text.status, text.text, text.headers.get('content-type')]).toEqual([503, 'maintenance', 'text/plain; charset=utf-8']);
    const empty = await get(handle, `/providers/employers/${employers[1].id}/administrations`);
    expect([empty.status, empty.text]).toEqual([404, '']);
    expect((await ok(handle, `/providers/employers/${employers[2].id}/administrations`)).anything).toBe(true);
    expect((await ok<Page>(handle, `/providers/employers/${employers[3].id}/administrations`))._embedded.length).toBeGreaterThan(0);
    expect(seen[0]).toEqual({ employerId: employers[0].id, page: '2' });

    handle.setOverride('E8', (req) => ({ status: 418, body: { providerId: req.providerId } }));
    const provider = (await ok<Page>(handle, '/providers'))._embedded[0].id;
    expect((await get(handle, `/providers/${provider}/users`)).body).toEqual({ providerId: provider });
    handle.setOverride('E8', undefined);
    expect((await get(handle, `/providers/${provider}/users`)).status).toBe(200);
  });

  it("take precedence over a scenario's refusals, never over a missing token", async () => {
    extra = await startSandbox({ scenario: 'no-rights' });
    extra.setOverride('E13', () => ({ status: 200, body: { ok: true } }));
    const provider = (await ok<Page>(extra, '/providers'))._embedded[0].id;
    expect((await ok(extra, `/providers/${provider}/authorizationgroups`)).ok).toBe(true);
    expect((await get(extra, `/providers/${provider}/authorizationgroups`, { token: null })).status).toBe(401);
  });
});

describe('answers already given', () => {
  it('are sent again byte for byte, yet a token, an override or a version is still decided first', async () => {
    extra = await startSandbox({ scenario: 'all-good' });
    const first = await get(extra, '/providers/employers?pageSize=2');
    // Sent again, not made again: the page is not serialised a second time (the simulator runs in this process).
    const stringify = vi.spyOn(JSON, 'stringify');
    const again = await get(extra, '/providers/employers?pageSize=2');
    const serialised = stringify.mock.calls.length;
    stringify.mockRestore();
    expect(serialised).toBe(0);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // Another query or another Accept version is another answer.
    expect((await ok<Page>(extra, '/providers/employers?pageSize=1'))._embedded).toHaveLength(1);
    expect((await get(extra, '/providers/employers?pageSize=2', { accept: 'application/json;version=2017-01-01' })).status).toBe(400);
    extra.setOverride('E3', () => ({ status: 503, body: 'maintenance' }));
    expect((await get(extra, '/providers/employers?pageSize=2')).status).toBe(503);
    extra.setOverride('E3', undefined);
    extra.revokeAccessTokens();
    expect((await get(extra, '/providers/employers?pageSize=2')).status).toBe(401);
  });
});

describe('stats', () => {
  it('counts every API request by route, unknown paths included', async () => {
    extra = await startSandbox({ scenario: 'all-good' });
    await get(extra, '/user');
    await get(extra, '/user', { token: null });
    await get(extra, '/providers/employers');
    await get(extra, '/authorizationmodel');
    await get(extra, '/elsewhere');
    expect(extra.stats()).toEqual({ requests: 5, byRoute: { E1: 2, E3: 1, E14: 1, unknown: 1 } });
  });
});

describe('size', () => {
  it('serves 10,000 employers lazily: the last pages of E3, E3b, E4b and E11 are right', async () => {
    extra = await startSandbox({ scenario: 'large', employers: 10_000 });
    const provider = (await ok<Page>(extra, '/providers'))._embedded[0].id;
    const last = await ok<Page>(extra, '/providers/employers?pageNumber=40');
    expect(last).toMatchObject({ totalSize: 10_000, totalPages: 40 });
    expect(last._embedded).toHaveLength(250);
    expect(last._embedded.at(-1).employerNumber).toBeGreaterThanOrEqual(20001 + 9_999 * 3);
    expect((await ok<Page>(extra, `/providers/${provider}/employers/minimized?pageNumber=40`))._embedded).toHaveLength(250);
    // Every employer has a payroll administration; every fourth a second one.
    const administrations = await ok<Page>(extra, '/providers/employers/administrations?pageNumber=50');
    expect(administrations).toMatchObject({ totalSize: 12_500, totalPages: 50 });
    expect(administrations._embedded.at(-1).employerId).toBe(last._embedded.at(-1).id);
    const team = (await ok<Page>(extra, `/providers/${provider}/authorizationgroups`))._embedded[0];
    expect(team).toMatchObject({ description: 'Benefits-Plaza', numberOfLinkedEmployers: 10_000 });
    const linked = await ok<Page>(extra, `/providers/authorizationgroups/${team.id}/employers?filter=isLinked eq true&pageNumber=40`);
    expect(linked).toMatchObject({ totalSize: 10_000 });
    expect(linked._embedded.at(-1).id).toBe(last._embedded.at(-1).id);
  });

  it('generates the same ids for the same seed, other ids for another seed', async () => {
    const ids = async (handle: SandboxHandle) => (await ok<Page>(handle, '/providers/employers?pageSize=3'))._embedded.map((employer) => employer.id);
    const again = await startSandbox({ scenario: 'large', employers: 600 });
    const other = await startSandbox({ scenario: 'large', employers: 600, seed: 7 });
    try {
      expect(await ids(again)).toEqual(await ids(sandbox));
      expect(await ids(other)).not.toEqual(await ids(sandbox));
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });
});
