/** Pieces several steps and commands share: ticket facts from progress, employers from Loket. */
import type { LoketClient, LoketEmployer } from '../loket/client.js';
import { checkEmployers, type EmployerCheck } from '../loket/checks.js';
import { userInfo } from 'node:os';
import { ENTITIES } from '../loket/entities.js';
import { setStepState, type EmployerRecord, type EmployerStatus, type Profile, type StepId, type StepState, type Store } from '../store/index.js';
import type { TicketEmployer, TicketFacts } from '../tickets/index.js';
import { validatePayrollTaxNumber } from '../validate/index.js';
import { writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { LocalError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { StepContext } from './context.js';
import { INPUTS, type InputDef } from './inputs.js';

/** The ticket allowlist, filled from saved progress (never from anything that could hold a secret). */
export function ticketFacts(profile: Readonly<Profile>, employers?: TicketEmployer[]): TicketFacts {
  const facts: TicketFacts = {};
  if (profile.office.name) facts.officeName = profile.office.name;
  if (profile.provider?.name) facts.providerName = profile.provider.name;
  if (profile.office.contactName) facts.contactName = profile.office.contactName;
  if (profile.office.email) facts.contactEmail = profile.office.email;
  if (profile.office.phone) facts.contactPhone = profile.office.phone;
  if (profile.webserviceUser) facts.webserviceUser = profile.webserviceUser;
  if (profile.environment === 'production' || profile.environment === 'acceptance') facts.environment = profile.environment;
  if (employers) facts.employers = employers;
  return facts;
}

/** Missing entities per employer from the last stored checks (for `ticket autorisatie`). */
export function missingFromLastChecks(profile: Readonly<Profile>): TicketEmployer[] {
  return Object.values(profile.employers)
    .filter((e) => e.lastCheck)
    .map((e) => ({
      companyName: e.companyName,
      employerNumber: e.employerNumber,
      missingEntities: ENTITIES.filter((entity) => e.lastCheck?.entities[entity] === 'fail'),
    }))
    .filter((e) => e.missingEntities.length > 0)
    .sort((a, b) => Number(a.employerNumber) - Number(b.employerNumber));
}

/** E3, all employers the logged-in user can see. */
export async function fetchEmployers(client: LoketClient): Promise<LoketEmployer[]> {
  const employers: LoketEmployer[] = [];
  for await (const employer of client.employers()) employers.push(employer);
  return employers;
}

/**
 * Upserts employers (and, when given, their latest checks) into the profile; keeps selection and status.
 * `entitiesChecked: false` (step 2 checks only the link) keeps the entity results of an earlier check.
 */
export function recordEmployers(
  draft: Profile,
  employers: LoketEmployer[],
  checks: EmployerCheck[] = [],
  at = new Date(),
  options: { entitiesChecked?: boolean } = {},
): void {
  const byId = new Map(checks.map((c) => [c.id, c]));
  for (const employer of employers) {
    const existing: EmployerRecord | undefined = draft.employers[employer.id];
    const check = byId.get(employer.id);
    const record: EmployerRecord = {
      employerNumber: employer.employerNumber,
      companyName: employer.companyName,
      payrollTaxNumbers: check ? check.wageTaxNumbers : (existing?.payrollTaxNumbers ?? []),
      selected: existing?.selected ?? false,
      history: existing?.history ?? [],
    };
    if (employer.chamberOfCommerceNumber) record.chamberOfCommerceNumber = employer.chamberOfCommerceNumber;
    if (existing?.status) record.status = existing.status;
    if (check) {
      record.lastCheck = {
        at: at.toISOString(),
        linked: check.linked,
        entities: options.entitiesChecked === false && existing?.lastCheck ? existing.lastCheck.entities : check.entities,
        problems: check.problems.filter((p) => p.severity === 'error').map((p) => p.code),
      };
    } else if (existing?.lastCheck) {
      record.lastCheck = existing.lastCheck;
    }
    draft.employers[employer.id] = record;
  }
}

/**
 * Finds a stored employer by Loket id, employer number or loonheffingennummer (any spelling).
 * Ambiguous or unknown → UsageError naming what was given.
 */
export function findEmployer(profile: Readonly<Profile>, given: string): [string, Readonly<EmployerRecord>] {
  const entries = Object.entries(profile.employers);
  const trimmed = given.trim();
  const tax = validatePayrollTaxNumber(trimmed);
  const matches = entries.filter(
    ([id, e]) =>
      id === trimmed ||
      String(e.employerNumber) === trimmed ||
      (tax.ok && e.payrollTaxNumbers.includes(tax.value)),
  );
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError(t('steps.employers.unknown', { employer: given }), { hint: t('steps.employers.unknownHint') });
  throw new UsageError(t('steps.employers.ambiguous', { employer: given, count: matches.length }), { hint: t('steps.employers.ambiguousHint') });
}

export function storeHasEmployers(store: Store): boolean {
  return Object.keys(store.profile().employers).length > 0;
}

/** Who confirmed something by hand: the OS user, as the manual's steps are done by a person. */
export function confirmedBy(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Saves an answer at once (SPEC §7) and marks a step that was still to do as started. */
export function saveAnswer(store: Store, step: StepId, now: Date, mutate: (draft: Profile) => void): void {
  store.update((draft) => {
    mutate(draft);
    if (draft.steps[step].state === 'todo') setStepState(draft, step, 'in-progress', now);
  });
}

/** Records how a step ended; the note says what to do next when it is not done. */
export function finishStep(store: Store, step: StepId, state: StepState, now: Date, note?: string): void {
  store.update((draft) => {
    setStepState(draft, step, state, now);
    if (note !== undefined && state !== 'done') draft.steps[step].note = note;
  });
}

/** Hand confirmations: 'route' (step 3), 'link' (step 2) and 'entities' (step 3) per employer. */
export type ConfirmationSubject = 'route' | 'link' | 'entities';

export function findConfirmation(profile: Readonly<Profile>, subject: ConfirmationSubject, employerId?: string) {
  return profile.confirmations.find((c) => c.subject === subject && c.employerId === employerId);
}

/**
 * Why this employer may not (yet) be signed up at a.s.r., from its latest stored checks; undefined
 * when it may. Unverifiable results count only with a hand confirmation, never as a pass.
 */
export function signUpBlocker(profile: Readonly<Profile>, employerId: string): string | undefined {
  const employer = profile.employers[employerId];
  const check = employer?.lastCheck;
  if (!check) return t('steps.blocker.unchecked');
  const user = profile.webserviceUser ?? '?';
  if (check.linked === 'fail') return t('steps.blocker.notLinked', { user });
  if (check.linked === 'unverifiable' && !findConfirmation(profile, 'link', employerId)) return t('steps.blocker.linkUnverifiable', { user });
  const entities = Object.entries(check.entities);
  const missing = entities.filter(([, result]) => result === 'fail').map(([entity]) => entity);
  if (missing.length) return t('steps.blocker.entities', { entities: missing.join(', ') });
  if (entities.some(([, result]) => result === 'unverifiable') && !findConfirmation(profile, 'entities', employerId)) {
    return t('steps.blocker.entitiesUnverifiable');
  }
  return undefined;
}

export interface StatusChange {
  at: Date;
  note?: string;
  /** Sign up despite a blocker; needs a reason, and both are recorded. */
  force?: boolean;
  reason?: string;
}

const SIGNED_UP: readonly EmployerStatus[] = ['signed-up', 'confirmed'];

/** The blocker for moving this employer to `status`: only reaching signed-up (or confirmed without it) is gated. */
export function statusBlocker(profile: Readonly<Profile>, employerId: string, status: EmployerStatus): string | undefined {
  const current = profile.employers[employerId]?.status;
  if (!SIGNED_UP.includes(status) || (current !== undefined && SIGNED_UP.includes(current))) return undefined;
  return signUpBlocker(profile, employerId);
}

/**
 * Sets an employer's step-5 status (requested → signed-up → confirmed, or excluded) with a history
 * entry. Reaching signed-up needs passing checks (statusBlocker), or force with a reason; both are
 * recorded. Returns false when nothing changed (same status, no new note), so re-applying answers
 * is idempotent. Refusals are UsageErrors naming the employer and the reason.
 */
export function applyEmployerStatus(draft: Profile, employerId: string, status: EmployerStatus, change: StatusChange): boolean {
  const employer = draft.employers[employerId];
  if (!employer) throw new UsageError(t('steps.employers.unknown', { employer: employerId }), { hint: t('steps.employers.unknownHint') });
  const names = { company: employer.companyName, number: employer.employerNumber };
  const reason = change.reason?.trim();
  if (change.force && !reason) throw new UsageError(t('steps.blocker.reasonRequired', names));
  employer.selected = true;
  if (employer.status === status && (change.note === undefined || change.note === employer.history.at(-1)?.note)) return false;
  const blocker = statusBlocker(draft, employerId, status);
  if (blocker !== undefined && !change.force) {
    throw new UsageError(t('steps.blocker.refused', { ...names, status, reason: blocker }), { hint: t('steps.blocker.refusedHint') });
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

/**
 * Interactively, saved answers are shown once and kept unless the user wants to change them;
 * returns true when they should be asked again.
 */
export async function reviewSaved(ctx: StepContext, complete: boolean, rows: Array<[string, string | undefined]>): Promise<boolean> {
  if (!ctx.inputs.interactive || !complete) return false;
  ctx.out.info(rows.map(([label, value]) => `  ${label}: ${value ?? ''}`).join('\n'));
  return !(await ctx.inputs.confirm(undefined, t('steps.keepSaved'), true));
}

/** An e-mail address typed at the prompt is shown back for confirmation (SPEC §10). */
export async function askEmail(ctx: StepContext, input: InputDef, saved: string | undefined, reask: boolean): Promise<string> {
  const typed = ctx.inputs.interactive && !ctx.inputs.has(input) && (saved === undefined || reask);
  let previous = saved;
  for (;;) {
    const email = await ctx.inputs.text(input, { saved: previous, reask: reask || previous !== saved });
    if (!typed || (await ctx.inputs.confirm(undefined, t('steps.confirmEmail', { email }), true))) return email;
    previous = email;
  }
}

/**
 * E3, then the checks of `checkEmployers` for every employer, with progress on stderr; the results
 * are saved at once (a finished check is progress too).
 */
export async function checkAndRecord(
  ctx: StepContext,
  webserviceUser: string,
  options: { entities: boolean; administrations?: boolean },
): Promise<EmployerCheck[]> {
  const { client } = await ctx.loket();
  const spinner = await ctx.out.spinner(t('steps.fetchingEmployers'));
  const fetching = fetchEmployers(client);
  await fetching.finally(() => spinner.stop());
  const employers = await fetching;
  const checks = await checkEmployers(client, employers, {
    webserviceUser,
    entities: options.entities,
    administrations: options.administrations === true,
    signal: ctx.signal,
    onProgress: (done, total) => ctx.out.progress(t('steps.checked', { done, total }), done === total),
  });
  ctx.store.update((draft) => recordEmployers(draft, employers, checks, ctx.now(), { entitiesChecked: options.entities }));
  return checks;
}

/** "- Bakkerij De Vries B.V. (20720)" lines for warnings. */
export function employerLines(employers: Array<{ companyName: string; employerNumber: number }>): string {
  return employers.map((e) => `  - ${e.companyName} (${e.employerNumber})`).join('\n');
}

/**
 * Unverifiable checks may be confirmed by hand (SPEC §2): recorded per employer as a confirmation
 * with who, when and a reference — never as a pass. Returns true when nothing is left unconfirmed
 * (or the run allows unverifiable results).
 */
export async function confirmUnverifiable(
  ctx: StepContext,
  step: StepId,
  subject: 'link' | 'entities',
  unverifiable: EmployerCheck[],
): Promise<boolean> {
  const { inputs, out, store } = ctx;
  const pending = unverifiable.filter((c) => !findConfirmation(store.profile(), subject, c.id));
  if (pending.length === 0) return true;
  const code = subject === 'link' ? 'LINK_UNVERIFIABLE' : 'ENTITIES_UNVERIFIABLE';
  const problems = pending.flatMap((c) => c.problems.filter((p) => p.code === code));
  out.warn(t(subject === 'link' ? 'steps.unverifiable.link' : 'steps.unverifiable.entities', { count: pending.length }));
  out.info(problems.map((p) => `  - ${p.message}`).join('\n'));
  for (const fix of new Set(problems.map((p) => p.fix))) out.hint(fix);
  let reference = inputs.given(INPUTS.acceptUnverifiable);
  if (reference === undefined && inputs.interactive) {
    const checked = await inputs.confirm(undefined, t(subject === 'link' ? 'steps.unverifiable.askLink' : 'steps.unverifiable.askEntities'), false);
    if (checked) reference = await inputs.text(INPUTS.acceptUnverifiable);
  }
  if (reference === undefined) return ctx.flags.allowUnverifiable;
  const confirmed = reference;
  const by = confirmedBy();
  const at = ctx.now().toISOString();
  saveAnswer(store, step, ctx.now(), (draft) => {
    for (const check of pending) draft.confirmations.push({ subject, step, by, at, reference: confirmed, employerId: check.id });
  });
  out.success(t('steps.unverifiable.recorded', { count: pending.length, by }));
  return true;
}

/** Writes a file the user asked for (`--out`: a ticket, an export); returns its absolute path. */
export function writeResultFile(file: string, text: string): string {
  const target = nodePath.resolve(file);
  try {
    writeFileSync(target, text, { mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new LocalError(t('commands.file.writeFailed', { file: target, code }), { hint: t('commands.file.writeFailedHint') });
  }
  return target;
}
