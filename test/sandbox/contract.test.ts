/**
 * Holds the simulator to Loket's published shapes: for every fixture transcribed from the spec
 * (test/fixtures/loket-spec), the simulator's answer to the same request in the default scenario
 * must have exactly the same keys and JSON types, recursively, with null only where the spec allows
 * it. This is what keeps the simulator from drifting towards what our client happens to expect.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { fixture, get, ok, shapeProblems, type Fixture } from './helpers.js';

let sandbox: SandboxHandle;
const ids = { provider: '', employer: '', webserviceUser: '', team: '', employerUser: '' };

beforeAll(async () => {
  sandbox = await startSandbox();
  ids.provider = (await ok(sandbox, '/providers'))._embedded[0].id;
  ids.employer = (await ok(sandbox, '/providers/employers'))._embedded[0].id;
  const users = (await ok(sandbox, `/providers/${ids.provider}/users`))._embedded;
  ids.webserviceUser = users.find((user: { userName: string | null }) => user.userName === 'Webservice#01').id;
  const teams = (await ok(sandbox, `/providers/${ids.provider}/authorizationgroups`))._embedded;
  ids.team = teams.find((team: { description: string }) => team.description === 'Benefits-Plaza').id;
  ids.employerUser = (await ok(sandbox, `/providers/${ids.provider}/employers/users`))._embedded[0].employerUser.id;
});
afterAll(() => sandbox.close());

/** The request each endpoint fixture describes, with ids of the default scenario. */
const REQUESTS: Record<string, () => string> = {
  E1: () => '/user',
  E2: () => '/providers',
  E3: () => '/providers/employers',
  E3b: () => `/providers/${ids.provider}/employers/minimized`,
  E4: () => `/providers/employers/${ids.employer}/administrations`,
  E4b: () => '/providers/employers/administrations',
  E5: () => `/providers/employers/${ids.employer}/users`,
  E7: () => `/providers/employers/${ids.employer}/authorizations`,
  E8: () => `/providers/${ids.provider}/users`,
  E9: () => `/providers/users/${ids.webserviceUser}/authorizationGroups`,
  E10: () => `/providers/authorizationgroups/${ids.team}/users`,
  E11: () => `/providers/authorizationgroups/${ids.team}/employers`,
  E12: () => `/providers/${ids.provider}/employers/users`,
  E13: () => `/providers/${ids.provider}/authorizationgroups`,
  E14: () => '/authorizationmodel',
  E15: () => `/providers/employers/users/${ids.employerUser}/employers`,
};

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/loket-spec/', import.meta.url));
const FIXTURE_NAMES = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));
const ENDPOINT_FIXTURES = FIXTURE_NAMES.filter((name) => /^E\d/.test(name));

/** Whether a dotted path (with [] for array items) resolves to a value in the fixture body. */
function resolves(body: unknown, path: string): boolean {
  let current: unknown[] = [body];
  for (const part of path.split('.')) {
    const key = part.replace(/\[\]$/, '');
    current = current.flatMap((value) => {
      if (value === null || typeof value !== 'object' || !(key in value)) return [];
      const next = (value as Record<string, unknown>)[key];
      return part.endsWith('[]') ? (Array.isArray(next) ? next : []) : [next];
    });
    if (current.length === 0) return false;
  }
  return true;
}

