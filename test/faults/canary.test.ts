/**
 * The secret canary (SPEC §8, case 12): the whole CLI flow, run the way users and CI jobs run it,
 * with recognisable fake secrets where the simulator accepts them (client secret, a rejected access
 * and refresh token) and the simulator's real tokens everywhere else. A recording proxy in front of
 * the simulator catches every token, authorization code and PKCE verifier that changed hands, so the
 * ones the CLI obtained itself (refresh grants, the login) are searched for too.
 *
 * "Nothing lost" here means nothing leaked: no secret — raw, base64 (standard, unpadded, url-safe),
 * URL- or form-encoded, or inside an HTTP Basic credential — in any stdout or stderr, nor in any file
 * written (dump directory, tickets, exports, everything in the config directory). The one exception
 * is tokens.json, which `login --insecure-storage` exists to write; it must be mode 0600.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir, type RunResult, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';
import { startProxy, type Exchange, type TestServer } from './fixtures/servers.js';
import { startCli } from '../helpers/spawn.js';

/** Characters that change under base64, URL and form encoding, so every form differs from the raw one. */
const CANARY = {
  clientSecret: 'CANARY-client+secret/7Qx=Zq8v&k~',
  accessToken: 'CANARY-access-token-9f4e1c2b7a+/=',
  refreshToken: 'CANARY-refresh-token-3d8a6e0f5b/+=',
};

let sim: SandboxHandle;
let proxy: TestServer;
const config = tempDir('loket-asr-setup-canary-config-');
const out = tempDir('loket-asr-setup-canary-out-');
/** Every secret that went over the wire, by where it was seen. */
const secrets = new Map<string, string>();
const outputs: Array<{ label: string; text: string }> = [];
/** Every secret the proxy saw going over the wire, to prove the canaries were really used. */
const onTheWire = new Set<string>();

function remember(label: string, value: string | null | undefined): void {
  if (value) secrets.set(value, secrets.get(value) ?? label);
}

function seen(label: string, value: string | null | undefined): void {
  if (value) onTheWire.add(value);
  remember(label, value);
}

/** The proxy's view of the traffic: tokens from /oauth/token both ways, bearer tokens on /v2. */
function observe(exchange: Exchange): void {
  const bearer = /^Bearer (.+)$/.exec(exchange.requestHeaders.authorization ?? '')?.[1];
  seen('bearer token sent to the API', bearer);
  if (!exchange.path.startsWith('/oauth/token')) return;
  const form = new URLSearchParams(exchange.requestBody);
  for (const name of ['refresh_token', 'code', 'code_verifier', 'client_secret']) seen(`${name} sent to /oauth/token`, form.get(name));
  const basic = /^Basic (.+)$/.exec(exchange.requestHeaders.authorization ?? '')?.[1];
  const [, secret] = /^[^:]*:(.*)$/.exec(Buffer.from(basic ?? '', 'base64').toString('utf8')) ?? [];
  if (secret) seen('client secret in HTTP Basic', decodeURIComponent(secret.replace(/\+/g, ' ')));
  try {
    const answer = JSON.parse(exchange.responseBody) as { access_token?: string; refresh_token?: string };
    seen('access_token from /oauth/token', answer.access_token);
    seen('refresh_token from /oauth/token', answer.refresh_token);
  } catch {
    // An OAuth error answer holds no token.
  }
}

/** Each way a secret could be written down. */
function formsOf(secret: string): Array<[string, string]> {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  const forms: Array<[string, string]> = [
    ['raw', secret],
    ['base64', base64],
    ['base64 without padding', base64.replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
    ['URL-encoded', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ v: secret }).toString().slice(2)],
  ];
  if (secret === CANARY.clientSecret) {
    forms.push(['HTTP Basic credential', Buffer.from(`${sim.clientId}:${secret}`).toString('base64')]);
    forms.push([
      'HTTP Basic credential (form-encoded)',
      Buffer.from(`${sim.clientId}:${new URLSearchParams({ v: secret }).toString().slice(2)}`).toString('base64'),
    ]);
  }
  return forms;
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function cli(label: string, args: string[], env: Record<string, string | undefined>, expectedCode: number): Promise<RunResult> {
  const r = await runCli(args, config.path, { env, timeoutMs: 30_000 });
  outputs.push({ label: `${label}: stdout`, text: r.stdout }, { label: `${label}: stderr`, text: r.stderr });
  expect(r.code, `${label}\n${r.stderr}`).toBe(expectedCode);
  return r;
}

