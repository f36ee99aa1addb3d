/**
 * Network and API faults under `verify`, through the built CLI on the CI path (LOKET_ACCESS_TOKEN,
 * --api-url). Every case starts from a saved profile; "nothing lost" means, unless a case says more:
 * the run ends by itself with SPEC §6's code (never killed by the test's guard), a failed run leaves
 * config.json byte for byte as it was, and the message says what happened and what to do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir, type RunResult } from '../helpers/cli.js';
import { startHungServer, startProxy, startTricklingServer, type CannedAnswer, type TestServer } from './fixtures/servers.js';

type Doc = Record<string, any>;

let dir: ReturnType<typeof tempDir>;
const closers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  dir = tempDir();
  // A profile worth keeping, so every failed run below can be checked for leaving it alone.
  const saved = await runCli(['config', 'set', 'office.name', 'Kantoor Netwerkstoring'], dir.path);
  expect(saved.code).toBe(0);
});
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  dir.remove();
});

const configText = () => readFileSync(join(dir.path, 'config.json'), 'utf8');

async function sandbox(options: Parameters<typeof startSandbox>[0]): Promise<SandboxHandle> {
  const handle = await startSandbox(options);
  closers.push(() => handle.close());
  return handle;
}

async function server<T extends TestServer>(started: Promise<T>): Promise<T> {
  const handle = await started;
  closers.push(() => handle.close());
  return handle;
}

function verify(apiUrl: string, accessToken: string, extra: string[] = [], timeoutMs = 20_000): Promise<RunResult> {
  return runCli(['verify', '--api-url', apiUrl, '--lang', 'en', ...extra], dir.path, {
    env: { LOKET_ACCESS_TOKEN: accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
    timeoutMs,
  });
}

/** The run ended on its own (not by the guard's SIGKILL) with `code`. */
function expectExit(r: RunResult, code: number): void {
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(code);
}

describe('5. a flaky Loket.nl: 5xx bursts, 429 with Retry-After, connection resets', () => {
  it('verify --json gets the same result as from a healthy API, and counts every retry', async () => {
    // Nothing lost: every employer's verdict equals the healthy run's, and the flaky run made exactly
    // the healthy run's requests plus one per retry (no request dropped, none silently skipped).
    const healthy = await sandbox({ scenario: 'all-good' });
    const flaky = await sandbox({ scenario: 'flaky' });
    const baseline = await verify(healthy.apiUrl, healthy.accessToken, ['--json']);
    expectExit(baseline, 0);
    const r = await verify(flaky.apiUrl, flaky.accessToken, ['--json'], 60_000);
    expectExit(r, 0);
    const want = JSON.parse(baseline.stdout) as Doc;
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.ok).toBe(true);
    expect(doc.summary).toEqual({ employers: 12, linked: 12, failed: 0, unverifiable: 0, warnings: 0, notVisible: 0 });
    expect(doc.employers).toEqual(want.employers);
    // The same verdicts office-wide too: the user, its team, the reach, the problems.
    for (const key of ['webserviceUser', 'route', 'teams', 'reachable', 'problems', 'refused'] as const) expect(doc[key], key).toEqual(want[key]);
    expect(doc.stats.retries).toBeGreaterThan(0);
    expect(doc.stats.refreshes).toBe(0);
    expect(want.stats.retries).toBe(0);
    expect(doc.stats.requests).toBe(want.stats.requests + doc.stats.retries);
    // The simulator saw the failed attempts too: more requests than a healthy run needs, and never
    // more than the CLI counted (a kept-alive socket the server closed may fail before it arrives).
    expect(healthy.stats().requests).toBe(want.stats.requests);
    expect(flaky.stats().requests).toBeGreaterThan(healthy.stats().requests);
    expect(flaky.stats().requests).toBeLessThanOrEqual(doc.stats.requests);
    expect(JSON.parse(configText()).profiles.default.lastVerify.ok).toBe(true);
  }, 90_000);

  it('Retry-After as an HTTP date within the cap: waits, retries, completes (exit 0)', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    let refused = 0;
    const proxy = await server(
      startProxy(sim.url, {
        intercept: (req) => {
          if (refused > 0 || !req.url?.startsWith('/v2/providers/employers?')) return undefined;
          refused++;
          // As the simulator (and, by silence, Loket's spec) answers a 429: no body.
          return { status: 429, headers: { 'Retry-After': new Date(Date.now() + 1_000).toUTCString() } };
        },
      }),
    );
    const r = await verify(proxy.apiUrl, sim.accessToken, ['--json']);
    expectExit(r, 0);
    expect(refused).toBe(1);
    expect(JSON.parse(r.stdout).stats.retries).toBeGreaterThanOrEqual(1);
  });

  /** A 429 without a body (the spec lists none), a 503 as a gateway sends it: a small HTML page. */
  const later = (status: number, retryAfter: () => string): CannedAnswer =>
    status === 429
      ? { status, headers: { 'Retry-After': retryAfter() } }
      : {
          status,
          headers: { 'Retry-After': retryAfter(), 'Content-Type': 'text/html; charset=utf-8' },
          body: `<html><body><h1>${status} Service Unavailable</h1></body></html>`,
        };
  const overTheCap: Array<[string, () => CannedAnswer, RegExp]> = [
    ['429, Retry-After: 120 (seconds)', () => later(429, () => '120'), /Rate limited by Loket\.nl \(429 on GET \/providers\/employers\); try again after /],
    [
      '429, Retry-After as an HTTP date 2 hours ahead',
      () => later(429, () => new Date(Date.now() + 7_200_000).toUTCString()),
      /Rate limited .* try again after /,
    ],
    ['503, Retry-After: 120', () => later(503, () => '120'), /temporarily unavailable \(503 on GET \/providers\/employers\); try again after /],
  ];

  // The simulator's setOverride cannot set response headers, so a proxy in front of it answers E3.
  it.each(overTheCap)('%s: over the cap, so exit 4 at once with "try again after <time>"', async (_name, answer, message) => {
    const sim = await sandbox({ scenario: 'all-good' });
    let answered = 0;
    const proxy = await server(
      startProxy(sim.url, {
        intercept: (req) => {
          if (!req.url?.startsWith('/v2/providers/employers?')) return undefined;
          answered++;
          return answer();
        },
      }),
    );
    const before = configText();
    const r = await verify(proxy.apiUrl, sim.accessToken);
    expectExit(r, 4);
    expect(r.stderr).toMatch(message);
    // A date and time the user can act on, e.g. "28/11/2026, 14:02:00".
    expect(r.stderr).toMatch(/try again after \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}/);
    // It did not wait and retry: one answer was enough to know.
    expect(answered).toBe(1);
    expect(configText()).toBe(before);
  });

  it("the simulator's own rate limit with a Retry-After far over the cap: exit 4 with the time", async () => {
    // 0.01 requests per second: the first request passes, the next is told to come back in 100 s.
    const sim = await sandbox({ scenario: 'all-good', rateLimit: 0.01 });
    const before = configText();
    const r = await verify(sim.apiUrl, sim.accessToken, ['--json']);
    expectExit(r, 4);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc).toMatchObject({ ok: false, error: { exitCode: 4 } });
    expect(doc.error.message).toMatch(/\(429 on GET \/(user|providers)\); try again after \d{2}\/\d{2}\/\d{4}/);
    expect(configText()).toBe(before);
  });
});

