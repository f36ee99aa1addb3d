import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { step5, validateEmployerAnswers } from '../../src/steps/step5-werkgevers-aanmelden.js';
import { employerId, harness, scriptedPrompter, throughStep, type Harness } from './helpers.js';

describe('step 5 — Aanmelden werkgevers', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('is gated on a.s.r.’s confirmation (step 4): todo, nothing asked, no API call', async () => {
    h = await harness({ answers: { employers: { '20003': { status: 'confirmed' } } }, profile: throughStep(3) });
    const result = await step5.run(h.ctx);
    expect(result.state).toBe('todo');
    expect(result.summary).toContain('stap 4');
    expect(h.sandbox.stats().requests).toBe(0);
    expect(h.store.profile().steps['5'].state).toBe('todo');
  });

  it('applies the answers: by employer number, loonheffingennummer or id; done when all confirmed or excluded', async () => {
    h = await harness({
      answers: {
        employers: {
          '20003': { status: 'confirmed' },
          '434338710 L01': { status: 'confirmed', note: 'aangevraagd op 2026-10-30' },
          '20013': { status: 'excluded' },
        },
      },
      profile: throughStep(4),
    });
    const result = await step5.run(h.ctx);
    expect(result.state).toBe('done');
    expect(h.stderr.text).toContain('www.asr.nl/salariskoppeling');
    // The default office has one employer without and one with an invalid loonheffingennummer.
    expect(h.stderr.text).toContain('Schildersbedrijf Willemsen B.V. (20013) heeft in Loket.nl geen loonheffingennummer');
    expect(h.stderr.text).toContain('Hoveniersbedrijf Vos B.V. (20030) heeft een ongeldig loonheffingennummer');
    const profile = h.store.profile();
    const kok = profile.employers[employerId(h.store, 20005)]!;
    expect(kok).toMatchObject({ selected: true, status: 'confirmed', payrollTaxNumbers: ['434338710L01'] });
    expect(kok.history).toEqual([expect.objectContaining({ status: 'confirmed', note: 'aangevraagd op 2026-10-30' })]);
    expect(h.stdout.text).toContain('Kinderopvang Kok & Zonen B.V.');

    // Applying the same answers again changes nothing.
    await step5.run(h.rerun({ answers: { employers: { '434338710L01': { status: 'confirmed', note: 'aangevraagd op 2026-10-30' } } } }));
    expect(h.store.profile().employers[employerId(h.store, 20005)]!.history).toHaveLength(1);
  });

  it('refuses signed-up for an employer whose checks fail, and allows it with force and a reason (recorded)', async () => {
    h = await harness({ answers: { employers: { '20011': { status: 'signed-up' } } }, profile: throughStep(4) });
    const refused = await step5.run(h.ctx);
    expect(refused.state).toBe('attention');
    expect(h.stderr.text).toContain('geen autorisatie voor verlof');
    const id = employerId(h.store, 20011);
    expect(h.store.profile().employers[id]!.status).toBeUndefined();

    const forced = await step5.run(h.rerun({ answers: { employers: { '20011': { status: 'signed-up', force: true, reason: 'verlof niet nodig voor deze werkgever' } } } }));
    expect(forced.state).toBe('in-progress');
    expect(h.store.profile().employers[id]!).toMatchObject({
      status: 'signed-up',
      history: [expect.objectContaining({ status: 'signed-up', forced: true, reason: 'verlof niet nodig voor deze werkgever' })],
    });
  });

  it('an unverifiable employer can be signed up only with its hand confirmation', async () => {
    h = await harness({ answers: { employers: { '20017': { status: 'signed-up' } } }, profile: throughStep(4) });
    expect((await step5.run(h.ctx)).state).toBe('attention');
    const id = employerId(h.store, 20017);
    h.store.update((draft) => {
      draft.confirmations.push({ subject: 'entities', step: '3', by: 'test', at: new Date().toISOString(), reference: 'LKT-1', employerId: id });
    });
    expect((await step5.run(h.rerun({ answers: { employers: { '20017': { status: 'signed-up' } } } }))).state).toBe('in-progress');
    expect(h.store.profile().employers[id]!.status).toBe('signed-up');
    expect(h.store.profile().employers[id]!.lastCheck?.entities.verlof).toBe('unverifiable');
  });

  it('checks the answers file keys: a loonheffingennummer failing the 11-proef or force without reason is exit 2', () => {
    expect(() => validateEmployerAnswers({ employers: { '123456789L01': { status: 'requested' } } })).toThrow(UsageError);
    expect(() => validateEmployerAnswers({ employers: { '123456789L01': { status: 'requested' } } })).toThrow(/employers\.123456789L01/);
    expect(() => validateEmployerAnswers({ employers: { '123456782L00': { status: 'requested' } } })).toThrow(/subnummer|L00/);
    expect(() => validateEmployerAnswers({ employers: { '20011': { status: 'signed-up', force: true } } })).toThrow(/employers\.20011\.reason/);
    expect(() => validateEmployerAnswers({ employers: { '123456782L01': { status: 'requested' }, '20011': { status: 'excluded' } } })).not.toThrow();
  });

  it('an unknown employer in the answers stops before any status is written', async () => {
    h = await harness({ answers: { employers: { '20003': { status: 'confirmed' }, '99999': { status: 'requested' } } }, profile: throughStep(4) });
    await expect(step5.run(h.ctx)).rejects.toThrow(/99999/);
    expect(Object.values(h.store.profile().employers).some((e) => e.status)).toBe(false);
  });

  it('interactively: search by loonheffingennummer, pick, set a status; "klaar" finishes', async () => {
    const pick = (needle: string) => (choices: Array<{ name: string; value: unknown }>) => choices.find((c) => c.name.includes(needle))!.value;
    const prompter = scriptedPrompter([
      [/Kies een werkgever/, pick('20003')],
      [/Tandartspraktijk De Boer/, pick('bevestigd door a.s.r.')],
      [/Kies een werkgever/, pick('20011')],
      [/Tandartspraktijk Van Dijk/, pick('aangemeld bij a.s.r.')],
      [/Toch deze status geven/, true],
      [/Reden/, ''],
      [/Reden/, 'afgesproken met de werkgever'],
      [/Kies een werkgever/, pick('Klaar')],
    ]);
    h = await harness({ prompter, profile: throughStep(4) });
    const result = await step5.run(h.ctx);
    expect(result.state).toBe('in-progress');
    expect(prompter.rejected).toHaveLength(1);
    const profile = h.store.profile();
    expect(profile.employers[employerId(h.store, 20003)]!.status).toBe('confirmed');
    expect(profile.employers[employerId(h.store, 20011)]!.history.at(-1)).toMatchObject({ forced: true, reason: 'afgesproken met de werkgever' });
  });

  it('the interactive search matches name, employer number and loonheffingennummer', async () => {
    let sources: ((term: string | undefined) => Array<{ name: string }>) | undefined;
    const prompter = scriptedPrompter([]);
    prompter.search = (async ({ source }: { source: (term: string | undefined) => Array<{ name: string; value: unknown }> }) => {
      sources = source;
      return source(undefined)[0]!.value;
    }) as typeof prompter.search;
    h = await harness({ prompter, profile: throughStep(4) });
    await step5.run(h.ctx);
    // While searching, the matches come first (Enter takes the first) and "Klaar" last.
    const names = (term: string) => sources!(term).slice(0, -1).map((c) => c.name);
    expect(names('kinderopvang')).toEqual([expect.stringContaining('20005')]);
    expect(names('20011')).toEqual([expect.stringContaining('Tandartspraktijk Van Dijk')]);
    expect(names('434.338.710')).toEqual([expect.stringContaining('Kinderopvang Kok')]);
    expect(sources!('zzz').map((c) => c.name)).toEqual([expect.stringContaining('Klaar')]);
    expect(sources!(undefined)[0]!.name).toContain('Klaar');
  });
});
