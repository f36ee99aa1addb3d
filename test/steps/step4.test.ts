import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { step4 } from '../../src/steps/step4-aanmelden-asr.js';
import { answersRefusal, harness, OFFICE, scriptedPrompter, throughStep, type Harness } from './helpers.js';

describe('step 4 — Invullen aanmeldformulier van a.s.r.', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('prints a copy-ready summary with the password masked, defaults from earlier steps, no API calls', async () => {
    h = await harness({ profile: throughStep(3) });
    const result = await step4.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(result.summary).toContain('--asr-submitted');
    const summary = h.stdout.text;
    expect(summary).toContain('https://www.asr.nl/salarisverwerkers');
    expect(summary).toMatch(/Naam van je bedrijf:\s+Administratiekantoor De Vries & Partners/);
    expect(summary).toMatch(/E-mailadres:\s+j\.devries@devries-partners\.example/);
    expect(summary).toMatch(/Gebruikersnaam:\s+Webservice#01/);
    expect(summary).toMatch(/Wachtwoord:\s+••••••/);
    expect(summary).toMatch(/Omgevingscode:\s+DEVRIES-PRD/);
    expect(summary).toContain('typ het zelf in het formulier van a.s.r.');
    expect(h.sandbox.stats().requests).toBe(0);
  });

  it('sent but not confirmed → in progress (wait for a.s.r.); confirmed → done', async () => {
    h = await harness({ answers: { asr: { submittedAt: '2026-10-21' } }, profile: throughStep(3) });
    const waiting = await step4.run(h.ctx);
    expect(waiting.state).toBe('in-progress');
    expect(waiting.summary).toContain('stap 5');
    const done = await step4.run(h.rerun({ answers: { asr: { confirmedAt: '2026-10-28' } } }));
    expect(done.state).toBe('done');
    expect(h.store.profile().asr).toMatchObject({ submittedAt: '2026-10-21T00:00:00.000Z', confirmedAt: '2026-10-28T00:00:00.000Z' });
  });

  it('refuses a confirmation without a sent date, one before it, and a bad e-mail', async () => {
    h = await harness({ answers: { asr: { confirmedAt: '2026-10-28' } }, profile: throughStep(3) });
    await expect(step4.run(h.ctx)).rejects.toBeInstanceOf(UsageError);
    const early = step4.run(h.rerun({ answers: { asr: { submittedAt: '2026-10-21', confirmedAt: '2026-10-20' } } }));
    await expect(early).rejects.toThrow(/20-10-2026/);
    expect(answersRefusal(h, { asr: { requestEmail: 'salaris@@example.nl' } }).message).toContain('asr.requestEmail');
  });

  it('needs the omgevingscode and a.s.r. details only when nothing provides them', () => {
    const empty = { office: {}, asr: {} } as never;
    expect(step4.needs(empty).map((i) => i.key)).toEqual(['asr.companyName', 'asr.requestEmail', 'asr.userName', 'environmentCode']);
    const known = { office: { name: 'x', email: 'a@b.nl' }, asr: {}, webserviceUser: 'W#1', environmentCode: 'E' } as never;
    expect(step4.needs(known)).toEqual([]);
  });

  it('interactively offers the defaults, shows the e-mail back and records both dates', async () => {
    const prompter = scriptedPrompter([
      [/Naam van je bedrijf/, ''],
      [/E-mailadres waarop/, 'salaris@devries-partners.example'],
      [/Klopt dit e-mailadres/, true],
      [/Gebruikersnaam voor het aanmeldformulier/, ''],
      [/aanmeldformulier van a.s.r. verstuurd/, true],
      [/verstuurd \(DD-MM-JJJJ\)/, '2026-10-21'],
      [/aanmelding bevestigd\?/, true],
      [/bevestigd \(DD-MM-JJJJ\)/, '2026-10-28'],
    ]);
    h = await harness({ prompter, profile: throughStep(3) });
    expect((await step4.run(h.ctx)).state).toBe('done');
    expect(h.store.profile().asr).toMatchObject({ companyName: OFFICE.name, requestEmail: 'salaris@devries-partners.example', userName: 'Webservice#01' });
    expect(prompter.asked.some((m) => /wachtwoord/i.test(m))).toBe(false);
  });

  it('interactively, a confirmation before the sent date is explained and both dates are asked again', async () => {
    const prompter = scriptedPrompter([
      [/Naam van je bedrijf/, ''],
      [/E-mailadres waarop/, ''],
      [/Klopt dit e-mailadres/, true],
      [/Gebruikersnaam voor het aanmeldformulier/, ''],
      [/aanmeldformulier van a.s.r. verstuurd/, true],
      [/verstuurd \(DD-MM-JJJJ\)/, '2026-10-21'],
      [/aanmelding bevestigd\?/, true],
      [/bevestigd \(DD-MM-JJJJ\)/, '2026-10-20'],
      [/verstuurd \(DD-MM-JJJJ\)/, '2026-10-19'],
      [/bevestigd \(DD-MM-JJJJ\)/, ''],
    ]);
    h = await harness({ prompter, profile: throughStep(3) });
    expect((await step4.run(h.ctx)).state).toBe('done');
    expect(h.stderr.text).toContain('a.s.r. kan de aanmelding niet bevestigen (20-10-2026) vóór die verstuurd is (21-10-2026). Vul beide datums opnieuw in.');
    // The second round offers what was typed first as the default; an empty answer keeps it.
    expect(h.store.profile().asr).toMatchObject({ submittedAt: '2026-10-19T00:00:00.000Z', confirmedAt: '2026-10-20T00:00:00.000Z' });
  });

  it('run again: saved details and dates are shown, and a wrong sent date can be corrected', async () => {
    const prompter = scriptedPrompter([
      [/Kloppen deze gegevens nog/, false],
      [/Naam van je bedrijf/, ''],
      [/E-mailadres waarop/, ''],
      [/Klopt dit e-mailadres/, true],
      [/Gebruikersnaam voor het aanmeldformulier/, ''],
      [/verstuurd \(DD-MM-JJJJ\)/, '2026-09-30'],
      [/bevestigd \(DD-MM-JJJJ\)/, ''],
    ]);
    h = await harness({ prompter, profile: throughStep(4) });
    expect((await step4.run(h.ctx)).state).toBe('done');
    expect(h.stderr.text).toMatch(/Datum waarop je het aanmeldformulier hebt verstuurd[^:]*: 01-10-2026/);
    expect(h.store.profile().asr).toMatchObject({ submittedAt: '2026-09-30T00:00:00.000Z', confirmedAt: '2026-10-01T00:00:00.000Z' });
  });

  it("on a desktop, interactively, offers to open a.s.r.'s form (and opens exactly that page)", async () => {
    const opened: string[] = [];
    const prompter = scriptedPrompter([
      [/Kloppen deze gegevens nog/, true],
      [/Het aanmeldformulier van a.s.r. openen in je browser/, true],
    ]);
    h = await harness({ prompter, profile: throughStep(4), browser: { available: true, open: (url) => (opened.push(url), true) } });
    await step4.run(h.ctx);
    expect(opened).toEqual(['https://www.asr.nl/salarisverwerkers']);
    expect(h.stderr.text).toContain('Geopend in je browser: https://www.asr.nl/salarisverwerkers');
  });
});
