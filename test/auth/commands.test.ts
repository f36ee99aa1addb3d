import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as login } from '../../src/cli/commands/login.js';
import { run as logout } from '../../src/cli/commands/logout.js';
import { sandboxOptions } from '../../src/cli/commands/sandbox.js';
import { run as whoami } from '../../src/cli/commands/whoami.js';
import { UsageError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { KEYCHAIN_SERVICE } from '../../src/auth/token-store.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { approveInBrowser, simulatorContexts, waitForText, type FakeContextOptions } from './helpers.js';

const keyring = vi.hoisted(() => ({ entries: new Map<string, string>() }));
vi.mock('@napi-rs/keyring', () => ({
  AsyncEntry: class {
    private readonly key: string;
    constructor(service: string, account: string) {
      this.key = `${service}/${account}`;
    }
    async getPassword() {
      return keyring.entries.get(this.key) ?? null;
    }
    async setPassword(value: string) {
      keyring.entries.set(this.key, value);
    }
    async deleteCredential() {
      return keyring.entries.delete(this.key);
    }
  },
}));

/** Who the simulator's logged-in user is, as E1 (contract v2) tells it. */
const USER = { name: 'J. de Vries', email: 'j.devries@devries-partners.example' };

const AUTHORIZE_URL = /http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/;

describe('login, whoami and logout commands against the simulator', () => {
  const { context, finally: after, sandbox: simulator } = simulatorContexts(keyring.entries);
  let sandbox: SandboxHandle;
  beforeAll(() => {
    sandbox = simulator();
    setLang('en');
  });
  afterAll(() => setLang('nl'));

  async function loginThroughBrowser(extra: Partial<FakeContextOptions> = {}) {
    const fake = context({ local: { clientId: sandbox.clientId, browser: false }, ...extra });
    const done = login(fake.ctx);
    const url = await Promise.race([
      waitForText(fake.stderr, AUTHORIZE_URL).then((found) => found[0]),
      done.then(() => Promise.reject(new Error('login finished without a browser'))),
    ]);
    await approveInBrowser(url);
    await done;
    return fake;
  }

  it('login: shows user and office, keeps the refresh token in the keychain, records who in the store', async () => {
    const { ctx, stdout } = await loginThroughBrowser();
    // E1 of contract v2: a display name and an e-mail address, no user name.
    expect(stdout.text).toContain(`Logged in to Loket.nl as ${USER.name} <${USER.email}>.`);
    expect(stdout.text).toContain('Office (provider): Administratiekantoor De Vries');
    expect(stdout.text).toContain('keychain');
    const entry = keyring.entries.get(`${KEYCHAIN_SERVICE}/default@${new URL(sandbox.apiUrl).host}`);
    expect(JSON.parse(entry ?? '{}')).toEqual({ refreshToken: expect.any(String), clientId: sandbox.clientId });
    const profile = ctx.store().profile();
    expect(profile.clientId).toBe(sandbox.clientId);
    expect(profile.environment).toBe('custom');
    expect(profile.user).toEqual({ name: USER.name, email: USER.email });
    expect(profile.provider?.name).toContain('De Vries');
    // The store never holds a token.
    expect(JSON.stringify(profile)).not.toContain(JSON.parse(entry ?? '{}').refreshToken);
  });

  it('login --json: one document with user, provider, environment and tokenStorage', async () => {
    const { stdout, stderr } = await loginThroughBrowser({ options: { json: true, apiUrl: sandbox.apiUrl, authUrl: sandbox.authUrl } });
    const doc = JSON.parse(stdout.text);
    expect(doc).toEqual({
      user: { ...USER, role: 'Salarisadministrateur' },
      provider: { id: expect.any(String), name: expect.stringContaining('De Vries') },
      environment: 'custom',
      tokenStorage: 'keychain',
    });
    // Still told where to log in: the URL is not decoration.
    expect(stderr.text).toMatch(AUTHORIZE_URL);
  });

  it('login --sandbox: no browser, no client id asked, nothing kept', async () => {
    const { ctx, stdout } = context({ options: { sandbox: true, profile: 'sandbox', apiUrl: undefined, authUrl: undefined } });
    await login(ctx);
    expect(stdout.text).toContain(`Logged in to Loket.nl as ${USER.name} <${USER.email}>.`);
    expect(stdout.text).toContain('Simulator logins are not kept');
    expect(keyring.entries.size).toBe(0);
    expect(ctx.store().profile().environment).toBe('sandbox');
  });

  it('whoami after login: user, office, environment, API URL and the keychain as origin', async () => {
    await loginThroughBrowser();
    const { ctx, stdout } = context({ options: { json: true, apiUrl: sandbox.apiUrl, authUrl: sandbox.authUrl } });
    await whoami(ctx);
    const doc = JSON.parse(stdout.text);
    expect(doc).toMatchObject({
      user: USER,
      provider: { name: expect.stringContaining('De Vries') },
      environment: 'custom',
      apiUrl: sandbox.apiUrl,
      tokenOrigin: 'keychain',
      refused: [],
    });
    // One probe per activity the tool needs (loket-api.md §6b); the default office allows them all.
    expect(doc.activities).toHaveLength(16);
    expect(doc.activities.filter((a: { state: string }) => a.state !== 'allowed')).toEqual([]);
  });

  it('whoami in words', async () => {
    const { ctx, stdout } = context({ env: { LOKET_ACCESS_TOKEN: sandbox.accessToken } });
    await whoami(ctx);
    expect(stdout.text).toMatch(/User:\s+J\. de Vries$/m);
    expect(stdout.text).toMatch(/E-mail:\s+j\.devries@devries-partners\.example$/m);
    expect(stdout.text).toMatch(/Token from:\s+environment variable LOKET_ACCESS_TOKEN/);
    expect(stdout.text).toMatch(/Activities:\s+all 16 activities this tool uses are allowed/);
  });

  it('whoami against an office whose login lacks rights: names each refused activity and what to do', async () => {
    const local = await startSandbox({ scenario: 'no-rights' });
    after(() => local.close());
    const refused = ['GetProviderUsersByProviderId', 'GetAuthorizationGroupsByProviderId', 'GetEmployerUsersByProviderId', 'GetEmployerUsersByEmployerId'];
    const options = { apiUrl: local.apiUrl, authUrl: local.authUrl };
    const json = context({ env: { LOKET_ACCESS_TOKEN: local.accessToken }, options: { ...options, json: true } });
    await whoami(json.ctx);
    const doc = JSON.parse(json.stdout.text);
    expect(doc.user).toMatchObject(USER);
    expect([...doc.refused].sort()).toEqual([...refused].sort());
    for (const activity of refused) expect(doc.activities).toContainEqual(expect.objectContaining({ activity, state: 'refused', status: 403 }));
    // Team and user-id endpoints need an id from a refused list: not probed, and never reported as allowed.
    for (const endpoint of ['E9', 'E10', 'E11', 'E15']) {
      expect(doc.activities.find((a: { endpoint: string }) => a.endpoint === endpoint)?.state).toBe('not-probed');
    }
    expect(doc.activities.filter((a: { state: string }) => a.state === 'allowed')).toHaveLength(8);

    const words = context({ env: { LOKET_ACCESS_TOKEN: local.accessToken }, options });
    await whoami(words.ctx);
    expect(words.stdout.text).toMatch(/Activities:\s+4 of 16 refused \(403\): /);
    for (const activity of refused) expect(words.stdout.text).toContain(activity);
    expect(words.stderr.text).toContain('api@loket.nl');
  });

  it('logout removes the stored login, says so, and is idempotent', async () => {
    await loginThroughBrowser();
    const first = context({ env: { LOKET_ACCESS_TOKEN: 'still-set-token' } });
    await logout(first.ctx);
    expect(first.stdout.text).toContain('removed from: the keychain');
    expect(first.stderr.text).toContain('LOKET_ACCESS_TOKEN');
    expect(keyring.entries.size).toBe(0);

    const second = context({ options: { json: true, apiUrl: sandbox.apiUrl, authUrl: sandbox.authUrl } });
    await logout(second.ctx);
    expect(JSON.parse(second.stdout.text)).toEqual({ account: `default@${new URL(sandbox.apiUrl).host}`, removed: [] });
  });
});

describe('sandbox command options', () => {
  it('converts valid values', () => {
    expect(sandboxOptions({ port: '0', scenario: 'flaky', employers: '25', latency: '20', failRate: '0.5', rateLimit: '2.5' })).toEqual({
      port: 0,
      scenario: 'flaky',
      employers: 25,
      latencyMs: 20,
      failRate: 0.5,
      rateLimit: 2.5,
    });
    expect(sandboxOptions({})).toEqual({});
  });

  it.each([
    ['--port', { port: '65536' }],
    ['--port', { port: 'abc' }],
    ['--employers', { employers: '0' }],
    ['--employers', { employers: '10001' }],
    ['--latency', { latency: '-1' }],
    ['--fail-rate', { failRate: '1.5' }],
    ['--rate-limit', { rateLimit: '0' }],
    ['--rate-limit', { rateLimit: '' }],
  ])('rejects a bad %s with a UsageError naming it', (option, raw) => {
    expect(() => sandboxOptions(raw)).toThrow(UsageError);
    expect(() => sandboxOptions(raw)).toThrow(option);
  });
});
