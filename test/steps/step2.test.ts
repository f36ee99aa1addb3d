import { afterEach, describe, expect, it } from 'vitest';
import { step2 } from '../../src/steps/step2-webservicegebruiker.js';
import { employerId, harness, NOW, scriptedPrompter, throughStep, type Harness } from './helpers.js';

const MANUAL_WARNING = 'Zonder deze koppeling zal de webservice geen resultaten teruggeven';

describe('step 2 — Koppelen webservicegebruiker aan werkgever(s)', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('finding the webservice user finishes a step 1 still waiting on Loket.nl: the user exists, so Benefits-Plaza was added', async () => {
    h = await harness({
      answers: { webserviceUser: 'Webservice#01' },
      profile: (draft) => {
        throughStep(1)(draft);
        draft.tickets.webservicepartij = { sentAt: '2026-11-20T00:00:00.000Z' };
        draft.steps['1'] = { state: 'in-progress', updatedAt: '2026-11-20T00:00:00.000Z' };
      },
    });
    await step2.run(h.ctx);
    const profile = h.store.profile();
    expect(profile.steps['1']).toMatchObject({ state: 'done', completedAt: NOW });
    expect(profile.tickets.webservicepartij).toEqual({
      sentAt: '2026-11-20T00:00:00.000Z',
      answeredAt: NOW,
      answeredBy: 'de webservicegebruiker bestaat in Loket.nl',
    });
    expect(h.stderr.text).toContain('Stap 1 is afgerond: de webservicegebruiker bestaat');
  });

  it('a user that is not found leaves a waiting step 1 alone', async () => {
    h = await harness({
      answers: { webserviceUser: 'Webservice#99' },
      profile: (draft) => {
        throughStep(1)(draft);
        draft.tickets.webservicepartij = { sentAt: '2026-11-20T00:00:00.000Z' };
        draft.steps['1'] = { state: 'in-progress', updatedAt: '2026-11-20T00:00:00.000Z' };
      },
    });
    await step2.run(h.ctx);
    expect(h.store.profile().steps['1'].state).toBe('in-progress');
    expect(h.store.profile().tickets.webservicepartij?.answeredAt).toBeUndefined();
  });

  it("shows the manual's checklist, finds the user and where, and is done when it reaches employers; unlinked ones are information", async () => {
    h = await harness({ answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    const result = await step2.run(h.ctx);
    expect(result).toEqual({ state: 'done', summary: 'Webservice#01 gekoppeld aan 10 van de 12 werkgevers' });
    for (const field of [
      'Soort gebruiker:              Webservice gebruiker',
      'Webservicepartij:             Benefits-Plaza',
      'Sms authenticatie:            Nee',
      'Wachtwoord wijzigen toestaan: Ja',
      'Gebruikersnaam:               bijvoorbeeld Webservice#01',
      'Gebruikers provider',
    ]) {
      expect(h.stderr.text).toContain(field);
    }
    expect(h.stderr.text).toContain('Webservice#01 gevonden bij de gebruikers van de provider (providergebruiker)');
    expect(h.stderr.text).toContain('inlogmethode: Only via SSO');
    expect(h.stderr.text).toContain('team Benefits-Plaza: 10 werkgevers, 1 andere gebruiker');
    // The default team also holds p.jansen: the manual advises one team per webservicepartij.
    expect(h.stderr.text).toContain('één apart team per webservicepartij');
    expect(h.stdout.text).toMatch(/20008 Installatiebedrijf Vermeulen & Zonen B\.V\.\s+NEE\s+niet gekoppeld \(alleen nodig als je deze werkgever aanmeldt\)/);
    expect(h.stderr.text).toContain('Je hoeft niet elke werkgever te koppelen');
    const profile = h.store.profile();
    expect(profile.webserviceUser).toBe('Webservice#01');
    expect(profile.webserviceUserFound).toMatchObject({ kind: 'provider-user', userName: 'Webservice#01', at: NOW });
    expect(profile.teams.map((t) => t.description)).toEqual(['Benefits-Plaza']);
    expect(Object.keys(profile.employers)).toHaveLength(12);
    expect(profile.employers[employerId(h.store, 20008)]!.lastCheck).toEqual({ at: NOW, linked: 'fail', required: false, via: [], problems: [] });
    expect(profile.employers[employerId(h.store, 20002)]!.lastCheck).toEqual({
      at: NOW,
      linked: 'pass',
      required: false,
      via: ['team:Benefits-Plaza'],
      problems: [],
    });
    expect(profile.steps['2']).toEqual({ state: 'done', updatedAt: NOW, completedAt: NOW });
  });

  it('a selected employer that is not linked needs attention', async () => {
    h = await harness({ answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    await step2.run(h.ctx);
    h.store.update((draft) => {
      draft.employers[employerId(h.store, 20008)]!.selected = true;
    });
    const result = await step2.run(h.rerun({ answers: { webserviceUser: 'Webservice#01' } }));
    expect(result.state).toBe('attention');
    expect(h.stderr.text).toContain('Installatiebedrijf Vermeulen & Zonen B.V. (20008)');
    expect(h.stderr.text).toContain('voeg deze werkgever toe aan team Benefits-Plaza');
    expect(h.store.profile().employers[employerId(h.store, 20008)]!.lastCheck).toMatchObject({ linked: 'fail', required: true, problems: ['NOT_LINKED'] });
  });

  it("needs attention with the manual's warning when the user reaches no employer", async () => {
    h = await harness({ scenario: 'none-linked', answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    const result = await step2.run(h.ctx);
    expect(result.state).toBe('attention');
    expect(h.stderr.text).toContain(MANUAL_WARNING);
    expect(h.stderr.text).toContain('Toevoegen bestaande gebruiker');
    expect(h.store.profile().steps['2'].state).toBe('attention');
  });

  it('finds an employer user (werkgevergebruiker route) and says so', async () => {
    h = await harness({ scenario: 'werkgevergebruiker', answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    const result = await step2.run(h.ctx);
    expect(result).toEqual({ state: 'done', summary: 'Webservice#01 gekoppeld aan 3 van de 12 werkgevers' });
    expect(h.stderr.text).toContain('gevonden bij de werkgevergebruikers (werkgevergebruiker)');
    expect(h.store.profile().webserviceUserFound?.kind).toBe('employer-user');
  });

  it('a user the API does not show is unverifiable — attention, never "not linked" — until confirmed by hand', async () => {
    h = await harness({ scenario: 'hidden-user', answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    const unconfirmed = await step2.run(h.ctx);
    expect(unconfirmed.state).toBe('attention');
    expect(h.stderr.text).toContain('Webservice#01 is via de API niet te vinden');
    expect(h.stderr.text).toContain('Teams en gebruikers › Gebruikers provider');
    expect(Object.values(h.store.profile().employers).every((e) => e.lastCheck?.linked === 'unverifiable')).toBe(true);
    expect(h.store.profile().confirmations).toEqual([]);

    const confirmed = await step2.run(h.rerun({ answers: { webserviceUser: 'Webservice#01', acceptUnverifiable: 'gecontroleerd in Loket Classic' } }));
    expect(confirmed).toEqual({ state: 'done', summary: 'Webservice#01 met de hand bevestigd (de API kon het niet laten zien)' });
    // Recorded as a confirmation by the office's contact, never as a pass.
    expect(h.store.profile().confirmations).toEqual([{ subject: 'link', step: '2', by: 'Jan de Vries', at: NOW, reference: 'gecontroleerd in Loket Classic' }]);
    expect(Object.values(h.store.profile().employers).every((e) => e.lastCheck?.linked === 'unverifiable')).toBe(true);
  });

  it('with a named team the hidden user is still unverifiable, and the team shows as information', async () => {
    h = await harness({ scenario: 'hidden-user', answers: { webserviceUser: 'Webservice#01', team: 'Benefits-Plaza' }, profile: throughStep(1) });
    expect((await step2.run(h.ctx)).state).toBe('attention');
    expect(h.stderr.text).toContain('team Benefits-Plaza: 10 werkgevers; Webservice#01 is geen lid');
  });

  it('--allow-unverifiable accepts doubt: a refused lookup (403) is done, but still not a pass', async () => {
    h = await harness({ scenario: 'no-rights', answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1), allowUnverifiable: true });
    const result = await step2.run(h.ctx);
    expect(result.state).toBe('done');
    expect(h.stderr.text).toContain('GetProviderUsersByProviderId (403)');
    expect(h.stderr.text).toContain('OAuth-client');
    expect(h.store.profile().webserviceUserFound).toBeUndefined();
  });

  it('asks for the webservice user name but never for its password', async () => {
    const prompter = scriptedPrompter([[/Gebruikersnaam van de webservicegebruiker/, 'Webservice#01']]);
    h = await harness({ scenario: 'all-good', prompter, profile: throughStep(1) });
    expect((await step2.run(h.ctx)).state).toBe('done');
    expect(prompter.asked).toEqual(['Gebruikersnaam van de webservicegebruiker (bijv. Webservice#01)']);
  });

  it('interactively, a user the API cannot show may be confirmed by hand at the prompt', async () => {
    const prompter = scriptedPrompter([
      [/Gebruikersnaam van de webservicegebruiker/, 'Webservice#01'],
      [/zelf gecontroleerd/, true],
      [/Referentie/, 'gezien in Loket Classic'],
    ]);
    h = await harness({ scenario: 'hidden-user', prompter, profile: throughStep(1) });
    expect((await step2.run(h.ctx)).state).toBe('done');
    expect(h.store.profile().confirmations[0]).toMatchObject({ subject: 'link', reference: 'gezien in Loket Classic' });
  });
});
