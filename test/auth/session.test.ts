import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../src/errors.js';
import { createTokenSource, tokenStoreFor } from '../../src/auth/session.js';
import { accountFor, KEYCHAIN_SERVICE } from '../../src/auth/token-store.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { approveInBrowser, fakeContext, simulatorContexts, waitForText } from './helpers.js';

// The OS keychain, faked at the package boundary so the real one is never touched.
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

describe('createTokenSource', () => {
  it('fetches the first token on first use, and a failed refresh does not stick', async () => {
    const answers = [Promise.reject(new AuthError('refused')), Promise.resolve('access-token-2')];
    answers[0]?.catch(() => {});
    const tokens = createTokenSource({ refresh: () => answers.shift() as Promise<string> });
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(AuthError);
    expect(await tokens.getAccessToken()).toBe('access-token-2');
  });
});

describe('session against the simulator', () => {
  const { context, dir, finally: after, sandbox: simulator } = simulatorContexts(keyring.entries, { scenario: 'all-good' });
  let sandbox: SandboxHandle;
  beforeAll(() => {
    sandbox = simulator();
  });
  const account = () => accountFor('default', { environment: 'custom', apiUrl: sandbox.apiUrl });
  const keychainKey = () => `${KEYCHAIN_SERVICE}/${account()}`;
  const storedLogin = () => JSON.parse(keyring.entries.get(keychainKey()) ?? 'null') as { refreshToken: string } | null;

  async function seedKeychain(refreshToken: string) {
    const { ctx } = context();
    expect(await tokenStoreFor(ctx).save(account(), { refreshToken, clientId: sandbox.clientId })).toBe('keychain');
  }

  it('LOKET_ACCESS_TOKEN comes first, before LOKET_REFRESH_TOKEN and a stored login', async () => {
    await seedKeychain(sandbox.refreshToken);
    const { ctx } = context({
      env: { LOKET_ACCESS_TOKEN: sandbox.accessToken, LOKET_REFRESH_TOKEN: 'not-used-123', LOKET_CLIENT_ID: sandbox.clientId },
    });
    const session = await ctx.loket();
    expect(session.tokenOrigin).toBe('env-access-token');
    expect(session.environment).toBe('custom');
    // E1 (contract v2) gives a name and an e-mail, no user name.
    expect(await session.client.getUser()).toMatchObject({ name: 'J. de Vries', email: 'j.devries@devries-partners.example' });
    expect(session.client.stats().refreshes).toBe(0);
  });

  it('a rejected LOKET_ACCESS_TOKEN (no refresh token) is exit 3 telling what to set', async () => {
    const { ctx } = context({ env: { LOKET_ACCESS_TOKEN: 'expired-access-token' } });
    const session = await ctx.loket();
    const error = await session.client.getUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('LOKET_ACCESS_TOKEN');
    expect((error as AuthError).message).toContain('LOKET_REFRESH_TOKEN');
  });

  it('LOKET_REFRESH_TOKEN with LOKET_CLIENT_ID: refresh grant, and nothing is stored', async () => {
    const { ctx } = context({ env: { LOKET_REFRESH_TOKEN: sandbox.refreshToken, LOKET_CLIENT_ID: sandbox.clientId } });
    const session = await ctx.loket();
    expect(session.tokenOrigin).toBe('env-refresh-token');
    expect((await session.client.providers()).length).toBe(1);
    expect(keyring.entries.size).toBe(0);
    expect(await tokenStoreFor(ctx).load(account())).toBeUndefined();
  });

  it('a refused LOKET_REFRESH_TOKEN is exit 3 naming the variable', async () => {
    const { ctx } = context({ env: { LOKET_REFRESH_TOKEN: 'unknown-refresh-token', LOKET_CLIENT_ID: sandbox.clientId } });
    const session = await ctx.loket();
    const error = await session.client.getUser().catch((e: unknown) => e);
    expect((error as AuthError).exitCode).toBe(3);
    expect((error as AuthError).message).toContain('LOKET_REFRESH_TOKEN');
  });

  it('a stored login (keychain) is used, and a rotated refresh token is stored again', async () => {
    await seedKeychain(sandbox.refreshToken);
    const { ctx } = context();
    const session = await ctx.loket();
    expect(session.tokenOrigin).toBe('keychain');
    await session.client.getUser();
    // The simulator rotates on every refresh.
    expect(storedLogin()?.refreshToken).toBeTruthy();
    expect(storedLogin()?.refreshToken).not.toBe(sandbox.refreshToken);
  });

  it('a stored login in tokens.json reports origin file', async () => {
    const seed = context();
    expect(await tokenStoreFor(seed.ctx, { insecureStorage: true }).save(account(), { refreshToken: sandbox.refreshToken, clientId: sandbox.clientId })).toBe(
      'file',
    );
    const { ctx, stderr } = context();
    const session = await ctx.loket();
    expect(session.tokenOrigin).toBe('file');
    await session.client.getUser();
    expect(stderr.text).toContain('tokens.json');
  });

  it('concurrent 401s lead to one refresh at the token endpoint', async () => {
    await seedKeychain(sandbox.refreshToken);
    const { ctx, stderr } = context({ options: { debug: true, apiUrl: sandbox.apiUrl, authUrl: sandbox.authUrl } });
    const session = await ctx.loket();
    await session.client.getUser();
    sandbox.revokeAccessTokens();
    const users = await Promise.all(Array.from({ length: 6 }, () => session.client.getUser()));
    expect(new Set(users.map((u) => u.name))).toEqual(new Set(['J. de Vries']));
    expect(session.client.stats().refreshes).toBe(1);
    // One grant for the first token, one for all six 401s.
    expect(stderr.text.match(/oauth POST \S+ refresh_token 200/g)).toHaveLength(2);
  });

  it('invalid_grant on a stored login: exit 3 "log in again", and the stored token is deleted', async () => {
    const local = await startSandbox();
    after(() => local.close());
    const fake = fakeContext({ configDir: dir(), options: { apiUrl: local.apiUrl, authUrl: local.authUrl } });
    after(fake.finish);
    const localAccount = accountFor('default', { environment: 'custom', apiUrl: local.apiUrl });
    await tokenStoreFor(fake.ctx).save(localAccount, { refreshToken: local.refreshToken, clientId: local.clientId });
    local.revokeRefreshTokens();
    const session = await fake.ctx.loket();
    const error = await session.client.getUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    // The hint repeats the endpoints of this run, so the copied command logs in to the same place.
    expect((error as AuthError).hint).toContain(`loket-asr-setup --api-url ${local.apiUrl} --auth-url ${local.authUrl} login`);
    expect(keyring.entries.has(`${KEYCHAIN_SERVICE}/${localAccount}`)).toBe(false);
  });

  it('no token, not interactive: exit 3 naming LOKET_ACCESS_TOKEN and the login command', async () => {
    const { ctx } = context();
    const error = await ctx.loket().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('LOKET_ACCESS_TOKEN');
    expect((error as AuthError).hint).toContain('loket-asr-setup login');
  });

  it('no token, interactive, the user declines the login: exit 3', async () => {
    const prompter = scriptedPrompter([[/./, false]]);
    const { ctx } = context({ prompter });
    await expect(ctx.loket()).rejects.toBeInstanceOf(AuthError);
    expect(prompter.asked).toHaveLength(1);
  });

  // The offered login would open a browser; only Linux without DISPLAY (as in this fake env) is sure not to.
  it.skipIf(process.platform !== 'linux')('no token, interactive, the user accepts: logs in and keeps the login', async () => {
    const { ctx, stderr } = context({
      env: { LOKET_CLIENT_ID: sandbox.clientId },
      prompter: scriptedPrompter([[/./, true]]),
    });
    const opening = ctx.loket();
    const url = await Promise.race([
      waitForText(stderr, /http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/).then((found) => found[0]),
      opening.then(() => Promise.reject(new Error('the session opened without a login'))),
    ]);
    await approveInBrowser(url);
    const session = await opening;
    expect(session.tokenOrigin).toBe('login');
    await session.client.getUser();
    expect(storedLogin()?.refreshToken).toBeTruthy();
  });

  it('--sandbox: the simulator in-process, logged in through /oauth/token, nothing stored', async () => {
    const { ctx, stderr, finish } = fakeContext({ configDir: dir(), options: { sandbox: true, profile: 'sandbox' } });
    after(finish);
    const session = await ctx.loket();
    expect(session.tokenOrigin).toBe('sandbox');
    expect(session.environment).toBe('sandbox');
    const handle = await ctx.sandbox();
    expect(handle.apiUrl).toBe(session.apiUrl);
    expect(handle).not.toBe(sandbox);
    expect(stderr.text).toContain(handle.url);
    expect((await session.client.getUser()).name).toBe('J. de Vries');
    expect(keyring.entries.size).toBe(0);
    // The end of the command stops the in-process simulator.
    await finish();
    await expect(fetch(`${session.apiUrl}/user`)).rejects.toThrow();
  });
});
