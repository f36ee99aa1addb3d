/**
 * `verify --json` as a CI job runs it: the built CLI, LOKET_ACCESS_TOKEN and LOKET_WEBSERVICE_USER
 * from the environment, --api-url pointing at a simulator scenario started here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIOS, type ScenarioName } from '../../src/sandbox/scenarios.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';

const RESULT = ['pass', 'fail', 'unverifiable'];
const STEP_STATE = ['todo', 'in-progress', 'done', 'attention'];
const PROBLEM_CODES = ['NOT_LINKED', 'LINK_UNVERIFIABLE', 'ENTITY_NOT_AUTHORIZED', 'ENTITIES_UNVERIFIABLE', 'WAGE_TAX_NUMBER_MISSING', 'WAGE_TAX_NUMBER_INVALID'];

/** What the scenario's traits say verify must find. */
function expected(name: ScenarioName) {
  const scenario = SCENARIOS[name];
  const traits = Array.from({ length: scenario.employers }, (_, i) => scenario.traits(i));
  const notLinked = traits.filter((t) => !t.linked).length;
  const leaveMissing = traits.filter((t) => t.linked && !t.leaveAuthorized && t.authorizationStyle !== 'unavailable').length;
  const unverifiable = traits.filter((t) => t.linked && t.authorizationStyle === 'unavailable').length;
  return {
    employers: scenario.employers,
    linked: scenario.employers - notLinked,
    failed: notLinked + leaveMissing,
    unverifiable,
    authorized: scenario.employers - notLinked - leaveMissing - unverifiable,
    notLinked,
    leaveMissing,
  };
}

type Doc = Record<string, any>;

/** The SPEC §5 document, field by field. */
function expectSpecShape(doc: Doc): void {
  expect(typeof doc.ok).toBe('boolean');
  expect(new Date(doc.checkedAt).toISOString()).toBe(doc.checkedAt);
  expect(typeof doc.environment).toBe('string');
  expect(doc.user).toEqual({ userName: expect.any(String) });
  expect(doc.provider).toEqual({ id: expect.any(String), name: expect.any(String) });
  expect(doc.webserviceUser).toBe('Webservice#01');
  expect(Object.keys(doc.summary).sort()).toEqual(['authorized', 'employers', 'failed', 'linked', 'unverifiable']);
  for (const value of Object.values(doc.summary)) expect(Number.isInteger(value)).toBe(true);
  expect(Array.isArray(doc.employers)).toBe(true);
  for (const employer of doc.employers) {
    expect(typeof employer.id).toBe('string');
    expect(Number.isInteger(employer.employerNumber)).toBe(true);
    expect(typeof employer.companyName).toBe('string');
    for (const number of employer.wageTaxNumbers) expect(number).toMatch(/^\d{9}L\d{2}$/);
    expect(RESULT).toContain(employer.linked);
    expect(Object.keys(employer.entities)).toEqual(['werkgever', 'persoon', 'verlof']);
    for (const result of Object.values(employer.entities)) expect(RESULT).toContain(result);
    for (const problem of employer.problems) {
      expect(PROBLEM_CODES).toContain(problem.code);
      expect(typeof problem.message).toBe('string');
      if ('entity' in problem) expect(['werkgever', 'persoon', 'verlof']).toContain(problem.entity);
    }
  }
  expect(Object.keys(doc.steps)).toEqual(['1', '2', '3', '4', '5']);
  for (const state of Object.values(doc.steps)) expect(STEP_STATE).toContain(state);
}

const codes = (doc: Doc, code: string, entity?: string) =>
  doc.employers.filter((e: Doc) => e.problems.some((p: Doc) => p.code === code && (entity === undefined || p.entity === entity))).length;

