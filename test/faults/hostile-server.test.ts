/**
 * A hostile Loket.nl (issue 12), through the built CLI on loopback: servers that drip or never end
 * (API and OAuth token endpoint), absurd and repeated pages, a connection cut after the headers,
 * names full of terminal escape sequences, and proxies that refuse in Loket's place. Each case ends
 * by itself (never by the test's guard) with SPEC §6's exit code and a message that says what
 * happened; nothing from the server reaches the terminal, a ticket or an export raw.
 *
 * Time limits here are small `--timeout` values; no case asserts how fast it ended, only that it
 * ended by itself, so a machine twice as slow passes too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir, type RunResult, EXAMPLE_ANSWERS as ANSWERS } from '../helpers/cli.js';
import { drip, endless, startHostileServer, type HostileHandler, type HostileServer } from '../helpers/hostile.js';
import { startProxy, type ProxyOptions, type TestServer } from './fixtures/servers.js';
import { ptyWrapper, startCli, stripAnsi } from '../helpers/spawn.js';

type Doc = Record<string, any>;

let dir: ReturnType<typeof tempDir>;
const closers: Array<() => Promise<void>> = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  dir.remove();
});

async function sandbox(options: Parameters<typeof startSandbox>[0]): Promise<SandboxHandle> {
  const handle = await startSandbox(options);
  closers.push(() => handle.close());
  return handle;
}
async function hostile(handler: HostileHandler): Promise<HostileServer> {
  const server = await startHostileServer(handler);
  closers.push(() => server.close());
  return server;
}
async function proxy(target: SandboxHandle, options: ProxyOptions): Promise<TestServer> {
  const server = await startProxy(target.url, options);
  closers.push(() => server.close());
  return server;
}

const WS = { LOKET_WEBSERVICE_USER: 'Webservice#01' };
const cli = (args: string[], env: Record<string, string> = {}, timeoutMs = 20_000): Promise<RunResult> =>
  runCli([...args, '--lang', 'en'], dir.path, { env: { ...WS, ...env }, timeoutMs });

/** Ended by itself (not by the guard's SIGKILL) with `code`, and without a stack trace. */
function expectExit(r: RunResult, code: number): void {
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('a server that drips or never ends: one deadline and one size limit for every exchange', () => {
  it('the OAuth token endpoint drips one byte every 50 ms: verify --timeout 300 stops with exit 4 and the time-out (before: hung forever)', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    const token = await hostile(drip({ start: '{"access_token":"', intervalMs: 50 }));
    const r = await cli(['verify', '--api-url', sim.apiUrl, '--auth-url', token.url, '--timeout', '300'], {
      LOKET_REFRESH_TOKEN: 'refresh-for-a-dripping-server',
      LOKET_CLIENT_ID: 'client-1',
    });
    expectExit(r, 4);
    expect(r.stderr).toContain(`The login server ${token.url.replace('http://', '')} did not answer within 0.3 s.`);
    expect(r.stderr).toContain('--timeout <ms>');
    expect(sim.stats().requests).toBe(0);
  });

  it('the OAuth token endpoint sends a body that never ends: exit 4, "larger than 20 MB" (before: the process grew to gigabytes)', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    const token = await hostile(endless());
    const r = await cli(['verify', '--api-url', sim.apiUrl, '--auth-url', token.url], {
      LOKET_REFRESH_TOKEN: 'refresh-for-an-endless-server',
      LOKET_CLIENT_ID: 'client-1',
    });
    expectExit(r, 4);
    expect(r.stderr).toContain(`The answer of ${token.url.replace('http://', '')} to POST /token is larger than 20 MB; reading stopped.`);
    expect(r.stderr).not.toMatch(/Cannot connect|HTTPS_PROXY/);
  });

  it('the API sends a body that never ends: exit 4, "larger than 20 MB", not retried and not "cannot connect"', async () => {
    const asked: string[] = [];
    const body = endless();
    const api = await hostile((req, res, n) => {
      asked.push(req.url ?? '');
      body(req, res, n);
    });
    const r = await cli(['verify', '--api-url', api.apiUrl, '--json'], { LOKET_ACCESS_TOKEN: 'token-for-an-endless-server' });
    expectExit(r, 4);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.error.message).toMatch(/^The answer of 127\.0\.0\.1:\d+ to GET \/[^ ]+ is larger than 20 MB; reading stopped\.$/);
    // The first requests go out at once; none of them is asked again.
    expect(new Set(asked).size).toBe(asked.length);
  });
});

