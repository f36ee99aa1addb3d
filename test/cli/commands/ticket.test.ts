import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as ticket } from '../../../src/cli/commands/ticket.js';
import { run as verify } from '../../../src/cli/commands/verify.js';
import { UsageError } from '../../../src/errors.js';
import { openStore, type Profile } from '../../../src/store/index.js';
import { NOW, runCommand } from '../../helpers/context.js';
import { useSimulator } from '../../helpers/sandbox.js';

function seed(dir: string, mutate: (draft: Profile) => void): void {
  const store = openStore({ dir, profile: 'default', lock: true, warn: () => {} });
  store.update(mutate);
  store.close();
}

const OFFICE = (draft: Profile) => {
  draft.office = { name: 'Administratiekantoor Jansen', contactName: 'Petra Jansen', email: 'petra@jansen.example', phone: '0201234567' };
  draft.webserviceUser = 'Webservice#01';
};

describe('ticket (command function)', () => {
  const sim = useSimulator({ scenario: 'default' });

  it('an unknown kind is a usage error listing the kinds', async () => {
    const r = await runCommand(ticket, ['pensioen'], { configDir: sim.dir() });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toContain('webservicepartij, omgevingscode, autorisatie');
  });

  it('missing facts: a usage error naming each one and where it is filled in; nothing recorded', async () => {
    const r = await runCommand(ticket, ['webservicepartij'], { configDir: sim.dir() });
    expect(r.error).toBeInstanceOf(UsageError);
    const error = r.error as UsageError;
    expect(error.message).toContain('office.name');
    expect(error.message).toContain('office.contactName');
    expect(error.message).toContain('office.email');
    expect(error.hint).toContain('loket-asr-setup step 1');
    expect(r.profile.tickets.webservicepartij).toBeUndefined();

    seed(sim.dir(), (d) => {
      d.office.name = 'Administratiekantoor Jansen';
      d.office.contactName = 'Petra Jansen';
    });
    const partly = await runCommand(ticket, ['webservicepartij'], { configDir: sim.dir() });
    expect((partly.error as Error).message).not.toContain('office.name');
    expect((partly.error as Error).message).toContain('office.email');
    expect((await runCommand(ticket, ['omgevingscode'], { configDir: sim.dir() })).error).toBeUndefined();
  });

  it('office details given now (flag, environment, answers file) count for the ticket, checked as in step 1, and are not saved', async () => {
    const flags = { officeName: 'Kantoor Vlag', contactName: 'Vera Vlag', contactEmail: 'vera@vlag.example' };
    const byFlag = await runCommand(ticket, ['webservicepartij'], { configDir: sim.dir(), local: flags });
    expect(byFlag.error).toBeUndefined();
    for (const fact of Object.values(flags)) expect(byFlag.stdout).toContain(fact);
    expect(byFlag.profile.office).toEqual({});

    const byEnv = await runCommand(ticket, ['omgevingscode'], {
      configDir: sim.dir(),
      env: { LOKET_ASR_SETUP_OFFICE_NAME: 'Kantoor Omgeving', LOKET_ASR_SETUP_CONTACT_NAME: 'Otto' },
    });
    expect(byEnv.error).toBeUndefined();
    expect(byEnv.stdout).toContain('Kantoor Omgeving');

    const answers = join(sim.dir(), 'answers.json');
    writeFileSync(answers, JSON.stringify({ office: { name: 'Kantoor Antwoord', contactName: 'Anna' }, webserviceUser: 'Webservice#07' }));
    const byAnswers = await runCommand(ticket, ['autorisatie'], { configDir: sim.dir(), options: { answers } });
    expect(byAnswers.error).toBeUndefined();
    expect(byAnswers.stdout).toContain('Kantoor Antwoord');
    expect(byAnswers.stdout).toContain('Webservice#07');

    // A flag wins over what is saved, and a wrong value is refused naming where it came from.
    seed(sim.dir(), OFFICE);
    const over = await runCommand(ticket, ['webservicepartij'], { configDir: sim.dir(), local: { officeName: 'Kantoor Nu' } });
    expect(over.stdout).toContain('Kantoor Nu');
    expect(over.profile.office.name).toBe('Administratiekantoor Jansen');
    const wrong = await runCommand(ticket, ['webservicepartij'], { configDir: sim.dir(), local: { contactEmail: 'geen-adres' } });
    expect(wrong.error).toBeInstanceOf(UsageError);
    expect((wrong.error as Error).message).toContain('--contact-email');
  });

  it('prints the ticket with the facts, records generatedAt, and gives the same text every time', async () => {
    seed(sim.dir(), OFFICE);
    const first = await runCommand(ticket, ['webservicepartij'], { configDir: sim.dir() });
    expect(first.error).toBeUndefined();
    for (const fact of ['Administratiekantoor Jansen', 'Petra Jansen', 'petra@jansen.example']) expect(first.stdout).toContain(fact);
    expect(first.profile.tickets.webservicepartij?.generatedAt).toBe(NOW);
    const again = await runCommand(ticket, ['webservicepartij'], { configDir: sim.dir() });
    expect(again.stdout).toBe(first.stdout);
  });

  it('--json gives {kind, lang, subject, body}; --lang en gives English', async () => {
    seed(sim.dir(), OFFICE);
    const r = await runCommand(ticket, ['omgevingscode'], { configDir: sim.dir(), json: true, lang: 'en' });
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['kind', 'lang', 'subject', 'body']);
    expect(doc).toMatchObject({ kind: 'omgevingscode', lang: 'en' });
    expect(doc.body).toContain('Administratiekantoor Jansen');
    const nl = await runCommand(ticket, ['omgevingscode'], { configDir: sim.dir(), json: true });
    expect(JSON.parse(nl.stdout).subject).not.toBe(doc.subject);
  });

  it('--out writes the file and says where instead of printing', async () => {
    seed(sim.dir(), OFFICE);
    const file = join(sim.dir(), 'ticket.txt');
    const r = await runCommand(ticket, ['omgevingscode'], { configDir: sim.dir(), local: { out: file } });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toContain('Administratiekantoor Jansen');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o644);

    const bad = await runCommand(ticket, ['omgevingscode'], { configDir: sim.dir(), local: { out: join(sim.dir(), 'no-such-dir', 'x.txt') } });
    expect((bad.error as { exitCode?: number }).exitCode).toBe(5);
    expect(existsSync(join(sim.dir(), 'no-such-dir'))).toBe(false);
  });

  it('autorisatie asks Loket to confirm the office-wide authorization, listing the employers the last check showed linked', async () => {
    seed(sim.dir(), OFFICE);
    await runCommand(verify, [], { configDir: sim.dir(), sandbox: sim.sandbox() });
    const r = await runCommand(ticket, ['autorisatie'], { configDir: sim.dir() });
    expect(r.error).toBeUndefined();
    expect(r.requests).toBe(0);
    expect(r.stdout).toContain('Onderwerp: Verzoek bevestiging autorisatie webservicepartij Benefits-Plaza — Administratiekantoor Jansen');
    expect(r.stdout).toContain('voor webservicegebruiker Webservice#01');
    expect(r.stdout).toContain('via team Benefits-Plaza');
    expect(r.stdout).toContain('(werkgevernummer 20002)');
    expect(r.stdout).not.toContain('20008');
    expect(r.stderr).toContain('--authorization-reference');
  });

  it('autorisatie before any check still asks, without an employer list', async () => {
    seed(sim.dir(), OFFICE);
    const r = await runCommand(ticket, ['autorisatie'], { configDir: sim.dir() });
    expect(r.error).toBeUndefined();
    expect(r.stdout).not.toContain('werkgevernummer');
  });

  it('autorisatie without a webservice user names where to give one, and LOKET_WEBSERVICE_USER counts', async () => {
    seed(sim.dir(), (d) => {
      OFFICE(d);
      delete d.webserviceUser;
    });
    const r = await runCommand(ticket, ['autorisatie'], { configDir: sim.dir() });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as UsageError).message).toContain('--webservice-user');
    const given = await runCommand(ticket, ['autorisatie'], { configDir: sim.dir(), env: { LOKET_WEBSERVICE_USER: 'Webservice#07' } });
    expect(given.stdout).toContain('Webservice#07');
  });
});
