/**
 * `verify --json` as a CI job runs it: the built CLI, LOKET_ACCESS_TOKEN and LOKET_WEBSERVICE_USER
 * from the environment, --api-url pointing at a separate simulator of each scenario (SPEC §11), and
 * the verdicts and exit codes SPEC §5/§6 describe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../src/sandbox/scenarios.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';

const RESULT = ['pass', 'fail', 'unverifiable'];
const STEP_STATE = ['todo', 'in-progress', 'done', 'attention'];
const SEVERITY = ['error', 'warning', 'info'];

type Doc = Record<string, any>;

/** The SPEC §5 document (v2), field by field. */
function expectSpecShape(doc: Doc): void {
  expect(typeof doc.ok).toBe('boolean');
  expect(new Date(doc.checkedAt).toISOString()).toBe(doc.checkedAt);
  expect(typeof doc.environment).toBe('string');
  expect(doc.user).toEqual({ name: 'J. de Vries', email: 'j.devries@devries-partners.example', role: expect.anything() });
  expect(doc.provider).toEqual({ id: expect.any(String), name: expect.any(String) });
  expect(doc.webserviceUser).toMatchObject({ userName: 'Webservice#01', found: expect.stringMatching(/^(pass|unverifiable)$/) });
  expect(['provider-user', 'team-user', 'employer-user', null]).toContain(doc.webserviceUser.kind);
  expect(['ak-team', 'werkgevergebruiker', null]).toContain(doc.route);
  for (const team of doc.teams) expect(team).toMatchObject({ id: expect.any(String), description: expect.any(String) });
  expect(['confirmed', 'unconfirmed']).toContain(doc.authorization.state);
  for (const key of ['employers', 'linked', 'failed', 'unverifiable', 'warnings']) expect(Number.isInteger(doc.summary[key])).toBe(true);
  for (const employer of doc.employers) {
    expect(typeof employer.id).toBe('string');
    expect(Number.isInteger(employer.employerNumber)).toBe(true);
    expect(typeof employer.companyName).toBe('string');
    for (const number of employer.wageTaxNumbers) expect(number).toMatch(/^\d{9}L\d{2}$/);
    expect(RESULT).toContain(employer.linked);
    expect(typeof employer.required).toBe('boolean');
    for (const via of employer.via) expect(via).toMatch(/^(team:.+|employer-user)$/);
    for (const problem of employer.problems) {
      expect(SEVERITY).toContain(problem.severity);
      expect(typeof problem.message).toBe('string');
      expect(typeof problem.fix).toBe('string');
    }
  }
  expect(Object.keys(doc.steps)).toEqual(['1', '2', '3', '4', '5']);
  for (const state of Object.values(doc.steps)) expect(STEP_STATE).toContain(state);
  // Contract v1's guesses are gone for good.
  expect(JSON.stringify(doc)).not.toMatch(/"entities"|"authorized"|"userType"|totalItems/);
}

const numbers = (doc: Doc, test: (e: Doc) => boolean) => doc.employers.filter(test).map((e: Doc) => e.employerNumber);