describe('pages that cannot be trusted', () => {
  const envelope = (currentPage: number, totalPages: number, items: unknown[], totalSize = totalPages * 250) => ({
    totalSize,
    pageSize: 250,
    totalPages,
    currentPage,
    version: { obsoleteDate: null, resourceVersion: '2018-01-01' },
    messages: [],
    _embedded: items,
  });

  it('totalPages 1e9 (with a totalSize to match): exit 4 at once, one request for the list (before: read until killed)', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    const item = { id: '00000000-0000-4000-8000-000000000001', employerNumber: 1, companyName: 'Een' };
    sim.setOverride('E3', () => ({ status: 200, body: envelope(1, 1e9, [item], 250e9) }));
    const r = await cli(['verify', '--api-url', sim.apiUrl], { LOKET_ACCESS_TOKEN: sim.accessToken });
    expectExit(r, 4);
    expect(r.stderr).toContain(
      'Loket.nl announced 1000000000 pages of /providers/employers for 250000000000 items (at most 2000 expected); stopped rather than read on forever.',
    );
    expect(sim.stats().byRoute.E3).toBe(1);
  });

  it('page 3 repeats page 1 under its own number: exit 4 naming both pages (before: its employers were counted twice)', async () => {
    const sim = await sandbox({ scenario: 'large', employers: 600 });
    const firstPage = await (
      await fetch(`${sim.apiUrl}/providers/employers?pageNumber=1&pageSize=250`, { headers: { Authorization: `Bearer ${sim.accessToken}` } })
    ).json();
    sim.setOverride('E3', (req) => (req.query.get('pageNumber') === '3' ? { status: 200, body: { ...firstPage, currentPage: 3 } } : undefined));
    const r = await cli(['verify', '--api-url', sim.apiUrl], { LOKET_ACCESS_TOKEN: sim.accessToken });
    expectExit(r, 4);
    expect(r.stderr).toContain('Loket.nl returned the items of page 1 of /providers/employers again as page 3; stopped rather than count them twice.');
  });

  it('an employer whose id is __proto__ is checked and kept like any other (before: it vanished from the store)', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    const real = await (
      await fetch(`${sim.apiUrl}/providers/employers?pageNumber=1&pageSize=250`, { headers: { Authorization: `Bearer ${sim.accessToken}` } })
    ).json();
    const odd = [
      { id: '__proto__', employerNumber: 99001, companyName: 'Proto B.V.' },
      { id: 'constructor', employerNumber: 99002, companyName: 'Constructor B.V.' },
    ];
    sim.setOverride('E3', () => ({ status: 200, body: { ...real, totalSize: real.totalSize + 2, _embedded: [...real._embedded, ...odd] } }));
    const r = await cli(['verify', '--api-url', sim.apiUrl, '--json'], { LOKET_ACCESS_TOKEN: sim.accessToken });
    expect(r.signal).toBeNull();
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.employers.map((e: Doc) => e.id)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    const saved = JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8')).profiles.default.employers;
    expect(Object.keys(saved)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(saved['__proto__'].companyName).toBe('Proto B.V.');
    const list = await cli(['employers', 'list', '--json']);
    expect(JSON.parse(list.stdout).map((e: Doc) => e.employerNumber)).toEqual(expect.arrayContaining([99001, 99002]));
  });

  it('a connection cut after the headers is retried (GET), and the run completes (exit 0)', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    let cut = 0;
    const cutting = await proxy(sim, {
      intercept: (req) => {
        if (cut > 0 || !req.url?.startsWith('/v2/providers/employers?')) return undefined;
        cut++;
        return { status: 200, body: JSON.stringify(envelope(1, 1, [])), resetAfterHeaders: true };
      },
    });
    const r = await cli(['verify', '--api-url', cutting.apiUrl, '--json'], { LOKET_ACCESS_TOKEN: sim.accessToken });
    expectExit(r, 0);
    expect(cut).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.ok).toBe(true);
    expect(doc.stats.retries).toBeGreaterThanOrEqual(1);
    expect(doc.summary.employers).toBe(12);
  });
});

