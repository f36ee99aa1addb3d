import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InterruptedError, UsageError } from '../../src/errors.js';
import { step1 } from '../../src/steps/step1-verzoek-loket.js';
import { harness, NOW, OFFICE, scriptedPrompter, type Harness } from './helpers.js';

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
    expect(profile.steps['1'].note).toContain('--webservicepartij-ticket');
  });

  it('is done once the ticket number is given; the sent date defaults to today', async () => {
    h = await harness({ answers: { office: OFFICE, tickets: { webservicepartij: { loketTicketNumber: 'LKT-7' } } } });
    const result = await step1.run(h.ctx);
    expect(result.state).toBe('done');
    const ticket = h.store.profile().tickets.webservicepartij;
    expect(ticket?.loketTicketNumber).toBe('LKT-7');
    expect(ticket?.sentAt?.slice(0, 10)).toBe(NOW.slice(0, 10));
    expect(h.store.profile().steps['1'].completedAt).toBe(NOW);
  });

  it('needs the office details when nothing is saved, and nothing more once they are', () => {
    const needed = step1.needs({ office: {} } as never).map((input) => input.flag.split(' ')[0]);
    expect(needed).toEqual(['--office-name', '--contact-name', '--contact-email', '--contact-phone']);
    expect(step1.needs({ office: { name: 'a', contactName: 'b', email: 'c', phone: 'd' } } as never)).toEqual([]);
  });

  it('refuses an invalid e-mail or phone from the answers file, naming the field (exit 2)', async () => {
    h = await harness({ answers: { office: { ...OFFICE, email: 'jan@localhost' } } });
    const error = await step1.run(h.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('E-mailadres van de contactpersoon');
    expect((error as Error).message).toContain('office.email');

    const phone = await step1.run(h.rerun({ answers: { office: { ...OFFICE, phone: '12345' } } })).catch((e: unknown) => e);
    expect(phone).toBeInstanceOf(UsageError);
    expect((phone as Error).message).toContain('Telefoonnummer');
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
      [/Ticketnummer/, 'LKT-99'],
      [/Datum/, '2026-11-02'],
    ]);
    h = await harness({ prompter });
    const result = await step1.run(h.ctx);
    expect(result.state).toBe('done');
    expect(prompter.rejected).toHaveLength(2);
    const profile = h.store.profile();
    expect(profile.office.email).toBe(OFFICE.email);
    expect(profile.office.phone).toBe('+31131234567');
    expect(profile.tickets.webservicepartij).toMatchObject({ loketTicketNumber: 'LKT-99', sentAt: '2026-11-02T00:00:00.000Z' });
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
