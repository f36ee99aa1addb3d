import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MissingInputsError } from '../../src/errors.js';
import { emptyProfile } from '../../src/store/index.js';
import { STEPS } from '../../src/steps/registry.js';
import { answersFragment, printReport, runDocument } from '../../src/steps/report.js';
import { runOneStep, runWizard } from '../../src/steps/wizard.js';
import { harness, OFFICE, scriptedPrompter, throughStep, type Harness } from './helpers.js';

describe('the wizard', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('the registry holds the five steps in the manual’s order', () => {
    expect(STEPS.map((s) => s.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(STEPS.map((s) => s.title())).toEqual([
      'Verzoek indienen bij Loket.nl',
      'Koppelen webservicegebruiker aan werkgever(s)',
      'Gegevens instellen',
      'Invullen aanmeldformulier van a.s.r.',
      'Aanmelden werkgevers',
    ]);
  });

  it('non-interactive: one error listing every missing input of every step, nothing written, no API call', async () => {
    h = await harness({ answers: { office: { name: OFFICE.name } } });
    const error = await runWizard(h.ctx, { menu: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingInputsError);
    const flags = (error as MissingInputsError).missing.map((m) => m.flag);
    // The office name was given, so it also serves as a.s.r.'s company name (step 4).
    expect(flags).toEqual([
      '--contact-name',
      '--contact-email',
      '--contact-phone',
      '--webservice-user',
      '--route',
      '--asr-email',
      '--asr-username',
      '--omgevingscode',
    ]);
    expect(existsSync(join(h.dir, 'config.json'))).toBe(false);
    expect(h.sandbox.stats().requests).toBe(0);
  });

  it('non-interactive: runs the unfinished steps in order and stops at the first that is not done', async () => {
    h = await harness({
      answers: { webserviceUser: 'Webservice#01', route: 'ak-team', routeConfirmed: true, environmentCode: 'E1', acceptUnverifiable: 'LKT-3' },
      profile: throughStep(1),
    });
    const report = await runWizard(h.ctx, { menu: false });
    // Step 3 waits for Loket's confirmation of the authorization (the autorisatie ticket).
    expect(report.results.map((r) => [r.step, r.state])).toEqual([
      ['2', 'done'],
      ['3', 'in-progress'],
    ]);
    expect(h.stderr.text).toContain('Stap 2 van 5 — Koppelen webservicegebruiker aan werkgever(s)');
    expect(h.stderr.text).not.toContain('Stap 1 van 5');
    expect(runDocument(h.store.profile(), report.results, h.ctx.commandLine)).toMatchObject({
      steps: { '1': 'done', '2': 'done', '3': 'in-progress', '4': 'todo', '5': 'todo' },
      next: { step: '3', command: 'loket-asr-setup step 3' },
    });
  });

  it('interactive: resumes at the first unfinished step, offers the menu, and prints the answers fragment', async () => {
    const prompter = scriptedPrompter([
      [/Gebruikersnaam van de webservicegebruiker/, 'Webservice#01'],
      [/Wat wil je nu doen/, (choices: Array<{ name: string; value: unknown }>) => choices.find((c) => c.name.startsWith('Stap 2 opnieuw'))!.value],
      [/Kloppen deze gegevens/, true],
      [/Wat wil je nu doen/, (choices: Array<{ name: string; value: unknown }>) => choices.find((c) => c.name.startsWith('Stoppen'))!.value],
    ]);
    h = await harness({ scenario: 'all-good', prompter, profile: throughStep(1) });
    const report = await runWizard(h.ctx, { menu: true });
    expect(report.results.map((r) => r.step)).toEqual(['2', '2']);
    expect(report.stopped).toBe(true);
    // Resuming, the wizard first shows where things stand.
    expect(h.stderr.text).toMatch(/^Welkom terug\. Waar je was:\n {2}● 1\. Verzoek indienen bij Loket\.nl {2}\[klaar\]\n {2}○ 2\./m);
    printReport(h.ctx, report);
    expect(h.stdout.text).toContain('● 2. Koppelen webservicegebruiker aan werkgever(s)');
    expect(h.stdout.text).toContain('Volgende: stap 3');
    // This session's answers, and how to write all of them to one file.
    expect(h.stderr.text).toContain('"webserviceUser": "Webservice#01"');
    expect(h.stderr.text).toContain('loket-asr-setup --write-answers answers.json');
  });

  it('after going back to an earlier step, the menu offers to continue where you were', async () => {
    const menus: string[][] = [];
    const prompter = scriptedPrompter([
      [/Kies de werkgevers/, '⏎'],
      [/Wat wil je nu doen/, (choices: Array<{ name: string; value: unknown }>) => choices.find((c) => c.name.startsWith('Terug naar stap 1'))!.value],
      [/Kloppen deze gegevens nog/, true],
      [/Kloppen deze gegevens nog/, true],
      [
        /Wat wil je nu doen/,
        (choices: Array<{ name: string; value: unknown }>) => {
          menus.push(choices.map((c) => c.name));
          return choices.find((c) => c.name.startsWith('Verder waar je was'))!.value;
        },
      ],
      [/Kies de werkgevers/, '⏎'],
      [/Wat wil je nu doen/, (choices: Array<{ name: string; value: unknown }>) => choices.find((c) => c.name.startsWith('Stoppen'))!.value],
    ]);
    h = await harness({ prompter, profile: throughStep(4) });
    const report = await runWizard(h.ctx, { menu: true });
    expect(report.results.map((r) => r.step)).toEqual(['5', '1', '5']);
    expect(menus[0]![0]).toBe('Verder waar je was: stap 5 — Aanmelden werkgevers');
    expect(menus[0]).toContain('Verder met stap 2 — Koppelen webservicegebruiker aan werkgever(s)');
  });

  it('`step <n>` runs exactly that step, with the same fail-fast check', async () => {
    h = await harness({ profile: throughStep(1) });
    const error = await runOneStep(h.ctx, '4').catch((e: unknown) => e);
    expect((error as MissingInputsError).missing.map((m) => m.key)).toEqual(['asr.userName', 'environmentCode']);
  });

  it('the answers fragment holds only what changed, with dates as YYYY-MM-DD', () => {
    const before = emptyProfile();
    const after = emptyProfile();
    throughStep(4)(after);
    after.employers.e1 = {
      employerNumber: 20011,
      companyName: 'X',
      payrollTaxNumbers: [],
      selected: true,
      status: 'signed-up',
      history: [{ status: 'signed-up', at: '2026-11-01T00:00:00.000Z', forced: true, reason: 'r' }],
    };
    const fragment = answersFragment(before, after);
    expect(fragment).toMatchObject({
      office: { name: OFFICE.name },
      tickets: { webservicepartij: { loketTicketNumber: 'LKT-1', sentAt: '2026-10-01' } },
      webserviceUser: 'Webservice#01',
      route: 'ak-team',
      routeConfirmed: true,
      environmentCode: 'DEVRIES-PRD',
      asr: { submittedAt: '2026-10-01', confirmedAt: '2026-10-01' },
      employers: { '20011': { status: 'signed-up', force: true, reason: 'r' } },
    });
    expect(answersFragment(after, after)).toEqual({});
  });
});
