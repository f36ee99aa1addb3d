/**
 * Stap 4 — Invullen aanmeldformulier van a.s.r. a.s.r. publishes no API, so the tool collects and
 * validates what the form asks (all but the password, which it never asks for), prints a summary to
 * copy from, and records when the form was sent and when a.s.r. confirmed it.
 */
import { UsageError } from '../errors.js';
import { LINKS } from '../domain/links.js';
import { t } from '../i18n/index.js';
import type { Profile } from '../store/index.js';
import { formatDate, localDay } from '../ui/time.js';
import type { StepContext, Step, StepResult } from './context.js';
import { INPUTS, type InputDef } from './inputs.js';
import { askEmail, finishStep, offerToOpen, reviewSaved, saveAnswer } from './shared.js';

const PASSWORD_PLACEHOLDER = '••••••';

type AsrDetails = Required<Pick<Profile['asr'], 'companyName' | 'requestEmail' | 'userName'>>;

/** Defaults from earlier steps: the office's name and e-mail, and the webservice user (its credentials are what a.s.r. uses). */
function defaults(profile: Readonly<Profile>): Partial<AsrDetails> {
  const found: Partial<AsrDetails> = {};
  const companyName = profile.asr.companyName ?? profile.office.name;
  const requestEmail = profile.asr.requestEmail ?? profile.office.email;
  const userName = profile.asr.userName ?? profile.webserviceUser;
  if (companyName) found.companyName = companyName;
  if (requestEmail) found.requestEmail = requestEmail;
  if (userName) found.userName = userName;
  return found;
}

async function askDetails(ctx: StepContext): Promise<{ details: AsrDetails; reask: boolean }> {
  const { inputs, store } = ctx;
  const profile = store.profile();
  const { asr } = profile;
  const reask = await reviewSaved(ctx, Boolean(asr.companyName && asr.requestEmail && asr.userName), [
    [t(INPUTS.asrCompanyName.label), asr.companyName],
    [t(INPUTS.asrRequestEmail.label), asr.requestEmail],
    [t(INPUTS.asrUserName.label), asr.userName],
    [t(INPUTS.asrSubmitted.label), formatDate(asr.submittedAt)],
    [t(INPUTS.asrConfirmed.label), formatDate(asr.confirmedAt)],
  ]);
  const fallback = defaults(profile);
  // Interactively a default is offered at the prompt; without a prompt it is simply used.
  const options = (saved: string | undefined, proposed: string | undefined) => ({
    saved: inputs.interactive ? saved : proposed,
    default: proposed,
    reask: reask || (inputs.interactive && saved === undefined),
  });
  const save = (mutate: (details: Profile['asr']) => void) => saveAnswer(store, '4', ctx.now(), (draft) => mutate(draft.asr));

  const companyName = await inputs.text(INPUTS.asrCompanyName, options(asr.companyName, fallback.companyName));
  save((details) => (details.companyName = companyName));
  const requestEmail = inputs.interactive
    ? await askEmail(ctx, INPUTS.asrRequestEmail, asr.requestEmail ?? fallback.requestEmail, reask || asr.requestEmail === undefined)
    : await inputs.text(INPUTS.asrRequestEmail, options(asr.requestEmail, fallback.requestEmail));
  save((details) => (details.requestEmail = requestEmail));
  const userName = await inputs.text(INPUTS.asrUserName, options(asr.userName, fallback.userName));
  save((details) => (details.userName = userName));
  return { details: { companyName, requestEmail, userName }, reask };
}

async function askEnvironmentCode(ctx: StepContext): Promise<string> {
  const saved = ctx.store.profile().environmentCode;
  const code = await ctx.inputs.text(INPUTS.environmentCode, { saved });
  if (code !== saved) {
    saveAnswer(ctx.store, '4', ctx.now(), (draft) => {
      draft.environmentCode = code;
    });
  }
  return code;
}

