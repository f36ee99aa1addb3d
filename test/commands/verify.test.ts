import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { select } from '../../src/cli/commands/employers.js';
import { run } from '../../src/cli/commands/verify.js';
import { ChecksFailedError, UsageError } from '../../src/errors.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { tempDir } from '../helpers/cli.js';
import { runCommand } from './helpers.js';

const USER = { LOKET_WEBSERVICE_USER: 'Webservice#01' };

describe('verify (command function)', () => {
  let sandbox: SandboxHandle;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'default' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('without a webservice user: exit 2 naming the flag, the env var and step 2', async () => {
    const r = await runCommand(run, [], { dir: dir.path, sandbox });
    expect(r.error).toBeInstanceOf(UsageError);
    const error = r.error as UsageError;
    expect(`${error.message} ${error.hint}`).toMatch(/--webservice-user/);
    expect(error.hint).toContain('LOKET_WEBSERVICE_USER');
    expect(error.hint).toContain('step 2');
    expect(r.requests).toBe(0);
  });

  it('prints the §5 document first, then fails with exit 1; one store write for the whole run', async () => {
    const r = await runCommand(run, [], { dir: dir.path, sandbox, json: true, env: USER });
    expect(r.error).toBeInstanceOf(ChecksFailedError);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.webserviceUser).toBe('Webservice#01');
    expect(doc.summary.employers).toBe(sandbox.employerCount);
    expect(doc.employers).toHaveLength(sandbox.employerCount);
    expect(r.writes).toBe(1);

    // The profile now holds every employer's check, the provider, the user and the summary.
    expect(Object.keys(r.profile.employers)).toHaveLength(sandbox.employerCount);
    expect(Object.values(r.profile.employers).every((e) => e.lastCheck)).toBe(true);
    expect(r.profile.lastVerify).toMatchObject({ ok: false, webserviceUser: 'Webservice#01', summary: doc.summary });
    expect(r.profile.provider).toEqual(doc.provider);
    expect(r.profile.user).toEqual(doc.user);
  });

  it('human output: a table with a row per employer and a summary line; progress on stderr', async () => {
    const r = await runCommand(run, [], { dir: dir.path, sandbox, env: USER });
    expect(r.error).toBeInstanceOf(ChecksFailedError);
    const lines = r.stdout.trimEnd().split('\n');
    // header, rule, rows, summary
    expect(lines).toHaveLength(sandbox.employerCount + 3);
    expect(lines[0]).toMatch(/^werkgever\s+gekoppeld\s+werkgever\s+persoon\s+verlof\s+probleem\s+oplossing$/);
    expect(r.stdout).toContain('niet gekoppeld');
    expect(r.stdout).toContain('verlof niet geautoriseerd');
    expect(lines.at(-1)).toMatch(/^12 werkgever\(s\) gecontroleerd: /);
    expect(r.stderr).toContain(`gecontroleerd ${sandbox.employerCount}/${sandbox.employerCount}`);
  });

  it('--allow-unverifiable passes when only unverifiable employers remain', async () => {
    const good = await startSandbox({ scenario: 'all-good' });
    try {
      // E6 answering 404 everywhere: every employer is unverifiable, none failed.
      good.setOverride('E6', () => ({ status: 404, body: { message: 'Not found' } }));
      const strict = await runCommand(run, [], { dir: dir.path, sandbox: good, json: true, env: USER });
      expect(strict.error).toBeInstanceOf(ChecksFailedError);
      expect(JSON.parse(strict.stdout).summary).toMatchObject({ failed: 0, unverifiable: good.employerCount });

      const lenient = await runCommand(run, [], { dir: dir.path, sandbox: good, json: true, env: USER, local: { allowUnverifiable: true } });
      expect(lenient.error).toBeUndefined();
      expect(JSON.parse(lenient.stdout)).toMatchObject({ ok: true, allowUnverifiable: true });
    } finally {
      await good.close();
    }
  });

  it('checks only the selected employers once there is a selection', async () => {
    const first = await runCommand(run, [], { dir: dir.path, sandbox, env: USER, local: { employers: 'all' } });
    const [one, two] = Object.values(first.profile.employers).map((e) => e.employerNumber);
    const chosen = await runCommand(select, [[String(one), String(two)]], { dir: dir.path });
    expect(chosen.error).toBeUndefined();
    const r = await runCommand(run, [], { dir: dir.path, sandbox, json: true, env: USER });
    const doc = JSON.parse(r.stdout);
    expect(doc.scope).toBe('selected');
    expect(doc.employers.map((e: { employerNumber: number }) => e.employerNumber).sort()).toEqual([one, two].sort());

    const all = await runCommand(run, [], { dir: dir.path, sandbox, json: true, env: USER, local: { employers: 'all' } });
    expect(JSON.parse(all.stdout).employers).toHaveLength(sandbox.employerCount);
  });

  it('checking nothing is not a pass: no employers in Loket.nl fails with a hint', async () => {
    const empty = await startSandbox({ scenario: 'all-good', employers: 0 });
    try {
      const r = await runCommand(run, [], { dir: dir.path, sandbox: empty, json: true, env: USER });
      expect(r.error).toBeInstanceOf(ChecksFailedError);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, summary: { employers: 0 }, employers: [] });
      expect((r.error as ChecksFailedError).hint).toContain('whoami');
    } finally {
      await empty.close();
    }
  });

  it('--employers selected without a selection is a usage error', async () => {
    const r = await runCommand(run, [], { dir: dir.path, sandbox, env: USER, local: { employers: 'selected' } });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as UsageError).hint).toContain('--employers all');
  });

  it('an invalid webservice user name names where it came from', async () => {
    const r = await runCommand(run, [], { dir: dir.path, sandbox, local: { webserviceUser: 'Web service' } });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toContain('--webservice-user');
  });
});
