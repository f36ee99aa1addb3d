/**
 * Tokens that stop working in the middle of a run (case 7), through the built CLI against the
 * simulator. A proxy in front of the simulator revokes the tokens at a chosen request of verify —
 * when pages 2…N of the employer list (E3) go out, after login, office and the webservice user's
 * lookup — and holds that request until the next one arrives, so at least two requests in flight meet
 * the revoked token. No timing is involved: the revocation lands mid-run on any machine.
 * "Nothing lost": an expired access token costs one refresh and the run completes with the full
 * result; when the refresh token is gone too, the run stops with exit 3 and what to do, config.json
 * is byte for byte what the earlier steps left, and `status` still shows those steps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';
import { startProxy, type TestServer } from './fixtures/servers.js';
import { startCli } from '../helpers/spawn.js';

/** 600 employers: E3 has three pages of 250, and pages 2 and 3 are asked for together. */
const EMPLOYERS = 600;

type Doc = Record<string, any>;

let dir: ReturnType<typeof tempDir>;
let sim: SandboxHandle;
const closers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  dir = tempDir();
  sim = await startSandbox({ scenario: 'all-good', employers: EMPLOYERS });
  closers.push(() => sim.close());
});
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  dir.remove();
});

const refreshPath = () => ({
  LOKET_REFRESH_TOKEN: sim.refreshToken,
  LOKET_CLIENT_ID: sim.clientId,
  LOKET_AUTH_URL: sim.authUrl,
  LOKET_WEBSERVICE_USER: 'Webservice#01',
});
const configText = () => readFileSync(join(dir.path, 'config.json'), 'utf8');

/** A later page (2…N) of E3, the employers the logged-in user can see. */
const LATER_EMPLOYER_PAGE = /^\/v2\/providers\/employers\?(?:.*&)?pageNumber=(?:[2-9]|\d{2,})(?:&|$)/;

interface Gate {
  proxy: TestServer;
  /** The revocation happened (the CLI got as far as a later page of E3). */
  triggered(): boolean;
  /** API answers in the order the proxy passed them on: path and status. */
  answers: Array<{ path: string; status: number }>;
}

/** The proxy that runs `revoke` at the first later page of E3 and holds that request until the next one. */
async function revokeMidRun(revoke: () => void): Promise<Gate> {
  let state: 'waiting' | 'holding' | 'released' = 'waiting';
  let release = () => {};
  const answers: Gate['answers'] = [];
  const proxy = await startProxy(sim.url, {
    intercept: (req) => {
      const path = req.url ?? '';
      if (!path.startsWith('/v2/')) return undefined;
      if (state === 'waiting' && LATER_EMPLOYER_PAGE.test(path)) {
        state = 'holding';
        revoke();
        return new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
      }
      if (state === 'holding') {
        state = 'released';
        release();
      }
      return undefined;
    },
    observe: (exchange) => {
      if (exchange.path.startsWith('/v2/')) answers.push({ path: exchange.path, status: exchange.status });
    },
  });
  closers.push(() => proxy.close());
  return { proxy, triggered: () => state !== 'waiting', answers };
}

describe('7. the token expires in the middle of a run', () => {
  it('access token revoked mid-run (refresh path): exactly one refresh, verify completes with every employer', async () => {
    const gate = await revokeMidRun(() => sim.revokeAccessTokens());
    const r = await startCli(['verify', '--json', '--api-url', gate.proxy.apiUrl, '--lang', 'en'], dir.path, { env: refreshPath() }).done;
    expect(r.code, r.stderr).toBe(0);
    expect(gate.triggered()).toBe(true);
    // Mid-run: E1, E2 and the user lookup were answered with the first token before it was revoked.
    const firstRefusal = gate.answers.findIndex((a) => a.status === 401);
    expect(gate.answers.slice(0, firstRefusal).filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(3);
    // At least two requests in flight met the revoked token…
    expect(gate.answers.filter((a) => a.status === 401).length).toBeGreaterThanOrEqual(2);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.ok).toBe(true);
    expect(doc.summary).toEqual({ employers: EMPLOYERS, linked: EMPLOYERS, failed: 0, unverifiable: 0, warnings: 0, notVisible: 0 });
    // …and were replayed, not lost: every employer is there, once, linked, with its loonheffingennummer.
    expect(new Set(doc.employers.map((e: Doc) => e.id)).size).toBe(EMPLOYERS);
    expect(doc.employers.filter((e: Doc) => e.linked !== 'pass' || e.wageTaxNumbers.length === 0)).toEqual([]);
    // Concurrent 401s share one refresh.
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

    const gate = await revokeMidRun(() => {
      sim.revokeRefreshTokens();
      sim.revokeAccessTokens();
    });
    const r = await startCli(['verify', '--json', '--api-url', gate.proxy.apiUrl, '--lang', 'en'], dir.path, { env: refreshPath() }).done;
    expect(r.code, r.stderr).toBe(3);
    expect(gate.triggered()).toBe(true);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc).toMatchObject({ ok: false, error: { exitCode: 3 } });
    expect(doc.error.message).toContain('LOKET_REFRESH_TOKEN');
    expect(doc.error.message).toMatch(/expired or revoked/);
    // The hint repeats this run's endpoints, so the copied command logs in to the same place.
    expect(doc.error.hint).toMatch(/loket-asr-setup --api-url \S+ --auth-url \S+ login/);
    expect(r.stderr).not.toMatch(/^\s+at /m);

    // Nothing half-written, nothing lost, and the lock is released for the next run.
    expect(configText()).toBe(before);
    expect(existsSync(join(dir.path, 'config.json.lock'))).toBe(false);
    const status = await runCli(['status', '--json'], dir.path);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).steps).toEqual({ '1': 'done', '2': 'done', '3': 'done', '4': 'done', '5': 'done' });
  });

  it('only an access token (no refresh token) revoked mid-run: exit 3 naming both variables', async () => {
    const gate = await revokeMidRun(() => sim.revokeAccessTokens());
    const r = await startCli(['verify', '--api-url', gate.proxy.apiUrl, '--lang', 'en'], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sim.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
    }).done;
    expect(r.code, r.stderr).toBe(3);
    expect(gate.triggered()).toBe(true);
    expect(r.stderr).toContain('LOKET_ACCESS_TOKEN');
    expect(r.stderr).toContain('LOKET_REFRESH_TOKEN');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir.path, 'config.json.lock'))).toBe(false);
  });
});