describe("proxies that answer in Loket's place", () => {
  it('a 403 with a Via header and an HTML page: exit 4, "refused, but not by Loket.nl" (before: "Loket.nl denies access" and an unverifiable check)', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    const firewall = await proxy(sim, {
      intercept: (req) =>
        /^\/v2\/providers\/[^/]+\/users\b/.test(req.url ?? '')
          ? {
              status: 403,
              headers: { Via: '1.1 proxy.kantoor.example (squid/5.7)', 'Content-Type': 'text/html' },
              body: '<html><body>Access denied by policy</body></html>',
            }
          : undefined,
    });
    const r = await cli(['verify', '--api-url', firewall.apiUrl, '--json'], { LOKET_ACCESS_TOKEN: sim.accessToken });
    expectExit(r, 4);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.error.message).toMatch(
      /^GET \/providers\/[^ ]+\/users was refused \(403\), but not by Loket\.nl: the answer comes from something in between, such as a proxy, firewall or portal \(via: 1\.1 proxy\.kantoor\.example \(squid\/5\.7\)\)\.$/,
    );
    expect(doc.error.hint).toContain('Ask your IT department to let 127.0.0.1');
    expect(r.stdout + r.stderr).not.toContain('denies access');
  });

  it('Loket\'s own 403 ({ "message" }) stays Loket\'s refusal: unverifiable, the activity named, exit 1', async () => {
    const sim = await sandbox({ scenario: 'no-rights' });
    const r = await cli(['verify', '--api-url', sim.apiUrl, '--json'], { LOKET_ACCESS_TOKEN: sim.accessToken });
    expectExit(r, 1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.refused.map((refusal: Doc) => refusal.activity)).toContain('GetProviderUsersByProviderId');
  });

  it('a 407 from a proxy: exit 4, "the proxy asks for a login", with how to give it', async () => {
    const sim = await sandbox({ scenario: 'all-good' });
    const gate = await proxy(sim, { intercept: () => ({ status: 407, headers: { 'Proxy-Authenticate': 'Basic realm="kantoor"' } }) });
    const r = await cli(['verify', '--api-url', gate.apiUrl], { LOKET_ACCESS_TOKEN: sim.accessToken });
    expectExit(r, 4);
    expect(r.stderr).toMatch(/The proxy asks for a login \(407\) on GET \/(user|providers)\./);
    expect(r.stderr).toContain('Put the proxy user name and password in HTTPS_PROXY');
  });
});

