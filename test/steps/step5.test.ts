import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { step5, validateEmployerAnswers } from '../../src/steps/step5-werkgevers-aanmelden.js';
import type { Profile } from '../../src/store/index.js';
import { employerId, harness, NOW, scriptedPrompter, throughStep, type Harness } from './helpers.js';

describe('step 5 — Aanmelden werkgevers', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('is gated on a.s.r.’s confirmation (step 4): todo, nothing asked, no API call', async () => {
    h = await harness({ answers: { employers: { '20002': { status: 'confirmed' } } }, profile: throughStep(3) });
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
          '20002': { status: 'confirmed' },
          '434338710 L01': { status: 'confirmed', note: 'aangevraagd op 2026-10-30' },
          '20013': { status: 'excluded' },
        },
      },
      profile: throughStep(4),
    });
    const result = await step5.run(h.ctx);
    expect(result).toEqual({ state: 'done', summary: '2 werkgever(s) bevestigd door a.s.r. (3 geselecteerd)' });
    expect(h.stderr.text).toContain('www.asr.nl/salariskoppeling');
    expect(h.stderr.text).toContain('Loket.nl – aanmelden werkgevers');
    // The default office has one employer without and one with an invalid loonheffingennummer.
    expect(h.stderr.text).toContain('Bakkerij Meijer V.O.F. (20013) heeft in Loket.nl geen loonheffingennummer');
    expect(h.stderr.text).toContain('Fietsenmakerij Jacobs B.V. (20028) heeft een ongeldig loonheffingennummer');
    // Signing up without a recorded request warns (the manual: the employer requests first).
    expect(h.stderr.text).toContain('Adviesbureau Mulder & Zonen B.V. (20006) heeft volgens je gegevens de salariskoppeling nog niet aangevraagd');
    const profile = h.store.profile();
    const mulder = profile.employers[employerId(h.store, 20006)]!;
    expect(mulder).toMatchObject({ selected: true, status: 'confirmed', payrollTaxNumbers: ['434338710L01'] });
    expect(mulder.history).toEqual([{ status: 'confirmed', at: NOW, note: 'aangevraagd op 2026-10-30' }]);
    expect(h.stdout.text).toContain('Adviesbureau Mulder & Zonen B.V.');

    // Applying the same answers again changes nothing.
    await step5.run(h.rerun({ answers: { employers: { '434338710L01': { status: 'confirmed', note: 'aangevraagd op 2026-10-30' } } } }));
    expect(h.store.profile().employers[employerId(h.store, 20006)]!.history).toHaveLength(1);
  });

  it('refuses signed-up for an employer the webservice user is not linked to, and allows it with force and a reason (recorded)', async () => {
    h = await harness({ answers: { employers: { '20008': { status: 'requested' } } }, profile: throughStep(4) });
    await step5.run(h.ctx);
    const refused = await step5.run(h.rerun({ answers: { employers: { '20008': { status: 'signed-up' } } } }));
    expect(refused.state).toBe('attention');
    expect(h.stderr.text).toContain('webservicegebruiker Webservice#01 is niet aan deze werkgever gekoppeld');
    const id = employerId(h.store, 20008);
    expect(h.store.profile().employers[id]!.status).toBe('requested');

    const forced = await step5.run(h.rerun({ answers: { employers: { '20008': { status: 'signed-up', force: true, reason: 'koppeling volgt morgen' } } } }));
    expect(forced.state).toBe('in-progress');
    expect(h.store.profile().employers[id]!).toMatchObject({
      status: 'signed-up',
      history: [expect.objectContaining({ status: 'requested' }), { status: 'signed-up', at: NOW, forced: true, reason: 'koppeling volgt morgen' }],
    });
  });

  it('refuses signing up while Loket has not confirmed the authorization of Benefits-Plaza', async () => {
    const unconfirmed = (draft: Profile) => {
      throughStep(4)(draft);
      draft.confirmations = draft.confirmations.filter((c) => c.subject !== 'authorization');
    };
    h = await harness({ answers: { employers: { '20002': { status: 'signed-up' } } }, profile: unconfirmed });
    expect((await step5.run(h.ctx)).state).toBe('attention');
    expect(h.stderr.text).toContain('Loket.nl heeft de autorisatie van Benefits-Plaza (werkgever, persoon, verlof) nog niet bevestigd');
  });

  it('an employer whose link the API cannot show can be signed up only with its hand confirmation', async () => {
    h = await harness({ scenario: 'team-read-fails', answers: { employers: { '20025': { status: 'signed-up' } } }, profile: throughStep(4) });
    expect((await step5.run(h.ctx)).state).toBe('attention');
    const id = employerId(h.store, 20025);
    expect(h.store.profile().employers[id]!.lastCheck?.linked).toBe('unverifiable');
    h.store.update((draft) => {
      draft.confirmations.push({ subject: 'link', step: '2', by: 'test', at: NOW, reference: 'gezien in Loket Classic', employerId: id });
    });
    expect((await step5.run(h.rerun({ answers: { employers: { '20025': { status: 'signed-up' } } } }))).state).toBe('in-progress');
    expect(h.store.profile().employers[id]!.status).toBe('signed-up');
    expect(h.store.profile().employers[id]!.lastCheck?.linked).toBe('unverifiable');
  });

  it('checks the answers file keys: a loonheffingennummer failing the 11-proef or force without reason is exit 2', () => {
    expect(() => validateEmployerAnswers({ employers: { '123456789L01': { status: 'requested' } } })).toThrow(UsageError);
    expect(() => validateEmployerAnswers({ employers: { '123456789L01': { status: 'requested' } } })).toThrow(/employers\.123456789L01/);
    expect(() => validateEmployerAnswers({ employers: { '123456782L00': { status: 'requested' } } })).toThrow(/subnummer|L00/);
    expect(() => validateEmployerAnswers({ employers: { '20011': { status: 'signed-up', force: true } } })).toThrow(/employers\.20011\.reason/);
    expect(() => validateEmployerAnswers({ employers: { '123456782L01': { status: 'requested' }, '20011': { status: 'excluded' } } })).not.toThrow();
  });

  it('an unknown employer in the answers stops before any status is written', async () => {
    h = await harness({ answers: { employers: { '20002': { status: 'confirmed' }, '99999': { status: 'requested' } } }, profile: throughStep(4) });
    await expect(step5.run(h.ctx)).rejects.toThrow(/99999/);
    expect(Object.values(h.store.profile().employers).some((e) => e.status)).toBe(false);
  });

  it('interactively: search by loonheffingennummer, pick, set a status; "klaar" finishes', async () => {
    const pick = (needle: string) => (choices: Array<{ name: string; value: unknown }>) => choices.find((c) => c.name.includes(needle))!.value;
    const prompter = scriptedPrompter([
      [/Kies een werkgever/, pick('20002')],
      [/Hoveniersbedrijf De Groot/, pick('bevestigd door a.s.r.')],
      [/Kies een werkgever/, pick('20008')],
      [/Installatiebedrijf Vermeulen/, pick('aangemeld bij a.s.r.')],
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
    expect(profile.employers[employerId(h.store, 20002)]!.status).toBe('confirmed');
    expect(profile.employers[employerId(h.store, 20008)]!.history.at(-1)).toMatchObject({ forced: true, reason: 'afgesproken met de werkgever' });
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
    const names = (term: string) =>
      sources!(term)
        .slice(0, -1)
        .map((c) => c.name);
    expect(names('tandarts')).toEqual([expect.stringContaining('20010')]);
    expect(names('20010')).toEqual([expect.stringContaining('Tandartspraktijk Postma')]);
    expect(names('434.338.710')).toEqual([expect.stringContaining('Adviesbureau Mulder')]);
    expect(sources!('zzz').map((c) => c.name)).toEqual([expect.stringContaining('Klaar')]);
    expect(sources!(undefined)[0]!.name).toContain('Klaar');
  });

  it('the selection table fits 120 columns with the checks text wrapped in its column; at 80 one block per employer', async () => {
    const answers = { employers: { '20002': { status: 'confirmed' as const }, '20008': { status: 'requested' as const } } };
    h = await harness({ answers, profile: throughStep(4) });
    const reason = 'webservicegebruiker Webservice#01 is niet aan deze werkgever gekoppeld';
    const printedAt = async (width: number) => {
      const before = h.stdout.text.length;
      await step5.run({ ...h.rerun({ answers }), width });
      const printed = h.stdout.text.slice(before);
      const lines = printed.slice(0, printed.indexOf('\n\nVoortgang')).split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      return lines;
    };

    const wide = await printedAt(120);
    expect(wide[0]).toMatch(/^Nummer  Werkgever +Loonheffingennummer\(s\) +Status +Controle$/);
    expect(wide.some((line) => /^ 20002  Hoveniersbedrijf .* 630189791L01, .* bevestigd door a\.s\.r\. /.test(line))).toBe(true);
    expect(wide.some((line) => /\s255602297L02\s/.test(line))).toBe(true);
    const start = wide[0]!.indexOf('Controle');
    const row = wide.findIndex((line) => line.startsWith(' 20008  Installatiebedrijf'));
    expect(
      wide
        .slice(row)
        .map((line) => line.slice(start).trim())
        .join(' '),
    ).toBe(reason);

    // "webservicegebruiker" cannot be split and does not fit beside the other columns at 80: blocks.
    const narrow = await printedAt(80);
    expect(narrow.join('\n').split('\n\n')).toHaveLength(2);
    expect(narrow).toContain('Nummer                  20008');
    expect(narrow).toContain('Loonheffingennummer(s)  630189791L01, 255602297L02');
    expect(narrow.join(' ').replace(/ +/g, ' ')).toContain(`Controle ${reason}`);
  });
});
