/**
 * `status` as the overview of weeks of waiting (issue 10, item 12): per step whose move it is (you,
 * Loket.nl, a.s.r.), since when and for how many days, Loket's ticket numbers, and the one next
 * action — in words on the terminal, as fields in --json. (The wizard opens with the same overview
 * when it resumes: issue10-walk.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, setStepState } from '../../src/store/index.js';
import { runCli, tempDir } from '../helpers/cli.js';

const DAY = 24 * 60 * 60 * 1000;

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** Half a day past whole days: the count is the same whenever within 12 hours the command runs. */
const daysAgo = (days: number): Date => new Date(Date.now() - (days + 0.5) * DAY);
const dutchDate = (date: Date) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeZone: 'UTC' }).format(date);

describe('status: who is waiting on whom, since when, with which ticket, and what to do', () => {
  it('step 1 sent to Loket.nl 9 days ago, step 3 waiting on the user, step 4 sent to a.s.r. 3 days ago', async () => {
    const sent = daysAgo(9);
    const submitted = daysAgo(3);
    const store = openStore({ dir: dir.path, profile: 'default', lock: true, warn: () => {} });
    store.update((draft) => {
      draft.office = { name: 'Kantoor B', contactName: 'Bea Bos', email: 'bea@kantoorb.example', phone: '0201234567' };
      draft.tickets.webservicepartij = { sentAt: sent.toISOString(), loketTicketNumber: 'LKT-2026-10412' };
      setStepState(draft, '1', 'in-progress', sent);
      setStepState(draft, '3', 'in-progress', submitted);
      draft.asr = { companyName: 'Kantoor B', requestEmail: 'bea@kantoorb.example', userName: 'Webservice#01', submittedAt: submitted.toISOString() };
      setStepState(draft, '4', 'in-progress', submitted);
    });
    store.close();
    const env = { TZ: 'UTC' };

    const shown = await runCli(['status'], dir.path, { env });
    expect(shown.code).toBe(0);
    const lines = shown.stdout.split('\n');
    const after = (step: RegExp) => lines.slice(lines.findIndex((line) => step.test(line)) + 1).join('\n');
    expect(after(/^◐ 1\. Verzoek indienen bij Loket\.nl/)).toMatch(
      new RegExp(
        `^ {5}wacht op Loket\\.nl sinds ${dutchDate(sent)} \\(9 dagen\\) · LKT-2026-10412\\n {5}→ Loket\\.nl voegt je kantoor toe als webservicepartij`,
      ),
    );
    expect(after(/^◐ 3\. Gegevens instellen/)).toMatch(/^ {5}→ Rond het team, de omgevingscode en de autorisatie af \(loket-asr-setup step 3\)\./);
    expect(after(/^◐ 4\. Invullen aanmeldformulier van a\.s\.r\./)).toMatch(
      new RegExp(`^ {5}wacht op a\\.s\\.r\\. sinds ${dutchDate(submitted)} \\(3 dagen\\)\\n {5}→ a\\.s\\.r\\. bevestigt je aanmelding als salarisverwerker`),
    );
    // The one next action: the first step that is not done.
    expect(shown.stdout).toContain('Volgende: stap 1 — Verzoek indienen bij Loket.nl (loket-asr-setup step 1)');

    const doc = JSON.parse((await runCli(['status', '--json'], dir.path, { env })).stdout);
    // Step 5 waits for a.s.r.'s confirmation of step 4 too.
    expect(doc.overview.map((step: { waitingOn: string | null }) => step.waitingOn)).toEqual(['loket', 'you', 'you', 'asr', 'asr']);
    expect(doc.overview[0]).toMatchObject({ id: '1', state: 'in-progress', since: sent.toISOString(), days: 9, references: ['LKT-2026-10412'] });
    expect(doc.overview[3]).toMatchObject({ id: '4', since: submitted.toISOString(), days: 3 });
    expect(doc.overview[0].next).toContain('loket-asr-setup step 1');

    const english = await runCli(['status', '--lang', 'en'], dir.path, { env });
    expect(english.stdout).toContain(
      `waiting on Loket.nl since ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone: 'UTC' }).format(sent)} (9 days) · LKT-2026-10412`,
    );
  });
});
