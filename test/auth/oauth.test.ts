import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, AuthError } from '../../src/errors.js';
import { authorizeUrl, createPkce, createState, createTokenEndpoint, OAuthError, pkceChallenge } from '../../src/auth/oauth.js';
import { setLang } from '../../src/i18n/index.js';
import { clearSecrets, redact } from '../../src/loket/redact.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { drip, endless, resetAfterHeaders, startHostileServer, type HostileHandler, type HostileServer } from '../helpers/hostile.js';

describe('PKCE and the authorize URL', () => {
  it('matches the RFC 7636 appendix B test vector', () => {
    // The RFC's own value (also what `openssl dgst -sha256 -binary | base64url` gives).
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character base64url verifier with its S256 challenge', () => {
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(pkceChallenge(a.verifier));
    expect(a.verifier).not.toBe(b.verifier);
    expect(createState()).not.toBe(createState());
  });

  it('builds the authorize URL of loket-api.md §2 with PKCE', () => {
    const url = new URL(
      authorizeUrl({
        authUrl: 'https://oauth.loket.nl/',
        clientId: 'client-1',
        redirectUri: 'http://127.0.0.1:5000/callback',
        state: 'state-1',
        codeChallenge: 'challenge-1',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://oauth.loket.nl/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      response_type: 'code',
      scope: 'all',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    });
  });
});

describe('token endpoint against the simulator', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'all-good' });
  });
  afterAll(() => sandbox.close());
  afterEach(() => clearSecrets());

  it('exchanges a code (with its verifier) and registers the tokens as secrets', async () => {
    const pkce = createPkce();
    const redirectUri = 'http://127.0.0.1:9/callback';
    const approved = await fetch(
      authorizeUrl({ authUrl: sandbox.authUrl, clientId: sandbox.clientId, redirectUri, state: 's', codeChallenge: pkce.challenge }),
      { redirect: 'manual' },
    );
    const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const endpoint = createTokenEndpoint({ authUrl: sandbox.authUrl, credentials: { clientId: sandbox.clientId } });
    const grant = await endpoint.request({ grantType: 'authorization_code', code, redirectUri, codeVerifier: pkce.verifier });
    expect(grant.accessToken).toBeTruthy();
    expect(grant.refreshToken).toBeTruthy();
    expect(redact(`token ${grant.accessToken} and ${grant.refreshToken}`)).toBe('token [redacted] and [redacted]');
  });

  it('a wrong verifier is invalid_grant: an AuthError (exit 3)', async () => {
    const pkce = createPkce();
    const redirectUri = 'http://127.0.0.1:9/callback';
    const approved = await fetch(
      authorizeUrl({ authUrl: sandbox.authUrl, clientId: sandbox.clientId, redirectUri, state: 's', codeChallenge: pkce.challenge }),
      { redirect: 'manual' },
    );
    const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const endpoint = createTokenEndpoint({ authUrl: sandbox.authUrl, credentials: { clientId: sandbox.clientId } });
    const error = await endpoint.request({ grantType: 'authorization_code', code, redirectUri, codeVerifier: createPkce().verifier }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).oauthError).toBe('invalid_grant');
    expect((error as AuthError).exitCode).toBe(3);
  });

  it('refreshes, and a revoked refresh token is invalid_grant', async () => {
    const endpoint = createTokenEndpoint({ authUrl: sandbox.authUrl, credentials: { clientId: sandbox.clientId } });
    const grant = await endpoint.request({ grantType: 'refresh_token', refreshToken: sandbox.refreshToken });
    expect(grant.accessToken).not.toBe(sandbox.accessToken);
    const local = await startSandbox();
    try {
      local.revokeRefreshTokens();
      const revoked = createTokenEndpoint({ authUrl: local.authUrl, credentials: { clientId: local.clientId } });
      const error = await revoked.request({ grantType: 'refresh_token', refreshToken: local.refreshToken }).catch((e: unknown) => e);
      expect((error as OAuthError).oauthError).toBe('invalid_grant');
      expect(String((error as Error).message)).not.toContain(local.refreshToken);
    } finally {
      await local.close();
    }
  });

  it('an unknown client is invalid_client, and nobody is asked without a prompt', async () => {
    const endpoint = createTokenEndpoint({ authUrl: sandbox.authUrl, credentials: { clientId: 'someone-else' } });
    const error = await endpoint.request({ grantType: 'refresh_token', refreshToken: sandbox.refreshToken }).catch((e: unknown) => e);
    expect((error as OAuthError).oauthError).toBe('invalid_client');
  });
});

