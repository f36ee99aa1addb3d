import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { step3 } from '../../src/steps/step3-gegevens-instellen.js';
import { employerId, harness, scriptedPrompter, throughStep, type Harness } from './helpers.js';

const READY = { route: 'ak-team', routeConfirmed: true, environmentCode: 'DEVRIES-PRD' };

describe('step 3 — Gegevens instellen', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('is done when the route is confirmed, the code recorded and every linked employer is authorized', async () => {
    h = await harness({ scenario: 'all-good', answers: READY, profile: throughStep(2) });
    const result = await step3.run(h.ctx);
    expect(result.state).toBe('done');
    const profile = h.store.profile();
    expect(profile.route).toBe('ak-team');
    expect(profile.environmentCode).toBe('DEVRIES-PRD');
    expect(profile.confirmations.find((c) => c.subject === 'route')).toMatchObject({ step: '3', reference: 'ak-team' });
    expect(h.stderr.text).toContain('Maak een team aan voor de webservicepartij');
    // Rights-style E6 answers (every seventh employer in the simulator) pass like activity-style ones.
    expect(profile.employers[employerId(h.store, 20005)]!.lastCheck?.entities).toEqual({ werkgever: 'pass', persoon: 'pass', verlof: 'pass' });
  });

  it('missing verlof → attention and an autorisatie ticket listing exactly those employers', async () => {
    h = await harness({ answers: { ...READY, acceptUnverifiable: 'LKT-60' }, profile: throughStep(2) });
    const result = await step3.run(h.ctx);
    expect(result.state).toBe('attention');
    const ticket = h.stdout.text;
    expect(ticket).toContain('Onderwerp: Verzoek autorisatie webservicepartij Benefits-Plaza');
    expect(ticket).toContain('Tandartspraktijk Van Dijk B.V. (werkgevernummer 20011): verlof');
    expect(ticket).toContain('Bouwbedrijf Dekker B.V. (werkgevernummer 20026): verlof');
    // Unlinked (20008, 20023) and unverifiable (20017) employers are not Loket's authorization problem.
    expect(ticket).not.toMatch(/2000[38]|20023|20017/);
    expect(h.store.profile().tickets.autorisatie?.generatedAt).toBeDefined();
    expect(h.store.profile().steps['3'].note).toContain('ticket autorisatie');
  });

  for (const status of [404, 403]) {
    it(`E6 ${status} is unverifiable: never a pass, attention until confirmed by hand`, async () => {
      h = await harness({ scenario: 'all-good', answers: READY, profile: throughStep(2) });
      h.sandbox.setOverride('E6', () => ({ status, body: { errors: [{ message: 'niet beschikbaar' }] } }));
      expect((await step3.run(h.ctx)).state).toBe('attention');
      const profile = h.store.profile();
      expect(Object.values(profile.employers).every((e) => Object.values(e.lastCheck!.entities).every((r) => r === 'unverifiable'))).toBe(true);
      expect(profile.confirmations.filter((c) => c.subject === 'entities')).toEqual([]);
      expect((await step3.run(h.rerun({ answers: READY, allowUnverifiable: true }))).state).toBe('done');
    });
  }

  it('a hand confirmation is recorded per employer as a confirmation, and the check stays unverifiable', async () => {
    const prompter = scriptedPrompter([
      [/Kloppen deze gegevens/, true],
      [/zelf gecontroleerd/, true],
      [/Referentie/, 'LKT-77'],
    ]);
    h = await harness({ scenario: 'all-good', prompter, profile: throughStep(3) });
    h.sandbox.setOverride('E6', () => ({ status: 404 }));
    expect((await step3.run(h.ctx)).state).toBe('done');
    const profile = h.store.profile();
    const confirmations = profile.confirmations.filter((c) => c.subject === 'entities');
    expect(confirmations).toHaveLength(12);
    expect(new Set(confirmations.map((c) => c.employerId)).size).toBe(12);
    expect(confirmations[0]).toMatchObject({ step: '3', reference: 'LKT-77' });
    expect(profile.employers[employerId(h.store, 20003)]!.lastCheck?.entities.verlof).toBe('unverifiable');
  });

  it('without the omgevingscode: prints the omgevingscode ticket and stays in progress', async () => {
    h = await harness({ scenario: 'all-good', answers: { route: 'werkgevergebruiker', routeConfirmed: true }, profile: throughStep(2) });
    const result = await step3.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(h.stdout.text).toContain('omgevingscode');
    expect(h.stdout.text).toContain('Administratiekantoor De Vries & Partners');
    expect(h.stderr.text).toContain('Toevoegen bestaande gebruiker');
    expect(result.summary).toContain('--omgevingscode');
  });

  it('without the route confirmation: in progress', async () => {
    h = await harness({ scenario: 'all-good', answers: { route: 'ak-team', environmentCode: 'X1' }, profile: throughStep(2) });
    const result = await step3.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(result.summary).toContain('--route-confirmed');
  });

  it('an empty or spaced omgevingscode and an unknown route are refused, naming the field', async () => {
    h = await harness({ answers: { ...READY, environmentCode: ' ' }, profile: throughStep(2) });
    const empty = await step3.run(h.ctx).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(UsageError);
    expect((empty as Error).message).toContain('Omgevingscode');
    const spaced = await step3.run(h.rerun({ answers: { ...READY, environmentCode: 'AB 12' } })).catch((e: unknown) => e);
    expect((spaced as Error).message).toContain('Omgevingscode');
    const route = await step3.run(h.rerun({ answers: { ...READY, route: 'team' } })).catch((e: unknown) => e);
    expect(route).toBeInstanceOf(UsageError);
    expect((route as Error).message).toContain('ak-team, werkgevergebruiker');
  });
});
