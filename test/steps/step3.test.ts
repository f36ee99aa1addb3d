import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { Profile } from '../../src/store/index.js';
import { step2 } from '../../src/steps/step2-webservicegebruiker.js';
import { step3 } from '../../src/steps/step3-gegevens-instellen.js';
import { answersRefusal, harness, NOW, scriptedPrompter, throughStep, type Harness } from './helpers.js';

const READY = {
  route: 'ak-team',
  routeConfirmed: true,
  environmentCode: 'DEVRIES-PRD',
  authorization: { reference: 'LKT-2026-10501', confirmedAt: '2026-10-20' },
};

/** Step 2 as done: the user found as a provider user, through the default office's team. */
function afterStep2(kind: 'provider-user' | 'employer-user' = 'provider-user') {
  return (draft: Profile): void => {
    throughStep(2)(draft);
    draft.webserviceUserFound = { id: 'x', kind, userName: 'Webservice#01', at: NOW };
  };
}

describe('step 3 — Gegevens instellen', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('is done when the route is confirmed, the code recorded and Loket confirmed the authorization — recorded with who, when and the ticket', async () => {
    h = await harness({ scenario: 'all-good', answers: READY, profile: afterStep2() });
    const result = await step3.run(h.ctx);
    expect(result).toEqual({ state: 'done', summary: 'route AK gebruiker (team) bevestigd, omgevingscode DEVRIES-PRD, autorisatie bevestigd door Loket.nl' });
    const profile = h.store.profile();
    expect(profile.route).toBe('ak-team');
    expect(profile.environmentCode).toBe('DEVRIES-PRD');
    expect(profile.confirmations).toEqual([
      { subject: 'route', step: '3', by: 'Jan de Vries', at: NOW, reference: 'ak-team' },
      { subject: 'authorization', step: '3', by: 'Jan de Vries', at: '2026-10-20T00:00:00.000Z', reference: 'LKT-2026-10501' },
    ]);
    expect(h.stderr.text).toContain('Maak een team aan voor de webservicepartij');
    expect(h.stderr.text).toContain('team Benefits-Plaza: 12 werkgevers, 0 andere gebruikers');
    // The autorisatie ticket is not shown once Loket's reply is given.
    expect(h.stdout.text).not.toContain('autorisatie');
  });

  it('detects the route from step 2 and uses it without asking; a non-interactive run needs no route', async () => {
    h = await harness({ scenario: 'werkgevergebruiker', answers: { routeConfirmed: true, environmentCode: 'X1' }, profile: afterStep2('employer-user') });
    expect(step3.needs(h.store.profile())).toEqual([]);
    const result = await step3.run(h.ctx);
    expect(h.stderr.text).toContain('Stap 2 vond Webservice#01 als werkgevergebruiker');
    expect(h.store.profile().route).toBe('werkgevergebruiker');
    expect(h.stderr.text).toContain('Toevoegen bestaande gebruiker');
    // Without Loket's reply: the office-wide autorisatie ticket, and in progress.
    expect(result.state).toBe('in-progress');
    expect(result.summary).toContain('--authorization-reference');
  });

  it('prints the office-wide autorisatie ticket: provider, webservice user, team and the linked employers for reference', async () => {
    h = await harness({ answers: { route: 'ak-team', routeConfirmed: true, environmentCode: 'DEVRIES-PRD' }, profile: afterStep2() });
    const result = await step3.run(h.ctx);
    expect(result.state).toBe('in-progress');
    const ticket = h.stdout.text;
    expect(ticket).toContain('Onderwerp: Verzoek bevestiging autorisatie webservicepartij Benefits-Plaza — Administratiekantoor De Vries & Partners');
    expect(ticket).toContain('werkgever, persoon en verlof, voor webservicegebruiker Webservice#01');
    expect(ticket).toContain('via team Benefits-Plaza');
    expect(ticket).toContain('Hoveniersbedrijf De Groot & Zonen B.V. (werkgevernummer 20002)');
    // Not linked: not listed.
    expect(ticket).not.toContain('20008');
    expect(h.store.profile().tickets.autorisatie?.generatedAt).toBe(NOW);
    expect(h.store.profile().steps['3'].note).toContain('ticket autorisatie');
  });

  it('warns when the team is shared with other users (the manual: one team per webservicepartij)', async () => {
    h = await harness({ answers: READY, profile: afterStep2() });
    await step3.run(h.ctx);
    expect(h.stderr.text).toContain('In team Benefits-Plaza zit naast Webservice#01 nog 1 andere gebruiker;');
  });

  it("asks for Loket's reply interactively and records it with the date given", async () => {
    const prompter = scriptedPrompter([
      [/Kloppen deze gegevens/, true],
      [/Heeft Loket.nl bevestigd/, true],
      [/Ticketnummer van het antwoord/, 'LKT-77'],
      [/Datum waarop Loket.nl de autorisatie bevestigde/, '2026-11-02'],
    ]);
    const profile = (draft: Profile) => {
      throughStep(3)(draft);
      draft.webserviceUserFound = { id: 'x', kind: 'provider-user', userName: 'Webservice#01', at: NOW };
      draft.confirmations = draft.confirmations.filter((c) => c.subject !== 'authorization');
    };
    h = await harness({ scenario: 'all-good', prompter, profile });
    expect((await step3.run(h.ctx)).state).toBe('done');
    expect(h.store.profile().confirmations.find((c) => c.subject === 'authorization')).toEqual({
      subject: 'authorization',
      step: '3',
      by: 'Jan de Vries',
      at: '2026-11-02T00:00:00.000Z',
      reference: 'LKT-77',
    });
  });

  it("run again: Loket's recorded confirmation is shown with the rest, and can be corrected", async () => {
    const prompter = scriptedPrompter([
      [/Kloppen deze gegevens/, false],
      [/Hoe geef je de webservicegebruiker toegang/, 'ak-team'],
      [/Omgevingscode/, ''],
      [/Ticketnummer van het antwoord/, 'LKT-2026-10502'],
      [/Datum waarop Loket.nl de autorisatie bevestigde/, '2026-10-21'],
    ]);
    h = await harness({ scenario: 'all-good', prompter, profile: throughStep(3) });
    expect((await step3.run(h.ctx)).state).toBe('done');
    expect(h.stderr.text).toMatch(/Bevestiging van de autorisatie door Loket\.nl: LKT-2026-10501, 01-10-2026 \(Jan de Vries\)/);
    expect(h.store.profile().confirmations.filter((c) => c.subject === 'authorization')).toEqual([
      { subject: 'authorization', step: '3', by: 'Jan de Vries', at: '2026-10-21T00:00:00.000Z', reference: 'LKT-2026-10502' },
    ]);
  });

  it('without the omgevingscode: prints the omgevingscode ticket with the office name and stays in progress', async () => {
    h = await harness({ scenario: 'all-good', answers: { route: 'werkgevergebruiker', routeConfirmed: true }, profile: afterStep2() });
    const result = await step3.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(h.stdout.text).toContain('omgevingscode');
    expect(h.stdout.text).toContain('Administratiekantoor De Vries & Partners');
    expect(result.summary).toContain('--omgevingscode');
  });

  it('never prints a ticket with a fact missing: it says which fact and how to give it', async () => {
    const bare = (draft: Profile) => {
      afterStep2()(draft);
      draft.office = {};
      delete draft.provider;
    };
    // Without a contact person nobody can be recorded as confirming the route: it stays unconfirmed.
    h = await harness({ scenario: 'all-good', answers: { route: 'ak-team' }, profile: bare });
    await step3.run(h.ctx);
    expect(h.stdout.text).not.toContain('Onderwerp');
    expect(h.stderr.text).toContain('Het ticket omgevingscode kan nog niet worden gemaakt');
    expect(h.stderr.text).toContain('de contactpersoon (--contact-name, answers office.contactName)');
    // The office's name falls back to the provider's name, which the check has just read from Loket.
    expect(h.stderr.text).not.toContain('--office-name');
  });

  it('a confirmation needs a person: without a contact person the route confirmation is a usage error naming --contact-name, and the preflight asks for it', async () => {
    const bare = (draft: Profile) => {
      afterStep2()(draft);
      delete draft.office.contactName;
    };
    h = await harness({ scenario: 'all-good', answers: { route: 'ak-team', routeConfirmed: true }, profile: bare });
    const error = await step3.run(h.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toContain('--contact-name');
    expect((error as UsageError).hint).toContain('loket-asr-setup config set office.contactName');
    expect(step3.needs(h.store.profile()).map((input) => input.key)).toContain('office.contactName');
    expect(h.store.profile().confirmations.filter((c) => c.subject === 'route')).toEqual([]);
  });

  it('without the route confirmation: in progress', async () => {
    h = await harness({ scenario: 'all-good', answers: { route: 'ak-team', environmentCode: 'X1' }, profile: afterStep2() });
    const result = await step3.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(result.summary).toContain('--route-confirmed');
  });

  it('keeps a named team for the checks (the user itself may not be listed)', async () => {
    h = await harness({ scenario: 'hidden-user', answers: { ...READY, team: 'Benefits-Plaza' }, profile: throughStep(2) });
    await step3.run(h.ctx);
    expect(h.store.profile().team).toBe('Benefits-Plaza');
    expect(h.stderr.text).toContain('team Benefits-Plaza: 10 werkgevers; Webservice#01 is geen lid');
    // step 2 now looks in that team too.
    await step2.run(h.rerun({}));
    expect(h.stderr.text).toContain('niet in het genoemde team');
  });

  it('an empty or spaced omgevingscode and an unknown route are refused, naming the field', async () => {
    h = await harness({ profile: afterStep2() });
    expect(answersRefusal(h, { ...READY, environmentCode: ' ' }).message).toContain('Omgevingscode');
    expect(answersRefusal(h, { ...READY, environmentCode: 'AB 12' }).message).toContain('Omgevingscode');
    expect(answersRefusal(h, { ...READY, route: 'team' }).message).toContain('ak-team, werkgevergebruiker');
  });
});
