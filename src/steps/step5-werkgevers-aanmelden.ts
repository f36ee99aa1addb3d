/**
 * Stap 5 — Aanmelden werkgevers. Only after a.s.r. confirmed the sign-up (step 4). Each employer
 * must first have requested the salariskoppeling at a.s.r.; then the office signs it up. The tool
 * lists the employers from Loket with their loonheffingennummers (E4b), lets the user pick them, and
 * tracks requested → signed-up → confirmed (or excluded). Signing up is refused for an employer whose
 * link the API does not show (and nobody confirmed by hand), and while Loket has not confirmed the
 * webservicepartij's authorization — unless forced with a recorded reason (src/domain/employers.ts).
 */
import {
  applyEmployerStatus,
  employerStatusLabel,
  findEmployer,
  signUpBlocker,
  skipsRequested,
  sortedEmployers,
  statusBlocker,
  step5Outcome,
  type SetupCheck,
} from '../domain/index.js';
import { UsageError } from '../errors.js';
import { LINKS } from '../domain/links.js';
import { t } from '../i18n/index.js';
import { EMPLOYER_STATUSES, type EmployerRecord, type EmployerStatus, type Profile } from '../store/index.js';
import type { Choice } from '../ui/prompt.js';
import { employerChoices, selectionSummary } from '../ui/selection.js';
import { renderTable, type Column } from '../ui/table.js';
import { validateDate, validatePayrollTaxNumber, validateRequiredText } from '../validate/index.js';
import type { AnswersFile } from './answers.js';
import type { StepContext, Step, StepResult } from './context.js';
import { finishStep, offerToOpen, runCheck } from './shared.js';

const STATUSES = EMPLOYER_STATUSES;
const DONE = Symbol('done');

/** A key that looks like a loonheffingennummer (digits, a letter, digits) must be a valid one. */
const LOOKS_LIKE_PAYROLL_TAX_NUMBER = /^[\d\s.-]{6,}[a-z][\d\s]*$/i;

/**
 * Step 5's part of the answers file, checked before anything runs: loonheffingennummers pass the
 * 11-proef, dates are dates, and `force` comes with a reason. Every problem is one line naming its
 * JSON path, so a file with three mistakes is fixed in one go.
 */
export function employerAnswerProblems(answers: AnswersFile | undefined, now: Date = new Date()): string[] {
  const problems: string[] = [];
  const problem = (field: string, path: string, reason: string): void => void problems.push(`  - ${path} (${field}): ${reason}`);
  for (const [key, answer] of Object.entries(answers?.employers ?? {})) {
    if (LOOKS_LIKE_PAYROLL_TAX_NUMBER.test(key)) {
      const result = validatePayrollTaxNumber(key);
      if (!result.ok) problem(t('steps.5.payrollTaxNumber'), `employers.${key}`, result.reason);
    }
    if (answer.requestedAt !== undefined) {
      const date = validateDate(answer.requestedAt, now);
      if (!date.ok) problem(t('steps.5.requestedAt'), `employers.${key}.requestedAt`, date.reason);
    }
    if (answer.force && !answer.reason?.trim()) problem(t('steps.5.forceReason'), `employers.${key}.reason`, t('steps.5.reasonRequired'));
  }
  return problems;
}

const statusName = (status: EmployerStatus | undefined): string => (status ? t(`steps.5.status.${status}`) : t('steps.5.status.none'));

function reportPayrollTaxProblems(ctx: StepContext, check: SetupCheck): void {
  const problems = check.employers.flatMap((e) => e.problems.filter((p) => p.code === 'WAGE_TAX_NUMBER_MISSING' || p.code === 'WAGE_TAX_NUMBER_INVALID'));
  if (problems.length === 0) return;
  ctx.out.warn(t('steps.5.payrollTaxProblems', { count: problems.length }));
  ctx.out.info(problems.map((p) => `  - ${p.message}`).join('\n'));
  ctx.out.hint(problems[0]!.fix);
}

