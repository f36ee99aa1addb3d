/**
 * The end of a wizard or `step` run, and what `status` shows too: the `--json` document, the five
 * states with the next action, and the answers-file fragment that replays the run unattended
 * (derived from the inputs catalogue, so it holds exactly what the answers file can say).
 */
import { stepOverview } from '../domain/overview.js';
import { t } from '../i18n/index.js';
import { writeResultFile } from '../ui/files.js';
import { formatDate, localDay } from '../ui/time.js';
import { getByPath, setByPath, type Profile, type StepId, type StepState } from '../store/index.js';
import type { AnswersFile } from './answers.js';
import type { RunReport, StepContext, StepOutcome } from './context.js';
import { INPUT_LIST, valueFromProfile } from './inputs.js';
import { firstUnfinished, stepStates, stepTitle } from '../domain/steps.js';

/** The `--json` document of the wizard and `step` (README "JSON output"; additive changes only). */
export function runDocument(profile: Readonly<Profile>, results: StepOutcome[], commandLine: (...args: string[]) => string) {
  const next = firstUnfinished(profile);
  return {
    steps: stepStates(profile),
    results,
    next: next
      ? { step: next, title: stepTitle(next), command: commandLine('step', next), ...(profile.steps[next].note ? { note: profile.steps[next].note } : {}) }
      : null,
  };
}

type Paint = (text: string) => string;

/**
 * The five steps with their states, whose move it is and since when (src/domain/overview.ts), and
 * the next action — the end of a wizard run, the wizard's opening when it resumes, and `status`.
 * `stamp` adds when a step changed (status shows it; the wizard does not).
 */
export function progressLines(
  profile: Readonly<Profile>,
  options: {
    color: { dim: Paint; cyan: Paint; green: Paint; yellow: Paint };
    commandLine: (...args: string[]) => string;
    now: Date;
    stamp?: (id: StepId) => string;
  },
): string[] {
  const { color } = options;
  const marks: Record<StepState, string> = { todo: color.dim('○'), 'in-progress': color.cyan('◐'), done: color.green('●'), attention: color.yellow('▲') };
  const lines: string[] = [];
  for (const step of stepOverview(profile, options.now, options.commandLine)) {
    const when = options.stamp?.(step.id) ?? '';
    lines.push(`${marks[step.state]} ${step.id}. ${stepTitle(step.id)}  ${color.dim(`[${t(`core.status.state.${step.state}`)}]${when ? ` ${when}` : ''}`)}`);
    if (step.state === 'done' || step.state === 'todo') continue;
    if (step.waitingOn === 'loket' || step.waitingOn === 'asr') {
      const since = step.since
        ? ` ${t('steps.overview.since', { date: formatDate(step.since), days: step.days === 0 ? t('report.today') : t('report.days', { days: step.days ?? 0 }) })}`
        : '';
      const references = step.references.length ? ` · ${step.references.join(', ')}` : '';
      lines.push(`     ${color.yellow(t('steps.overview.waitingOn', { party: t(`report.waitingOn.${step.waitingOn}`) }))}${since}${references}`);
    }
    lines.push(`     ${color.dim(`→ ${step.next}`)}`);
  }
  const next = firstUnfinished(profile);
  if (!next) lines.push('', t('core.status.allDone'));
  else {
    const note = profile.steps[next].note;
    lines.push('', t('core.status.next', { action: t('steps.next.run', { n: next, title: stepTitle(next), command: options.commandLine('step', next) }) }));
    if (note) lines.push(`  ${note}`);
  }
  return lines;
}

/**
 * Everything the profile knows, as an answers file: every input that has a value, and step 5's
 * employers with their statuses (and the date they requested the salariskoppeling). It holds no
 * secret because the profile holds none. Replayed on a fresh machine it leads to the same progress.
 */
export function answersFrom(profile: Readonly<Profile>): AnswersFile {
  const answers: AnswersFile = {};
  for (const input of INPUT_LIST) {
    const value = valueFromProfile(profile, input);
    if (value !== undefined && value !== false) setByPath(answers, input.key, value);
  }
  const employers: NonNullable<AnswersFile['employers']> = {};
  for (const employer of Object.values(profile.employers)) {
    if (!employer.status) continue;
    const last = employer.history.at(-1);
    const requested = employer.history.find((entry) => entry.status === 'requested');
    employers[String(employer.employerNumber)] = {
      status: employer.status,
      ...(requested && employer.status !== 'requested' ? { requestedAt: localDay(requested.at) } : {}),
      ...(last?.note ? { note: last.note } : {}),
      ...(last?.forced ? { force: true, reason: last.reason } : {}),
    };
  }
  if (Object.keys(employers).length) answers.employers = employers;
  return answers;
}

/** What changed between two profiles, as an answers-file fragment (only the keys whose value changed). */
export function answersFragment(before: Readonly<Profile>, after: Readonly<Profile>): AnswersFile {
  const old = answersFrom(before);
  const now = answersFrom(after);
  const fragment: AnswersFile = {};
  for (const input of INPUT_LIST) {
    const value = getByPath(now, input.key);
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(getByPath(old, input.key))) setByPath(fragment, input.key, value);
  }
  const employers = Object.fromEntries(
    Object.entries(now.employers ?? {}).filter(([number, answer]) => JSON.stringify(answer) !== JSON.stringify(old.employers?.[number])),
  );
  if (Object.keys(employers).length) fragment.employers = employers;
  return fragment;
}

/**
 * `--write-answers <file>`: everything the profile knows as an answers file (answersFrom: no password,
 * token or secret — the profile holds none), 0600 because it names people; returns the path.
 */
export function writeAnswersFile(ctx: StepContext, file: string): string {
  return writeResultFile(file, `${JSON.stringify(answersFrom(ctx.store.profile()), null, 2)}\n`, { mode: 0o600 });
}

/**
 * The end of a wizard or `step` run: the `--json` document, or the five states and the next action;
 * after an interactive run also the answers fragment of this session, and how to write them all.
 * With `writeAnswers` the complete answers file is written first.
 */
export function printReport(ctx: StepContext, report: RunReport, options: { step?: StepId; writeAnswers?: string } = {}): void {
  const { step } = options;
  const written = options.writeAnswers !== undefined ? writeAnswersFile(ctx, options.writeAnswers) : undefined;
  const profile = ctx.store.profile();
  if (ctx.out.json) {
    ctx.out.document({ ...runDocument(profile, report.results, ctx.commandLine), ...(written ? { answersFile: written } : {}) });
    return;
  }
  ctx.out.result(['', t('steps.wizard.summary'), ...progressLines(profile, { color: ctx.out.color, commandLine: ctx.commandLine, now: ctx.now() })].join('\n'));
  const stepArgs = step ? ['step', step] : [];
  if (written) {
    ctx.out.info(t('steps.wizard.answersWritten', { file: written, command: ctx.commandLine(...stepArgs, '--non-interactive', '--answers', written) }));
    return;
  }
  if (!ctx.inputs.interactive) return;
  const fragment = answersFragment(report.before, profile);
  if (Object.keys(fragment).length === 0) return;
  ctx.out.hint(`\n${t('steps.wizard.fragment', { write: ctx.commandLine(...stepArgs, '--write-answers', 'answers.json') })}`);
  ctx.out.hint(JSON.stringify(fragment, null, 2), { wrap: false });
}
