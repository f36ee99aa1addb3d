/**
 * The inputs catalogue is the one description of what the answers file, the non-interactive
 * preflight and the replay fragment can say (issue 9): a profile written out as answers, read back
 * through the schema and projected by the preflight, says the same for every input.
 */
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/steps/answers.js';
import { INPUT_LIST, valueFromProfile } from '../../src/steps/inputs.js';
import { answersFragment, answersFrom } from '../../src/steps/report.js';
import { Inputs } from '../../src/steps/resolver.js';
import { projectInputs } from '../../src/steps/wizard.js';
import { emptyProfile, type Profile } from '../../src/store/index.js';
import { NOW } from '../helpers/context.js';
import { noPrompts } from '../helpers/prompter.js';
import { throughStep } from './helpers.js';

/** A profile in which every input of the catalogue has a value. */
function fullProfile(): Profile {
  const profile = emptyProfile();
  throughStep(4)(profile);
  profile.team = 'Benefits-Plaza';
  profile.tickets.webservicepartij = { loketTicketNumber: 'LKT-1', sentAt: '2026-09-30T00:00:00.000Z', answeredAt: '2026-10-01T00:00:00.000Z' };
  profile.tickets.omgevingscode = { loketTicketNumber: 'LKT-2', sentAt: '2026-10-02T00:00:00.000Z' };
  const authorization = profile.confirmations.find((c) => c.subject === 'authorization')!;
  authorization.at = '2026-10-05T00:00:00.000Z';
  profile.confirmations.push({ subject: 'link', step: '2', by: 'Jan de Vries', at: '2026-10-03T00:00:00.000Z', reference: 'gezien in Loket Classic' });
  return profile;
}

describe('answers ⇄ profile round trip', () => {
  it('answersFrom → JSON → schema → preflight projection gives the same value for every input', () => {
    const original = fullProfile();
    const written = answersFrom(original);
    for (const input of INPUT_LIST) expect(valueFromProfile(original, input), `fixture sets ${input.key}`).toBeDefined();

    const read = parseAnswers(JSON.parse(JSON.stringify(written)), 'answers.json');
    const inputs = new Inputs({ flags: {}, env: {}, answers: read }, noPrompts, () => new Date(NOW));
    const projected = projectInputs(emptyProfile(), inputs);
    for (const input of INPUT_LIST) {
      expect(valueFromProfile(projected, input), input.key).toEqual(valueFromProfile(original, input));
    }
    const { employers: _employers, ...withoutEmployers } = written;
    expect(answersFrom(projected)).toEqual(withoutEmployers);
  });

  it('a fragment holds only what changed, and applied on top of the old profile it gives the new one', () => {
    const before = emptyProfile();
    throughStep(2)(before);
    const after = fullProfile();
    const fragment = answersFragment(before, after);
    expect(fragment).not.toHaveProperty('webserviceUser');
    expect(fragment).toMatchObject({ route: 'ak-team', team: 'Benefits-Plaza', authorization: { reference: 'LKT-2026-10501', confirmedAt: '2026-10-05' } });

    const inputs = new Inputs({ flags: {}, env: {}, answers: parseAnswers(fragment, 'fragment') }, noPrompts, () => new Date(NOW));
    const replayed = projectInputs(before, inputs);
    for (const input of INPUT_LIST) expect(valueFromProfile(replayed, input), input.key).toEqual(valueFromProfile(after, input));
  });
});
