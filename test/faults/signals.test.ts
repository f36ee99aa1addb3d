/**
 * Interruptions (case 9) through the built CLI. "Nothing lost": Ctrl+C in a prompt exits 130 with
 * every answer given before it saved, and the next run continues after the last answer instead of
 * asking it again; SIGINT/SIGTERM in the middle of a verify (caught there by a proxy that never answers
 * one of its requests) exit 130/143 without a stack trace, leave config.json byte for byte as it was
 * (verify writes once, at the end) and release the lock.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { startProxy, type TestServer } from './fixtures/servers.js';
import { ptyWrapper, startCli, stripAnsi } from '../helpers/spawn.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const OFFICE_PROMPT = /\? Naam van het administratie- of accountantskantoor/;
const CONTACT_PROMPT = /\? Contactpersoon/;

/*
 * No pause before typing: inquirer puts the terminal in raw mode when it creates its readline, and
 * registers its key handlers in the same tick in which it draws the prompt, so once the prompt's
 * text has arrived here any key sent is read by that prompt — on any machine, however slow.
 */

// Skipped, and named so in the report, where neither util-linux `script` nor python3 can make a pseudo-terminal.
describe.skipIf(ptyWrapper() === undefined)('9. Ctrl+C during a prompt (under a pseudo-terminal: skipped without `script` or python3)', () => {
  // A person at a terminal: no CI, stdin/stdout a TTY, so the wizard prompts.
  const interactive = { CI: undefined, TERM: 'xterm-256color' };

  it('exit 130, the answered question is saved, and the next run does not ask it again', async () => {
    const first = startCli(['--sandbox'], dir.path, { pty: true, env: interactive });
    await first.waitFor(OFFICE_PROMPT);
    first.child.stdin.write('Kantoor Onderbroken\r');
    await first.waitFor(CONTACT_PROMPT);
    first.child.stdin.write('\x03');
    const r = await first.done;
    expect(r.code, stripAnsi(r.stdout)).toBe(130);
    expect(stripAnsi(r.stdout)).toContain('De voortgang tot de laatste beantwoorde vraag is bewaard.');
    expect(stripAnsi(r.stdout)).not.toMatch(STACK_FRAME);

    const saved = await runCli(['--sandbox', 'config', 'get', 'office.name'], dir.path);
    expect(saved.code).toBe(0);
    expect(saved.stdout.trim()).toBe('Kantoor Onderbroken');

    // The resumed run starts at the first unanswered question.
    const second = startCli(['--sandbox'], dir.path, { pty: true, env: interactive });
    await second.waitFor(CONTACT_PROMPT);
    expect(stripAnsi(second.stdout())).not.toMatch(OFFICE_PROMPT);
    second.child.stdin.write('\x03');
    expect((await second.done).code).toBe(130);
    const still = await runCli(['--sandbox', 'config', 'get', 'office.name'], dir.path);
    expect(still.stdout.trim()).toBe('Kantoor Onderbroken');
  });
});

describe('9. a signal during a verify', () => {
  let sim: SandboxHandle;
  let proxy: TestServer;
  /** Resolves when verify has asked for the webservice user's teams (E9), which the proxy never answers. */
  let held: Promise<void>;
  beforeEach(async () => {
    sim = await startSandbox({ scenario: 'all-good', employers: 48 });
    // The run is caught in the middle at a request, not at a moment: login, office, employer list and
    // the user lookup are done, the teams and their employers (E9 → E10/E11) are not.
    let reached = () => {};
    held = new Promise<void>((resolve) => (reached = resolve));
    proxy = await startProxy(sim.url, {
      intercept: (req) => {
        if (!/^\/v2\/providers\/users\/[^/]+\/authorizationGroups\b/i.test(req.url ?? '')) return undefined;
        reached();
        return new Promise<undefined>(() => {});
      },
    });
    const saved = await runCli(['config', 'set', 'office.name', 'Kantoor Voor De Onderbreking'], dir.path);
    expect(saved.code).toBe(0);
  });
  afterEach(async () => {
    await proxy.close();
    await sim.close();
  });

  const signals: Array<[NodeJS.Signals, number, string[]]> = [
    ['SIGINT', 130, []],
    ['SIGTERM', 143, []],
    ['SIGINT', 130, ['--json']],
    ['SIGTERM', 143, ['--json']],
  ];

  it.each(signals)('%s → exit %i, no stack trace, config.json untouched, lock released (%j)', async (signal, code, extra) => {
    const before = readFileSync(join(dir.path, 'config.json'), 'utf8');
    const run = startCli(['verify', '--api-url', proxy.apiUrl, ...extra], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sim.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
    });
    await Promise.race([held, run.done.then((r) => Promise.reject(new Error(`verify ended before asking for the teams:\n${r.stderr}`)))]);
    run.child.kill(signal);
    const r = await run.done;
    // Ended by itself on the signal, not by the guard's SIGKILL (the held request would wait 15 s and more).
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toContain(signal === 'SIGINT' ? 'Afgebroken.' : 'Gestopt (SIGTERM).');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    // Never half a result: without --json stdout holds nothing (the interruption is told on stderr);
    // with --json exactly one error document, always (before, the exit could come first).
    if (extra.includes('--json')) {
      const said = `${signal === 'SIGINT' ? 'Afgebroken.' : 'Gestopt (SIGTERM).'} De voortgang tot de laatste beantwoorde vraag is bewaard.`;
      expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { exitCode: code, message: said } });
    } else {
      expect(r.stdout).toBe('');
    }
    // The run really stopped in the middle: no team's users or employers were ever asked for.
    expect(sim.stats().byRoute.E9 ?? 0).toBe(0);
    expect(sim.stats().byRoute.E11 ?? 0).toBe(0);
    expect(sim.stats().byRoute.E3).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(dir.path, 'config.json'), 'utf8')).toBe(before);
    expect(existsSync(join(dir.path, 'config.json.lock'))).toBe(false);
    // The next run may change progress at once: no stale lock in its way.
    const next = await runCli(['config', 'set', 'office.contactName', 'Jan'], dir.path);
    expect(next.code, next.stderr).toBe(0);
  });
});