/** Non-interactive selection: the answers file's `employers` map, one saved change per employer. */
function applyAnswers(ctx: StepContext, answers: NonNullable<AnswersFile['employers']>): string[] {
  const { store } = ctx;
  // Resolve every key first: an unknown employer stops the run before any status is written.
  const resolved = Object.entries(answers).map(([key, answer]) => ({ key, answer, id: findEmployer(store.profile(), key)[0] }));
  const seen = new Map<string, string>();
  for (const { key, id } of resolved) {
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new UsageError(t('steps.5.duplicateKey', { first: earlier, second: key }));
    seen.set(id, key);
  }
  const refused: string[] = [];
  for (const { id, answer } of resolved) {
    // The employer's own request at a.s.r. comes first (the manual); a date for it records it.
    const requested = answer.requestedAt !== undefined ? validateDate(answer.requestedAt, ctx.now()) : undefined;
    if (requested?.ok && !store.profile().employers[id]!.history.some((entry) => entry.status === 'requested')) {
      store.update((draft) => applyEmployerStatus(draft, id, 'requested', { at: new Date(requested.value) }));
    }
    if (skipsRequested(store.profile(), id, answer.status)) warnSkipsRequested(ctx, store.profile().employers[id]!);
    try {
      store.update((draft) =>
        applyEmployerStatus(draft, id, answer.status, {
          at: ctx.now(),
          ...(answer.note !== undefined ? { note: answer.note } : {}),
          ...(answer.force ? { force: true } : {}),
          ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
        }),
      );
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      ctx.out.warn(error.message);
      if (error.hint) ctx.out.hint(error.hint);
      refused.push(id);
    }
  }
  return refused;
}

/** The manual: an employer first requests the salariskoppeling at a.s.r. (www.asr.nl/salariskoppeling). */
function warnSkipsRequested(ctx: StepContext, employer: Readonly<EmployerRecord>): void {
  ctx.out.warn(t('steps.5.skipsRequested', { company: employer.companyName, number: employer.employerNumber, url: LINKS.asrEmployerRequest }));
}

function employerLabel(profile: Readonly<Profile>, id: string, employer: Readonly<EmployerRecord>): string {
  const numbers = employer.payrollTaxNumbers.join(', ') || t('steps.5.noPayrollTaxNumber');
  const warning = signUpBlocker(profile, id) !== undefined ? '\u00a0⚠' : '';
  // The status in brackets stays on one line when the row breaks (no-break spaces).
  return `${employer.employerNumber}  ${employer.companyName}  ${numbers}  [${statusName(employer.status).replaceAll(' ', '\u00a0')}]${warning}`;
}

function matches(employer: Readonly<EmployerRecord>, term: string | undefined): boolean {
  if (!term?.trim()) return true;
  const text = term.trim().toLowerCase();
  const compact = text.replace(/[\s.-]/g, '').toUpperCase();
  return (
    employer.companyName.toLowerCase().includes(text) ||
    String(employer.employerNumber).includes(text) ||
    employer.payrollTaxNumbers.some((n) => n.includes(compact))
  );
}

type Action = 'toggle' | 'back' | EmployerStatus;

async function editEmployer(ctx: StepContext, id: string): Promise<void> {
  const { inputs, out, store } = ctx;
  const profile = store.profile();
  const employer = profile.employers[id]!;
  const blocker = signUpBlocker(profile, id);
  if (blocker !== undefined) out.info(t('steps.5.blockerInfo', { company: employer.companyName, reason: blocker }));
  const choices: Array<Choice<Action>> = [
    { name: t(employer.selected ? 'steps.5.deselect' : 'steps.5.select'), value: 'toggle' },
    ...STATUSES.map((status) => ({
      name: t('steps.5.setStatus', { status: statusName(status) }),
      value: status,
      ...(status === employer.status ? { disabled: t('steps.5.current') } : {}),
    })),
    { name: t('steps.5.back'), value: 'back' },
  ];
  const action = await inputs.select(t('steps.5.actionFor', { company: employer.companyName, number: employer.employerNumber }), choices);
  if (action === 'back') return;
  if (action === 'toggle') {
    store.update((draft) => {
      draft.employers[id]!.selected = !employer.selected;
    });
    return;
  }
  if (skipsRequested(profile, id, action)) warnSkipsRequested(ctx, employer);
  const gate = statusBlocker(profile, id, action);
  let reason: string | undefined;
  if (gate !== undefined) {
    out.warn(
      t('domain.blocker.refused', { company: employer.companyName, number: employer.employerNumber, status: employerStatusLabel(action), reason: gate }),
    );
    if (!(await inputs.confirm(undefined, t('steps.5.forceAsk'), false))) return;
    reason = await inputs.ask(t('steps.5.forceReason'), validateRequiredText);
  }
  store.update((draft) => applyEmployerStatus(draft, id, action, { at: ctx.now(), ...(reason !== undefined ? { force: true, reason } : {}) }));
}

