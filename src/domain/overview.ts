/**
 * Who is waiting on whom, per step of a.s.r.'s manual: the steps hand work to Loket.nl (tickets) and
 * to a.s.r. (the sign-up form, the employers' sign-ups) and then wait, often for days. The report
 * shows that wait with its start and Loket's ticket numbers, so a person can chase the right party.
 *
 * Read from the profile only, with the clock passed in: a pure function (no store, no network).
 */
import { t } from '../i18n/index.js';
import { STEP_IDS } from '../store/enums.js';
import type { Profile, StepId, StepState, TicketKind } from '../store/schema.js';
import { authorizationConfirmation } from './employers.js';

export type WaitingOn = 'you' | 'loket' | 'asr';

export interface StepOverview {
  id: StepId;
  state: StepState;
  /** Whose move it is; null when the step is done. */
  waitingOn: WaitingOn | null;
  /** Since when Loket.nl or a.s.r. has had it (ISO), when the profile knows; null for `you` and done. */
  since: string | null;
  /** Whole days since `since` (0 on the day itself). */
  days: number | null;
  /** Loket's ticket numbers that belong to this step. */
  references: string[];
  /** One action, translated. */
  next: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Builds "the command to type" for a hint (src/ui/command-line.ts via the command's context); the plain program name by default. */
export type CommandLine = (...args: string[]) => string;
const PLAIN: CommandLine = (...args) => ['loket-asr-setup', ...args].join(' ');

interface Wait {
  waitingOn: WaitingOn;
  since?: string | undefined;
  next: string;
}

function daysSince(since: string | null, now: Date): number | null {
  if (since === null) return null;
  const start = Date.parse(since);
  if (Number.isNaN(start)) return null;
  // A date in the future (a clock set wrong, a typo) is not a negative wait.
  return Math.max(0, Math.floor((now.getTime() - start) / DAY_MS));
}

/** The earliest of the dates that are known: the party has been waited on since the first of them. */
function earliest(dates: Array<string | undefined>): string | undefined {
  return dates.filter((d): d is string => d !== undefined && !Number.isNaN(Date.parse(d))).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

function ticketNumbers(profile: Readonly<Profile>, kinds: readonly TicketKind[]): string[] {
  return kinds.map((kind) => profile.tickets[kind]?.loketTicketNumber).filter((n): n is string => n !== undefined);
}

/**
 * The ticket numbers that belong to a step. While step 3 waits, only those of what is still open:
 * the omgevingscode ticket once the code is in says nothing about the authorization still awaited.
 */
function referencesOf(profile: Readonly<Profile>, id: StepId, done: boolean): string[] {
  if (id === '1') return ticketNumbers(profile, ['webservicepartij']);
  if (id === '3') {
    const reply = authorizationConfirmation(profile)?.reference;
    const open: TicketKind[] = done
      ? ['omgevingscode', 'autorisatie']
      : [...(profile.environmentCode === undefined ? (['omgevingscode'] as const) : []), ...(reply === undefined ? (['autorisatie'] as const) : [])];
    return [...new Set([...ticketNumbers(profile, open), ...(done && reply ? [reply] : [])])];
  }
  return [];
}

function step1(profile: Readonly<Profile>, cmd: CommandLine): Wait {
  const ticket = profile.tickets.webservicepartij;
  if (ticket?.sentAt || ticket?.loketTicketNumber) {
    return {
      waitingOn: 'loket',
      since: ticket.sentAt,
      next: t('overview.1.loket', { ticket: ticket.loketTicketNumber ?? t('steps.1.noTicketNumber'), command: cmd('step', '1') }),
    };
  }
  return { waitingOn: 'you', next: t('overview.1.you', { ticket: cmd('ticket', 'webservicepartij'), command: cmd('step', '1') }) };
}

function step3(profile: Readonly<Profile>, cmd: CommandLine): Wait {
  const code = profile.tickets.omgevingscode;
  const authorization = profile.tickets.autorisatie;
  const codePending = code?.loketTicketNumber !== undefined && profile.environmentCode === undefined;
  const authorizationPending =
    (authorization?.generatedAt !== undefined || authorization?.sentAt !== undefined || authorization?.loketTicketNumber !== undefined) &&
    authorizationConfirmation(profile) === undefined;
  if (codePending || authorizationPending) {
    const since = earliest([
      ...(codePending ? [code?.sentAt ?? code?.generatedAt] : []),
      ...(authorizationPending ? [authorization?.sentAt ?? authorization?.generatedAt] : []),
    ]);
    const key = codePending && authorizationPending ? 'overview.3.loketBoth' : codePending ? 'overview.3.loketCode' : 'overview.3.loketAuthorization';
    return { waitingOn: 'loket', since, next: t(key, { command: cmd('step', '3') }) };
  }
  return { waitingOn: 'you', next: t('overview.3.you', { command: cmd('step', '3') }) };
}

function step4(profile: Readonly<Profile>, cmd: CommandLine): Wait {
  if (profile.asr.submittedAt && !profile.asr.confirmedAt)
    return { waitingOn: 'asr', since: profile.asr.submittedAt, next: t('overview.4.asr', { command: cmd('step', '4') }) };
  return { waitingOn: 'you', next: t('overview.4.you', { command: cmd('step', '4') }) };
}

function step5(profile: Readonly<Profile>, cmd: CommandLine): Wait {
  // The manual: employers are signed up only after a.s.r. confirmed the office (step 4).
  if (!profile.asr.confirmedAt) {
    return profile.asr.submittedAt
      ? { waitingOn: 'asr', since: profile.asr.submittedAt, next: t('overview.5.waitStep4Asr') }
      : { waitingOn: 'you', next: t('overview.5.waitStep4You') };
  }
  const signedUp = Object.values(profile.employers).filter((e) => e.status === 'signed-up');
  if (signedUp.length > 0) {
    const dates = signedUp.map((e) => e.history.filter((h) => h.status === 'signed-up').at(-1)?.at).filter((d): d is string => d !== undefined);
    const latest = dates.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    return { waitingOn: 'asr', since: latest, next: t('overview.5.asr', { count: signedUp.length, command: cmd('employers', 'mark') }) };
  }
  return { waitingOn: 'you', next: t('overview.5.you', { command: cmd('step', '5'), mark: cmd('employers', 'mark') }) };
}

const RULES: Record<StepId, (profile: Readonly<Profile>, cmd: CommandLine) => Wait> = {
  '1': step1,
  '2': (_profile, cmd) => ({ waitingOn: 'you', next: t('overview.2.you', { command: cmd('step', '2') }) }),
  '3': step3,
  '4': step4,
  '5': step5,
};

/** Per step: its state, whose move it is, since when, Loket's ticket numbers and the one next action. */
export function stepOverview(profile: Readonly<Profile>, now: Date, commandLine: CommandLine = PLAIN): StepOverview[] {
  return STEP_IDS.map((id) => {
    const state = profile.steps[id].state;
    const references = referencesOf(profile, id, state === 'done');
    if (state === 'done') return { id, state, waitingOn: null, since: null, days: null, references, next: t('overview.done') };
    const wait = RULES[id](profile, commandLine);
    const since = wait.waitingOn === 'you' ? null : (wait.since ?? null);
    return { id, state, waitingOn: wait.waitingOn, since, days: daysSince(since, now), references, next: wait.next };
  });
}