describe('built CLI: verify --json against each simulator scenario (CI path)', () => {
  let dir: ReturnType<typeof tempDir>;
  let sandbox: SandboxHandle | undefined;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
    dir.remove();
  });

  const verify = async (scenario: ScenarioName, extra: string[] = []) => {
    sandbox ??= await startSandbox({ scenario });
    const r = await runCli(['verify', '--json', '--api-url', sandbox.apiUrl, ...extra], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sandbox.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
      timeoutMs: 60_000,
    });
    return { ...r, doc: JSON.parse(r.stdout) as Doc };
  };

  it('default without a selection: the user is found and reaches employers — ok, exit 0; unlinked ones are information', async () => {
    const r = await verify('default');
    expectSpecShape(r.doc);
    expect(r.code).toBe(0);
    expect(r.doc).toMatchObject({ ok: true, scope: 'none', reachable: 'pass', route: 'ak-team', webserviceUser: { found: 'pass', kind: 'provider-user' } });
    expect(r.doc.summary).toEqual({ employers: 12, linked: 10, failed: 0, unverifiable: 0, warnings: 4, notVisible: 1 });
    expect(numbers(r.doc, (e) => e.linked === 'fail')).toEqual([20008, 20023]);
    expect(r.doc.teams).toEqual([expect.objectContaining({ description: 'Benefits-Plaza', member: true, linkedEmployers: 10, otherUsers: 1 })]);
    expect(r.stdout.trim().startsWith('{') && r.stdout.trim().endsWith('}')).toBe(true);
    // The access token is never written anywhere.
    expect(r.stdout + r.stderr + readFileSync(join(dir.path, 'config.json'), 'utf8')).not.toContain(sandbox!.accessToken);
  });

  it('default with --employers all: the two unlinked employers fail — exit 1, one short error', async () => {
    const r = await verify('default', ['--employers', 'all']);
    expect(r.code).toBe(1);
    expect(r.doc).toMatchObject({ ok: false, scope: 'all', summary: { failed: 2, unverifiable: 0 } });
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).toContain('2 werkgevers die nodig zijn, zijn niet gekoppeld');
    // --allow-unverifiable does not excuse a real failure.
    expect((await verify('default', ['--employers', 'all', '--allow-unverifiable'])).code).toBe(1);
  });

  it('all-good: ok, exit 0, also with --employers all', async () => {
    const r = await verify('all-good', ['--employers', 'all']);
    expectSpecShape(r.doc);
    expect(r.code).toBe(0);
    expect(r.doc.summary).toMatchObject({ employers: 12, linked: 12, failed: 0, unverifiable: 0, warnings: 0 });
    expect(r.stderr).toBe('');
  });

  it("none-linked: the manual's hard failure — reaches no employer, exit 1", async () => {
    const r = await verify('none-linked');
    expectSpecShape(r.doc);
    expect(r.code).toBe(1);
    expect(r.doc).toMatchObject({ ok: false, reachable: 'fail', summary: { linked: 0 } });
    expect(r.doc.problems).toContainEqual(expect.objectContaining({ code: 'NONE_REACHABLE', severity: 'error' }));
  });

  it('werkgevergebruiker: an employer user reaching three employers through E15', async () => {
    const r = await verify('werkgevergebruiker');
    expectSpecShape(r.doc);
    expect(r.code).toBe(0);
    expect(r.doc).toMatchObject({ route: 'werkgevergebruiker', webserviceUser: { found: 'pass', kind: 'employer-user' }, summary: { linked: 3 } });
    expect(numbers(r.doc, (e) => e.linked === 'pass')).toEqual([20002, 20013, 20028]);
    expect(r.doc.employers.find((e: Doc) => e.linked === 'pass').via).toEqual(['employer-user']);
    const all = await verify('werkgevergebruiker', ['--employers', 'all']);
    expect(all.code).toBe(1);
    expect(all.doc.summary.failed).toBe(9);
  });

  it('hidden-user with --team: unverifiable (exit 1), never "not linked"; the team\'s employers only as information', async () => {
    const r = await verify('hidden-user', ['--team', 'Benefits-Plaza']);
    expectSpecShape(r.doc);
    expect(r.code).toBe(1);
    expect(r.doc).toMatchObject({ ok: false, reachable: 'unverifiable', webserviceUser: { found: 'unverifiable', id: null, kind: null } });
    expect(r.doc.employers.every((e: Doc) => e.linked === 'unverifiable')).toBe(true);
    expect(numbers(r.doc, (e) => e.via.includes('team:Benefits-Plaza'))).toHaveLength(10);
    expect(r.doc.problems[0]).toMatchObject({ code: 'USER_NOT_FOUND', severity: 'error' });
    expect((await verify('hidden-user', ['--team', 'Benefits-Plaza', '--allow-unverifiable'])).code).toBe(0);
  });

  it('team-read-fails: employers behind the unreadable team are unverifiable, the rest pass', async () => {
    const r = await verify('team-read-fails', ['--employers', 'all']);
    expectSpecShape(r.doc);
    expect(r.code).toBe(1);
    expect(r.doc.summary).toMatchObject({ employers: 12, linked: 8, failed: 0, unverifiable: 4 });
    expect(r.doc.problems).toContainEqual(expect.objectContaining({ code: 'TEAM_UNREADABLE' }));
    expect((await verify('team-read-fails', ['--employers', 'all', '--allow-unverifiable'])).code).toBe(0);
  });

  it('no-rights: the refused activities are named, with the right that grants them; unverifiable, exit 1', async () => {
    const r = await verify('no-rights');
    expectSpecShape(r.doc);
    expect(r.code).toBe(1);
    expect(r.doc.webserviceUser.found).toBe('unverifiable');
    expect(r.doc.refused.map((x: Doc) => x.activity)).toEqual(expect.arrayContaining(['GetProviderUsersByProviderId', 'GetEmployerUsersByProviderId']));
    expect(r.doc.refused.every((x: Doc) => x.rights.length > 0)).toBe(true);
    expect(r.doc.problems[0]).toMatchObject({ code: 'USER_LOOKUP_REFUSED' });
    expect(r.doc.problems[0].message).toContain('OAuth');
  });

  it('flaky (5xx, resets, 429 with Retry-After): completes with the right result', async () => {
    const r = await verify('flaky', ['--employers', 'all']);
    expectSpecShape(r.doc);
    expect(r.code).toBe(0);
    expect(r.doc.summary).toMatchObject({ employers: 12, linked: 12, failed: 0, unverifiable: 0 });
    expect(r.doc.stats.retries).toBeGreaterThan(0);
  }, 90_000);

  it('the request count grows with pages, not employers (large: 2,000 employers)', async () => {
    const r = await verify('large', ['--employers', 'all']);
    expect(r.code).toBe(0);
    expect(r.doc.summary).toMatchObject({ employers: 2000, linked: 2000 });
    // E1, E2, E3 (8 pages), E3b (8), E4b (10), E8, E9, E10, E11 (8): about 40 requests.
    expect(r.doc.stats.requests).toBeLessThan(60);
  }, 90_000);

  it('human output: who was found, the table and the summary on stdout; the error on stderr', async () => {
    sandbox = await startSandbox({ scenario: 'default' });
    const r = await runCli(['verify', '--employers', 'all', '--api-url', sandbox.apiUrl, '--lang', 'en'], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sandbox.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Webservice#01 found among the provider's users (provider user).");
    expect(r.stdout).toMatch(/^employer\s+needed\s+linked\s+via\s+message$/m);
    expect(r.stdout).toContain('12 employers: 10 linked');
    expect(r.stderr).toContain('Check failed');
  });

  it('--dump DIR keeps every answer in a fresh sub-directory, redacted, and never the token', async () => {
    const dump = join(dir.path, 'dump');
    const r = await verify('all-good', ['--dump', dump]);
    expect(r.code).toBe(0);
    const [run] = readdirSync(dump);
    expect(run).toMatch(/^loket-dump-/);
    const files = readdirSync(join(dump, run!));
    // One numbered file per answer, plus the run's verify document (verdicts.json).
    expect(files.filter((file) => /^\d{3}-/.test(file)).length).toBe(r.doc.stats.requests);
    expect(files).toContain('verdicts.json');
    const first = JSON.parse(
      readFileSync(
        join(
          dump,
          run!,
          files.find((f) => f.includes('-get-user'))!,
        ),
        'utf8',
      ),
    );
    expect(first).toMatchObject({
      format: 1,
      request: { method: 'GET', path: '/user', acceptVersion: '2018-01-01' },
      status: 200,
      resourceVersion: '2018-01-01',
    });
    for (const file of files) expect(readFileSync(join(dump, run!, file), 'utf8')).not.toContain(sandbox!.accessToken);
  });

  it('no webservice user anywhere: exit 2 naming the flag and the env var, before any request', async () => {
    sandbox = await startSandbox({ scenario: 'default' });
    const r = await runCli(['verify', '--api-url', sandbox.apiUrl], dir.path, { env: { LOKET_ACCESS_TOKEN: sandbox.accessToken } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--webservice-user');
    expect(r.stderr).toContain('LOKET_WEBSERVICE_USER');
    expect(sandbox.stats().requests).toBe(0);
  });
});