const api = () => ['--api-url', proxy.apiUrl];
const authUrl = () => `${proxy.url}/oauth`;
/** CI with a refresh token: the CLI gets its own access tokens, with the canary client secret. */
const refreshPath = () => ({
  LOKET_REFRESH_TOKEN: sim.refreshToken,
  LOKET_CLIENT_ID: sim.clientId,
  LOKET_CLIENT_SECRET: CANARY.clientSecret,
  LOKET_AUTH_URL: authUrl(),
  LOKET_WEBSERVICE_USER: 'Webservice#01',
});
const accessPath = () => ({ LOKET_ACCESS_TOKEN: sim.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' });

beforeAll(async () => {
  sim = await startSandbox({ scenario: 'default' });
  proxy = await startProxy(sim.url, { observe });
  remember('LOKET_CLIENT_SECRET (canary)', CANARY.clientSecret);
  remember('LOKET_ACCESS_TOKEN (canary)', CANARY.accessToken);
  remember('LOKET_REFRESH_TOKEN (canary)', CANARY.refreshToken);
  remember('simulator access token', sim.accessToken);
  remember('simulator refresh token', sim.refreshToken);
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
  config.remove();
  out.remove();
});

describe('12. the secret canary across the whole CLI', () => {
  it('the wizard, unattended from examples/answers.json, with --debug (refresh path)', async () => {
    // The default office, answered by examples/answers.json, gets through all five steps: exit 0
    // (contract v2: the webservicepartij's authorization is a recorded confirmation, not an API check).
    await cli('wizard', ['--answers', EXAMPLE, '--debug', ...api()], refreshPath(), 0);
  });

  it('verify --json (access token), verify --debug and verify --dump (refresh path)', async () => {
    // The employers selected in step 5 are linked through team Benefits-Plaza: exit 0.
    await cli('verify --json', ['verify', '--json', ...api()], accessPath(), 0);
    await cli('verify --debug', ['verify', '--debug', ...api()], refreshPath(), 0);
    await cli('verify --dump', ['verify', '--json', '--dump', join(out.path, 'dump'), ...api()], refreshPath(), 0);
    expect(filesUnder(join(out.path, 'dump')).length).toBeGreaterThan(3);
    // A user Loket does not show: the lookup goes on through the named team (E13 → E10) and the
    // employer users (E12), so those requests and their answers pass through --debug and --dump too.
    const hidden = ['verify', '--webservice-user', 'Webservice#99', '--team', 'Benefits-Plaza'];
    const asked = (route: string) => sim.stats().byRoute[route] ?? 0;
    const before = { E13: asked('E13'), E10: asked('E10'), E12: asked('E12') };
    await cli('verify --debug (user not found)', [...hidden, '--debug', ...api()], refreshPath(), 1);
    await cli('verify --dump (user not found)', [...hidden, '--json', '--dump', join(out.path, 'dump-not-found'), ...api()], accessPath(), 1);
    expect(filesUnder(join(out.path, 'dump-not-found')).length).toBeGreaterThan(3);
    for (const [route, count] of Object.entries(before)) expect(asked(route), route).toBeGreaterThanOrEqual(count + 2);
  });

  it('the three tickets and both exports, to files', async () => {
    for (const kind of ['webservicepartij', 'omgevingscode', 'autorisatie']) {
      await cli(`ticket ${kind}`, ['ticket', kind, '--out', join(out.path, `ticket-${kind}.txt`), ...api()], accessPath(), 0);
    }
    await cli('employers export csv', ['employers', 'export', '--format', 'csv', '--out', join(out.path, 'employers.csv')], {}, 0);
    await cli('employers export json', ['employers', 'export', '--format', 'json', '--out', join(out.path, 'employers.json')], {}, 0);
    expect(readFileSync(join(out.path, 'ticket-autorisatie.txt'), 'utf8')).toContain('verlof');
  });

  it('whoami, human and --json --debug (refresh path)', async () => {
    await cli('whoami', ['whoami', ...api()], refreshPath(), 0);
    await cli('whoami --json --debug', ['whoami', '--json', '--debug', ...api()], refreshPath(), 0);
  });

  it('login --insecure-storage (browser flow approved by the test), then whoami from the stored login', async () => {
    const env = { LOKET_CLIENT_ID: sim.clientId, LOKET_CLIENT_SECRET: CANARY.clientSecret };
    const login = startCli(['login', '--insecure-storage', '--no-browser', '--debug', ...api(), '--auth-url', authUrl()], config.path, { env });
    const [url] = await login.waitFor(/http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/);
    // What the browser would do: the simulator approves at once and redirects to the CLI's listener.
    const approval = await fetch(url, { redirect: 'manual' });
    const callback = approval.headers.get('location');
    expect(callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    remember('authorization code in the redirect', new URL(callback!).searchParams.get('code'));
    expect((await fetch(callback!)).status).toBe(200);
    const r = await login.done;
    outputs.push({ label: 'login: stdout', text: r.stdout }, { label: 'login: stderr', text: r.stderr });
    expect(r.code, r.stderr).toBe(0);

    const tokenFile = join(config.path, 'tokens.json');
    if (process.platform !== 'win32') expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const kept = readFileSync(tokenFile, 'utf8');
    expect([...secrets.keys()].some((secret) => kept.includes(secret))).toBe(true);
    // A client secret from the environment is used, never stored.
    expect(kept).not.toContain(CANARY.clientSecret);

    const whoami = await cli(
      'whoami (stored login)',
      ['whoami', '--json', '--debug', ...api(), '--auth-url', authUrl()],
      { LOKET_CLIENT_SECRET: CANARY.clientSecret },
      0,
    );
    expect(JSON.parse(whoami.stdout).tokenOrigin).toBe('file');
  });

  it('status and config get', async () => {
    await cli('status', ['status'], {}, 0);
    await cli('status --json', ['status', '--json'], {}, 0);
    await cli('config get', ['config', 'get'], {}, 0);
    await cli('config get office.name', ['config', 'get', 'office.name'], {}, 0);
  });

  it('a canary access token that Loket.nl rejects: exit 3, and the canary is not repeated', async () => {
    const env = { LOKET_ACCESS_TOKEN: CANARY.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' };
    await cli('verify --json (canary access token)', ['verify', '--json', ...api()], env, 3);
    await cli('verify --debug (canary access token)', ['verify', '--debug', ...api()], env, 3);
    await cli('whoami --debug (canary access token)', ['whoami', '--debug', ...api()], env, 3);
  });

  it('a canary refresh token that Loket.nl refuses: exit 3, and neither canary is repeated', async () => {
    const env = { ...refreshPath(), LOKET_REFRESH_TOKEN: CANARY.refreshToken };
    await cli('verify --debug (canary refresh token)', ['verify', '--debug', ...api()], env, 3);
    await cli('whoami --json --debug (canary refresh token)', ['whoami', '--json', '--debug', ...api()], env, 3);
  });

  it('no secret in any output or any file written, in any encoding', () => {
    // The canaries were really in play: sent to the API and to the token endpoint.
    for (const canary of Object.values(CANARY)) expect(onTheWire.has(canary), canary).toBe(true);
    expect([...secrets.values()]).toContain('refresh_token from /oauth/token');
    expect([...secrets.values()]).toContain('code_verifier sent to /oauth/token');
    expect(outputs.length).toBeGreaterThanOrEqual(2 * 20);

    const places = [...outputs];
    for (const root of [config.path, out.path]) {
      for (const file of filesUnder(root)) {
        if (root === config.path && relative(root, file) === 'tokens.json') continue;
        places.push({ label: relative(root, file) || file, text: readFileSync(file, 'utf8') });
      }
    }
    expect(places.some((p) => p.label === 'config.json')).toBe(true);

    const hits: string[] = [];
    for (const [secret, origin] of secrets) {
      for (const [form, text] of formsOf(secret)) {
        for (const place of places) if (place.text.includes(text)) hits.push(`${origin} (${form}) in ${place.label}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
