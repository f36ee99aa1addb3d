import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';

interface Page<T> {
  _embedded: T[];
  currentPage: number;
  totalPages: number;
  pageSize: number;
  totalItems: number;
}
interface Employer {
  id: string;
  employerNumber: number;
  companyName: string;
}

let sandbox: SandboxHandle;

const get = (path: string, token: string | null = sandbox.accessToken): Promise<Response> =>
  fetch(`${sandbox.apiUrl}${path}`, {
    headers: { Accept: 'application/json;version=2018-01-01', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });

async function getJson<T>(path: string): Promise<T> {
  const response = await get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function refresh(refreshToken: string): Promise<Response> {
  return fetch(`${sandbox.authUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: sandbox.clientId }),
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'large', employers: 600 });
});
afterAll(() => sandbox.close());

describe('paging', () => {
  it('defaults to 250 per page and reports the totals', async () => {
    const first = await getJson<Page<Employer>>('/providers/employers');
    expect(first).toMatchObject({ currentPage: 1, totalPages: 3, pageSize: 250, totalItems: 600 });
    expect(first._embedded).toHaveLength(250);
  });

  it('serves a short last page and an empty page past the end', async () => {
    const last = await getJson<Page<Employer>>('/providers/employers?pageNumber=3&pageSize=250');
    expect(last).toMatchObject({ currentPage: 3, totalPages: 3 });
    expect(last._embedded).toHaveLength(100);
    const beyond = await getJson<Page<Employer>>('/providers/employers?pageNumber=4');
    expect(beyond._embedded).toEqual([]);
  });

  it('honours a smaller pageSize and caps a larger one at 250', async () => {
    const small = await getJson<Page<Employer>>('/providers/employers?pageNumber=2&pageSize=7');
    expect(small).toMatchObject({ currentPage: 2, totalPages: 86, pageSize: 7 });
    const all = await getJson<Page<Employer>>('/providers/employers?pageSize=7');
    const firstPageIds = all._embedded.map((employer) => employer.id);
    expect(small._embedded.map((employer) => employer.id)).not.toEqual(expect.arrayContaining(firstPageIds));
    const capped = await getJson<Page<Employer>>('/providers/employers?pageSize=1000');
    expect(capped.pageSize).toBe(250);
  });

  it('pages together list every employer exactly once', async () => {
    const ids = new Set<string>();
    const numbers = new Set<number>();
    for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
      const page = await getJson<Page<Employer>>(`/providers/employers?pageNumber=${pageNumber}`);
      for (const employer of page._embedded) {
        ids.add(employer.id);
        numbers.add(employer.employerNumber);
      }
    }
    expect(ids.size).toBe(600);
    expect(numbers.size).toBe(600);
  });

  it('rejects a page number that is not a positive whole number', async () => {
    const response = await get('/providers/employers?pageNumber=0');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String) }] });
  });
});

describe('shapes', () => {
  it('E1 answers in the wrapped form', async () => {
    const body = await getJson<{ content: { id: string; userName: string } }>('/user');
    expect(body.content).toMatchObject({ userName: 'j.devries', id: expect.any(String) });
  });

  it('E2 lists the fictional office', async () => {
    const body = await getJson<Page<{ id: string; name: string }>>('/providers');
    expect(body._embedded).toEqual([{ id: expect.any(String), name: expect.stringContaining('De Vries') }]);
  });

  it('E4–E7 answer for a listed employer and 404 for an unknown one', async () => {
    const [employer] = (await getJson<Page<Employer>>('/providers/employers?pageSize=1'))._embedded;
    const base = `/providers/employers/${employer!.id}`;
    const administrations = await getJson<Page<Record<string, unknown>>>(`${base}/administrations`);
    expect(administrations._embedded[0]).toMatchObject({
      employerId: employer!.id,
      wageTaxNumber: expect.stringMatching(/^\d{9}L0[12]$/),
      isPayrollAdministration: true,
      endDate: null,
    });
    const users = await getJson<Page<{ id: string; userName: string; userType: string }>>(`${base}/users`);
    const webserviceUser = users._embedded.find((user) => user.userName === 'Webservice#01');
    expect(webserviceUser?.userType).toBe('Webservice gebruiker');
    const authorizations = await getJson<Page<unknown>>(`${base}/users/${webserviceUser!.id}/authorizations`);
    expect(authorizations._embedded.length).toBeGreaterThan(0);
    const own = await getJson<Page<{ activity: string }>>(`${base}/authorizations`);
    expect(own._embedded).toContainEqual({ activity: 'GetEmployerUserAuthorizationsByEmployerIdAndUserId' });

    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of ['administrations', 'users', 'authorizations', `users/${webserviceUser!.id}/authorizations`]) {
      expect((await get(`/providers/employers/${unknown}/${path}`)).status).toBe(404);
    }
    expect((await get(`${base}/users/${unknown}/authorizations`)).status).toBe(404);
  });

  it('answers 404 with an errors body for a path outside the contract', async () => {
    const response = await get('/providers/unknown');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String) }] });
  });
});

describe('bearer tokens', () => {
  it('answers 401 without a token and with an unknown one', async () => {
    for (const token of [null, 'not-a-token']) {
      const response = await get('/user', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ errors: [{ message: expect.any(String) }] });
    }
  });

  it('after revokeAccessTokens: 401, but refreshing gives a working token', async () => {
    const local = await startSandbox();
    try {
      local.revokeAccessTokens();
      expect((await fetch(`${local.apiUrl}/user`, { headers: { Authorization: `Bearer ${local.accessToken}` } })).status).toBe(401);
      const response = await fetch(`${local.authUrl}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: local.refreshToken, client_id: local.clientId }),
      });
      expect(response.status).toBe(200);
      const tokens = (await response.json()) as { access_token: string };
      expect((await fetch(`${local.apiUrl}/user`, { headers: { Authorization: `Bearer ${tokens.access_token}` } })).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});

