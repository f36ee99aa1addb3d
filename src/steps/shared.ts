/**
 * What several steps do the same way: saving an answer and a step's end, showing saved answers,
 * confirming an e-mail address, running the check of src/domain with a spinner, and recording a
 * hand confirmation. The rules themselves live in src/domain.
 */
import { checkSetup, linkedEmployers, recordCheck, resolveScope, ticketFacts, type CheckProgress, type SetupCheck } from '../domain/index.js';
import type { TicketFacts, TicketKind } from '../tickets/index.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { keepStepCheck } from '../report/last-check.js';
import { setStepState, type ConfirmationSubject, type Profile, type StepId, type StepState, type Store } from '../store/index.js';
import type { StepContext } from './context.js';
import { ProgressMeter } from '../ui/progress.js';
import { INPUTS, type InputDef } from './inputs.js';
import { validateRequiredText } from '../validate/index.js';

/**
 * Who confirms something by hand (SPEC §2: who, when, reference): a person of the office, not the
 * computer's account — the contact person (given now with --contact-name, or saved in step 1); otherwise asked, and without
 * anyone to ask a usage error naming how to give the contact person.
 */
export async function confirmer(ctx: StepContext): Promise<string> {
  const contact = ctx.inputs.given(INPUTS.contactName) ?? ctx.store.profile().office.contactName;
  if (contact) return contact;
  if (ctx.inputs.interactive) return ctx.inputs.ask(t('steps.confirmer'), validateRequiredText);
  throw new UsageError(t('steps.confirmerMissing'), {
    hint: t('steps.confirmerMissingHint', { command: ctx.commandLine('config', 'set', 'office.contactName') }),
  });
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

/** Records a hand confirmation (who, when, reference), replacing an earlier one of the same subject and employer. */
export async function recordConfirmation(
  ctx: StepContext,
  step: StepId,
  subject: ConfirmationSubject,
  reference: string | undefined,
  options: { employerId?: string; at?: string } = {},
): Promise<void> {
  const by = await confirmer(ctx);
  saveAnswer(ctx.store, step, ctx.now(), (draft) => {
    draft.confirmations = draft.confirmations.filter((c) => !(c.subject === subject && c.employerId === options.employerId));
    draft.confirmations.push({
      subject,
      step,
      by,
      at: options.at ?? ctx.now().toISOString(),
      ...(reference !== undefined ? { reference } : {}),
      ...(options.employerId !== undefined ? { employerId: options.employerId } : {}),
    });
  });
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
 * The check of loket-api.md §6 for this profile (its selection is the scope, its named team the
 * fallback), with a spinner on stderr; the result is saved at once (a finished check is progress).
 */
export async function runCheck(
  ctx: StepContext,
  webserviceUser: string,
  options: { wageTaxNumbers: 'none' | 'required' | 'all'; visibility?: boolean },
): Promise<SetupCheck> {
  const { client, environment } = await ctx.loket();
  const profile = ctx.store.profile();
  const team = ctx.inputs.given(INPUTS.team) ?? profile.team;
  const spinner = await ctx.out.spinner(t('steps.checking'));
  const meter = spinner.live ? new ProgressMeter() : undefined;
  let check: SetupCheck;
  try {
    check = await checkSetup(client, {
      webserviceUser,
      ...(team ? { team } : {}),
      ...(profile.provider ? { providerId: profile.provider.id } : {}),
      scope: resolveScope(undefined, profile),
      wageTaxNumbers: options.wageTaxNumbers,
      visibility: options.visibility === true,
      signal: ctx.signal,
      now: ctx.now,
      ...(meter ? { onProgress: (progress: CheckProgress) => spinner.update(`${t('steps.checking')} ${meter.text(progress)}`.trimEnd()) } : {}),
    });
  } finally {
    spinner.stop();
  }
  ctx.store.update((draft) => recordCheck(draft, check));
  keepStepCheck(ctx.store, check, { environment, allowUnverifiable: ctx.flags.allowUnverifiable, warn: (message) => ctx.out.warn(message) });
  return check;
}

/** "- Bakkerij De Vries B.V. (20720)" lines. */
export function employerLines(employers: Array<{ companyName: string; employerNumber: number }>): string {
  return employers.map((e) => `  - ${e.companyName} (${e.employerNumber})`).join('\n');
}

/**
 * What the API could not show may be confirmed by hand (SPEC §2): recorded with who, when and a
 * reference — never as a pass. Returns the reference, or undefined when nobody confirmed.
 */
export async function confirmByHand(ctx: StepContext, question: string): Promise<string | undefined> {
  const given = ctx.inputs.given(INPUTS.acceptUnverifiable);
  if (given !== undefined || !ctx.inputs.interactive) return given;
  if (!(await ctx.inputs.confirm(undefined, question, false))) return undefined;
  return ctx.inputs.text(INPUTS.acceptUnverifiable);
}

/**
 * What a ticket may say in this run: the saved progress, what was given now (flags, env, answers
 * file — a `step 3` on a fresh profile with --contact-name), and, when neither names the office,
 * the provider's name from Loket (SPEC §9's fallback; one request).
 */
export async function ticketFactsNow(ctx: StepContext, kind: TicketKind): Promise<TicketFacts> {
  const profile = ctx.store.profile();
  const facts = ticketFacts(profile, kind === 'autorisatie' ? { employers: linkedEmployers(profile) } : {});
  const given = (input: InputDef) => ctx.inputs.given(input);
  const now = {
    officeName: given(INPUTS.officeName),
    contactName: given(INPUTS.contactName),
    contactEmail: given(INPUTS.contactEmail),
    contactPhone: given(INPUTS.contactPhone),
    webserviceUser: given(INPUTS.webserviceUser),
  };
  for (const [key, value] of Object.entries(now)) if (value !== undefined) (facts as Record<string, unknown>)[key] = value;
  if (facts.officeName === undefined && facts.providerName === undefined) {
    const providers = await (await ctx.loket()).client.providers();
    if (providers.length === 1) {
      const [provider] = providers;
      ctx.store.update((draft) => {
        draft.provider = { id: provider!.id, name: provider!.name };
      });
      facts.providerName = provider!.name;
    }
  }
  return facts;
}

/**
 * A page the step points to: its address is printed in the step's text; on a desktop, interactively,
 * the wizard also offers to open it (default no — most people have it open already).
 */
const offered = new WeakMap<StepContext, Set<string>>();
export async function offerToOpen(ctx: StepContext, url: string, what: string): Promise<void> {
  if (!ctx.inputs.interactive || !ctx.browser.available) return;
  // Once per step run: two tickets for the same helpdesk are one offer.
  const seen = offered.get(ctx) ?? new Set<string>();
  offered.set(ctx, seen);
  if (seen.has(url)) return;
  seen.add(url);
  if (!(await ctx.inputs.confirm(undefined, t('steps.openLink', { what }), false))) return;
  if (ctx.browser.open(url)) ctx.out.info(t('steps.openedLink', { url }));
  else ctx.out.warn(t('steps.openLinkFailed', { url }));
}