describe('names full of terminal escape sequences: nothing from Loket reaches the terminal, a ticket or an export raw', () => {
  /** Clears the screen, retitles the window, rings the bell, reverses the text and returns the carriage. */
  const HOSTILE = '\u001b[2J\u001b]0;owned\u0007\u202e\r\u009b31m';
  /** Any of those, raw: C0 controls but line feed, DEL, C1 controls, bidi controls. */
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  /** Every company, provider and team name, and every message, as a hostile Loket would send them. */
  let poisoned = 0;
  function poison(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(poison);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => {
        if (!['companyName', 'name', 'description', 'value'].includes(key) || typeof entry !== 'string') return [key, poison(entry)];
        poisoned++;
        return [key, `${entry}${HOSTILE}`];
      }),
    );
  }

  /** The simulator behind a proxy that poisons every name in its answers. */
  async function poisonedLoket(): Promise<{ sim: SandboxHandle; evil: TestServer }> {
    const sim = await sandbox({ scenario: 'default' });
    const evil = await proxy(sim, {
      rewrite: (_path, body) => {
        try {
          return JSON.stringify(poison(JSON.parse(body)));
        } catch {
          return body;
        }
      },
    });
    return { sim, evil };
  }

  it('the whole wizard (steps 1–5), status, employers list and export, and ticket autorisatie (--out too)', async () => {
    const { sim, evil } = await poisonedLoket();
    const env = { LOKET_ACCESS_TOKEN: sim.accessToken };
    const api = ['--api-url', evil.apiUrl];
    const outputs: Array<[string, RunResult]> = [];
    const run = async (name: string, args: string[]) => {
      const r = await cli([...args, ...api], env, 30_000);
      expect(r.signal, `${name}: ${r.stderr}`).toBeNull();
      outputs.push([name, r]);
      return r;
    };
    const wizard = await run('wizard', ['--non-interactive', '--answers', ANSWERS]);
    // The names did arrive (made safe), the steps ran to their end.
    expect(wizard.code, wizard.stderr).toBe(0);
    await run('step 2', ['step', '2']);
    await run('step 3', ['step', '3']);
    await run('step 5', ['step', '5', '--answers', ANSWERS]);
    await run('status', ['status']);
    await run('employers list', ['employers', 'list']);
    await run('employers export csv', ['employers', 'export', '--format', 'csv']);
    await run('employers export json', ['employers', 'export', '--format', 'json']);
    await run('ticket autorisatie', ['ticket', 'autorisatie']);
    const ticketFile = join(dir.path, 'autorisatie.txt');
    const exportFile = join(dir.path, 'werkgevers.csv');
    await run('ticket autorisatie --out', ['ticket', 'autorisatie', '--out', ticketFile]);
    await run('employers export --out', ['employers', 'export', '--format', 'csv', '--out', exportFile]);

    // CSV ends its lines with CRLF (RFC 4180); that is the only carriage return allowed.
    const text = (raw: string) => raw.replace(/\r\n/g, '\n');
    for (const [name, r] of outputs) {
      expect(text(r.stdout), `${name} stdout`).not.toMatch(RAW);
      expect(r.stderr, `${name} stderr`).not.toMatch(RAW);
    }
    // The hostile names were there to be shown: the company names appear, without their payload.
    // The names did arrive, made plain: the company name and the team, without their payload.
    expect(outputs.find(([name]) => name === 'employers list')![1].stdout).toContain('Hoveniersbedrijf De Groot & Zonen B.V.');
    expect(outputs.find(([name]) => name === 'step 2')![1].stderr).toContain('team Benefits-Plaza: 10 employers');
    expect(poisoned).toBeGreaterThan(100);
    for (const file of [
      ticketFile,
      exportFile,
      ...readdirSync(dir.path)
        .filter((f) => f.startsWith('config.json'))
        .map((f) => join(dir.path, f)),
    ]) {
      expect(text(readFileSync(file, 'utf8')), file).not.toMatch(RAW);
    }
    const saved = JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8'));
    expect(saved.profiles.default.provider.name).not.toMatch(RAW);
  }, 90_000);

  // On a terminal the tool colours its own output and draws prompts and progress; the server's
  // sequences (clear screen, window title, bell, C1 CSI, bidi override) must still never arrive.
  const PAYLOAD = /\u001b\[2J|\u001b\]|\u0007|\u009b|\u202e/;

  describe.skipIf(ptyWrapper() === undefined)('under a pseudo-terminal (skipped without `script` or python3)', () => {
    const terminal = { CI: undefined, TERM: 'xterm-256color', LANG: 'en_GB.UTF-8' };

    it('verify (spinner and progress), employers list, status, and the employer picker of employers select', async () => {
      const { sim, evil } = await poisonedLoket();
      const env = { ...WS, LOKET_ACCESS_TOKEN: sim.accessToken, ...terminal };
      const api = ['--api-url', evil.apiUrl];
      const shown: Array<[string[], string]> = [
        [['verify'], 'Tandartspraktijk Postma B.V.'],
        [['employers', 'list'], 'Hoveniersbedrijf De Groot & Zonen B.V.'],
        [['status'], 'Loket.nl provider: Administratiekantoor De Vries & Partners (fictief)'],
      ];
      for (const [args, name] of shown) {
        // 120 columns: the spinner (ora) and the tables draw as on a real terminal.
        const run = startCli([...args, ...api], dir.path, { pty: true, env, columns: 120 });
        const r = await run.done;
        expect(r.signal, `${args.join(' ')}: ${r.stdout}`).toBeNull();
        expect(r.stdout, args.join(' ')).not.toMatch(PAYLOAD);
        // The name arrived, made plain.
        expect(stripAnsi(r.stdout), args.join(' ')).toContain(name);
      }
      // A fresh pseudo-terminal reports 0 columns: before, the spinner then cleared lines forever and verify never ended.
      const narrow = await startCli(['verify', ...api], dir.path, { pty: true, env }).done;
      expect(narrow.signal, narrow.stdout.slice(-500)).toBeNull();
      expect(narrow.code).toBe(0);
      expect(narrow.stdout).not.toMatch(PAYLOAD);
      // The picker draws every employer's name in the prompt; Ctrl+C leaves it (exit 130).
      const picker = startCli(['employers', 'select', ...api], dir.path, { pty: true, env, columns: 120 });
      await picker.waitFor(/Choose the employers for the salariskoppeling/);
      await picker.waitFor(/Hoveniersbedrijf De Groot & Zonen B\.V\./);
      picker.child.stdin.write('\x03');
      const r = await picker.done;
      expect(r.code).toBe(130);
      expect(r.stdout).not.toMatch(PAYLOAD);
    }, 60_000);
  });
});