describe('token endpoint: secrets and odd answers', () => {
  let server: Server;
  let authUrl: string;
  const seen: URLSearchParams[] = [];
  let respond: (form: URLSearchParams) => { status: number; body: string } = () => ({ status: 500, body: '' });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        seen.push(form);
        const answer = respond(form);
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    authUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    seen.length = 0;
    clearSecrets();
  });

  it('asks for the client secret once when the server wants one, then retries with it', async () => {
    respond = (form) =>
      form.get('client_secret') === 'the-client-secret'
        ? { status: 200, body: JSON.stringify({ access_token: 'access-token-1', token_type: 'bearer' }) }
        : { status: 401, body: JSON.stringify({ error: 'invalid_client' }) };
    let asked = 0;
    const endpoint = createTokenEndpoint({
      authUrl,
      credentials: {
        clientId: 'client-1',
        askSecret: async () => {
          asked++;
          return 'the-client-secret';
        },
      },
    });
    const grant = await endpoint.request({ grantType: 'refresh_token', refreshToken: 'refresh-token-1' });
    expect(grant).toEqual({ accessToken: 'access-token-1' });
    expect(asked).toBe(1);
    expect(endpoint.clientSecret()).toBe('the-client-secret');
    expect(seen.map((form) => form.get('client_secret'))).toEqual([null, 'the-client-secret']);
    expect(seen[1]?.get('grant_type')).toBe('refresh_token');
    expect(redact('secret: the-client-secret')).toBe('secret: [redacted]');
  });

  it('a secret that was given is not asked for again on invalid_client', async () => {
    respond = () => ({ status: 400, body: JSON.stringify({ error: 'invalid_client' }) });
    const endpoint = createTokenEndpoint({
      authUrl,
      credentials: { clientId: 'client-1', clientSecret: 'given-secret', askSecret: () => Promise.reject(new Error('asked')) },
    });
    const error = await endpoint.request({ grantType: 'refresh_token', refreshToken: 'refresh-token-1' }).catch((e: unknown) => e);
    expect((error as OAuthError).oauthError).toBe('invalid_client');
    expect(seen).toHaveLength(1);
  });

  it('a 5xx or non-JSON answer is an ApiError (exit 4) that does not show the body', async () => {
    respond = () => ({ status: 502, body: '<html>refresh_token=refresh-token-1</html>' });
    const endpoint = createTokenEndpoint({ authUrl, credentials: { clientId: 'client-1' } });
    const error = await endpoint.request({ grantType: 'refresh_token', refreshToken: 'refresh-token-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).exitCode).toBe(4);
    expect((error as Error).message).not.toContain('refresh-token-1');
  });

  it('a refused connection is an ApiError naming the host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const endpoint = createTokenEndpoint({ authUrl: `http://127.0.0.1:${port}`, credentials: { clientId: 'client-1' } });
    const error = await endpoint.request({ grantType: 'refresh_token', refreshToken: 'refresh-token-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details.code).toBe('ECONNREFUSED');
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
  });
});

describe('the token endpoint under the limits of every exchange (src/loket/exchange.ts)', () => {
  const servers: HostileServer[] = [];
  beforeAll(() => setLang('en'));
  afterEach(async () => {
    while (servers.length) await servers.pop()!.close();
    clearSecrets();
  });
  async function endpointOn(handler: HostileHandler, timeoutMs = 300) {
    const server = await startHostileServer(handler);
    servers.push(server);
    return { server, endpoint: createTokenEndpoint({ authUrl: server.url, credentials: { clientId: 'client-1' }, timeoutMs }) };
  }
  const refresh = { grantType: 'refresh_token', refreshToken: 'refresh-token-1' } as const;

  it('a body that drips one byte every 50 ms is dropped at the time-out of the whole exchange (exit 4)', async () => {
    // Before: axios' `timeout` was an idle timer that every byte restarted, so this never ended.
    const { endpoint } = await endpointOn(drip({ start: '{"access_token":"', intervalMs: 50 }));
    const error = await endpoint.request(refresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).exitCode).toBe(4);
    expect((error as ApiError).details).toMatchObject({ method: 'POST', path: '/token', code: 'ETIMEDOUT' });
    expect((error as Error).message).toMatch(/did not answer within 0\.3 s/);
  }, 15_000);

  it('a body that never ends stops at the size limit and is reported as too large, not as "no connection"', async () => {
    const { endpoint } = await endpointOn(endless(), 60_000);
    const error = await endpoint.request(refresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details).toMatchObject({ method: 'POST', path: '/token', code: 'ETOOLARGE' });
    expect((error as Error).message).toMatch(/^The answer of 127\.0\.0\.1:\d+ to POST \/token is larger than 20 MB; reading stopped\.$/);
    expect((error as ApiError).hint).toContain('--debug');
  }, 15_000);

  it('a connection cut after the headers is a network failure naming the host (the token POST is not repeated)', async () => {
    const { server, endpoint } = await endpointOn(resetAfterHeaders());
    const error = await endpoint.request(refresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details.code).toBe('ECONNRESET');
    expect((error as Error).message).toContain(server.url.replace('http://', ''));
    expect(server.requests()).toBe(1);
  });

  it('a gzip token answer is read; one that does not decode is an unexpected answer, not a network failure', async () => {
    const token = JSON.stringify({ access_token: 'access-token-gz', token_type: 'bearer' });
    const { endpoint } = await endpointOn((_req, res, n) => {
      const bytes = n === 1 ? gzipSync(token) : Buffer.from(token);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bytes);
    });
    expect(await endpoint.request(refresh)).toEqual({ accessToken: 'access-token-gz' });
    const error = await endpoint.request(refresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details).toEqual({ method: 'POST', path: '/token', code: 'EBADENCODING' });
    expect((error as Error).message).toMatch(/^Unexpected answer from 127\.0\.0\.1:\d+ to POST \/token: its compressed content cannot be read/);
  });

  it("the run's signal drops an exchange in flight and its reason is what the caller sees", async () => {
    const server = await startHostileServer(drip());
    servers.push(server);
    const run = new AbortController();
    const endpoint = createTokenEndpoint({ authUrl: server.url, credentials: { clientId: 'client-1' }, timeoutMs: 60_000, signal: run.signal });
    const pending = endpoint.request(refresh).catch((e: unknown) => e);
    const interrupted = new AuthError('stopped by the test');
    setTimeout(() => run.abort(interrupted), 100);
    expect(await pending).toBe(interrupted);
  });
});
