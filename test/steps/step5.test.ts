import { afterEach, describe, expect, it } from 'vitest';
import { employerAnswerProblems, step5 } from '../../src/steps/step5-werkgevers-aanmelden.js';
import { isRequired, recordCheck, resolveScope, type SetupCheck } from '../../src/domain/index.js';
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
    expect(result).toEqual({ state: 'done', summary: '2 werkgevers bevestigd door a.s.r. (3 geselecteerd)' });
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
    // Signed up but shown not linked: the webservice returns nothing for it, so the step needs attention.
    expect(forced.state).toBe('attention');
    expect(forced.summary).toContain('niet gekoppeld aan 1 werkgever: Installatiebedrijf Vermeulen & Zonen B.V. (20008)');
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

  it('checks the answers file keys: a loonheffingennummer failing the 11-proef, a wrong date or force without reason, each on its own line', () => {
    expect(employerAnswerProblems({ employers: { '123456789L01': { status: 'requested' } } })).toEqual([
      expect.stringMatching(/^  - employers\.123456789L01 \(.+\): .*11-proef/),
    ]);
    expect(employerAnswerProblems({ employers: { '123456782L00': { status: 'requested' } } })[0]).toMatch(/subnummer|L00/);
    const several = employerAnswerProblems({
      employers: {
        '20011': { status: 'signed-up', force: true },
        '20012': { status: 'requested', requestedAt: '31-02-2026' },
        '123456789L01': { status: 'requested' },
      },
    });
    expect(several).toHaveLength(3);
    expect(several.join('\n')).toMatch(/employers\.20011\.reason/);
    expect(several.join('\n')).toMatch(/employers\.20012\.requestedAt/);
    expect(
      employerAnswerProblems({ employers: { '123456782L01': { status: 'requested', requestedAt: '28-10-2026' }, '20011': { status: 'excluded' } } }),
    ).toEqual([]);
  });

  it('an unknown employer in the answers stops before any status is written', async () => {
    h = await harness({ answers: { employers: { '20002': { status: 'confirmed' }, '99999': { status: 'requested' } } }, profile: throughStep(4) });
    await expect(step5.run(h.ctx)).rejects.toThrow(/99999/);
    expect(Object.values(h.store.profile().employers).some((e) => e.status)).toBe(false);
  });

  it('interactively: the shared picker selects (Enter on the single match), says what changed, then sets the status of a selected employer', async () => {
    const pick = (needle: string) => (choices: Array<{ name: string; value: unknown }>) => choices.find((c) => c.name.includes(needle))!.value;
    const prompter = scriptedPrompter([
      [/Kies de werkgevers/, '20002⏎20008⏎⏎'],
      [/Status van een geselecteerde werkgever/, pick('20002')],
      [/Hoveniersbedrijf De Groot/, pick('bevestigd door a.s.r.')],
      [/Status van een geselecteerde werkgever/, pick('20008')],
      [/Installatiebedrijf Vermeulen/, pick('aangemeld bij a.s.r.')],
      [/Toch deze status geven/, true],
      [/Reden/, ''],
      [/Reden/, 'afgesproken met de werkgever'],
      [/Status van een geselecteerde werkgever/, pick('Klaar')],
    ]);
    h = await harness({ prompter, profile: throughStep(4) });
    const result = await step5.run(h.ctx);
    // 20008 was signed up by force while not linked: attention, not "in progress".
    expect(result.state).toBe('attention');
    expect(prompter.rejected).toHaveLength(1);
    expect(h.stderr.text).toContain('Selectie: 2 toegevoegd, 0 verwijderd, 0 ongewijzigd; nu 2 van 12 geselecteerd.');
    expect(h.stderr.text).toMatch(/ {2}\+ 20002 Hoveniersbedrijf De Groot .*\n {2}\+ 20008 Installatiebedrijf Vermeulen/);
    const profile = h.store.profile();
    expect(profile.employers[employerId(h.store, 20002)]!.status).toBe('confirmed');
    expect(profile.employers[employerId(h.store, 20008)]!.history.at(-1)).toMatchObject({ forced: true, reason: 'afgesproken met de werkgever' });
  });

  it('the picker matches name, employer number and loonheffingennummer (any spelling); the status list holds only the selection', async () => {
    let statusChoices: string[] = [];
    const prompter = scriptedPrompter([
      [/Kies de werkgevers/, 'tandarts⏎434.338.710⏎⏎'],
      [
        /Status van een geselecteerde werkgever/,
        (choices: Array<{ name: string; value: unknown }>) => {
          statusChoices = choices.map((c) => c.name);
          return choices[0]!.value;
        },
      ],
    ]);
    h = await harness({ prompter, profile: throughStep(4) });
    await step5.run(h.ctx);
    const selected = Object.values(h.store.profile().employers).filter((e) => e.selected);
    expect(selected.map((e) => e.companyName).sort()).toEqual([
      expect.stringContaining('Adviesbureau Mulder'),
      expect.stringContaining('Tandartspraktijk Postma'),
    ]);
    expect(statusChoices).toEqual([expect.stringContaining('Klaar'), expect.stringContaining('Adviesbureau Mulder'), expect.stringContaining('20010')]);
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
    expect(wide[0]).toMatch(/^Nummer  Werkgever +Loonheffingennummers +Status +Controle$/);
    expect(wide.some((line) => /^ 20002  Hoveniersbedrijf .* 630189791L01, .* bevestigd door /.test(line))).toBe(true);
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
    expect(narrow).toContain('Nummer                20008');
    expect(narrow).toContain('Loonheffingennummers  630189791L01, 255602297L02');
    expect(narrow.join(' ').replace(/ +/g, ' ')).toContain(`Controle ${reason}`);
  });
});

