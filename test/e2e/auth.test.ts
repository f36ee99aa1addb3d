/**
 * Login, whoami and the simulator as users and CI jobs run them: the built CLI, spawned, against a
 * simulator on loopback. None of them writes to the OS keychain (the no-token case only looks).
 */
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { baseEnv, BIN, runCli, tempDir } from '../helpers/cli.js';

describe('built CLI: login, whoami, sandbox', () => {
  let dir: ReturnType<typeof tempDir>;
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('login --sandbox logs in without a browser and shows user and office', async () => {
    const r = await runCli(['login', '--sandbox'], dir.path);
    expect(r.stderr).toContain('http://127.0.0.1:');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ingelogd bij Loket.nl als J. de Vries <j.devries@devries-partners.example>');
    expect(r.stdout).toContain('Administratiekantoor De Vries');
  });

  it('whoami --sandbox --json names the simulator as the token origin', async () => {
    const r = await runCli(['whoami', '--sandbox', '--json'], dir.path);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ user: { name: 'J. de Vries', email: 'j.devries@devries-partners.example' }, environment: 'sandbox', tokenOrigin: 'sandbox' });
    // Every activity the tool needs is allowed in the simulator's default office.
    expect(doc.refused).toEqual([]);
    expect(doc.activities).toHaveLength(16);
    expect(doc.activities.every((a: { state: string }) => a.state === 'allowed')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('CI path: LOKET_ACCESS_TOKEN with --api-url works without any keychain', async () => {
    const r = await runCli(['whoami', '--api-url', sandbox.apiUrl, '--json'], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sandbox.accessToken },
    });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ environment: 'custom', apiUrl: sandbox.apiUrl, tokenOrigin: 'env-access-token' });
    expect(doc.provider.name).toContain('De Vries');
    expect(r.stdout + r.stderr).not.toContain(sandbox.accessToken);
  });

  it('no token, not interactive: exit 3 naming LOKET_ACCESS_TOKEN', async () => {
    const r = await runCli(['whoami', '--api-url', sandbox.apiUrl, '--auth-url', sandbox.authUrl], dir.path);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('LOKET_ACCESS_TOKEN');
    // The login to type repeats the endpoints of this run.
    expect(r.stderr).toContain(`loket-asr-setup --api-url ${sandbox.apiUrl} --auth-url ${sandbox.authUrl} login`);
    expect(r.stdout).toBe('');
  });

  it('an invalid sandbox option is exit 2 naming it', async () => {
    const r = await runCli(['sandbox', '--fail-rate', '2'], dir.path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-rate');
  });

  it('sandbox serves until SIGTERM: banner on stdout, its token works, exit 143', async () => {
    const child = spawn(process.execPath, [BIN, 'sandbox', '--scenario', 'default'], {
      env: baseEnv(dir.path),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let stdout = '';
    const banner = await new Promise<{ apiUrl: string; accessToken: string }>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const apiUrl = /API-URL:\s+(\S+)/.exec(stdout)?.[1];
        const accessToken = /Access token:\s+(\S+)/.exec(stdout)?.[1];
        if (apiUrl && accessToken) resolve({ apiUrl, accessToken });
      });
      void exited.then((code) => reject(new Error(`sandbox exited early (${code}): ${stdout}`)));
    });
    const answer = await fetch(`${banner.apiUrl}/providers`, {
      headers: { Authorization: `Bearer ${banner.accessToken}`, Accept: 'application/json;version=2018-01-01' },
    });
    expect(answer.status).toBe(200);
    expect((await answer.json())._embedded).toHaveLength(1);
    // The line to paste into a second terminal works as printed (split as a POSIX shell would: no quotes in it here).
    const pasted = /^ {2}(LOKET_CLIENT_ID=.*)$/m.exec(stdout)?.[1];
    expect(pasted, stdout).toBeDefined();
    const words = pasted!.split(' ');
    const program = words.indexOf('loket-asr-setup');
    const env = Object.fromEntries(words.slice(0, program).map((w) => w.split('=') as [string, string]));
    const whoami = await runCli([...words.slice(program + 1), 'whoami', '--json'], dir.path, { env });
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ environment: 'custom', apiUrl: banner.apiUrl, tokenOrigin: 'env-refresh-token' });
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
  });
});