describe('overrides', () => {
  it('replace a route answer until removed, and see the path ids', async () => {
    const [employer] = (await getJson<Page<Employer>>('/providers/employers?pageSize=1'))._embedded;
    const seen: unknown[] = [];
    sandbox.setOverride('E6', (req) => {
      seen.push(req);
      return { status: 403, body: { errors: [{ message: 'U bent niet geautoriseerd.' }] } };
    });
    sandbox.setOverride('E5', () => ({ status: 200, body: '<html>login</html>', contentType: 'text/html' }));
    try {
      const forbidden = await get(`/providers/employers/${employer!.id}/users/some-user/authorizations`);
      expect(forbidden.status).toBe(403);
      expect(await forbidden.json()).toEqual({ errors: [{ message: 'U bent niet geautoriseerd.' }] });
      expect(seen).toEqual([{ employerId: employer!.id, userId: 'some-user' }]);
      const html = await get(`/providers/employers/${employer!.id}/users`);
      expect(html.headers.get('content-type')).toBe('text/html');
      expect(await html.text()).toBe('<html>login</html>');
    } finally {
      sandbox.setOverride('E6', undefined);
      sandbox.setOverride('E5', undefined);
    }
    expect((await get(`/providers/employers/${employer!.id}/users`)).status).toBe(200);
  });

  it('falls through to the normal answer when the override returns undefined', async () => {
    sandbox.setOverride('E1', () => undefined);
    try {
      expect((await get('/user')).status).toBe(200);
    } finally {
      sandbox.setOverride('E1', undefined);
    }
  });

  it('still requires a token', async () => {
    sandbox.setOverride('E1', () => ({ status: 200, body: {} }));
    try {
      expect((await get('/user', null)).status).toBe(401);
    } finally {
      sandbox.setOverride('E1', undefined);
    }
  });
});

describe('stats and lifecycle', () => {
  it('counts API requests per route, not OAuth requests', async () => {
    const local = await startSandbox();
    try {
      const auth = { headers: { Authorization: `Bearer ${local.accessToken}` } };
      await fetch(`${local.apiUrl}/user`, auth);
      await fetch(`${local.apiUrl}/providers/employers`, auth);
      await fetch(`${local.apiUrl}/providers/employers?pageNumber=2`, auth);
      await fetch(`${local.apiUrl}/nothing`, auth);
      await fetch(`${local.authUrl}/token`, { method: 'POST' });
      expect(local.stats()).toEqual({ requests: 4, byRoute: { E1: 1, E3: 2, unknown: 1 } });
    } finally {
      await local.close();
    }
  });

  it('closes promptly with an idle keep-alive connection open, and twice is harmless', async () => {
    const local = await startSandbox();
    const response = await fetch(`${local.apiUrl}/user`, { headers: { Authorization: `Bearer ${local.accessToken}` } });
    await response.text();
    await local.close();
    await local.close();
    await expect(fetch(`${local.apiUrl}/user`)).rejects.toThrow();
  });

  it('lets a request in flight finish when closing', async () => {
    const local = await startSandbox({ latencyMs: 100 });
    const inFlight = fetch(`${local.apiUrl}/user`, { headers: { Authorization: `Bearer ${local.accessToken}` } });
    while (local.stats().requests === 0) await new Promise((resolve) => setImmediate(resolve));
    const [response] = await Promise.all([inFlight, local.close()]);
    expect(response.status).toBe(200);
  });

  it('refresh tokens keep working after use, so a retried refresh is harmless', async () => {
    const first = await refresh(sandbox.refreshToken);
    const again = await refresh(sandbox.refreshToken);
    expect([first.status, again.status]).toEqual([200, 200]);
    const rotated = (await first.json()) as { refresh_token: string };
    expect(rotated.refresh_token).not.toBe(sandbox.refreshToken);
    expect((await refresh(rotated.refresh_token)).status).toBe(200);
  });
});
