import { describe, expect, it } from 'vitest';
import { select } from '../../../src/cli/commands/employers.js';
import { run } from '../../../src/cli/commands/verify.js';
import { ChecksFailedError, UsageError } from '../../../src/errors.js';
import { startSandbox } from '../../../src/sandbox/server.js';
import { runCommand } from '../../helpers/context.js';
import { useSimulator } from '../../helpers/sandbox.js';
import { Capture } from '../../helpers/streams.js';

const USER = { LOKET_WEBSERVICE_USER: 'Webservice#01' };

describe('verify (command function)', () => {
  const sim = useSimulator({ scenario: 'default' });

  it('without a webservice user: exit 2 naming the flag, the env var and step 2', async () => {
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox() });
    expect(r.error).toBeInstanceOf(UsageError);
    const error = r.error as UsageError;
    expect(`${error.message} ${error.hint}`).toMatch(/--webservice-user/);
    expect(error.hint).toContain('LOKET_WEBSERVICE_USER');
    expect(error.hint).toContain('step 2');
    expect(r.requests).toBe(0);
  });

  it('without a selection: passes when the user is found and reaches employers; unlinked ones are information; one store write', async () => {
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER });
    expect(r.error).toBeUndefined();
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      ok: true,
      environment: 'sandbox',
      user: { name: 'J. de Vries', email: 'j.devries@devries-partners.example' },
      webserviceUser: { userName: 'Webservice#01', found: 'pass', kind: 'provider-user', loginMethod: 'Only via SSO' },
      route: 'ak-team',
      teams: [{ description: 'Benefits-Plaza', linkedEmployers: 10, otherUsers: 1 }],
      authorization: { state: 'unconfirmed' },
      scope: 'none',
      reachable: 'pass',
      summary: { employers: 12, linked: 10, failed: 0, unverifiable: 0, notVisible: 1 },
    });
    // Two loonheffingennummer warnings, the shared team and the employer the logged-in user cannot see.
    expect(doc.summary.warnings).toBe(4);
    expect(doc.problems.map((p: { code: string }) => p.code)).toEqual(['TEAM_SHARED', 'NOT_VISIBLE']);
    expect(doc.employers).toHaveLength(12);
    expect(doc.employers.every((e: { required: boolean }) => e.required === false)).toBe(true);
    const unlinked = doc.employers.filter((e: { linked: string }) => e.linked === 'fail');
    expect(unlinked.map((e: { employerNumber: number }) => e.employerNumber)).toEqual([20008, 20023]);
    expect(unlinked[0].problems).toEqual([expect.objectContaining({ code: 'NOT_LINKED', severity: 'info' })]);
    expect(r.writes).toBe(1);

    // The profile now holds every employer's check, the provider, the user, the teams and the summary.
    expect(Object.values(r.profile.employers).every((e) => e.lastCheck)).toBe(true);
    expect(r.profile.lastVerify).toMatchObject({ ok: true, webserviceUser: 'Webservice#01', summary: doc.summary });
    expect(r.profile.provider).toEqual(doc.provider);
    expect(r.profile.teams).toEqual([{ id: doc.teams[0].id, description: 'Benefits-Plaza' }]);
    expect(r.profile.webserviceUserFound).toMatchObject({ id: doc.webserviceUser.id, kind: 'provider-user' });
  });

  it('--employers all: every unlinked employer fails, exit 1 after the document', async () => {
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER, local: { employers: 'all' } });
    expect(r.error).toBeInstanceOf(ChecksFailedError);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, scope: 'all', summary: { failed: 2, unverifiable: 0 } });
    expect(doc.employers.find((e: { employerNumber: number }) => e.employerNumber === 20008).problems[0]).toMatchObject({
      code: 'NOT_LINKED',
      severity: 'error',
    });
    expect((r.error as Error).message).toContain('2 werkgevers die nodig zijn, zijn niet gekoppeld');
  });

  it('human output: who was found, the table, the messages and the summary; the fixes on stderr', async () => {
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER, local: { employers: 'all' } });
    expect(r.error).toBeInstanceOf(ChecksFailedError);
    expect(r.stdout).toContain('Webservice#01 gevonden bij de gebruikers van de provider (providergebruiker).');
    expect(r.stdout).toMatch(/^werkgever\s+nodig\s+gekoppeld\s+via\s+melding$/m);
    expect(r.stdout).toMatch(/^20008 Installatiebedrijf Vermeulen & Zonen B\.V\.\s+nodig\s+NEE\s+niet gekoppeld: zonder koppeling/m);
    expect(r.stdout).toContain('geen loonheffingennummer in Loket.nl');
    expect(r.stdout).toMatch(/12 werkgevers: 10 gekoppeld; van de werkgevers die nodig zijn 2 niet gekoppeld/);
    expect(r.stderr).toContain('Voeg de 2 werkgevers die nodig zijn en niet gekoppeld zijn toe aan team Benefits-Plaza');
  });

  it('the employer table fits a terminal of 80 and of 120 columns: names and messages wrap, no employer number is cut', async () => {
    for (const columns of [80, 120]) {
      const stdout = new Capture(true, columns);
      const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER, local: { employers: 'all' }, stdout });
      expect(r.error).toBeInstanceOf(ChecksFailedError);
      const table = r.stdout.slice(r.stdout.indexOf('werkgever '), r.stdout.indexOf('\n\n', r.stdout.indexOf('werkgever ')));
      const lines = table.split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
      expect(table).not.toContain('…');
      // Every employer's row starts with its whole number; the name and the message continue below when needed.
      for (const number of [20002, 20006, 20008, 20010, 20013, 20017, 20021, 20023, 20025, 20028, 20032, 20034]) {
        expect(lines.some((line) => line.startsWith(`${number} `))).toBe(true);
      }
      // The message column, read down: the first row's message is there in full.
      const start = lines[0]!.indexOf('melding');
      const messages = lines.slice(2).map((line) => line.slice(start).trim());
      expect(messages.slice(0, 4).join(' ')).toMatch(/^niet gekoppeld: zonder koppeling geeft de webservice niets terug/);
      expect(lines.filter((line) => line.includes('Benefits-Plaza'))).toHaveLength(10);
      if (columns === 120) expect(lines).toContain('20010 Tandartspraktijk Postma B.V.             nodig  ja         Benefits-Plaza');
    }
  });

  it('checks the selected employers once there is a selection; the others stay information', async () => {
    await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER });
    const chosen = await runCommand(select, [['20002', '20008']], { configDir: sim.dir() });
    expect(chosen.error).toBeUndefined();
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, env: USER });
    expect(r.error).toBeInstanceOf(ChecksFailedError);
    const doc = JSON.parse(r.stdout);
    expect(doc.scope).toBe('selection');
    const required = doc.employers
      .filter((e: { required: boolean }) => e.required)
      .map((e: { employerNumber: number; linked: string }) => [e.employerNumber, e.linked]);
    expect(required).toEqual([
      [20002, 'pass'],
      [20008, 'fail'],
    ]);
    expect(doc.summary.failed).toBe(1);
    // The team also opens employers that are not selected.
    expect(doc.problems).toContainEqual(expect.objectContaining({ code: 'TEAM_OPENS_UNSELECTED' }));
  });

  it('--allow-unverifiable passes when only unverifiable employers remain', async () => {
    const failing = await startSandbox({ scenario: 'team-read-fails' });
    try {
      const strict = await runCommand(run, [], { configDir: sim.dir(), sandbox: failing, json: true, env: USER, local: { employers: 'all' } });
      expect(strict.error).toBeInstanceOf(ChecksFailedError);
      expect(JSON.parse(strict.stdout).summary).toMatchObject({ failed: 0, unverifiable: 4, linked: 8 });

      const lenient = await runCommand(run, [], {
        configDir: sim.dir(),
        sandbox: failing,
        json: true,
        env: USER,
        local: { employers: 'all', allowUnverifiable: true },
      });
      expect(lenient.error).toBeUndefined();
      expect(JSON.parse(lenient.stdout)).toMatchObject({ ok: true, allowUnverifiable: true });
    } finally {
      await failing.close();
    }
  });

  it('an office without employers is not a pass: nobody is reachable', async () => {
    const empty = await startSandbox({ scenario: 'all-good', employers: 0 });
    try {
      const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: empty, json: true, env: USER });
      expect(r.error).toBeInstanceOf(ChecksFailedError);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, reachable: 'fail', summary: { employers: 0 }, employers: [] });
    } finally {
      await empty.close();
    }
  });

  it('--employers selected without a selection is a usage error', async () => {
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER, local: { employers: 'selected' } });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as UsageError).hint).toContain('--employers all');
  });

  it('an invalid webservice user name names where it came from', async () => {
    const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: sim.sandbox(), local: { webserviceUser: 'Web service' } });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toContain('--webservice-user');
  });

  it('the team comes from --team, then LOKET_ASR_SETUP_TEAM, then step 3', async () => {
    const hidden = await startSandbox({ scenario: 'hidden-user' });
    try {
      const r = await runCommand(run, [], { configDir: sim.dir(), sandbox: hidden, json: true, env: { ...USER, LOKET_ASR_SETUP_TEAM: 'Benefits-Plaza' } });
      const doc = JSON.parse(r.stdout);
      expect(doc.webserviceUser.found).toBe('unverifiable');
      expect(doc.teams).toEqual([expect.objectContaining({ description: 'Benefits-Plaza', member: false, linkedEmployers: 10 })]);
      expect(doc.employers.filter((e: { via: string[] }) => e.via.length > 0)).toHaveLength(10);
      expect(doc.employers.every((e: { linked: string }) => e.linked === 'unverifiable')).toBe(true);
    } finally {
      await hidden.close();
    }
  });
});
