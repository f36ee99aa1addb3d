import { afterEach, describe, expect, it } from 'vitest';
import { step2 } from '../../src/steps/step2-webservicegebruiker.js';
import { employerId, harness, scriptedPrompter, throughStep, type Harness } from './helpers.js';

const MANUAL_WARNING = 'Zonder deze koppeling zal de webservice geen resultaten teruggeven';

describe('step 2 — Koppelen webservicegebruiker aan werkgever(s)', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it("shows the manual's checklist and is done when some employers are linked, listing the others", async () => {
    h = await harness({ answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    const result = await step2.run(h.ctx);
    expect(result.state).toBe('done');
    for (const field of ['Soort gebruiker:              Webservice gebruiker', 'Webservicepartij:             Benefits-Plaza', 'Sms authenticatie:            Nee', 'Wachtwoord wijzigen toestaan: Ja', 'Gebruikersnaam:               bijvoorbeeld Webservice#01', 'Gebruikers provider']) {
      expect(h.stderr.text).toContain(field);
    }
    expect(h.stderr.text).toContain('Transportbedrijf Hendriks & Zonen B.V. (20008)');
    expect(h.stderr.text).toContain('Zorggroep Van der Linden V.O.F. (20023)');
    expect(h.stderr.text).toContain('Je hoeft niet elke werkgever bij a.s.r. aan te melden');
    expect(h.stderr.text).toContain('gecontroleerd 12/12');
    const profile = h.store.profile();
    expect(profile.webserviceUser).toBe('Webservice#01');
    expect(Object.keys(profile.employers)).toHaveLength(12);
    expect(profile.employers[employerId(h.store, 20008)]!.lastCheck?.linked).toBe('fail');
    expect(profile.employers[employerId(h.store, 20003)]!.lastCheck?.linked).toBe('pass');
  });

  it("needs attention with the manual's warning when no employer is linked", async () => {
    h = await harness({ scenario: 'none-linked', answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    const result = await step2.run(h.ctx);
    expect(result.state).toBe('attention');
    expect(h.stderr.text).toContain(MANUAL_WARNING);
    expect(h.stderr.text).toContain('Toevoegen bestaande gebruiker');
    expect(h.store.profile().steps['2'].state).toBe('attention');
  });

  it('a wrong user name links nothing: attention, not a pass', async () => {
    h = await harness({ answers: { webserviceUser: 'Webservice#02' }, profile: throughStep(1) });
    expect((await step2.run(h.ctx)).state).toBe('attention');
  });

  it('--allow-unverifiable accepts doubt, not zero: every link unverifiable and none confirmed → attention', async () => {
    h = await harness({ scenario: 'all-good', answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1), allowUnverifiable: true });
    h.sandbox.setOverride('E5', () => ({ status: 403, body: { errors: [{ message: 'Gebruiker is niet geautoriseerd' }] } }));
    const result = await step2.run(h.ctx);
    expect(result.state).toBe('attention');
    expect(h.stderr.text).toContain(MANUAL_WARNING);
  });

  it('unverifiable links (E5 403) need a hand confirmation, recorded as a confirmation', async () => {
    h = await harness({ scenario: 'all-good', answers: { webserviceUser: 'Webservice#01' }, profile: throughStep(1) });
    h.sandbox.setOverride('E5', () => ({ status: 403, body: { errors: [{ message: 'Gebruiker is niet geautoriseerd' }] } }));
    const unconfirmed = await step2.run(h.ctx);
    expect(unconfirmed.state).toBe('attention');
    expect(h.store.profile().confirmations).toEqual([]);

    const confirmed = await step2.run(h.rerun({ answers: { webserviceUser: 'Webservice#01', acceptUnverifiable: 'LKT-55' } }));
    expect(confirmed.state).toBe('done');
    const profile = h.store.profile();
    const links = profile.confirmations.filter((c) => c.subject === 'link');
    expect(links).toHaveLength(12);
    expect(links[0]).toMatchObject({ step: '2', reference: 'LKT-55' });
    expect(links[0]!.by).not.toBe('');
    // Never a pass: the stored check stays unverifiable.
    expect(Object.values(profile.employers).every((e) => e.lastCheck?.linked === 'unverifiable')).toBe(true);
  });

  it('asks for the webservice user name but never for its password', async () => {
    const prompter = scriptedPrompter([[/Gebruikersnaam van de webservicegebruiker/, 'Webservice#01']]);
    h = await harness({ scenario: 'all-good', prompter, profile: throughStep(1) });
    expect((await step2.run(h.ctx)).state).toBe('done');
    expect(prompter.asked).toHaveLength(1);
  });
});