/**
 * Interactively: the selection with the picker shared with `employers select` (src/ui/selection.ts),
 * each toggle saved at once, and what changed; then the status of any selected employer.
 */
async function pickInteractively(ctx: StepContext): Promise<void> {
  const profile = ctx.store.profile();
  const employers = sortedEmployers(profile);
  const choices = employerChoices(profile, (id, e) => employerLabel(profile, id, e));
  const before = employers.filter(([, e]) => e.selected).map(([id]) => id);
  const after = await ctx.inputs.pick({
    message: t('steps.5.pick'),
    choices,
    selected: before,
    onToggle: (id, selected) =>
      ctx.store.update((draft) => {
        draft.employers[id]!.selected = selected;
      }),
  });
  ctx.out.info(selectionSummary(choices, before, after));
  for (;;) {
    const now = ctx.store.profile();
    const selected = sortedEmployers(now).filter(([, e]) => e.selected);
    if (selected.length === 0) return;
    const done: Choice<typeof DONE> = { name: t('steps.5.pickDone', { selected: selected.length }), value: DONE };
    const choice = await ctx.inputs.search<string | typeof DONE>(t('steps.5.statusPick', { count: selected.length }), (term) => {
      const found = selected.filter(([, e]) => matches(e, term)).map(([id, e]) => ({ name: employerLabel(now, id, e), value: id }));
      // While searching, Enter takes the first match; "klaar" waits at the end.
      return term?.trim() ? [...found, done] : [done, ...found];
    });
    if (choice === DONE) return;
    await editEmployer(ctx, choice);
  }
}

/** The selected employers; with no selection yet, all of them, so there is something to choose from. */
function selectionTable(profile: Readonly<Profile>, width: number | undefined): string {
  const anySelected = Object.values(profile.employers).some((e) => e.selected);
  const rows = sortedEmployers(profile)
    .filter(([, e]) => e.selected || !anySelected)
    .map(([id, e]) => [
      String(e.employerNumber),
      e.companyName,
      e.payrollTaxNumbers.join(', '),
      statusName(e.status),
      signUpBlocker(profile, id) ?? t('steps.5.checksPass'),
    ]);
  const columns: Column[] = [
    { header: t('steps.5.column.number'), align: 'right' },
    { header: t('steps.5.column.company'), wrap: 'text', minWidth: 14 },
    { header: t('steps.5.column.payrollTaxNumbers'), wrap: 'words' },
    { header: t('steps.5.column.status'), wrap: 'text', minWidth: 12 },
    { header: t('steps.5.column.checks'), wrap: 'text', minWidth: 16 },
  ];
  return renderTable(columns, rows, width === undefined ? {} : { maxWidth: width });
}

export const step5: Step = {
  id: '5',
  title: () => t('steps.5.title'),
  // Nothing is mandatory: without a selection the step lists the employers and stays in progress.
  needs: () => [],
  async run(ctx): Promise<StepResult> {
    const { inputs, out, store } = ctx;
    const profile = store.profile();
    if (!profile.asr.confirmedAt) {
      const summary = t('steps.5.gated');
      out.warn(summary);
      return { state: 'todo', summary };
    }
    const user = profile.webserviceUser;
    if (!user) {
      const summary = t('steps.5.noWebserviceUser');
      finishStep(store, '5', 'attention', ctx.now(), summary);
      return { state: 'attention', summary };
    }
    out.info(t('steps.5.intro', { url: LINKS.asrEmployerRequest }));
    out.info(t('steps.5.howTo', { url: LINKS.asrInstructions }));
    await offerToOpen(ctx, LINKS.asrInstructions, t('steps.link.asrInstructions'));
    const check = await runCheck(ctx, user, { wageTaxNumbers: 'all' });
    reportPayrollTaxProblems(ctx, check);

    const answers = inputs.employerAnswers();
    let refused: string[] = [];
    if (Object.keys(answers).length > 0) refused = applyAnswers(ctx, answers);
    else if (inputs.interactive) await pickInteractively(ctx);

    const after = store.profile();
    out.result(selectionTable(after, ctx.width));

    let { state, summary } = step5Outcome(after) ?? { state: 'in-progress' as const, summary: t('steps.5.nothingSelected') };
    if (refused.length > 0 && state !== 'attention') {
      state = 'attention';
      summary = t('steps.5.refusedNext', { count: refused.length });
    }
    finishStep(store, '5', state, ctx.now(), summary);
    return { state, summary };
  },
};