describe('6. a connection that hangs, a body that never ends', () => {
  const servers: Array<[string, () => Promise<TestServer>]> = [
    ['accepted, never answered', startHungServer],
    ['headers sent, body trickles forever', startTricklingServer],
  ];

  it.each(servers)('%s: verify --timeout 300 gives up by itself with exit 4, naming the timeout and the fix', async (_name, start) => {
    const hung = await server(start());
    const before = configText();
    // The guard (20 s) is far above what five 0.3 s attempts with backoff need: the point is "does not hang".
    const r = await verify(hung.apiUrl, 'token-for-a-server-that-never-answers', ['--timeout', '300'], 20_000);
    expectExit(r, 4);
    expect(r.stderr).toMatch(/Loket\.nl did not answer GET \/(user|providers) within 0\.3 s, not even after 5 attempts\./);
    expect(r.stderr).toContain('--timeout <ms>');
    // Each attempt was a fresh request; the last one was not left waiting.
    expect(hung.connections()).toBeGreaterThanOrEqual(5);
    expect(configText()).toBe(before);
  });

  // With --allow-unverifiable too: Loket.nl being gone is a network failure, not an unverifiable link.
  it.each([[[]], [['--allow-unverifiable']]])(
    'Loket.nl goes away in the middle of the checks (%j): exit 4 (connection refused), no crash, nothing written',
    async (extra: string[]) => {
      const sim = await sandbox({ scenario: 'all-good', employers: 40 });
      const before = configText();
      // At the webservice user's teams (E9) — login, office, employers and user lookup done, the teams'
      // users and employers (E10/E11) still to come — the simulator shuts down: that answer still goes
      // out, every later connection is refused.
      let shutDown = false;
      sim.setOverride('E9', () => {
        shutDown = true;
        void sim.close();
        return undefined;
      });
      const r = await verify(sim.apiUrl, sim.accessToken, ['--json', ...extra]);
      expectExit(r, 4);
      expect(shutDown).toBe(true);
      expect(JSON.parse(r.stdout).error.message).toMatch(/Cannot connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(sim.stats().byRoute.E11 ?? 0).toBe(0);
      expect(configText()).toBe(before);
    },
  );
});

describe('8. answers of the wrong kind', () => {
  const html = '<!doctype html><html><head><title>Portaal</title></head><body><form action="/login">Inloggen</form></body></html>';
  const wrong: Array<[string, { body: unknown; contentType?: string }, RegExp]> = [
    [
      'an HTML page (a portal or proxy) instead of JSON',
      { body: html, contentType: 'text/html; charset=utf-8' },
      /Unexpected answer from 127\.0\.0\.1:\d+ to GET \/providers\/employers: not JSON\./,
    ],
    [
      'JSON without the paging envelope',
      { body: { employers: [{ id: 'x' }] } },
      /Unexpected answer from 127\.0\.0\.1:\d+ to GET \/providers\/employers: the structure does not match/,
    ],
    [
      'a v2 envelope with employers of the wrong shape',
      {
        body: {
          totalSize: 1,
          pageSize: 250,
          totalPages: 1,
          currentPage: 1,
          version: { obsoleteDate: null, resourceVersion: '2018-01-01' },
          messages: [],
          _embedded: [{ id: 5, companyName: null }],
        },
      },
      /Unexpected answer from 127\.0\.0\.1:\d+ to GET \/providers\/employers: the structure does not match/,
    ],
  ];

  it.each(wrong)('%s: exit 4, the host named, and where to look', async (_name, answer, message) => {
    const sim = await sandbox({ scenario: 'all-good' });
    sim.setOverride('E3', () => ({ status: 200, ...answer }));
    const before = configText();
    const r = await verify(sim.apiUrl, sim.accessToken);
    expectExit(r, 4);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/--debug|--dump/);
    expect(configText()).toBe(before);
  });

  it("every list comes back empty (employers, all employers, the user's teams): ok false and exit 1 — reaching nothing proves nothing", async () => {
    // verify decides (loket-api.md §6): zero reachable employers is the manual's hard warning, never a pass.
    // The answers are well-formed v2 envelopes, just empty.
    const sim = await sandbox({ scenario: 'all-good' });
    const empty = {
      status: 200,
      body: {
        totalSize: 0,
        pageSize: 250,
        totalPages: 0,
        currentPage: 1,
        version: { obsoleteDate: null, resourceVersion: '2018-01-01' },
        messages: [],
        _embedded: [],
      },
    };
    for (const route of ['E3', 'E3b', 'E9'] as const) sim.setOverride(route, () => empty);
    const r = await verify(sim.apiUrl, sim.accessToken, ['--json']);
    expectExit(r, 1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.ok).toBe(false);
    expect(doc.webserviceUser.found).toBe('pass');
    expect(doc.reachable).toBe('fail');
    expect(doc.teams).toEqual([]);
    expect(doc.summary).toEqual({ employers: 0, linked: 0, failed: 0, unverifiable: 0, warnings: 0, notVisible: 0 });
    expect(doc.employers).toEqual([]);
    expect(doc.problems).toContainEqual(
      expect.objectContaining({
        code: 'NONE_REACHABLE',
        severity: 'error',
        message: 'Webservice#01 has access to no employer at all. Without a link the webservice returns nothing.',
      }),
    );
    expect(r.stderr).toContain('the webservice user reaches no employer at all');
    // Recorded as a failed verify, and the office saved before is still there.
    const profile = JSON.parse(configText()).profiles.default;
    expect(profile.lastVerify.ok).toBe(false);
    expect(profile.office.name).toBe('Kantoor Netwerkstoring');
  });

  it('10,000 employers complete, every one checked and recorded', async () => {
    // Nothing lost at scale: 10,000 verdicts in the document and 10,000 employers in config.json.
    const sim = await sandbox({ scenario: 'large', employers: 10_000 });
    const r = await verify(sim.apiUrl, sim.accessToken, ['--json', '--concurrency', '16'], 110_000);
    expectExit(r, 0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.summary).toEqual({ employers: 10_000, linked: 10_000, failed: 0, unverifiable: 0, warnings: 0, notVisible: 0 });
    expect(doc.employers.filter((e: Doc) => e.linked !== 'pass' || e.wageTaxNumbers.length === 0)).toEqual([]);
    expect(doc.employers).toHaveLength(10_000);
    expect(new Set(doc.employers.map((e: Doc) => e.id)).size).toBe(10_000);
    // --json: nothing decorative, not even a runtime warning.
    expect(r.stderr).toBe('');
    const profile = JSON.parse(configText()).profiles.default;
    expect(Object.keys(profile.employers)).toHaveLength(10_000);
    expect(profile.office.name).toBe('Kantoor Netwerkstoring');
  }, 120_000);
});
