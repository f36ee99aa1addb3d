import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InterruptedError, UsageError } from '../../src/errors.js';
import { step1 } from '../../src/steps/step1-verzoek-loket.js';
import { answersRefusal, harness, NOW, OFFICE, scriptedPrompter, type Harness } from './helpers.js';

describe('step 1 — Verzoek indienen bij Loket.nl', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('writes the webservicepartij ticket and stays in progress until it is sent', async () => {
    h = await harness({ answers: { office: OFFICE } });
    const result = await step1.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(h.stdout.text).toContain('Benefits-Plaza koppeling');
    expect(h.stdout.text).toContain(OFFICE.name);
    expect(h.stdout.text).toContain('Administratiekantoor De Vries & Partners (fictief)');
    const profile = h.store.profile();
    expect(profile.provider?.name).toBe('Administratiekantoor De Vries & Partners (fictief)');
    expect(profile.user).toEqual({ name: 'J. de Vries', email: 'j.devries@devries-partners.example' });
    expect(profile.tickets.webservicepartij?.generatedAt).toBe(NOW);
    expect(profile.steps['1'].state).toBe('in-progress');
    expect(profile.steps['1'].note).toContain('--webservicepartij-sent');
    expect(profile.steps['1'].note).toContain('loket-asr-setup step 1');
  });

  it('sent before Loket sent a ticket number: recorded, and the step waits on Loket.nl', async () => {
    h = await harness({ answers: { office: OFFICE, tickets: { webservicepartij: { sentAt: '2026-11-20' } } } });
    const result = await step1.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(h.store.profile().tickets.webservicepartij).toMatchObject({ sentAt: '2026-11-20T00:00:00.000Z' });
    expect(h.store.profile().tickets.webservicepartij?.loketTicketNumber).toBeUndefined();
    expect(result.summary).toContain('Wacht op het antwoord van Loket.nl (nog geen ticketnummer, verstuurd op 20-11-2026)');
    expect(result.summary).toContain('--webservicepartij-added');
    // The ticket is not shown again once it was sent.
    expect(h.stdout.text).not.toContain('Beste medewerker');
  });

  it('is done once Loket.nl answered that Benefits-Plaza was added; the sent date defaults to that answer (a ticket is sent before it is answered), the contact person recorded it', async () => {
    h = await harness({ answers: { office: OFFICE, tickets: { webservicepartij: { loketTicketNumber: 'LKT-7', answeredAt: '2026-11-28' } } } });
    const result = await step1.run(h.ctx);
    expect(result.state).toBe('done');
    // Recorded as sent in this run: the ticket is not shown (it went out already).
    expect(h.store.profile().tickets.webservicepartij).toEqual({
      loketTicketNumber: 'LKT-7',
      sentAt: '2026-11-28T00:00:00.000Z',
      answeredAt: '2026-11-28T00:00:00.000Z',
      answeredBy: OFFICE.contactName,
    });
    expect(h.store.profile().steps['1'].completedAt).toBe(NOW);
    expect(result.summary).toContain('LKT-7');
  });

  it('needs the office details when nothing is saved, and nothing more once they are', () => {
    const needed = step1.needs({ office: {} } as never).map((input) => input.flag.split(' ')[0]);
    expect(needed).toEqual(['--office-name', '--contact-name', '--contact-email', '--contact-phone']);
    expect(step1.needs({ office: { name: 'a', contactName: 'b', email: 'c', phone: 'd' } } as never)).toEqual([]);
  });

  it('refuses an invalid e-mail or phone from the answers file, naming the field (exit 2)', async () => {
    h = await harness();
    const error = answersRefusal(h, { office: { ...OFFICE, email: 'jan@localhost' } });
    expect(error.message).toContain('E-mailadres van de contactpersoon');
    expect(error.message).toContain('office.email');
    expect(answersRefusal(h, { office: { ...OFFICE, phone: '12345' } }).message).toContain('Telefoonnummer');
    // Both at once: both named, in one message.
    const both = answersRefusal(h, { office: { ...OFFICE, email: 'jan@localhost', phone: '12345' } });
    expect(both.message).toMatch(/office\.email[\s\S]*office\.phone/);
    expect(h.store.profile().office).toEqual({});
  });

  it('asks interactively, re-asks invalid answers, shows the e-mail back and records the ticket', async () => {
    const prompter = scriptedPrompter([
      [/kantoor/, OFFICE.name],
      [/Contactpersoon/, OFFICE.contactName],
      [/E-mailadres/, 'jan@'],
      [/E-mailadres/, 'jan@devries.example'],
      [/Klopt dit e-mailadres/, false],
      [/E-mailadres/, OFFICE.email],
      [/Klopt dit e-mailadres/, true],
      [/Telefoonnummer/, '12'],
      [/Telefoonnummer/, '+31 13 123 4567'],
      [/ticket naar Loket.nl gestuurd/, true],
      [/Datum waarop het ticket is verstuurd/, '2026-11-02'],
      [/Ticketnummer van Loket.nl \(leeg laten/, ''],
      [/Heeft Loket.nl laten weten/, true],
      [/Datum waarop Loket.nl liet weten/, ''],
    ]);
    h = await harness({ prompter });
    const result = await step1.run(h.ctx);
    expect(result.state).toBe('done');
    expect(prompter.rejected).toHaveLength(2);
    const profile = h.store.profile();
    expect(profile.office.email).toBe(OFFICE.email);
    expect(profile.office.phone).toBe('+31131234567');
    expect(profile.tickets.webservicepartij).toEqual({
      generatedAt: NOW,
      sentAt: '2026-11-02T00:00:00.000Z',
      answeredAt: '2026-12-01T00:00:00.000Z',
      answeredBy: OFFICE.contactName,
    });
  });

  it('run again: the saved request is shown, and a wrong sent date can be corrected and the ticket number added', async () => {
    const prompter = scriptedPrompter([
      [/Kloppen deze gegevens nog/, true],
      [/Kloppen deze gegevens nog/, false],
      [/Datum waarop het ticket is verstuurd/, '2026-11-03'],
      [/Ticketnummer van Loket.nl \(leeg laten/, 'LKT-100'],
      [/Heeft Loket.nl laten weten/, false],
    ]);
    h = await harness({
      prompter,
      profile: (draft) => {
        draft.office = { ...OFFICE };
        draft.tickets.webservicepartij = { sentAt: '2026-11-30T00:00:00.000Z' };
      },
    });
    const result = await step1.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(h.store.profile().tickets.webservicepartij).toEqual({ sentAt: '2026-11-03T00:00:00.000Z', loketTicketNumber: 'LKT-100' });
    expect(result.summary).toContain('LKT-100, verstuurd op 03-11-2026');
  });

  it('interactively, an "added" date before the sent date is explained and both dates are asked again', async () => {
    const prompter = scriptedPrompter([
      [/Kloppen deze gegevens nog/, true],
      [/ticket naar Loket.nl gestuurd/, true],
      [/Datum waarop het ticket is verstuurd/, '30-11-2026'],
      [/Ticketnummer van Loket.nl \(leeg laten/, 'LKT-9'],
      [/Heeft Loket.nl laten weten/, true],
      [/Datum waarop Loket.nl liet weten/, '29-11-2026'],
      [/Datum waarop het ticket is verstuurd/, '28-11-2026'],
      [/Datum waarop Loket.nl liet weten/, ''],
    ]);
    h = await harness({ prompter, profile: (draft) => void (draft.office = { ...OFFICE }) });
    expect((await step1.run(h.ctx)).state).toBe('done');
    expect(h.stderr.text).toContain(
      'Loket.nl kan niet hebben laten weten dat Benefits-Plaza is toegevoegd (29-11-2026) voordat het ticket verstuurd was (30-11-2026). Vul beide datums opnieuw in.',
    );
    // The second round offers the first answers as defaults; an empty answer keeps one.
    expect(h.store.profile().tickets.webservicepartij).toMatchObject({
      sentAt: '2026-11-28T00:00:00.000Z',
      answeredAt: '2026-11-29T00:00:00.000Z',
      loketTicketNumber: 'LKT-9',
    });
  });

  it('an "added" date before the sent date from flags or an answers file is refused before anything runs (exit 2)', () => {
    const profile = { tickets: { webservicepartij: { sentAt: '2026-11-30T00:00:00.000Z', answeredAt: '2026-11-29T00:00:00.000Z' } } } as never;
    expect(() => step1.validate!(profile)).toThrow(UsageError);
    expect(() =>
      step1.validate!({ tickets: { webservicepartij: { sentAt: '2026-11-30T00:00:00.000Z', answeredAt: '2026-11-30T00:00:00.000Z' } } } as never),
    ).not.toThrow();
  });

  it('saves every answer at once: an interrupted run keeps what was answered', async () => {
    const prompter = scriptedPrompter([
      [/kantoor/, OFFICE.name],
      [/Contactpersoon/, OFFICE.contactName],
      [/E-mailadres/, OFFICE.email],
      [/Klopt dit e-mailadres/, true],
    ]);
    prompter.input = ((original) => async (options) => {
      if (/Telefoonnummer/.test(options.message)) throw new InterruptedError('onderbroken');
      return original(options);
    })(prompter.input.bind(prompter));
    h = await harness({ prompter });
    await expect(step1.run(h.ctx)).rejects.toBeInstanceOf(InterruptedError);
    const saved = JSON.parse(readFileSync(join(h.dir, 'config.json'), 'utf8'));
    expect(saved.profiles.default.office).toEqual({ name: OFFICE.name, contactName: OFFICE.contactName, email: OFFICE.email });
    expect(saved.profiles.default.steps['1'].state).toBe('in-progress');
  });
});
