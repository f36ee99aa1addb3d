/**
 * Employer records in the progress store, and the step 5 sign-up gate (SPEC §2): an employer can
 * only be marked signed-up when its link is shown by the API or confirmed by hand, and Loket has
 * confirmed the webservicepartij's authorization — or with force and a recorded reason.
 */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { LoketEmployer } from '../loket/client.js';
import { setStepState } from '../store/index.js';
import { ownEntry, setOwnEntry } from '../store/keys.js';
import type { ConfirmationSubject, EmployerRecord, EmployerStatus, Profile, StepState } from '../store/schema.js';
import { validatePayrollTaxNumber } from '../validate/index.js';
import type { EmployerFinding, SetupCheck } from './model.js';

/** Employers by employer number, the order people read them in. */
export function sortedEmployers(profile: Readonly<Profile>): Array<[string, Readonly<EmployerRecord>]> {
  return Object.entries(profile.employers).sort(([, a], [, b]) => a.employerNumber - b.employerNumber);
}

function upsert(
  draft: Profile,
  employer: Pick<LoketEmployer, 'id' | 'employerNumber' | 'companyName'> & { chamberOfCommerceNumber?: string | null },
): EmployerRecord {
  // Ids come from Loket: own entries only, so an id like `__proto__` or `constructor` is an employer like any other.
  const existing = ownEntry(draft.employers, employer.id);
  const record: EmployerRecord = {
    employerNumber: employer.employerNumber,
    companyName: employer.companyName,
    payrollTaxNumbers: existing?.payrollTaxNumbers ?? [],
    selected: existing?.selected ?? false,
    history: existing?.history ?? [],
  };
  const kvk = employer.chamberOfCommerceNumber ?? existing?.chamberOfCommerceNumber;
  if (kvk) record.chamberOfCommerceNumber = kvk;
  if (existing?.status) record.status = existing.status;
  if (existing?.lastCheck) record.lastCheck = existing.lastCheck;
  setOwnEntry(draft.employers, employer.id, record);
  return record;
}

/** E3 into the store: new employers appear, selection, status and earlier checks are kept. */
export function recordEmployers(draft: Profile, employers: readonly LoketEmployer[]): void {
  for (const employer of employers) upsert(draft, employer);
}

/**
 * A finished check into the store (a finished check is progress too, SPEC §7): every employer's
 * link and loonheffingennummers, the user's id and kind, the teams, the office.
 */
export function recordCheck(draft: Profile, check: SetupCheck): void {
  if (check.provider) draft.provider = { ...check.provider };
  draft.user = { ...(check.user.name ? { name: check.user.name } : {}), ...(check.user.email ? { email: check.user.email } : {}) };
  const found = check.webserviceUser;
  if (found.found === 'pass' && found.id && found.kind)
    draft.webserviceUserFound = { id: found.id, kind: found.kind, userName: found.userName, at: check.checkedAt };
  else delete draft.webserviceUserFound;
  draft.teams = check.teams.filter((team) => team.member).map((team) => ({ id: team.id, description: team.description }));
  for (const finding of check.employers) recordFinding(draft, finding, check.checkedAt);
  refreshStep5(draft, new Date(check.checkedAt));
}

function recordFinding(draft: Profile, finding: EmployerFinding, at: string): void {
  const record = upsert(draft, finding);
  // Numbers that could not be read this time are unknown, not gone: the earlier ones stay.
  if (finding.wageTaxKnown) record.payrollTaxNumbers = [...finding.wageTaxNumbers];
  record.lastCheck = {
    at,
    linked: finding.linked,
    required: finding.required,
    via: [...finding.via],
    problems: finding.problems.filter((p) => p.severity !== 'info').map((p) => p.code),
  };
}

/**
 * Finds a stored employer by Loket id, employer number or loonheffingennummer (any spelling).
 * Ambiguous or unknown → UsageError naming what was given.
 */
export function findEmployer(profile: Readonly<Profile>, given: string): [string, Readonly<EmployerRecord>] {
  const entries = Object.entries(profile.employers);
  const trimmed = given.trim();
  const tax = validatePayrollTaxNumber(trimmed);
  const matches = entries.filter(([id, e]) => id === trimmed || String(e.employerNumber) === trimmed || (tax.ok && e.payrollTaxNumbers.includes(tax.value)));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError(t('domain.employers.unknown', { employer: given }), { hint: t('domain.employers.unknownHint') });
  throw new UsageError(t('domain.employers.ambiguous', { employer: given, count: matches.length }), { hint: t('domain.employers.ambiguousHint') });
}

export function findConfirmation(profile: Readonly<Profile>, subject: ConfirmationSubject, employerId?: string) {
  return profile.confirmations.find((c) => c.subject === subject && c.employerId === employerId);
}

/** The office-wide confirmation that Loket authorized Benefits-Plaza for werkgever/persoon/verlof (step 3). */
export function authorizationConfirmation(profile: Readonly<Profile>) {
  return findConfirmation(profile, 'authorization');
}

/** Why this employer's link does not (yet) allow signing it up; undefined when it does. */
export function linkBlocker(profile: Readonly<Profile>, employerId: string): string | undefined {
  const check = ownEntry(profile.employers, employerId)?.lastCheck;
  if (findConfirmation(profile, 'link', employerId)) return undefined;
  const user = profile.webserviceUser ?? '?';
  if (!check) return t('domain.blocker.unchecked');
  if (check.linked === 'pass') return undefined;
  if (check.linked === 'fail') return t('domain.blocker.notLinked', { user });
  return t('domain.blocker.linkUnverifiable', { user });
}

