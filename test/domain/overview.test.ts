import { afterEach, describe, expect, it } from 'vitest';
import { stepOverview } from '../../src/domain/overview.js';
import { setLang } from '../../src/i18n/index.js';
import { parseProfile, type Profile } from '../../src/store/schema.js';

const NOW = new Date('2026-11-28T10:00:00.000Z');

function profile(input: Record<string, unknown>): Profile {
  return parseProfile(input);
}

const done = { state: 'done', completedAt: '2026-10-01T09:00:00.000Z' };
const step = (overview: ReturnType<typeof stepOverview>, id: string) => overview.find((s) => s.id === id)!;

describe('stepOverview: who is waiting on whom', () => {
  afterEach(() => setLang('nl'));

  it('an empty profile: every step is yours, with one action each and no dates', () => {
    const overview = stepOverview(profile({}), NOW);
    expect(overview.map((s) => s.id)).toEqual(['1', '2', '3', '4', '5']);
    for (const s of overview) {
      expect(s).toMatchObject({ state: 'todo', waitingOn: 'you', since: null, days: null, references: [] });
      expect(s.next.length).toBeGreaterThan(10);
    }
    expect(step(overview, '1').next).toContain('ticket webservicepartij');
    expect(step(overview, '5').next).toContain('stap 4');
  });

  it('step 1 sent but not done: Loket since the day it was sent, with its ticket number', () => {
    const p = profile({
      steps: { '1': { state: 'in-progress' } },
      tickets: { webservicepartij: { sentAt: '2026-11-20T00:00:00.000Z', loketTicketNumber: 'LKT-1' } },
    });
    expect(step(stepOverview(p, NOW), '1')).toMatchObject({ waitingOn: 'loket', since: '2026-11-20T00:00:00.000Z', days: 8, references: ['LKT-1'] });
    expect(step(stepOverview(p, NOW), '1').next).toContain('LKT-1');
  });

  it('a step that is done waits on nobody but keeps its references', () => {
    const p = profile({ steps: { '1': done }, tickets: { webservicepartij: { sentAt: '2026-11-20T00:00:00.000Z', loketTicketNumber: 'LKT-1' } } });
    expect(step(stepOverview(p, NOW), '1')).toMatchObject({ state: 'done', waitingOn: null, since: null, days: null, references: ['LKT-1'] });
  });

  it('step 3: an omgevingscode ticket without a code waits on Loket since the ticket was made', () => {
    const p = profile({
      steps: { '1': done, '2': done, '3': { state: 'in-progress' } },
      tickets: { omgevingscode: { generatedAt: '2026-11-25T15:00:00.000Z', loketTicketNumber: 'LKT-7' } },
      confirmations: [{ subject: 'authorization', step: '3', by: 'Jan', at: '2026-11-26T00:00:00.000Z', reference: 'LKT-8' }],
    });
    const s3 = step(stepOverview(p, NOW), '3');
    // While it waits, only the ticket of what is still open: the authorization is confirmed already.
    expect(s3).toMatchObject({ waitingOn: 'loket', since: '2026-11-25T15:00:00.000Z', days: 2, references: ['LKT-7'] });
    expect(s3.next).toContain('omgevingscode');
  });

  it('step 3: once the omgevingscode is in, its ticket is not listed beside the authorization still awaited; done lists them all', () => {
    const waiting = profile({
      steps: { '3': { state: 'in-progress' } },
      environmentCode: 'ABC123',
      tickets: { omgevingscode: { loketTicketNumber: 'LKT-7' }, autorisatie: { generatedAt: '2026-11-10T00:00:00.000Z', loketTicketNumber: 'LKT-9' } },
    });
    expect(step(stepOverview(waiting, NOW), '3')).toMatchObject({ waitingOn: 'loket', references: ['LKT-9'] });
    const done = profile({
      steps: { '3': { state: 'done' } },
      environmentCode: 'ABC123',
      tickets: { omgevingscode: { loketTicketNumber: 'LKT-7' }, autorisatie: { loketTicketNumber: 'LKT-9' } },
      confirmations: [{ subject: 'authorization', step: '3', by: 'Jan', at: '2026-11-26T00:00:00.000Z', reference: 'LKT-10' }],
    });
    expect(step(stepOverview(done, NOW), '3').references).toEqual(['LKT-7', 'LKT-9', 'LKT-10']);
  });

  it("step 3: an autorisatie ticket without Loket's confirmation waits on Loket; with both pending, since the earliest", () => {
    const authorizationOnly = profile({
      steps: { '3': { state: 'in-progress' } },
      environmentCode: 'ABC123',
      tickets: { autorisatie: { generatedAt: '2026-11-10T00:00:00.000Z' } },
    });
    expect(step(stepOverview(authorizationOnly, NOW), '3')).toMatchObject({ waitingOn: 'loket', since: '2026-11-10T00:00:00.000Z', days: 18 });
    expect(step(stepOverview(authorizationOnly, NOW), '3').next).toContain('autorisatie');

    const both = profile({
      steps: { '3': { state: 'in-progress' } },
      tickets: {
        autorisatie: { generatedAt: '2026-11-10T00:00:00.000Z' },
        omgevingscode: { generatedAt: '2026-11-01T00:00:00.000Z', loketTicketNumber: 'LKT-7' },
      },
    });
    expect(step(stepOverview(both, NOW), '3')).toMatchObject({ waitingOn: 'loket', since: '2026-11-01T00:00:00.000Z', days: 27, references: ['LKT-7'] });
  });

  it('step 3: a code ticket whose code arrived and a confirmed authorization leave the move to you', () => {
    const p = profile({
      steps: { '3': { state: 'in-progress' } },
      environmentCode: 'ABC123',
      tickets: { omgevingscode: { loketTicketNumber: 'LKT-7' }, autorisatie: { generatedAt: '2026-11-10T00:00:00.000Z' } },
      confirmations: [{ subject: 'authorization', step: '3', by: 'Jan', at: '2026-11-26T00:00:00.000Z' }],
    });
    expect(step(stepOverview(p, NOW), '3')).toMatchObject({ waitingOn: 'you', since: null, days: null });
  });

  it('step 4 submitted, not confirmed: a.s.r. since the submission; step 5 waits for it too', () => {
    const p = profile({ steps: { '4': { state: 'in-progress' } }, asr: { submittedAt: '2026-11-21T00:00:00.000Z' } });
    const overview = stepOverview(p, NOW);
    expect(step(overview, '4')).toMatchObject({ waitingOn: 'asr', since: '2026-11-21T00:00:00.000Z', days: 7 });
    expect(step(overview, '5')).toMatchObject({ waitingOn: 'asr', since: '2026-11-21T00:00:00.000Z', days: 7 });
    expect(step(overview, '5').next).toContain('stap 4');
  });

  it('step 5: employers signed up but not confirmed wait on a.s.r. since the latest sign-up', () => {
    const employer = (n: number, status: string, history: Array<{ status: string; at: string }>) => ({
      employerNumber: n,
      companyName: `W${n}`,
      selected: true,
      status,
      history,
    });
    const p = profile({
      steps: { '4': done, '5': { state: 'in-progress' } },
      asr: { submittedAt: '2026-10-01T00:00:00.000Z', confirmedAt: '2026-10-10T00:00:00.000Z' },
      employers: {
        a: employer(1, 'signed-up', [
          { status: 'requested', at: '2026-11-01T00:00:00.000Z' },
          { status: 'signed-up', at: '2026-11-15T08:00:00.000Z' },
        ]),
        b: employer(2, 'signed-up', [{ status: 'signed-up', at: '2026-11-26T08:00:00.000Z' }]),
        c: employer(3, 'confirmed', [
          { status: 'signed-up', at: '2026-11-27T08:00:00.000Z' },
          { status: 'confirmed', at: '2026-11-28T08:00:00.000Z' },
        ]),
      },
    });
    const s5 = step(stepOverview(p, NOW), '5');
    expect(s5).toMatchObject({ waitingOn: 'asr', since: '2026-11-26T08:00:00.000Z', days: 2 });
    expect(s5.next).toContain('2 aangemelde');
  });

  it('step 5 after a.s.r. confirmed the office, nobody signed up yet: yours', () => {
    const p = profile({ steps: { '4': done }, asr: { submittedAt: '2026-10-01T00:00:00.000Z', confirmedAt: '2026-10-10T00:00:00.000Z' } });
    expect(step(stepOverview(p, NOW), '5')).toMatchObject({ waitingOn: 'you', since: null });
  });

  it('a wait without a known start has no days; a start in the future counts as 0 days', () => {
    const noDate = profile({ steps: { '1': { state: 'in-progress' } }, tickets: { webservicepartij: { loketTicketNumber: 'LKT-1' } } });
    expect(step(stepOverview(noDate, NOW), '1')).toMatchObject({ waitingOn: 'loket', since: null, days: null });
    const future = profile({ steps: { '4': { state: 'in-progress' } }, asr: { submittedAt: '2026-12-05T00:00:00.000Z' } });
    expect(step(stepOverview(future, NOW), '4').days).toBe(0);
  });

  it('speaks English with --lang en', () => {
    setLang('en');
    expect(step(stepOverview(profile({}), NOW), '4').next).toContain('sign-up form');
  });
});
