import { EventEmitter } from 'node:events';
import type { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, InterruptedError, UsageError } from '../../src/errors.js';
import { codeFromCallback, codeFromPastedUrl, listenForCallback, PASTE_REDIRECT_URI, resolveClientId, runLoginFlow } from '../../src/auth/login-flow.js';
import { clearSecrets } from '../../src/loket/redact.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { tempDir } from '../helpers/cli.js';
import { canOpenBrowser, openBrowser } from '../../src/ui/browser.js';
import { tokenEndpointFor } from '../../src/auth/session.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { approveInBrowser, fakeContext, waitForText } from './helpers.js';

describe('redirect parameters', () => {
  it('accepts the code when state matches', () => {
    expect(codeFromCallback(new URLSearchParams('code=the-code&state=s1'), 's1')).toBe('the-code');
  });

  it('rejects a foreign state, a missing code and an error answer with AuthError', () => {
    for (const query of ['code=the-code&state=other', 'code=the-code', 'state=s1', 'error=access_denied&state=s1']) {
      const error = (() => {
        try {
          codeFromCallback(new URLSearchParams(query), 's1');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, query).toBeInstanceOf(AuthError);
    }
  });

  it('parses what the user pasted: the whole address, a query, or with spaces around', () => {
    expect(codeFromPastedUrl('http://127.0.0.1/callback?code=abc123&state=s1', 's1')).toBe('abc123');
    expect(codeFromPastedUrl('  https://example.test/landing?state=s1&code=abc123#top \n', 's1')).toBe('abc123');
    expect(codeFromPastedUrl('?code=abc123&state=s1', 's1')).toBe('abc123');
    expect(codeFromPastedUrl('code=abc123&state=s1', 's1')).toBe('abc123');
  });

  it('a pasted address without a code is a UsageError; one with a foreign state an AuthError', () => {
    expect(() => codeFromPastedUrl('http://127.0.0.1/callback', 's1')).toThrow(UsageError);
    expect(() => codeFromPastedUrl('nonsense', 's1')).toThrow(UsageError);
    expect(() => codeFromPastedUrl('http://127.0.0.1/callback?code=abc123&state=evil', 's1')).toThrow(AuthError);
  });
});

describe('loopback listener', () => {
  it('takes exactly one /callback request, answers a page, then stops listening', async () => {
    const listener = await listenForCallback({ state: 's1' });
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const other = await fetch(new URL('/favicon.ico', listener.redirectUri));
    expect(other.status).toBe(404);
    await other.text();

    const answer = await fetch(`${listener.redirectUri}?code=the-code&state=s1`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(await answer.text()).toContain('<p>');
    await expect(listener.code).resolves.toBe('the-code');

    await listener.close();
    await expect(fetch(`${listener.redirectUri}?code=again&state=s1`)).rejects.toThrow();
  });

  it('a redirect with the wrong state is rejected and still closes the listener', async () => {
    const listener = await listenForCallback({ state: 's1' });
    const answer = await fetch(`${listener.redirectUri}?code=the-code&state=forged`);
    expect(answer.status).toBe(400);
    await answer.text();
    await expect(listener.code).rejects.toBeInstanceOf(AuthError);
    await listener.close();
    await expect(fetch(`${listener.redirectUri}?code=the-code&state=s1`)).rejects.toThrow();
  });

  it('gives up with an AuthError after its time-out', async () => {
    const listener = await listenForCallback({ state: 's1', timeoutMs: 10 });
    await expect(listener.code).rejects.toBeInstanceOf(AuthError);
    await listener.close();
  });

  it('stops on the run signal with its reason (Ctrl+C)', async () => {
    const controller = new AbortController();
    const listener = await listenForCallback({ state: 's1', signal: controller.signal });
    controller.abort(new InterruptedError('interrupted'));
    await expect(listener.code).rejects.toBeInstanceOf(InterruptedError);
    await listener.close();
  });
});

describe('opening a browser', () => {
  function fakeSpawn() {
    const calls: { command: string; args: string[]; options: Record<string, unknown> }[] = [];
    const run = ((command: string, args: string[], options: Record<string, unknown>) => {
      calls.push({ command, args, options });
      return Object.assign(new EventEmitter(), { unref() {} });
    }) as unknown as typeof spawn;
    return { calls, run };
  }
  const url = 'https://oauth.loket.nl/authorize?client_id=a&state=b';

  it('uses open on macOS, xdg-open on a Linux desktop, and start (with & escaped) on Windows', () => {
    const mac = fakeSpawn();
    expect(openBrowser(url, { platform: 'darwin', env: {}, spawn: mac.run })).toBe(true);
    expect(mac.calls[0]).toMatchObject({ command: 'open', args: [url], options: { detached: true, stdio: 'ignore' } });

    const linux = fakeSpawn();
    expect(openBrowser(url, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, spawn: linux.run })).toBe(true);
    expect(linux.calls[0]).toMatchObject({ command: 'xdg-open', args: [url] });

    const windows = fakeSpawn();
    expect(openBrowser(url, { platform: 'win32', env: {}, spawn: windows.run })).toBe(true);
    expect(windows.calls[0]).toMatchObject({
      command: 'cmd',
      args: ['/c', 'start', '""', 'https://oauth.loket.nl/authorize?client_id=a^&state=b'],
      options: { windowsVerbatimArguments: true },
    });
  });

  it('BROWSER wins everywhere (its first program), BROWSER=none opens nothing, and WSL uses Windows’ start', () => {
    const chosen = fakeSpawn();
    expect(openBrowser(url, { platform: 'linux', env: { BROWSER: 'firefox:chromium', DISPLAY: ':0' }, spawn: chosen.run })).toBe(true);
    expect(chosen.calls[0]).toMatchObject({ command: 'firefox', args: [url] });
    const onWindows = fakeSpawn();
    expect(openBrowser(url, { platform: 'win32', env: { BROWSER: 'C:\\Tools\\browser.exe;other' }, spawn: onWindows.run })).toBe(true);
    expect(onWindows.calls[0]).toMatchObject({ command: 'C:\\Tools\\browser.exe', args: [url] });
    const none = fakeSpawn();
    expect(openBrowser(url, { platform: 'darwin', env: { BROWSER: 'none' }, spawn: none.run })).toBe(false);
    expect(none.calls).toHaveLength(0);
    const wsl = fakeSpawn();
    expect(openBrowser(url, { platform: 'linux', env: { WSL_DISTRO_NAME: 'Ubuntu' }, spawn: wsl.run })).toBe(true);
    expect(wsl.calls[0]).toMatchObject({ command: 'cmd.exe', args: ['/c', 'start', '""', 'https://oauth.loket.nl/authorize?client_id=a^&state=b'] });
    expect(canOpenBrowser({ platform: 'linux', env: { WSL_DISTRO_NAME: 'Ubuntu' } })).toBe(true);
    expect(canOpenBrowser({ platform: 'darwin', env: { BROWSER: 'none' } })).toBe(false);
  });

  it('hands the opener an environment without tokens or secrets (src/env.ts childEnvironment)', () => {
    const linux = fakeSpawn();
    const env = {
      PATH: '/usr/bin',
      DISPLAY: ':0',
      LOKET_ACCESS_TOKEN: 'at-canary',
      LOKET_REFRESH_TOKEN: 'rt-canary',
      LOKET_CLIENT_SECRET: 'cs-canary',
      GITHUB_TOKEN: 'gh-canary',
    };
    expect(openBrowser(url, { platform: 'linux', env, spawn: linux.run })).toBe(true);
    // Before: no env option at all, so the opener inherited the whole environment of the run.
    expect(linux.calls[0]?.options.env).toEqual({ PATH: '/usr/bin', DISPLAY: ':0' });
  });

  it('does not try on Linux without a display, and survives a failing spawn', () => {
    const headless = fakeSpawn();
    expect(openBrowser(url, { platform: 'linux', env: {}, spawn: headless.run })).toBe(false);
    expect(headless.calls).toHaveLength(0);
    const broken = (() => {
      throw new Error('ENOENT');
    }) as unknown as typeof spawn;
    expect(openBrowser(url, { platform: 'darwin', env: {}, spawn: broken })).toBe(false);
  });
});

describe('client id', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => dir.remove());

  it('flag, then LOKET_CLIENT_ID, then the profile', async () => {
    const { ctx } = fakeContext({ configDir: dir.path, env: { LOKET_CLIENT_ID: 'from-env' } });
    expect(await resolveClientId(ctx, { flag: 'from-flag', profile: () => 'from-profile' })).toBe('from-flag');
    expect(await resolveClientId(ctx, { profile: () => 'from-profile' })).toBe('from-env');
    const bare = fakeContext({ configDir: dir.path });
    expect(await resolveClientId(bare.ctx, { profile: () => 'from-profile' })).toBe('from-profile');
  });

  it('missing: asked when interactive, a UsageError naming --client-id and LOKET_CLIENT_ID when not', async () => {
    const prompter = scriptedPrompter([[/./, '  typed-id ']]);
    const interactive = fakeContext({ configDir: dir.path, prompter });
    expect(await resolveClientId(interactive.ctx, {})).toBe('typed-id');
    expect(prompter.asked).toHaveLength(1);

    const { ctx } = fakeContext({ configDir: dir.path });
    const error = await resolveClientId(ctx, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(`${(error as UsageError).message} ${(error as UsageError).hint}`).toMatch(/--client-id.*LOKET_CLIENT_ID/);
  });
});

describe('login flow against the simulator', () => {
  let sandbox: SandboxHandle;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = tempDir();
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });
  afterEach(() => clearSecrets());

  it('loopback: prints the URL, the browser (here: the test) follows the redirect, the code is exchanged', async () => {
    const { ctx, stderr } = fakeContext({ configDir: dir.path });
    const login = runLoginFlow(ctx, {
      authUrl: sandbox.authUrl,
      clientId: sandbox.clientId,
      endpoint: tokenEndpointFor(ctx, sandbox.authUrl, sandbox.clientId),
      browser: false,
    });
    const [url] = await waitForText(stderr, /http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/);
    const authorize = new URL(url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const landed = await approveInBrowser(url);
    expect(landed.status).toBe(200);
    const result = await login;
    expect(result.grant.accessToken).toBeTruthy();
    expect(result.grant.refreshToken).toBeTruthy();
    // The listener is gone once the flow is over.
    await expect(fetch(authorize.searchParams.get('redirect_uri') ?? '')).rejects.toThrow();
  });

  it('autoApprove (login --sandbox): no browser, no user, the CLI follows the redirect itself', async () => {
    const { ctx, stderr } = fakeContext({ configDir: dir.path });
    const result = await runLoginFlow(ctx, {
      authUrl: sandbox.authUrl,
      clientId: sandbox.clientId,
      endpoint: tokenEndpointFor(ctx, sandbox.authUrl, sandbox.clientId),
      autoApprove: true,
    });
    expect(result.grant.accessToken).toBeTruthy();
    expect(stderr.text).not.toContain('/authorize');
  });

  it('paste: the user pastes the address the browser landed on', async () => {
    const validations: Array<true | string | undefined> = [];
    const prompter = scriptedPrompter([
      [
        /./,
        // By the time we are asked, the URL is on stderr; the "browser" lands on the paste redirect URI.
        async (options: { validate?: (value: string) => true | string }) => {
          validations.push(options.validate?.('no code here'));
          const [url] = /http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/.exec(fake.stderr.text) ?? [''];
          const approved = await fetch(url, { redirect: 'manual' });
          const landed = approved.headers.get('location') ?? '';
          expect(landed.startsWith(`${PASTE_REDIRECT_URI}?`)).toBe(true);
          return landed;
        },
      ],
    ]);
    const fake = fakeContext({ configDir: dir.path, prompter });
    const result = await runLoginFlow(fake.ctx, {
      authUrl: sandbox.authUrl,
      clientId: sandbox.clientId,
      endpoint: tokenEndpointFor(fake.ctx, sandbox.authUrl, sandbox.clientId),
      paste: true,
      browser: false,
    });
    expect(result.grant.accessToken).toBeTruthy();
    expect(prompter.asked).toHaveLength(1);
    expect(validations[0]).toEqual(expect.any(String));
  });

  it('paste without a terminal is a UsageError before anything happens', async () => {
    const { ctx, stderr } = fakeContext({ configDir: dir.path });
    await expect(
      runLoginFlow(ctx, {
        authUrl: sandbox.authUrl,
        clientId: sandbox.clientId,
        endpoint: tokenEndpointFor(ctx, sandbox.authUrl, sandbox.clientId),
        paste: true,
      }),
    ).rejects.toBeInstanceOf(UsageError);
    expect(stderr.text).not.toContain('/authorize');
  });
});