describe('step 5 state follows the records (issue 10, item 13)', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('done only while every confirmed employer is linked: a later check that shows one unlinked turns it to attention, a fixed link back to done', async () => {
    h = await harness({ answers: { employers: { '20002': { status: 'confirmed' } } }, profile: throughStep(4) });
    expect((await step5.run(h.ctx)).state).toBe('done');
    const id = employerId(h.store, 20002);
    // The link disappears in Loket.nl: the next check (verify, or any step's check) records it.
    h.store.update((draft) => {
      recordCheck(draft, checkShowing(draft, id, 'fail'));
    });
    expect(h.store.profile().steps['5']).toMatchObject({ state: 'attention' });
    expect(h.store.profile().steps['5'].note).toContain('Hoveniersbedrijf De Groot & Zonen B.V. (20002)');
    h.store.update((draft) => {
      recordCheck(draft, checkShowing(draft, id, 'pass'));
    });
    expect(h.store.profile().steps['5']).toMatchObject({ state: 'done' });
  });

  it('an excluded employer is neither required by verify nor open in step 5', async () => {
    h = await harness({ answers: { employers: { '20002': { status: 'confirmed' }, '20006': { status: 'excluded' } } }, profile: throughStep(4) });
    expect((await step5.run(h.ctx)).state).toBe('done');
    const scope = resolveScope(undefined, h.store.profile());
    expect(scope.mode).toBe('selection');
    expect(isRequired(scope, employerId(h.store, 20002))).toBe(true);
    expect(isRequired(scope, employerId(h.store, 20006))).toBe(false);
  });
});

/** A check result for one stored employer, the way checkSetup reports it (the other fields as a clean run). */
function checkShowing(profile: Profile, employerId: string, linked: 'pass' | 'fail'): SetupCheck {
  const employer = profile.employers[employerId]!;
  return {
    checkedAt: NOW,
    user: {},
    webserviceUser: { found: 'pass', userName: 'Webservice#01', problems: [] },
    teams: [],
    employers: [
      {
        id: employerId,
        employerNumber: employer.employerNumber,
        companyName: employer.companyName,
        linked,
        required: true,
        via: linked === 'pass' ? ['team:Benefits-Plaza'] : [],
        wageTaxNumbers: employer.payrollTaxNumbers,
        wageTaxKnown: true,
        problems: [],
      },
    ],
  } as unknown as SetupCheck;
}