describe('built CLI: verify --json against the simulator (CI path)', () => {
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
    sandbox = await startSandbox({ scenario });
    const r = await runCli(['verify', '--json', '--api-url', sandbox.apiUrl, ...extra], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sandbox.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
      timeoutMs: 60_000,
    });
    return { ...r, doc: JSON.parse(r.stdout) as Doc };
  };

  it('default: ok false, exit 1, the right failed/unverifiable counts and problem codes', async () => {
    const want = expected('default');
    const r = await verify('default');
    expectSpecShape(r.doc);
    expect(r.code).toBe(1);
    expect(r.doc.ok).toBe(false);
    expect(r.doc.summary).toEqual({ employers: want.employers, linked: want.linked, authorized: want.authorized, failed: want.failed, unverifiable: want.unverifiable });
    expect(codes(r.doc, 'NOT_LINKED')).toBe(want.notLinked);
    expect(codes(r.doc, 'ENTITY_NOT_AUTHORIZED', 'verlof')).toBe(want.leaveMissing);
    expect(codes(r.doc, 'ENTITIES_UNVERIFIABLE')).toBe(want.unverifiable);
    // One short error line (and its fix) on stderr; exactly one document on stdout.
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).toContain('4 werkgever(s) met fouten');
    expect(r.stdout.trim().startsWith('{') && r.stdout.trim().endsWith('}')).toBe(true);
    // The access token is never written anywhere.
    expect(r.stdout + r.stderr + readFileSync(join(dir.path, 'config.json'), 'utf8')).not.toContain(sandbox!.accessToken);
  });

  it('default with --allow-unverifiable still fails on the failed employers', async () => {
    const r = await verify('default', ['--allow-unverifiable']);
    expect(r.code).toBe(1);
    expect(r.doc.ok).toBe(false);
  });

  it('all-good: ok true, exit 0', async () => {
    const r = await verify('all-good');
    expectSpecShape(r.doc);
    expect(r.code).toBe(0);
    expect(r.doc.ok).toBe(true);
    expect(r.doc.summary).toMatchObject({ employers: 12, linked: 12, authorized: 12, failed: 0, unverifiable: 0 });
    expect(r.stderr).toBe('');
  });

  it('none-linked: every employer NOT_LINKED, exit 1', async () => {
    const r = await verify('none-linked');
    expectSpecShape(r.doc);
    expect(r.code).toBe(1);
    expect(r.doc.summary).toMatchObject({ employers: 12, linked: 0, failed: 12 });
    expect(codes(r.doc, 'NOT_LINKED')).toBe(12);
  });

  it('flaky (5xx, resets, 429 with Retry-After): completes with the right result', async () => {
    const r = await verify('flaky');
    expectSpecShape(r.doc);
    expect(r.code).toBe(0);
    expect(r.doc.summary).toMatchObject({ employers: 12, linked: 12, authorized: 12, failed: 0, unverifiable: 0 });
  }, 90_000);

  it('human output: the table on stdout, progress and the error on stderr', async () => {
    sandbox = await startSandbox({ scenario: 'default' });
    const r = await runCli(['verify', '--api-url', sandbox.apiUrl, '--lang', 'en'], dir.path, {
      env: { LOKET_ACCESS_TOKEN: sandbox.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^employer\s+linked\s+werkgever\s+persoon\s+verlof\s+problem\s+fix\n/);
    expect(r.stdout).toContain('12 employer(s) checked: 10 linked');
    expect(r.stderr).toContain('checked 12/12');
    expect(r.stderr).toContain('Checks failed');
  });

  it('--dump DIR keeps every answer, redacted, and never the token', async () => {
    const dump = join(dir.path, 'dump');
    const r = await verify('all-good', ['--dump', dump]);
    expect(r.code).toBe(0);
    const files = readdirSync(dump);
    // E1, E2, E3 and per employer at least E4, E5 and E6.
    expect(files.length).toBeGreaterThanOrEqual(3 + 3 * 12);
    for (const file of files) expect(readFileSync(join(dump, file), 'utf8')).not.toContain(sandbox!.accessToken);
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
