/**
 * Every recorded session in test/fixtures/dumps/ is a regression case (issue 14): the built CLI's
 * `verify --json` against its replay (src/sandbox/replay.ts) must give the recorded verify document
 * (verdicts.json) with the recorded exit code, without asking anything that was not recorded; and
 * the recorded verdicts must say what the contract prescribes (fixture.json `expect`,
 * `sameVerdictsAs`). New dumps from real offices go in the same directory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReplay, type ReplayHandle } from '../../src/sandbox/replay.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { startCli } from '../helpers/spawn.js';
import { FIXTURES, fixtureMeta, fixtureNames, fixtureVerdicts, readJson, withoutVolatile } from './helpers.js';

const names = fixtureNames();

describe('the fixtures', () => {
  it('cover every simulator scenario but large, and the shapes loket-api.md calls uncertain', () => {
    const scenarios = new Set(names.map((name) => fixtureMeta(name).scenario));
    expect([...scenarios]).toEqual(
      expect.arrayContaining(['all-good', 'default', 'flaky', 'hidden-user', 'no-rights', 'none-linked', 'team-read-fails', 'werkgevergebruiker']),
    );
    const edits = names.map((name) => fixtureMeta(name).edit).filter(Boolean);
    expect(edits).toEqual(
      expect.arrayContaining(['e10-embedded-object', 'empty-list-total-pages-0', 'team-items-without-islinked', 'e8-version-400', 'e8-hides-user']),
    );
    for (const name of names) expect(readdirSync(join(FIXTURES, name))).toEqual(expect.arrayContaining(['README.md', 'fixture.json', 'verdicts.json']));
  });

  it.each(names)('%s: the recorded verdict is the one the contract prescribes', (name) => {
    const meta = fixtureMeta(name);
    const verdicts = fixtureVerdicts(name);
    expect(verdicts).toMatchObject(meta.expect);
    expect(verdicts.ok).toBe(meta.exitCode === 0);
    // An edit that only changes a shape the client must read either way may not change the verdict at all.
    if (meta.sameVerdictsAs) expect(withoutVolatile(verdicts)).toEqual(withoutVolatile(fixtureVerdicts(meta.sameVerdictsAs)));
    // Absent is unverifiable, never fail (loket-api.md §1).
    if (verdicts.webserviceUser.found !== 'pass') expect(verdicts.employers.filter((e: { linked: string }) => e.linked === 'fail')).toEqual([]);
  });

  it('the edited shapes are really in the dumps', () => {
    const bodies = (name: string) =>
      readdirSync(join(FIXTURES, name))
        .filter((file) => /^\d+-/.test(file))
        .map((file) => readJson(join(FIXTURES, name, file)));
    expect(bodies('e10-embedded-object').some((d) => /\/users$/.test(d.request.path) && d.body?._embedded && !Array.isArray(d.body._embedded))).toBe(true);
    expect(bodies('empty-list-total-pages-0').some((d) => d.body?.totalPages === 0 && d.body?.totalSize === 0 && !('_embedded' in d.body))).toBe(true);
    expect(
      bodies('team-items-without-islinked')
        .filter((d) => /authorizationgroups\/[^/]+\/(users|employers)$/.test(d.request.path) && d.status === 200)
        .every((d) => d.body._embedded.every((item: object) => !('isLinked' in item))),
    ).toBe(true);
    const e8 = bodies('e8-version-400').filter((d) => /^\/providers\/[^/]+\/users$/.test(d.request.path));
    expect(e8.map((d) => [d.request.acceptVersion, d.status])).toEqual([
      ['2018-01-01', 400],
      ['2018-01-01', 400],
      [null, 200],
    ]);
    expect(bodies('e8-hides-user').every((d) => !JSON.stringify(d.body).includes('"userName":"Webservice#01"'))).toBe(true);
  });
});

describe('built CLI: verify --json against the replay of every fixture', () => {
  let config: ReturnType<typeof tempDir>;
  let handle: ReplayHandle | undefined;
  let logged: string[];
  beforeEach(() => {
    config = tempDir();
    logged = [];
  });
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    config.remove();
  });

  const replayVerify = async (dir: string, args: string[]) => {
    handle = await startReplay({ dir, log: (line) => logged.push(line) });
    const r = await runCli(['verify', '--json', '--api-url', handle.apiUrl, ...args], config.path, {
      env: { LOKET_ACCESS_TOKEN: handle.accessToken },
      timeoutMs: 60_000,
    });
    return { ...r, doc: JSON.parse(r.stdout) as Record<string, any> };
  };

  it.each(names)('%s replays to its verdicts.json', async (name) => {
    const meta = fixtureMeta(name);
    const r = await replayVerify(join(FIXTURES, name), meta.args);
    expect(logged).toEqual([]);
    expect(withoutVolatile(r.doc)).toEqual(withoutVolatile(fixtureVerdicts(name)));
    expect(r.code).toBe(meta.exitCode);
  });

  it('a request the recording does not have: 404, and the replay names it', async () => {
    const r = await replayVerify(join(FIXTURES, 'all-good'), ['--webservice-user', 'Webservice#02', '--employers', 'all']);
    expect(r.code).not.toBe(0);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]).toMatch(
      /^replay: niet opgenomen: GET \/v2\/providers\/[^/]+\/users\?filter=userName eq 'Webservice#02'&pageNumber=1&pageSize=250 \(Accept-versie 2018-01-01\)/,
    );
  });

  it('--sandbox --replay <dir> on verify: logs in to the replay, same verdicts; an unrecorded request is warned about on stderr', async () => {
    const meta = fixtureMeta('default');
    const r = await runCli(['--sandbox', '--replay', join(FIXTURES, 'default'), 'verify', '--json', ...meta.args], config.path, { timeoutMs: 60_000 });
    expect(r.code).toBe(meta.exitCode);
    const doc = JSON.parse(r.stdout) as Record<string, any>;
    expect(doc.environment).toBe('sandbox');
    expect(withoutVolatile(doc)).toEqual(withoutVolatile(fixtureVerdicts('default')));
    expect(r.stderr).not.toContain('niet opgenomen');

    // --replay alone implies --sandbox, and like every global option it may follow the command name.
    const other = await runCli(['verify', '--json', '--replay', join(FIXTURES, 'default'), '--webservice-user', 'Iemand'], config.path, { timeoutMs: 60_000 });
    expect(other.stderr).toMatch(/replay: niet opgenomen: GET \/v2\/providers\/[^ ]+\/users\?filter=userName eq 'Iemand'/);
  });

  it('sandbox --replay <dir> --json: the handle document, serving the recording until stopped', async () => {
    const running = startCli(['sandbox', '--replay', join(FIXTURES, 'all-good'), '--json'], config.path, { timeoutMs: 30_000 });
    await running.waitFor(/"scenario": "replay"[\s\S]*\}/);
    const banner = JSON.parse(running.stdout()) as { apiUrl: string; accessToken: string; scenario: string; dir: string };
    expect(banner).toMatchObject({ scenario: 'replay', dir: join(FIXTURES, 'all-good') });
    const answer = await fetch(`${banner.apiUrl}/user`, {
      headers: { Authorization: `Bearer ${banner.accessToken}`, Accept: 'application/json;version=2018-01-01' },
    });
    expect(((await answer.json()) as { content: { personalDetails: { lastName: string } } }).content.personalDetails.lastName).toBe('Vries');
    running.child.kill('SIGTERM');
    expect((await running.done).code).toBe(143);
  });

  it('sandbox --replay goes with --port only', async () => {
    const r = await runCli(['sandbox', '--replay', join(FIXTURES, 'all-good'), '--scenario', 'default'], config.path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--scenario hoort bij de simulator');
  });
});

describe('recording: verify --dump writes verdicts.json, and the recording replays to it', () => {
  it('verdicts.json is the --json document (without where the dump went and the changes since the last check here), 0600, and replays to the same', async () => {
    const config = tempDir();
    const sandbox = await startSandbox({ scenario: 'team-read-fails' });
    let handle: ReplayHandle | undefined;
    try {
      const args = ['--webservice-user', 'Webservice#01', '--employers', 'all'];
      const recorded = await runCli(['verify', '--json', '--api-url', sandbox.apiUrl, '--dump', join(config.path, 'dump'), ...args], config.path, {
        env: { LOKET_ACCESS_TOKEN: sandbox.accessToken },
        timeoutMs: 60_000,
      });
      const doc = JSON.parse(recorded.stdout) as Record<string, any>;
      const runDir = doc.dump.dir as string;
      const verdicts = readJson(join(runDir, 'verdicts.json'));
      const { dump: _where, changes: _changes, ...printed } = doc;
      expect(verdicts).toEqual(printed);
      if (process.platform !== 'win32') expect(statSync(join(runDir, 'verdicts.json')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(runDir, 'verdicts.json'), 'utf8')).not.toContain(sandbox.accessToken);

      // The parent directory (what the user gave --dump) works too.
      handle = await startReplay({ dir: join(config.path, 'dump') });
      const fresh = tempDir();
      try {
        const replayed = await runCli(['verify', '--json', '--api-url', handle.apiUrl, ...args], fresh.path, {
          env: { LOKET_ACCESS_TOKEN: handle.accessToken },
          timeoutMs: 60_000,
        });
        expect(replayed.code).toBe(recorded.code);
        expect(withoutVolatile(JSON.parse(replayed.stdout))).toEqual(withoutVolatile(verdicts));
        expect(handle.unrecorded()).toEqual([]);
      } finally {
        fresh.remove();
      }
    } finally {
      await handle?.close();
      await sandbox.close();
      config.remove();
    }
  });
});