function summary(details: AsrDetails, environmentCode: string): string {
  const rows: Array<[string, string]> = [
    [t('steps.4.form.companyName'), details.companyName],
    [t('steps.4.form.email'), details.requestEmail],
    [t('steps.4.form.userName'), details.userName],
    [t('steps.4.form.password'), PASSWORD_PLACEHOLDER],
    [t('steps.4.form.environmentCode'), environmentCode],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return [
    t('steps.4.form.heading', { url: LINKS.asrSignup }),
    '',
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)} ${value}`),
    '',
    t('steps.4.form.passwordReminder', { user: details.userName }),
  ].join('\n');
}

/**
 * A date: given, saved (unless it is being changed), or (interactively) asked — after a yes to
 * `question`, or straight away with the saved date as default when the user is changing it.
 */
async function askDate(ctx: StepContext, input: InputDef, saved: string | undefined, question: string, change: boolean): Promise<string | undefined> {
  const given = ctx.inputs.given(input);
  if (given !== undefined) return given;
  if (saved !== undefined && !change) return saved;
  if (!ctx.inputs.interactive) return saved;
  if (saved === undefined && !(await ctx.inputs.confirm(undefined, question, false))) return undefined;
  return ctx.inputs.text(input, { default: saved ?? ctx.now().toISOString(), reask: true });
}

/** a.s.r. confirms what was sent: a confirmation needs a submission, and cannot come before it. The reason, or undefined. */
function datesProblem(submittedAt: string | undefined, confirmedAt: string | undefined): string | undefined {
  if (confirmedAt && !submittedAt) return t('steps.4.confirmedBeforeSubmitted');
  if (confirmedAt && submittedAt && localDay(confirmedAt) < localDay(submittedAt)) {
    return t('steps.4.confirmedEarly', { submitted: formatDate(submittedAt), confirmed: formatDate(confirmedAt) });
  }
  return undefined;
}

function checkDates(submittedAt: string | undefined, confirmedAt: string | undefined): void {
  const problem = datesProblem(submittedAt, confirmedAt);
  if (problem) throw new UsageError(problem);
}

/**
 * The sent and confirmed dates as a pair: a pair that does not fit together is explained and asked
 * again as a pair (interactively; a pair given by flag or answers file is a usage error instead).
 */
async function askDates(ctx: StepContext, change: boolean): Promise<{ submittedAt: string | undefined; confirmedAt: string | undefined }> {
  // The second round offers what was typed in the first as the default.
  let previous: { submittedAt?: string | undefined; confirmedAt?: string | undefined } = ctx.store.profile().asr;
  let again = change;
  for (;;) {
    const submittedAt = await askDate(ctx, INPUTS.asrSubmitted, previous.submittedAt, t('steps.4.askSubmitted'), again);
    const confirmedAt = submittedAt
      ? await askDate(ctx, INPUTS.asrConfirmed, previous.confirmedAt, t('steps.4.askConfirmed'), again)
      : ctx.inputs.given(INPUTS.asrConfirmed);
    const problem = datesProblem(submittedAt, confirmedAt);
    if (!problem) return { submittedAt, confirmedAt };
    const given = ctx.inputs.has(INPUTS.asrSubmitted) || ctx.inputs.has(INPUTS.asrConfirmed);
    if (!ctx.inputs.interactive || given) throw new UsageError(problem);
    ctx.out.warn(`${problem} ${t('steps.4.datesAgain')}`);
    previous = { submittedAt, confirmedAt };
    again = true;
  }
}

export const step4: Step = {
  id: '4',
  title: () => t('steps.4.title'),
  needs(profile): InputDef[] {
    const found = defaults(profile);
    return [
      ...(found.companyName === undefined ? [INPUTS.asrCompanyName] : []),
      ...(found.requestEmail === undefined ? [INPUTS.asrRequestEmail] : []),
      ...(found.userName === undefined ? [INPUTS.asrUserName] : []),
      ...(profile.environmentCode === undefined ? [INPUTS.environmentCode] : []),
    ];
  },
  validate(profile): void {
    checkDates(profile.asr.submittedAt, profile.asr.confirmedAt);
  },
  async run(ctx): Promise<StepResult> {
    const { out, store } = ctx;
    out.info(t('steps.4.intro', { url: LINKS.asrSignup }));
    const { details, reask } = await askDetails(ctx);
    const environmentCode = await askEnvironmentCode(ctx);
    out.result(summary(details, environmentCode));
    await offerToOpen(ctx, LINKS.asrSignup, t('steps.link.asrSignup'));

    const { submittedAt, confirmedAt } = await askDates(ctx, reask);
    saveAnswer(store, '4', ctx.now(), (draft) => {
      if (submittedAt) draft.asr.submittedAt = submittedAt;
      if (confirmedAt) draft.asr.confirmedAt = confirmedAt;
      else delete draft.asr.confirmedAt;
    });

    if (confirmedAt) {
      finishStep(store, '4', 'done', ctx.now());
      return { state: 'done', summary: t('steps.4.done', { date: formatDate(confirmedAt) }) };
    }
    const note = submittedAt ? t('steps.4.waitForConfirmation', { date: formatDate(submittedAt) }) : t('steps.4.notSubmittedNext');
    finishStep(store, '4', 'in-progress', ctx.now(), note);
    return { state: 'in-progress', summary: note };
  },
};
