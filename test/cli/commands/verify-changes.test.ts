/** verify keeps its last check, compares with it (or --baseline), and writes --junit (issue 11). */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/verify.js';
import { ChecksFailedError, UsageError } from '../../../src/errors.js';
import { startSandbox } from '../../../src/sandbox/server.js';
import { runCommand } from '../../helpers/context.js';
import { useSimulator } from '../../helpers/sandbox.js';

const USER = { LOKET_WEBSERVICE_USER: 'Webservice#01' };
const numbers = (list: Array<{ employerNumber: number }>) => list.map((e) => e.employerNumber);

describe('verify: the last check, changes since it, --baseline and --junit', () => {
  const sim = useSimulator({ scenario: 'default' });

  const lastCheck = () => join(sim.dir(), 'last-verify.default.json');

  it('the first run has nothing to compare with; it is saved (0600) also when it fails, and the next run compares with it', async () => {
    const first = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER });
    expect(first.error).toBeUndefined();
    const firstDoc = JSON.parse(first.stdout);
    expect(firstDoc.changes).toEqual({ since: null, new: [], newlyFailing: [], newlyFixed: [], gone: [] });
    expect(JSON.parse(readFileSync(lastCheck(), 'utf8'))).toEqual(firstDoc);
    if (process.platform !== 'win32') expect(statSync(lastCheck()).mode & 0o777).toBe(0o600);

    // Now every employer is required: the two outside the team are newly failing.
    const second = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER, local: { employers: 'all' } });
    expect(second.error).toBeInstanceOf(ChecksFailedError);
    const secondDoc = JSON.parse(second.stdout);
    expect(secondDoc.changes.since).toBe(firstDoc.checkedAt);
    expect(secondDoc.changes.newlyFailing).toEqual([
      expect.objectContaining({ employerNumber: 20008, companyName: 'Installatiebedrijf Vermeulen & Zonen B.V.', problem: 'NOT_LINKED' }),
      expect.objectContaining({ employerNumber: 20023, problem: 'NOT_LINKED' }),
    ]);
    expect(JSON.parse(readFileSync(lastCheck(), 'utf8')).checkedAt).toBe(secondDoc.checkedAt);

    // And back: without --employers all they are fixed (no longer required).
    const third = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER });
    expect(third.error).toBeUndefined();
    expect(third.stdout).toMatch(/^Sinds de vorige controle \(.+\): 2 opgelost\.$/m);
    expect(third.stdout).toContain('  Opgelost: 20008 Installatiebedrijf Vermeulen & Zonen B.V., 20023 Installatiebedrijf Smit & Zonen B.V.');
  });

  it('new and gone employers between two runs, in English too', async () => {
    const small = await startSandbox({ scenario: 'all-good', employers: 5 });
    const bigger = await startSandbox({ scenario: 'all-good', employers: 7 });
    try {
      await runCommand(run, [], { configDir: sim.dir(), sandbox: small, json: true, env: USER });
      const grown = await runCommand(run, [], { configDir: sim.dir(), sandbox: bigger, json: true, env: USER });
      const grownDoc = JSON.parse(grown.stdout);
      expect(grownDoc.changes.new).toHaveLength(2);
      expect(numbers(grownDoc.changes.new)).toEqual(numbers(grownDoc.employers.slice(5)));
      const shrunk = await runCommand(run, [], { configDir: sim.dir(), sandbox: small, env: USER, lang: 'en' });
      expect(shrunk.stdout).toMatch(/^Since the last check \(.+\): 2 gone\.$/m);
    } finally {
      await small.close();
      await bigger.close();
    }
  });

  it('--baseline compares with that document instead of the last saved check', async () => {
    const first = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER, local: { employers: 'all' } });
    const baseline = join(sim.dir(), 'previous.json');
    writeFileSync(baseline, first.stdout);
    await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER });
    // Against the saved check (no requirement) this run's failures would be new; against the baseline they are not.
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER, local: { employers: 'all', baseline } });
    const doc = JSON.parse(r.stdout);
    expect(doc.changes.since).toBe(JSON.parse(first.stdout).checkedAt);
    expect(doc.changes.newlyFailing).toEqual([]);
  });

  it('a wrong --baseline stops before any request: exit 2 naming the file and the field', async () => {
    const baseline = join(sim.dir(), 'wrong.json');
    writeFileSync(baseline, JSON.stringify({ checkedAt: '2026-11-28T10:00:00.000Z', employers: [{ id: 'x' }] }));
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER, local: { baseline } });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toContain(baseline);
    expect((r.error as Error).message).toContain('employers.0.employerNumber');
    expect(r.requests).toBe(0);
  });

  it('a --baseline from a run that failed (its error document) is warned about and compared with nothing', async () => {
    const baseline = join(sim.dir(), 'failed.json');
    writeFileSync(baseline, JSON.stringify({ ok: false, error: { exitCode: 3, message: 'Er is geen geldige aanmelding.' } }));
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER, local: { baseline } });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toContain('Er is geen geldige aanmelding.');
    expect(JSON.parse(r.stdout).changes.since).toBeNull();
  });

  it('--junit writes the JUnit file, also when the checks fail', async () => {
    const junit = join(sim.dir(), 'verify.junit.xml');
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER, local: { employers: 'all', junit } });
    expect(r.error).toBeInstanceOf(ChecksFailedError);
    expect(r.stderr).toContain(`JUnit-bestand geschreven: ${junit}`);
    const parsed = (await parse(readFileSync(junit, 'utf8'))) as TestSuites;
    const suite = parsed.testsuite![0]!;
    // The user, "at least one", and the 12 employers that are all required.
    expect(suite.tests).toBe(14);
    expect(suite.failures).toBe(2);
    const failed = suite.testcase!.filter((c) => c.failure).map((c) => c.name);
    expect(failed).toEqual(['20008 Installatiebedrijf Vermeulen & Zonen B.V.', '20023 Installatiebedrijf Smit & Zonen B.V.']);
  });
});
