import { Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import nock from 'nock';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, AuthError, InterruptedError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { registerSecret } from '../../src/loket/redact.js';
import { intermediaryOf, isStatus, loketMessageOf } from '../../src/loket/errors.js';
import { createHttp, retryAfterMs, type HttpOptions, type RequestProgress } from '../../src/loket/http.js';
import { API, HOST, fakeTokens, instantRetry, specFixture } from './helpers.js';
import { useNock } from './fake-loket.js';
import { resetAfterHeaders, startHostileServer, type HostileHandler, type HostileServer } from '../helpers/hostile.js';

useNock();
beforeAll(() => setLang('en'));

function setup(options: Partial<HttpOptions> = {}) {
  const tokens = fakeTokens();
  const retry = instantRetry();
  const http = createHttp({ apiUrl: API, tokens, retry, env: {}, ...options });
  return { http, tokens, retry };
}

function networkError(code: string): Error {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('every request', () => {
  it('sends the bearer token and Accept: application/json;version=2018-01-01 by default', async () => {
    nock(HOST)
      .get('/v2/user')
      .matchHeader('authorization', 'Bearer access-token-1')
      .matchHeader('accept', 'application/json;version=2018-01-01')
      .reply(200, { content: { ok: true } });
    const { http } = setup();
    await expect(http.get('/user')).resolves.toEqual({ content: { ok: true } });
    expect(http.stats()).toEqual({ requests: 1, retries: 0, refreshes: 0, networkMs: expect.any(Number) });
  });

  it('sends the Accept version asked for, or none for null', async () => {
    nock(HOST)
      .get('/v2/providers/p/users')
      .matchHeader('accept', 'application/json;version=SSO_gebruiker')
      .reply(200, { a: 1 })
      .get('/v2/providers/p/users')
      .matchHeader('accept', 'application/json')
      .reply(200, { a: 2 });
    const { http } = setup();
    expect(await http.get('/providers/p/users', { version: 'SSO_gebruiker' })).toEqual({ a: 1 });
    expect(await http.get('/providers/p/users', { version: null })).toEqual({ a: 2 });
  });

  it('sends the query parameters', async () => {
    nock(HOST).get('/v2/things').query({ pageNumber: '2', pageSize: '250', filter: "userName eq 'a b'" }).reply(200, {});
    const { http } = setup();
    await expect(http.get('/things', { query: { pageNumber: 2, pageSize: 250, filter: "userName eq 'a b'" } })).resolves.toEqual({});
  });

  it('rebase moves every path below the new base except the kept ones, and can be undone', async () => {
    const scope = nock(HOST)
      .get('/v2/v2/providers/employers')
      .reply(200, { at: 'double' })
      .get('/v2/user')
      .reply(200, { at: 'kept' })
      .get('/v2/providers/employers')
      .reply(200, { at: 'single' });
    const { http } = setup();
    http.rebase('/v2', ['/user']);
    expect(await http.get('/providers/employers')).toEqual({ at: 'double' });
    expect(await http.get('/user')).toEqual({ at: 'kept' });
    http.rebase('');
    expect(await http.get('/providers/employers')).toEqual({ at: 'single' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('the order of waiting requests', () => {
  it('starts a request others wait for before waiting later pages of a list, whatever came first', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    nock(HOST)
      .get('/v2/providers/employers')
      .query({ pageNumber: '1', pageSize: '250' })
      .reply(200, async () => {
        await held;
        return { page: 1 };
      })
      .get('/v2/providers/employers')
      .query({ pageNumber: '2', pageSize: '250' })
      .reply(200, () => (order.push('employers page 2'), {}))
      .get('/v2/providers/employers')
      .query({ pageNumber: '3', pageSize: '250' })
      .reply(200, () => (order.push('employers page 3'), {}))
      .get('/v2/user')
      .reply(200, () => (order.push('user'), {}))
      .get('/v2/providers/p/users')
      .query({ pageNumber: '1', pageSize: '250' })
      .reply(200, () => (order.push('users page 1'), {}));
    const { http } = setup({ concurrency: 1 });
    const page = (n: number, path = '/providers/employers') => http.get(path, { query: { pageNumber: n, pageSize: 250 } });
    const busy = page(1);
    const waiting = [page(2), page(3), http.get('/user'), page(1, '/providers/p/users')];
    // The four reach the limiter within microtasks (the fake tokens answer at once), before any timer.
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await Promise.all([busy, ...waiting]);
    expect(order).toEqual(['user', 'users page 1', 'employers page 2', 'employers page 3']);
  });
});

describe('retries', () => {
  it.each([429, 502, 503, 504])('retries a GET answered %i until it succeeds', async (status) => {
    const scope = nock(HOST).get('/v2/user').times(2).reply(status, 'busy').get('/v2/user').reply(200, { ok: true });
    const { http, retry } = setup();
    await expect(http.get('/user')).resolves.toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
    expect(http.stats()).toMatchObject({ requests: 3, retries: 2 });
    // Full jitter with random() = 0.5 over 250 ms, then 500 ms.
    expect(retry.pauses).toEqual([125, 250]);
  });

  it('gives up after five attempts and says so', async () => {
    nock(HOST).get('/v2/user').times(5).reply(503, { message: 'Onderhoud' });
    const { http } = setup();
    const error = await failure(http.get('/user'));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details).toMatchObject({ method: 'GET', path: '/user', status: 503, loketMessage: 'Onderhoud' });
    expect(error.message).toContain('after 5 attempts');
    expect(http.stats()).toMatchObject({ requests: 5, retries: 4 });
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED'])('retries a GET after %s', async (code) => {
    nock(HOST).get('/v2/user').replyWithError(networkError(code)).get('/v2/user').reply(200, { ok: true });
    const { http } = setup();
    await expect(http.get('/user')).resolves.toEqual({ ok: true });
    expect(http.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('stops after five failed connections with the network code', async () => {
    nock(HOST).get('/v2/user').times(5).replyWithError(networkError('ECONNRESET'));
    const { http } = setup();
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.details).toMatchObject({ code: 'ECONNRESET', path: '/user' });
    expect(error.hint).toContain('HTTPS_PROXY');
    expect(http.stats().requests).toBe(5);
  });

  it('does not retry anything but GET', async () => {
    nock(HOST).post('/v2/things').reply(503, 'busy');
    nock(HOST).patch('/v2/things').replyWithError(networkError('ECONNRESET'));
    const { http } = setup();
    expect(await failure(http.request('POST', '/things', { body: { a: 1 } }))).toMatchObject({ details: { status: 503 } });
    expect(await failure(http.request('PATCH', '/things'))).toMatchObject({ details: { code: 'ECONNRESET' } });
    expect(http.stats()).toMatchObject({ requests: 2, retries: 0 });
  });

  it('waits as long as Retry-After in seconds asks', async () => {
    nock(HOST).get('/v2/user').reply(429, '', { 'Retry-After': '7' }).get('/v2/user').reply(200, {});
    const { http, retry } = setup();
    await http.get('/user');
    expect(retry.pauses).toEqual([7000]);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    nock(HOST)
      .get('/v2/user')
      .reply(503, '', { 'Retry-After': new Date(now + 12_000).toUTCString() })
      .get('/v2/user')
      .reply(200, {});
    const retry = instantRetry(now);
    const { http } = setup({ retry });
    await http.get('/user');
    expect(retry.pauses).toEqual([12_000]);
  });

  it('stops at once when Retry-After asks for more than 60 seconds', async () => {
    nock(HOST).get('/v2/user').reply(429, '', { 'Retry-After': '3600' });
    const { http, retry } = setup();
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/^Rate limited by Loket\.nl .*try again after /);
    expect(error.details.status).toBe(429);
    expect(retry.pauses).toEqual([]);
    expect(http.stats().requests).toBe(1);
  });

  it('parses Retry-After forms', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('network trouble that retrying cannot fix', () => {
  it('does not retry ENOTFOUND and points at network and proxy', async () => {
    nock(HOST).get('/v2/user').replyWithError(networkError('ENOTFOUND'));
    const { http } = setup();
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.exitCode).toBe(4);
    expect(error.details.code).toBe('ENOTFOUND');
    expect(error.message).toContain('api.loket.test');
    expect(error.hint).toContain('HTTPS_PROXY');
    expect(http.stats().requests).toBe(1);
  });

  it.each(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED'])(
    'does not retry the TLS error %s and points at NODE_EXTRA_CA_CERTS',
    async (code) => {
      nock(HOST).get('/v2/user').replyWithError(networkError(code));
      const { http } = setup();
      const error = (await failure(http.get('/user'))) as ApiError;
      expect(error.details.code).toBe(code);
      expect(error.hint).toContain('NODE_EXTRA_CA_CERTS');
      expect(http.stats().requests).toBe(1);
    },
  );

  it('times a request out, retries it, then reports the timeout', async () => {
    nock(HOST).get('/v2/user').times(2).delay(10_000).reply(200, {});
    const { http } = setup({ timeoutMs: 20, retry: { ...instantRetry(), maxAttempts: 2 } });
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.details.code).toBe('ETIMEDOUT');
    expect(error.hint).toContain('--timeout');
    expect(http.stats()).toMatchObject({ requests: 2, retries: 1 });
  });
});

describe('the limits of every exchange (src/loket/exchange.ts)', () => {
  /** A body that sends `first`, then one space every 20 ms, forever (until the client lets go). */
  function dripping(first = '{"content":'): Readable {
    let timer: NodeJS.Timeout | undefined;
    let started = false;
    return new Readable({
      read() {
        if (started) return;
        started = true;
        this.push(first);
        timer = setInterval(() => this.push(' '), 20);
      },
      destroy(error, callback) {
        clearInterval(timer);
        callback(error);
      },
    });
  }
  /** 1 MiB chunks, 64 of them: "endless" for a 20 MB limit, and finite where nock reads on regardless. */
  function endlessBody(): Readable {
    let sent = 0;
    return new Readable({
      read() {
        this.push(sent++ < 64 ? Buffer.alloc(1024 * 1024, 'a') : null);
      },
    });
  }
  /**
   * A real server on loopback for the connection itself (nock cannot break one after the headers):
   * `first` answers the first request, and every later one gets `{ "content": { "ok": true } }`.
   */
  async function loopback(first: HostileHandler, run: (apiUrl: string, server: HostileServer) => Promise<void>): Promise<void> {
    nock.enableNetConnect('127.0.0.1');
    const server = await startHostileServer((req, res, n) => {
      if (n === 1) first(req, res, n);
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"content":{"ok":true}}');
    });
    try {
      await run(server.apiUrl, server);
    } finally {
      await server.close();
      nock.disableNetConnect();
    }
  }

  it('a body that drips is dropped when the time-out of the whole exchange passes, and retried (GET)', async () => {
    nock(HOST)
      .get('/v2/user')
      .times(2)
      .reply(200, () => dripping(), { 'Content-Type': 'application/json' });
    const { http } = setup({ timeoutMs: 150, retry: { ...instantRetry(), maxAttempts: 2 } });
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.details).toMatchObject({ code: 'ETIMEDOUT', path: '/user' });
    expect(error.message).toBe('Loket.nl did not answer GET /user within 0.15 s, not even after 2 attempts.');
    expect(http.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('a body over 20 MB is stopped while it streams and reported as too large — not retried, not "cannot connect"', async () => {
    nock(HOST)
      .get('/v2/providers/employers')
      .reply(200, () => endlessBody(), { 'Content-Type': 'application/json' });
    const { http } = setup();
    const error = (await failure(http.get('/providers/employers'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.exitCode).toBe(4);
    expect(error.details).toEqual({ method: 'GET', path: '/providers/employers', code: 'ETOOLARGE' });
    expect(error.message).toBe('The answer of api.loket.test to GET /providers/employers is larger than 20 MB; reading stopped.');
    expect(error.message).not.toMatch(/connect/i);
    expect(error.hint).not.toContain('HTTPS_PROXY');
    expect(http.stats()).toMatchObject({ requests: 1, retries: 0 });
  });

  it('a Content-Length over 20 MB is refused at the headers, without waiting for the body', async () => {
    // The body never comes: only refusing at the headers ends this before the 60 s time-out.
    const announced: HostileHandler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(64 * 1024 * 1024) });
      res.flushHeaders();
    };
    await loopback(announced, async (apiUrl) => {
      const http = createHttp({ apiUrl, tokens: fakeTokens(), retry: instantRetry(), env: {}, timeoutMs: 60_000 });
      try {
        expect(await failure(http.get('/user'))).toMatchObject({ details: { code: 'ETOOLARGE' } });
      } finally {
        http.close();
      }
    });
  });

  it('a connection that breaks after the headers is retried like one that breaks before (GET)', async () => {
    await loopback(resetAfterHeaders(), async (apiUrl, server) => {
      const http = createHttp({ apiUrl, tokens: fakeTokens(), retry: instantRetry(), env: {} });
      try {
        await expect(http.get('/user')).resolves.toEqual({ content: { ok: true } });
        expect(http.stats()).toMatchObject({ requests: 2, retries: 1 });
        expect(server.requests()).toBe(2);
      } finally {
        http.close();
      }
    });
  });

  it('a POST whose answer breaks after the headers is not repeated', async () => {
    await loopback(resetAfterHeaders(), async (apiUrl, server) => {
      const http = createHttp({ apiUrl, tokens: fakeTokens(), retry: instantRetry(), env: {} });
      try {
        expect(await failure(http.request('POST', '/things', { body: {} }))).toMatchObject({ details: { code: 'ECONNRESET' } });
        expect(http.stats()).toMatchObject({ requests: 1, retries: 0 });
        expect(server.requests()).toBe(1);
      } finally {
        http.close();
      }
    });
  });
});

describe('compressed answers (decoded in src/loket/exchange.ts)', () => {
  it('asks for gzip, deflate and br, and reads a gzip and a br answer as the JSON they hold', async () => {
    const body = { content: { userName: 'Zoë' } };
    nock(HOST)
      .get('/v2/user')
      .matchHeader('accept-encoding', 'gzip, deflate, br')
      .reply(200, gzipSync(JSON.stringify(body)), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
      .get('/v2/providers')
      .reply(200, brotliCompressSync(JSON.stringify(body)), { 'Content-Type': 'application/json', 'Content-Encoding': 'br' });
    const { http } = setup();
    await expect(http.get('/user')).resolves.toEqual(body);
    await expect(http.get('/providers')).resolves.toEqual(body);
  });

  it('a compressed body that does not decode is an unexpected answer (exit 4), not retried and not "cannot connect"', async () => {
    // A Buffer: nock reads a string body with a Content-Encoding as hex.
    nock(HOST).get('/v2/user').reply(200, Buffer.from('{"content":{}}'), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    const { http } = setup();
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe('Unexpected answer from api.loket.test to GET /user: its compressed content cannot be read (Content-Encoding).');
    expect(error.details).toEqual({ method: 'GET', path: '/user', code: 'EBADENCODING' });
    expect(error.hint).toContain('--debug');
    expect(http.stats()).toMatchObject({ requests: 1, retries: 0 });
  });
});

describe("a 403 that is not Loket's (src/loket/errors.ts intermediaryOf)", () => {
  const loketSays = { message: 'Insufficient rights for this request, reason "User doesn\'t have rechten to perform activity for the given Id."' };

  it("Loket's own 403 (its JSON body) is Loket refusing, also when a gateway added a Via header", async () => {
    nock(HOST).get('/v2/providers/p/users').reply(403, loketSays, { Via: '1.1 gateway.loket.nl' });
    const { http } = setup();
    const error = (await failure(http.get('/providers/p/users'))) as ApiError;
    expect(error.message).toMatch(/^Loket\.nl denies access to GET \/providers\/p\/users \(403\)\. Loket\.nl says: "Insufficient rights/);
    expect(error.details).toMatchObject({ status: 403 });
    expect(error.details.intermediary).toBeUndefined();
    expect(isStatus(error, 403)).toBe(true);
  });

  const between: Array<[string, nock.ReplyBody, Record<string, string>, string]> = [
    ['an HTML page (a firewall\'s "Access denied")', '<html><body><h1>Access denied</h1></body></html>', { 'Content-Type': 'text/html' }, 'an HTML page'],
    ['a Via header and no body', '', { Via: '1.1 squid (squid/5.7)' }, 'via: 1.1 squid (squid/5.7)'],
    ['a Squid error header and plain text', 'ERR_ACCESS_DENIED', { 'X-Squid-Error': 'ERR_ACCESS_DENIED 0' }, 'x-squid-error: ERR_ACCESS_DENIED 0'],
  ];

  it.each(between)('%s: "refused, but not by Loket.nl" — no status, so nobody reads it as Loket\'s refusal', async (_name, body, headers, marker) => {
    // Before: "Loket.nl denies access to … (403)", and verify called the check unverifiable for lack of rights.
    nock(HOST).get('/v2/providers/p/users').reply(403, body, headers);
    const { http } = setup();
    const error = (await failure(http.get('/providers/p/users'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe(
      `GET /providers/p/users was refused (403), but not by Loket.nl: the answer comes from something in between, such as a proxy, firewall or portal (${marker}).`,
    );
    expect(error.hint).toBe('Ask your IT department to let api.loket.test through, or check HTTPS_PROXY and NO_PROXY. Look at the answer with --debug.');
    expect(error.details).toEqual({ method: 'GET', path: '/providers/p/users', intermediary: marker });
    expect(isStatus(error, 403)).toBe(false);
  });

  it("through a configured proxy, a 403 without Loket's body is the proxy's; a bare 403 on a direct connection stays Loket's", () => {
    expect(intermediaryOf({}, '', 'http://user:geheim@proxy.kantoor.example:8080')).toBe('through the proxy proxy.kantoor.example:8080');
    expect(intermediaryOf({}, JSON.stringify(loketSays), 'http://proxy.kantoor.example:8080')).toBeUndefined();
    expect(intermediaryOf({}, '', undefined)).toBeUndefined();
  });
});

describe('the overall deadline', () => {
  it('drops the request in flight and reports the deadline', async () => {
    const scope = nock(HOST).get('/v2/user').delay(10_000).reply(200, {});
    const deadline = new AbortController();
    const { http } = setup({ signal: deadline.signal });
    scope.once('request', () => deadline.abort());
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain('time limit');
    expect(http.stats().requests).toBe(1);
  });

  it('does not start a request after the deadline and passes on an interruption', async () => {
    const deadline = new AbortController();
    deadline.abort(new InterruptedError('stopped'));
    const { http } = setup({ signal: deadline.signal });
    await expect(http.get('/user')).rejects.toBeInstanceOf(InterruptedError);
    expect(http.stats().requests).toBe(0);
  });

  it('interrupts a backoff pause', async () => {
    nock(HOST).get('/v2/user').reply(503, '');
    const deadline = new AbortController();
    const { http } = setup({
      signal: deadline.signal,
      retry: {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener('abort', () => reject(new Error('aborted')));
            deadline.abort();
          }),
      },
    });
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error.message).toContain('time limit');
  });
});

describe('401: refresh once, replay once', () => {
  it('refreshes the token and replays the request', async () => {
    nock(HOST)
      .get('/v2/user')
      .matchHeader('authorization', 'Bearer access-token-1')
      .reply(401, { message: 'expired' })
      .get('/v2/user')
      .matchHeader('authorization', 'Bearer access-token-2')
      .reply(200, { ok: true });
    const { http, tokens } = setup();
    await expect(http.get('/user')).resolves.toEqual({ ok: true });
    expect(tokens.refreshes).toBe(1);
  });

  it('refreshes only once for concurrent 401s', async () => {
    nock(HOST)
      .get(/\/v2\/employers\/\d/)
      .matchHeader('authorization', 'Bearer access-token-1')
      .times(5)
      .reply(401, '')
      .get(/\/v2\/employers\/\d/)
      .matchHeader('authorization', 'Bearer access-token-2')
      .times(5)
      .reply(200, (uri) => ({ uri }));
    const { http, tokens } = setup();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => http.get(`/employers/${n}`)));
    expect(answers).toHaveLength(5);
    expect(tokens.refreshes).toBe(1);
    expect(http.stats().refreshes).toBe(1);
  });

  it('passes on an AuthError from the refresh', async () => {
    nock(HOST).get('/v2/user').reply(401, '');
    const refused = new AuthError('refresh token rejected');
    const tokens = fakeTokens({ refresh: () => Promise.reject(refused) });
    const http = createHttp({ apiUrl: API, tokens, retry: instantRetry(), env: {} });
    await expect(http.get('/user')).rejects.toBe(refused);
  });

  it('turns a second 401 into "log in again" (exit 3)', async () => {
    nock(HOST).get('/v2/user').times(2).reply(401, '');
    const { http, tokens } = setup();
    const error = (await failure(http.get('/user'))) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.exitCode).toBe(3);
    expect(error.hint).toContain('loket-asr-setup login');
    expect(tokens.refreshes).toBe(1);
  });
});

describe('error answers', () => {
  it('keeps the status so callers can tell 403/404 apart', async () => {
    nock(HOST).get('/v2/providers/employers/e1/users').query({ pageNumber: '1' }).reply(403, { message: 'Niet geautoriseerd voor deze werkgever' });
    const { http } = setup();
    const error = await failure(http.get('/providers/employers/e1/users', { query: { pageNumber: 1 } }));
    expect(isStatus(error, 403, 404)).toBe(true);
    expect(isStatus(error, 404)).toBe(false);
    expect((error as ApiError).details).toEqual({
      method: 'GET',
      path: '/providers/employers/e1/users',
      status: 403,
      bodyless: false,
      loketMessage: 'Niet geautoriseerd voor deze werkgever',
    });
    expect(error.message).toBe('Loket.nl denies access to GET /providers/employers/e1/users (403). Loket.nl says: "Niet geautoriseerd voor deze werkgever"');
  });

  it('reads Loket messages from every shape of contract v2, one line, at most 200 characters', () => {
    const body = (name: string) => JSON.stringify(specFixture(name).body);
    expect(loketMessageOf(body('error-401'))).toBe('Authorization has been denied for this request.');
    expect(loketMessageOf(body('error-403'))).toMatch(/^Insufficient rights for this request, reason /);
    expect(loketMessageOf(body('error-400-collection'))).toBe('[field] has an invalid length');
    expect(loketMessageOf(body('error-400-detail'))).toBe('[field] has an invalid length');
    expect(loketMessageOf(body('error-409'))).toBe('[field] has an invalid length');
    expect(loketMessageOf('{"Message":"capital"}')).toBe('capital');
    expect(loketMessageOf('{"messages":[{"description":"first"},{"description":"second"}]}')).toBe('first');
    expect(loketMessageOf('{"message":null,"messages":[{"description":"fallback"}]}')).toBe('fallback');
    expect(loketMessageOf('{"error":"invalid_grant","error_description":"refresh token expired"}')).toBe('refresh token expired');
    expect(loketMessageOf('Service down\nstack trace here')).toBe('Service down');
    expect(loketMessageOf('{"message":"bad \\u001b[2Jthing\\r\\nmore"}')).toBe('bad thing');
    expect(loketMessageOf('<html><body>Proxy error</body></html>')).toBeUndefined();
    expect(loketMessageOf('')).toBeUndefined();
    expect(loketMessageOf('{"messages":[]}')).toBeUndefined();
    expect(loketMessageOf('{"errors":[{"message":"v1 shape"}]}')).toBeUndefined();
    expect(loketMessageOf('x'.repeat(500))).toHaveLength(200);
  });

  it('marks an answer without a body as bodyless', async () => {
    nock(HOST).get('/v2/things').reply(404).get('/v2/other').reply(404, '  \n');
    const { http } = setup();
    const bare = (await failure(http.get('/things'))) as ApiError;
    expect(bare.details).toEqual({ method: 'GET', path: '/things', status: 404, bodyless: true });
    expect(bare.message).toBe('Loket.nl does not know GET /things (404).');
    expect(((await failure(http.get('/other'))) as ApiError).details).toMatchObject({ status: 404, bodyless: true });
  });

  it('calls a non-JSON 200 (a proxy page) an unexpected answer, not a crash', async () => {
    nock(HOST).get('/v2/user').reply(200, '<html>Sign in to the corporate proxy</html>', { 'Content-Type': 'text/html' });
    const { http } = setup();
    const error = (await failure(http.get('/user'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe('Unexpected answer from api.loket.test to GET /user: not JSON.');
  });

  it('calls a redirect an unexpected answer instead of following it', async () => {
    nock(HOST).get('/v2/user').reply(302, '', { Location: 'https://portal.example/login' });
    const { http } = setup();
    expect((await failure(http.get('/user'))).message).toContain('Unexpected answer');
  });
});

describe('--debug and secrets', () => {
  it('logs one line per answer, with the URL redacted and no body of a good answer', async () => {
    nock(HOST).get('/v2/user').query(true).reply(200, { userName: 'never logged' });
    const lines: string[] = [];
    const { http } = setup({ debug: (line) => lines.push(line) });
    await http.get('/user', { query: { pageNumber: 1, client_secret: 'in-the-url' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^http GET https:\/\/api\.loket\.test\/v2\/user\?pageNumber=1 200 \d+ms attempt=1$/);
  });

  it('never shows a token, refresh token or client secret, nor their base64, in errors or debug lines', async () => {
    const refreshToken = 'refresh-token-canary-7f3a9c';
    const clientSecret = 'client-secret-canary-41b8e2';
    registerSecret(refreshToken);
    registerSecret(clientSecret);
    const echoes = [
      'access-token-1',
      'access-token-2',
      refreshToken,
      clientSecret,
      Buffer.from(refreshToken).toString('base64'),
      Buffer.from(clientSecret).toString('base64url'),
    ];
    nock(HOST)
      .get('/v2/user')
      .reply(401, { message: `token access-token-1 expired; refresh with ${refreshToken}` })
      .get('/v2/user')
      .reply(403, { message: echoes.join(' ') })
      .get('/v2/providers')
      .reply(500, `Authorization: Bearer access-token-2\nclient_secret=${clientSecret}`);
    const lines: string[] = [];
    const { http } = setup({ debug: (line) => lines.push(line) });
    const errors = [await failure(http.get('/user')), await failure(http.get('/providers'))] as ApiError[];
    const shown = [...lines, ...errors.flatMap((error) => [error.message, error.hint ?? '', JSON.stringify(error.details)])].join('\n');
    expect(shown).toContain('[redacted]');
    for (const secret of [...echoes, Buffer.from(clientSecret).toString('base64')]) expect(shown).not.toContain(secret);
    for (const error of errors) expect(error.cause).toBeUndefined();
  });
});

describe('observe (progress on long checks)', () => {
  it('tells each start and end of a request, a retried one once, counted from when the observer came', async () => {
    nock(HOST).get('/v2/user').reply(200, {}).get('/v2/providers').reply(503).get('/v2/providers').reply(200, {}).get('/v2/employers').reply(200, {});
    const { http } = setup();
    await http.get('/user');
    const seen: Array<{ started: number; settled: number }> = [];
    const stop = http.observe(({ started, settled }) => seen.push({ started, settled }));
    await Promise.all([http.get('/providers'), http.get('/employers')]);
    expect(seen.slice(0, 2)).toEqual([
      { started: 1, settled: 0 },
      { started: 2, settled: 0 },
    ]);
    expect(seen.at(-1)).toEqual({ started: 2, settled: 2 });
    expect(seen).toHaveLength(4);
    expect(http.stats().retries).toBe(1);
    stop();
    nock(HOST).get('/v2/user').reply(200, {});
    await http.get('/user');
    expect(seen).toHaveLength(4);
  });

  it('tells first pages of a list (asked, answered) apart from the pages after them', async () => {
    nock(HOST)
      .get('/v2/employers')
      .query({ pageNumber: 1, pageSize: 250 })
      .reply(200, {})
      .get('/v2/employers')
      .query({ pageNumber: 2, pageSize: 250 })
      .reply(200, {})
      .get('/v2/user')
      .reply(200, {});
    const { http } = setup();
    const seen: RequestProgress[] = [];
    http.observe((progress) => seen.push(progress));
    await http.get('/employers', { query: { pageNumber: 1, pageSize: 250 } });
    expect(seen.at(-1)).toEqual({ started: 1, settled: 1, firstPages: 1, firstPagesSettled: 1, laterPages: 0 });
    await Promise.all([http.get('/employers', { query: { pageNumber: 2, pageSize: 250 } }), http.get('/user')]);
    expect(seen.at(-1)).toEqual({ started: 3, settled: 3, firstPages: 1, firstPagesSettled: 1, laterPages: 1 });
  });
});
