import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';

let sandbox: SandboxHandle;
const redirectUri = 'http://127.0.0.1:53682/callback';

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(params: Record<string, string>): Promise<Response> {
  return fetch(`${sandbox.authUrl}/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
}

/** Runs /authorize and returns the code from the redirect. */
async function codeFor(challenge?: string): Promise<string> {
  const response = await authorize({
    client_id: sandbox.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'all',
    state: 'xyz',
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code')!;
}

async function token(params: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.authUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const exchange = (code: string, extra: Record<string, string> = {}) =>
  token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: sandbox.clientId, ...extra });

describe('authorize', () => {
  it('refuses an unknown client or a missing redirect_uri with a plain 400', async () => {
    const unknown = await authorize({ client_id: 'someone-else', redirect_uri: redirectUri, response_type: 'code' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/plain/);
    const noRedirect = await authorize({ client_id: sandbox.clientId, response_type: 'code' });
    expect(noRedirect.status).toBe(400);
  });

  it('redirects an unsupported challenge method back with an error', async () => {
    const response = await authorize({
      client_id: sandbox.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      state: 's1',
      code_challenge: 'abc',
      code_challenge_method: 'plain',
    });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('s1');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('answers other methods than GET with 405 and an OAuth error', async () => {
    const response = await fetch(`${sandbox.authUrl}/authorize`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) });
  });
});

describe('authorization code grant', () => {
  it('issues working tokens for the right PKCE verifier', async () => {
    const { verifier, challenge } = pkce();
    const { status, body } = await exchange(await codeFor(challenge), { code_verifier: verifier, client_secret: 'anything' });
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3599,
      refresh_token: expect.any(String),
      two_factor_state: 'None',
    });
    const api = await fetch(`${sandbox.apiUrl}/user`, { headers: { Authorization: `Bearer ${body.access_token as string}` } });
    expect(api.status).toBe(200);
  });

  it('refuses a wrong or missing verifier with invalid_grant', async () => {
    const { challenge } = pkce();
    expect(await exchange(await codeFor(challenge), { code_verifier: pkce().verifier })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.any(String) },
    });
    expect((await exchange(await codeFor(challenge))).body.error).toBe('invalid_grant');
  });

  it('accepts a code without PKCE when none was requested', async () => {
    expect((await exchange(await codeFor())).status).toBe(200);
  });

  it('uses a code once only', async () => {
    const code = await codeFor();
    expect((await exchange(code)).status).toBe(200);
    expect(await exchange(code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('requires the same redirect_uri', async () => {
    const result = await exchange(await codeFor(), { redirect_uri: 'http://127.0.0.1:1/other' });
    expect(result.body.error).toBe('invalid_grant');
  });

  it('accepts the client id through HTTP Basic as well', async () => {
    const response = await fetch(`${sandbox.authUrl}/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${sandbox.clientId}:secret`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: redirectUri }),
    });
    expect(response.status).toBe(200);
  });
});

describe('token endpoint errors', () => {
  it('names the error per OAuth', async () => {
    expect((await token({ grant_type: 'refresh_token', refresh_token: sandbox.refreshToken, client_id: 'nope' })).body.error).toBe('invalid_client');
    expect((await token({ grant_type: 'password', client_id: sandbox.clientId })).body.error).toBe('unsupported_grant_type');
    expect((await token({ client_id: sandbox.clientId })).body.error).toBe('invalid_request');
    expect((await token({ grant_type: 'refresh_token', client_id: sandbox.clientId })).body.error).toBe('invalid_request');
    const json = await fetch(`${sandbox.authUrl}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token' }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
  });
});

describe('refresh token grant', () => {
  it('rotates tokens, and after revokeRefreshTokens answers invalid_grant', async () => {
    const local = await startSandbox();
    try {
      const refresh = (refreshToken: string) =>
        fetch(`${local.authUrl}/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: local.clientId }),
        });
      const rotated = (await (await refresh(local.refreshToken)).json()) as { refresh_token: string };
      local.revokeRefreshTokens();
      for (const refreshToken of [local.refreshToken, rotated.refresh_token]) {
        const response = await refresh(refreshToken);
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
      }
      // Access tokens are a separate matter: the ready one still works.
      expect((await fetch(`${local.apiUrl}/user`, { headers: { Authorization: `Bearer ${local.accessToken}` } })).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