describe('the fixtures themselves', () => {
  it('cover every endpoint of loket-api.md §5', () => {
    expect(ENDPOINT_FIXTURES.sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it.each(FIXTURE_NAMES)('%s names only paths that exist in its body, and a type for every bare null', (name) => {
    const doc: Fixture = fixture(name);
    for (const path of [...doc.nullable, ...Object.keys(doc.types)]) expect(resolves(doc.body, path), path).toBe(true);
    const nulls: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (value === null) nulls.push(path);
      else if (Array.isArray(value)) value.forEach((item) => walk(item, `${path}[]`));
      else if (typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    };
    walk(doc.body, '');
    for (const path of nulls) {
      expect(doc.nullable, `${path} is null in the fixture`).toContain(path);
      expect(doc.types[path], `${path} needs a type`).toBeDefined();
    }
  });
});

describe('shape comparison', () => {
  const spec = { body: { a: 1, b: { c: 'x' }, list: [{ d: true }], none: [] }, nullable: ['b'], types: {} };

  it('accepts the same shape, and null where allowed', () => {
    expect(shapeProblems({ a: 2, b: null, list: [{ d: false }, { d: true }], none: [] }, spec)).toEqual([]);
  });

  it('reports missing and extra keys, other types, fractions, unexpected null and non-empty arrays', () => {
    expect(shapeProblems({ a: 1.5, b: { c: 1 }, list: [{ d: null, e: 1 }], none: [1], extra: 0 }, spec)).toEqual([
      'extra: not in the spec',
      'a: expected an integer, got 1.5',
      'b.c: expected string, got number',
      'list[].e: not in the spec',
      'list[].d: null, but the spec does not allow null here',
      'none: expected an empty array, got 1 items',
    ]);
    expect(shapeProblems({ a: 1, list: [], none: [] }, spec)).toEqual(['b: missing']);
  });
});

describe("the simulator answers in the spec's shapes (default scenario)", () => {
  it.each(ENDPOINT_FIXTURES)('%s', async (name) => {
    const doc = fixture(name);
    const reply = await get(sandbox, REQUESTS[name]!());
    expect(reply.status).toBe(doc.status);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    if ('_embedded' in (doc.body as object)) {
      // An empty page would check no items at all.
      expect(reply.body._embedded.length).toBeGreaterThan(0);
    }
    expect(shapeProblems(reply.body, doc)).toEqual([]);
  });

  it('answers E8 and E5 in the same shape for Accept version=SSO_gebruiker and without a version', async () => {
    for (const accept of ['application/json;version=SSO_gebruiker', 'application/json', null]) {
      const users = await get(sandbox, REQUESTS.E8!(), { accept });
      expect(shapeProblems(users.body, fixture('E8'))).toEqual([]);
      const employerUsers = await get(sandbox, REQUESTS.E5!(), { accept });
      expect(shapeProblems(employerUsers.body, fixture('E5'))).toEqual([]);
    }
  });
});

describe('error bodies', () => {
  it("401: the spec's {message}, with WWW-Authenticate: Bearer", async () => {
    const reply = await get(sandbox, '/user', { token: null });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer');
    expect(shapeProblems(reply.body, fixture('error-401'))).toEqual([]);
    expect(reply.body).toEqual(fixture('error-401').body);
  });

  it("403: the spec's {message} (no-rights scenario)", async () => {
    const refused = await startSandbox({ scenario: 'no-rights' });
    try {
      const provider = (await ok(refused, '/providers'))._embedded[0].id;
      const reply = await get(refused, `/providers/${provider}/users`);
      expect(reply.status).toBe(403);
      expect(shapeProblems(reply.body, fixture('error-403'))).toEqual([]);
      expect(reply.body.message).toBe('Insufficient rights for this request, reason "User doesn\'t have rechten to perform activity for the given Id."');
    } finally {
      await refused.close();
    }
  });

  it('400: badRequestCollection with one BrokenBusinessRule message', async () => {
    for (const path of ['/providers/employers?pageNumber=0', '/providers/employers?pageSize=x', "/providers/employers?filter=companyName eq 'x'"]) {
      const reply = await get(sandbox, path);
      expect(reply.status, path).toBe(400);
      expect(shapeProblems(reply.body, fixture('error-400-collection')), path).toEqual([]);
      expect(reply.body.messages, path).toEqual([expect.objectContaining({ type: 'BrokenBusinessRule', description: expect.any(String) })]);
    }
  });

  it('404 and 500: no body at all', async () => {
    for (const path of ['/nothing/here', `/providers/employers/${ids.team}/administrations`]) {
      const reply = await get(sandbox, path);
      expect(reply.status, path).toBe(404);
      expect(reply.text, path).toBe('');
    }
    const failing = await startSandbox({ scenario: 'team-read-fails' });
    try {
      const provider = (await ok(failing, '/providers'))._embedded[0].id;
      const teams = (await ok(failing, `/providers/${provider}/authorizationgroups`))._embedded;
      const north = teams.find((team: { description: string }) => team.description === 'Benefits-Plaza Noord');
      const reply = await get(failing, `/providers/authorizationgroups/${north.id}/employers`);
      expect(reply.status).toBe(500);
      expect(reply.text).toBe('');
    } finally {
      await failing.close();
    }
  });

  it("the token answer has the shape of the spec's example", async () => {
    const response = await fetch(`${sandbox.authUrl}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sandbox.refreshToken, client_id: sandbox.clientId }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(shapeProblems(body, fixture('oauth-token'))).toEqual([]);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3599, two_factor_state: 'None' });
  });
});
