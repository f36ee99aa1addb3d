/**
 * Tokens that stop working in the middle of a run (case 7), through the built CLI against the
 * simulator with latency, so the revocation lands while requests are in flight. "Nothing lost": an
 * expired access token costs one refresh and the run completes with the full result; when the
 * refresh token is gone too, the run stops with exit 3 and what to do, config.json is byte for byte
 * what the earlier steps left, and `status` still shows those steps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { startCli } from './fixtures/spawn.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/answers.json', import.meta.url));

type Doc = Record<string, any>;

let dir: ReturnType<typeof tempDir>;
let sim: SandboxHandle;
beforeEach(async () => {
  dir = tempDir();
  // 40 employers at 20 ms with 4 in flight: verify takes about a second, long enough to revoke in.
  sim = await startSandbox({ scenario: 'all-good', employers: 40, latencyMs: 20 });
});
afterEach(async () => {
  await sim.close();
  dir.remove();
});

const refreshPath = () => ({
  LOKET_REFRESH_TOKEN: sim.refreshToken,
  LOKET_CLIENT_ID: sim.clientId,
  LOKET_AUTH_URL: sim.authUrl,
  LOKET_WEBSERVICE_USER: 'Webservice#01',
});
const configText = () => readFileSync(join(dir.path, 'config.json'), 'utf8');

/** Resolves once the simulator has answered `count` more API requests than it had at the call. */
async function afterRequests(count: number): Promise<void> {
  const target = sim.stats().requests + count;
  for (let waited = 0; sim.stats().requests < target; waited += 5) {
    if (waited > 15_000) throw new Error(`the CLI made only ${sim.stats().requests} of ${target} requests`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('7. the token expires in the middle of a run', () => {
  it('access token revoked mid-run (refresh path): exactly one refresh, verify completes with every employer', async () => {
    const run = startCli(['verify', '--json', '--api-url', sim.apiUrl, '--lang', 'en'], dir.path, { env: refreshPath() });
    await afterRequests(10);
    sim.revokeAccessTokens();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.ok).toBe(true);
    expect(doc.summary).toEqual({ employers: 40, linked: 40, authorized: 40, failed: 0, unverifiable: 0 });
    // Concurrent 401s share one refresh; requests with the old token are replayed, not lost.
    expect(doc.stats.refreshes).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(configText()).profiles.default.lastVerify.ok).toBe(true);
  });

  it('access and refresh token both revoked mid-run: exit 3 saying how to get a new token, earlier steps kept', async () => {
    // Steps 1–5 recorded first, through the CI access-token path.
    const wizard = await runCli(['--answers', EXAMPLE, '--api-url', sim.apiUrl], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sim.accessToken },
    });
    expect(wizard.code, wizard.stderr).toBe(0);
    const before = configText();

    const run = startCli(['verify', '--json', '--api-url', sim.apiUrl, '--lang', 'en'], dir.path, { env: refreshPath() });
    await afterRequests(10);
    sim.revokeRefreshTokens();
    sim.revokeAccessTokens();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(3);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc).toMatchObject({ ok: false, error: { exitCode: 3 } });
    expect(doc.error.message).toContain('LOKET_REFRESH_TOKEN');
    expect(doc.error.message).toMatch(/expired or revoked/);
    expect(doc.error.hint).toContain('loket-asr-setup login');
    expect(r.stderr).not.toMatch(/^\s+at /m);

    // Nothing half-written, nothing lost, and the lock is released for the next run.
    expect(configText()).toBe(before);
    expect(existsSync(join(dir.path, 'config.json.lock'))).toBe(false);
    const status = await runCli(['status', '--json'], dir.path);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).steps).toEqual({ '1': 'done', '2': 'done', '3': 'done', '4': 'done', '5': 'done' });
  });

  it('only an access token (no refresh token) revoked mid-run: exit 3 naming both variables', async () => {
    const run = startCli(['verify', '--api-url', sim.apiUrl, '--lang', 'en'], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sim.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
    });
    await afterRequests(10);
    sim.revokeAccessTokens();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('LOKET_ACCESS_TOKEN');
    expect(r.stderr).toContain('LOKET_REFRESH_TOKEN');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir.path, 'config.json.lock'))).toBe(false);
  });
});