/** Why this employer may not be signed up at a.s.r. yet (link, then authorization); undefined when it may. */
export function signUpBlocker(profile: Readonly<Profile>, employerId: string): string | undefined {
  return linkBlocker(profile, employerId) ?? (authorizationConfirmation(profile) ? undefined : t('domain.blocker.authorization'));
}

/** An employer's status in words, where people read it ("aangemeld" for `signed-up`); JSON and exports keep the key. */
export function employerStatusLabel(status: EmployerStatus): string {
  return t(`domain.employerStatus.${status}`);
}

const SIGNED_UP: readonly EmployerStatus[] = ['signed-up', 'confirmed'];

/** The blocker for moving this employer to `status`: only reaching signed-up (or confirmed without it) is gated. */
export function statusBlocker(profile: Readonly<Profile>, employerId: string, status: EmployerStatus): string | undefined {
  const current = ownEntry(profile.employers, employerId)?.status;
  if (!SIGNED_UP.includes(status) || (current !== undefined && SIGNED_UP.includes(current))) return undefined;
  return signUpBlocker(profile, employerId);
}

/** The manual: an employer first requests the salariskoppeling at a.s.r.; signing up without that is worth a warning. */
export function skipsRequested(profile: Readonly<Profile>, employerId: string, status: EmployerStatus): boolean {
  const employer = ownEntry(profile.employers, employerId);
  if (!employer || !SIGNED_UP.includes(status) || (employer.status !== undefined && SIGNED_UP.includes(employer.status))) return false;
  return !employer.history.some((entry) => entry.status === 'requested');
}

export interface StatusChange {
  at: Date;
  note?: string;
  /** Sign up despite a blocker; needs a reason, and both are recorded. */
  force?: boolean;
  reason?: string;
}

/**
 * Sets an employer's step-5 status (requested → signed-up → confirmed, or excluded) with a history
 * entry. Reaching signed-up needs statusBlocker to pass, or force with a reason; both are recorded.
 * Returns false when nothing changed (same status, no new note), so re-applying answers is
 * idempotent. Refusals are UsageErrors naming the employer and the reason.
 */
export function applyEmployerStatus(draft: Profile, employerId: string, status: EmployerStatus, change: StatusChange): boolean {
  const employer = ownEntry(draft.employers, employerId);
  if (!employer) throw new UsageError(t('domain.employers.unknown', { employer: employerId }), { hint: t('domain.employers.unknownHint') });
  const names = { company: employer.companyName, number: employer.employerNumber };
  const reason = change.reason?.trim();
  if (change.force && !reason) throw new UsageError(t('domain.blocker.reasonRequired', names));
  // Setting a status selects the employer; `excluded` keeps it listed but out of the verify scope.
  employer.selected = true;
  if (employer.status === status && (change.note === undefined || change.note === employer.history.at(-1)?.note)) return false;
  const blocker = statusBlocker(draft, employerId, status);
  if (blocker !== undefined && !change.force) {
    throw new UsageError(t('domain.blocker.refused', { ...names, status: employerStatusLabel(status), reason: blocker }), {
      hint: t('domain.blocker.refusedHint'),
    });
  }
  employer.status = status;
  employer.history.push({
    status,
    at: change.at.toISOString(),
    ...(change.note ? { note: change.note } : {}),
    ...(blocker !== undefined ? { forced: true, reason } : {}),
  });
  return true;
}

export interface Step5Outcome {
  state: StepState;
  summary: string;
}

/**
 * Step 5's state from the employer records (SPEC §2): done when every selected employer is confirmed
 * by a.s.r. or excluded (at least one confirmed) and none of them is shown unlinked; attention when a
 * signed-up or confirmed employer is shown not linked (its webservice returns nothing); else in
 * progress. Undefined while step 4 is not confirmed (step 5 has not begun).
 */
export function step5Outcome(profile: Readonly<Profile>): Step5Outcome | undefined {
  if (!profile.asr.confirmedAt) return undefined;
  const selected = Object.entries(profile.employers).filter(([, e]) => e.selected);
  if (selected.length === 0) return { state: 'in-progress', summary: t('steps.5.nothingSelected') };
  const taking = selected.filter(([, e]) => e.status !== 'excluded');
  const unlinked = taking.filter(
    ([id, e]) => e.status !== undefined && SIGNED_UP.includes(e.status) && e.lastCheck?.linked === 'fail' && !findConfirmation(profile, 'link', id),
  );
  if (unlinked.length > 0) {
    return {
      state: 'attention',
      summary: t('steps.5.unlinkedNext', { count: unlinked.length, names: unlinked.map(([, e]) => `${e.companyName} (${e.employerNumber})`).join(', ') }),
    };
  }
  const confirmed = taking.filter(([, e]) => e.status === 'confirmed').length;
  const open = taking.length - confirmed;
  if (open === 0 && confirmed > 0) return { state: 'done', summary: t('steps.5.done', { confirmed, selected: selected.length }) };
  return { state: 'in-progress', summary: t('steps.5.openNext', { open, selected: selected.length, confirmed }) };
}

/**
 * Recomputes step 5's state on a draft once the step has begun — after a check, a selection or a
 * status change — so the state never says "done" beside an employer shown as not linked.
 */
export function refreshStep5(draft: Profile, now: Date): void {
  if (draft.steps['5'].state === 'todo') return;
  const outcome = step5Outcome(draft);
  if (!outcome || (outcome.state === draft.steps['5'].state && draft.steps['5'].note === (outcome.state === 'done' ? undefined : outcome.summary))) return;
  setStepState(draft, '5', outcome.state, now);
  if (outcome.state !== 'done') draft.steps['5'].note = outcome.summary;
}
