/** The replay server (src/sandbox/replay.ts): exactly the recorded answers, and a 404 with a log line for the rest. */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { startReplay, type ReplayHandle } from '../../src/sandbox/replay.js';
import { tempDir } from '../helpers/cli.js';
import { list, writeDump } from '../dumps/helpers.js';

let dir: ReturnType<typeof tempDir>;
let handle: ReplayHandle | undefined;
let logged: string[];
beforeAll(() => setLang('en'));
beforeEach(() => {
  dir = tempDir('loket-replay-');
  logged = [];
});
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  dir.remove();
});

async function replay(answers: Parameters<typeof writeDump>[1], verdicts?: unknown): Promise<ReplayHandle> {
  writeDump(dir.path, answers, verdicts);
  handle = await startReplay({ dir: dir.path, log: (line) => logged.push(line) });
  return handle;
}

const get = (path: string, options: { version?: string | null; token?: string } = {}) =>
  fetch(`${handle!.url}${path}`, {
    headers: {
      Authorization: `Bearer ${options.token ?? handle!.accessToken}`,
      Accept: options.version === null ? 'application/json' : `application/json;version=${options.version ?? '2018-01-01'}`,
    },
  });

describe('replay', () => {
  it('serves the recorded status and body: JSON as JSON, a string as text/plain, null as no body', async () => {
    await replay([
      { path: '/user', body: { content: { personalDetails: { lastName: 'Vries' } } } },
      { path: '/providers/p/users', status: 400, body: "Invalid resource version '2018-01-01'" },
      { path: '/providers/employers', status: 404, body: null },
    ]);
    const user = await get('/v2/user');
    expect(user.status).toBe(200);
    expect(user.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await user.json()).toEqual({ content: { personalDetails: { lastName: 'Vries' } } });
    const refused = await get('/v2/providers/p/users');
    expect([refused.status, refused.headers.get('content-type'), await refused.text()]).toEqual([
      400,
      'text/plain; charset=utf-8',
      "Invalid resource version '2018-01-01'",
    ]);
    const missing = await get('/v2/providers/employers');
    expect([missing.status, await missing.text()]).toEqual([404, '']);
    expect(logged).toEqual([]);
  });

  it('a request recorded several times gets them in recorded order, the last one repeating', async () => {
    await replay([
      { path: '/providers', status: 502, body: '<html>Bad gateway</html>' },
      { path: '/providers', status: 503, body: null },
      { path: '/providers', body: list([{ id: 'p', name: 'Kantoor' }]) },
    ]);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/v2/providers')).status);
    expect(statuses).toEqual([502, 503, 200, 200, 200]);
  });

  it('picks the recording by Accept version when the request was recorded with several', async () => {
    await replay([
      { path: '/providers/p/users', acceptVersion: '2018-01-01', status: 400, body: 'no' },
      { path: '/providers/p/users', acceptVersion: null, body: list([{ id: 'u' }]) },
    ]);
    expect((await get('/v2/providers/p/users', { version: null })).status).toBe(200);
    expect((await get('/v2/providers/p/users')).status).toBe(400);
    expect((await get('/v2/providers/p/users', { version: 'SSO_gebruiker' })).status).toBe(404);
    expect(logged).toHaveLength(1);
  });

  it('an unrecorded request: 404 without a body, and a log line naming method, path, query and version', async () => {
    await replay([{ path: '/providers/employers', query: { pageNumber: 1, pageSize: 250 }, body: list([]) }]);
    expect((await get('/v2/providers/employers?pageSize=250&pageNumber=1')).status).toBe(200);
    const other = await get('/v2/providers/employers?pageNumber=2&pageSize=250');
    expect([other.status, await other.text()]).toEqual([404, '']);
    expect(logged).toEqual([
      'replay: not recorded: GET /v2/providers/employers?pageNumber=2&pageSize=250 (Accept version 2018-01-01); answered 404 without a body.',
    ]);
    expect(handle!.unrecorded()).toEqual([{ method: 'GET', path: '/v2/providers/employers', query: 'pageNumber=2&pageSize=250', version: '2018-01-01' }]);
  });

  it('replays the /v2/v2 form only where it was recorded', async () => {
    await replay([
      { path: '/providers/employers', urlPath: '/v2/providers/employers', status: 404, body: null },
      { path: '/providers/employers', urlPath: '/v2/v2/providers/employers', body: list([{ id: 'e' }]) },
    ]);
    expect((await get('/v2/providers/employers')).status).toBe(404);
    expect((await get('/v2/v2/providers/employers')).status).toBe(200);
    expect(logged).toEqual([]);
    expect(handle!.stats().byRoute).toEqual({ E3: 2 });
  });

  it('logs in like the simulator: a wrong token gets 401, the refresh grant gives a working one', async () => {
    await replay([{ path: '/user', body: { content: {} } }]);
    expect((await get('/v2/user', { token: 'wrong-token-123' })).status).toBe(401);
    const grant = await fetch(`${handle!.authUrl}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: handle!.refreshToken, client_id: handle!.clientId }),
    });
    const { access_token: fresh } = (await grant.json()) as { access_token: string };
    expect((await get('/v2/user', { token: fresh })).status).toBe(200);
    handle!.revokeAccessTokens();
    expect((await get('/v2/user', { token: fresh })).status).toBe(401);
  });

  it('an override answers a route instead of the recording, as on the simulator', async () => {
    await replay([{ path: '/user', body: { content: {} } }]);
    handle!.setOverride('E1', () => ({ status: 503 }));
    expect((await get('/v2/user')).status).toBe(503);
    handle!.setOverride('E1', undefined);
    expect((await get('/v2/user')).status).toBe(200);
  });

  it('the handle: scenario replay, the employers E3 counted, the webservice user and team from verdicts.json', async () => {
    await replay(
      [
        { path: '/user', body: { content: {} } },
        { path: '/providers/employers', query: { pageNumber: 1, pageSize: 250 }, body: list([{ id: 'a' }, { id: 'b' }], { totalSize: 12 }) },
      ],
      { webserviceUser: { userName: 'Webservice#01' }, teams: [{ description: 'Benefits-Plaza' }] },
    );
    expect(handle).toMatchObject({
      scenario: 'replay',
      recorded: 2,
      employerCount: 12,
      webserviceUser: 'Webservice#01',
      team: 'Benefits-Plaza',
      apiUrl: `${handle!.url}/v2`,
    });
  });

  it('without verdicts.json: no names, and the employers of the recorded list', async () => {
    await replay([{ path: '/providers/employers', body: { ...list([{ id: 'a' }]), totalSize: undefined } }]);
    expect(handle).toMatchObject({ employerCount: 1, webserviceUser: '', team: '' });
  });
});
