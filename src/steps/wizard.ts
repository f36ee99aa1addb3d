/**
 * The wizard: runs the five steps from the registry. Interactively it resumes at the first
 * unfinished step and offers a menu after each (next / again / back / stop); non-interactively it
 * checks every input the remaining steps need before touching anything, then runs them in order
 * and stops at the first that is not done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from '../errors.js';
import { t } from '../i18n/index.js';
import { openBrowser } from '../loket/login-flow.js';
import { defaultReportFile, lastCheckDir, lastCheckPath, loadLastCheck, renderReport } from '../report/index.js';
import type { Profile, StepId, StepState } from '../store/index.js';
import { writeResultFile } from '../ui/files.js';
import type { AnswersFile } from './answers.js';
import type { Step, StepContext } from './context.js';
import { INPUTS, type InputDef } from './inputs.js';
import { firstUnfinished, stepStates, STEP_IDS } from './meta.js';
import { STEPS, stepById } from './registry.js';

export interface StepOutcome {
  step: StepId;
  state: StepState;
  summary: string;
}

export interface RunReport {
  results: StepOutcome[];
  /** The profile before the run, to show what was answered (answersFragment). */
  before: Readonly<Profile>;
  /** The user chose "stop" in the menu. */
  stopped: boolean;
}

/** Writes a given answer into the projected profile (a throw-away copy; the store validates real saves). */
function assignPath(target: object, key: string, value: string): void {
  const parts = key.split('.');
  let node = target as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

/**
 * Fail fast (style habit 4): every missing input of every step that will run, in one error, before
 * anything is written. Each step judges its needs on the profile as it will be once the inputs given
 * now are saved, so a value given for step 1 (the office name) counts as a default for step 4.
 */
export function preflight(ctx: StepContext, steps: readonly Step[]): void {
  const projected = structuredClone(ctx.store.profile()) as Profile;
  for (const input of Object.values(INPUTS) as InputDef[]) {
    const value = ctx.inputs.given(input);
    if (value !== undefined) assignPath(projected, input.key, value);
  }
  const needed = steps.flatMap((step) => step.needs(projected));
  ctx.inputs.requireAll([...new Set(needed)]);
  for (const step of steps) step.validate?.(projected);
}

async function runStep(ctx: StepContext, step: Step): Promise<StepOutcome> {
  ctx.out.info(`\n${ctx.out.color.bold(t('steps.wizard.header', { n: step.id, title: step.title() }))}`);
  const result = await step.run(ctx);
  const line = `${t(`core.status.state.${result.state}`)}: ${result.summary}`;
  if (result.state === 'done') ctx.out.success(line);
  else ctx.out.info(line);
  return { step: step.id, ...result };
}

type MenuChoice = { action: 'run'; step: StepId } | { action: 'stop' } | { action: 'report' };

async function menu(ctx: StepContext, current: StepId | undefined, lastState: StepState | undefined): Promise<MenuChoice> {
  const choices: Array<{ name: string; value: MenuChoice }> = [];
  const title = (id: StepId) => stepById(id).title();
  if (current === undefined) {
    // Everything is done: any step may be run again (e.g. after adding employers).
    for (const id of STEP_IDS) choices.push({ name: t('steps.wizard.menu.rerun', { n: id, title: title(id) }), value: { action: 'run', step: id } });
  } else {
    const next = STEP_IDS[Number(current)];
    if (next) choices.push({ name: t('steps.wizard.menu.next', { n: next, title: title(next) }), value: { action: 'run', step: next } });
    choices.push({ name: t('steps.wizard.menu.again', { n: current }), value: { action: 'run', step: current } });
    for (const earlier of STEP_IDS.slice(0, Number(current) - 1)) {
      choices.push({ name: t('steps.wizard.menu.back', { n: earlier, title: title(earlier) }), value: { action: 'run', step: earlier } });
    }
  }
  // Once a check is saved there is a report to show: the end of a session is a good moment for it.
  if (fs.existsSync(lastCheckPath(lastCheckDir(ctx.store), ctx.store.profileName))) choices.push({ name: t('report.menu.open'), value: { action: 'report' } });
  choices.push({ name: t('steps.wizard.menu.stop'), value: { action: 'stop' } });
  // After a step that is not done, "again" (fix it in Loket, then re-check) is the likely choice.
  const again = choices.find((c) => c.value.action === 'run' && c.value.step === current);
  const preferred = lastState !== undefined && lastState !== 'done' ? again : choices[0];
  return ctx.inputs.select(t('steps.wizard.menu.question'), choices, preferred?.value);
}

export interface WizardOptions {
  /** Interactive, with the menu after each step. */
  menu: boolean;
  /** The menu's "open the report": where it is written (default: the current directory) and how it is opened. */
  report?: ReportTarget;
}

interface ReportTarget {
  dir?: string;
  open?: (url: string) => boolean;
}

/**
 * The wizard. `menu`: interactive, with the menu after each step; otherwise every unfinished step
 * runs in order until one is not done.
 */
export async function runWizard(ctx: StepContext, options: WizardOptions): Promise<RunReport> {
  const before = ctx.store.profile();
  const results: StepOutcome[] = [];
  if (!options.menu) {
    const pending = STEPS.filter((step) => before.steps[step.id].state !== 'done');
    preflight(ctx, pending);
    for (const step of pending) {
      const outcome = await runStep(ctx, step);
      results.push(outcome);
      if (outcome.state !== 'done') break;
    }
    return { results, before, stopped: false };
  }

  let current = firstUnfinished(before);
  if (current === undefined) ctx.out.info(t('core.status.allDone'));
  let choice: MenuChoice = current === undefined ? await menu(ctx, undefined, undefined) : { action: 'run', step: current };
  while (choice.action === 'run') {
    current = choice.step;
    const outcome = await runStep(ctx, stepById(current));
    results.push(outcome);
    choice = await menu(ctx, current, outcome.state);
  }
  if (choice.action === 'report') openReport(ctx, options.report ?? {});
  return { results, before, stopped: true };
}

/** The report of the last check, as `loket-asr-setup report --open` would write and open it. */
function openReport(ctx: StepContext, target: ReportTarget): void {
  const check = loadLastCheck(lastCheckDir(ctx.store), ctx.store.profileName);
  if (!check) {
    ctx.out.warn(t('report.noCheck', { profile: ctx.store.profileName }));
    return;
  }
  const now = ctx.now();
  let file: string;
  try {
    file = writeResultFile(path.join(target.dir ?? '.', defaultReportFile('html', now)), renderReport(check, ctx.store.profile(), 'html', now));
  } catch (error) {
    // The session's progress is saved; a report that cannot be written is no reason to fail it.
    if (!(error instanceof CliError)) throw error;
    ctx.out.warn(`${error.message}${error.hint ? ` ${error.hint}` : ''}`);
    return;
  }
  ctx.out.info(t('report.written', { file }));
  if ((target.open ?? ((url: string) => openBrowser(url)))(pathToFileURL(file).href)) ctx.out.info(t('report.opened'));
  else ctx.out.warn(t('report.openFailed', { file }));
}

/** `step <n>`: exactly that step, with the same fail-fast check of its inputs. */
export async function runOneStep(ctx: StepContext, id: StepId): Promise<RunReport> {
  const before = ctx.store.profile();
  const step = stepById(id);
  preflight(ctx, [step]);
  return { results: [await runStep(ctx, step)], before, stopped: false };
}

/** The `--json` document of the wizard and `step` (README "JSON output"; additive changes only). */
export function runDocument(profile: Readonly<Profile>, results: StepOutcome[]) {
  const next = firstUnfinished(profile);
  return {
    steps: stepStates(profile),
    results,
    next: next
      ? { step: next, title: stepById(next).title(), command: `loket-asr-setup step ${next}`, ...(profile.steps[next].note ? { note: profile.steps[next].note } : {}) }
      : null,
  };
}

/** Five states and the next action, for the end of a run (stdout). */
export function runSummary(profile: Readonly<Profile>, color: { dim(text: string): string }): string {
  const marks: Record<StepState, string> = { todo: '○', 'in-progress': '◐', done: '●', attention: '▲' };
  const lines = [t('steps.wizard.summary')];
  for (const id of STEP_IDS) {
    const state = profile.steps[id].state;
    lines.push(`  ${marks[state]} ${id}. ${stepById(id).title()}  ${color.dim(`[${t(`core.status.state.${state}`)}]`)}`);
  }
  const next = firstUnfinished(profile);
  if (!next) lines.push('', t('core.status.allDone'));
  else {
    const note = profile.steps[next].note;
    lines.push('', t('core.status.next', { action: t('steps.next.run', { n: next, title: stepById(next).title() }) }));
    if (note) lines.push(`  ${note}`);
  }
  return lines.join('\n');
}

const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

/**
 * What this run answered, as an answers-file fragment (README "Answers file"): only values that
 * changed, so it can be pasted into answers.json for a later `--non-interactive` run. The store
 * holds no secrets, so neither can this.
 */
export function answersFragment(before: Readonly<Profile>, after: Readonly<Profile>): AnswersFile {
  const fragment: AnswersFile = {};
  const changed = <T>(a: T | undefined, b: T | undefined): b is T => b !== undefined && a !== b;

  const office: NonNullable<AnswersFile['office']> = {};
  for (const key of ['name', 'contactName', 'email', 'phone'] as const) {
    if (changed(before.office[key], after.office[key])) office[key] = after.office[key];
  }
  if (Object.keys(office).length) fragment.office = office;

  const tickets: NonNullable<AnswersFile['tickets']> = {};
  const wsp = { before: before.tickets.webservicepartij, after: after.tickets.webservicepartij };
  const webservicepartij: NonNullable<NonNullable<AnswersFile['tickets']>['webservicepartij']> = {};
  if (changed(wsp.before?.loketTicketNumber, wsp.after?.loketTicketNumber)) webservicepartij.loketTicketNumber = wsp.after!.loketTicketNumber;
  if (changed(wsp.before?.sentAt, wsp.after?.sentAt)) webservicepartij.sentAt = day(wsp.after!.sentAt);
  if (Object.keys(webservicepartij).length) tickets.webservicepartij = webservicepartij;
  const codeTicket = after.tickets.omgevingscode?.loketTicketNumber;
  if (changed(before.tickets.omgevingscode?.loketTicketNumber, codeTicket)) tickets.omgevingscode = { loketTicketNumber: codeTicket };
  if (Object.keys(tickets).length) fragment.tickets = tickets;

  if (changed(before.webserviceUser, after.webserviceUser)) fragment.webserviceUser = after.webserviceUser;
  if (changed(before.route, after.route)) fragment.route = after.route;
  const newConfirmations = after.confirmations.filter((c) => !before.confirmations.some((b) => b.at === c.at && b.subject === c.subject && b.employerId === c.employerId));
  if (newConfirmations.some((c) => c.subject === 'route')) fragment.routeConfirmed = true;
  if (changed(before.environmentCode, after.environmentCode)) fragment.environmentCode = after.environmentCode;
  const handChecked = newConfirmations.find((c) => c.subject === 'link' && c.reference);
  if (handChecked) fragment.acceptUnverifiable = handChecked.reference;
  if (changed(before.team, after.team)) fragment.team = after.team;
  const authorization = newConfirmations.find((c) => c.subject === 'authorization');
  if (authorization) fragment.authorization = { ...(authorization.reference ? { reference: authorization.reference } : {}), confirmedAt: day(authorization.at) };

  const asr: NonNullable<AnswersFile['asr']> = {};
  for (const key of ['companyName', 'requestEmail', 'userName'] as const) {
    if (changed(before.asr[key], after.asr[key])) asr[key] = after.asr[key];
  }
  for (const key of ['submittedAt', 'confirmedAt'] as const) {
    if (changed(before.asr[key], after.asr[key])) asr[key] = day(after.asr[key]);
  }
  if (Object.keys(asr).length) fragment.asr = asr;

  const employers: NonNullable<AnswersFile['employers']> = {};
  for (const [id, employer] of Object.entries(after.employers)) {
    if (!changed(before.employers[id]?.status, employer.status)) continue;
    const last = employer.history.at(-1);
    employers[String(employer.employerNumber)] = {
      status: employer.status,
      ...(last?.note ? { note: last.note } : {}),
      ...(last?.forced ? { force: true, reason: last.reason } : {}),
    };
  }
  if (Object.keys(employers).length) fragment.employers = employers;
  return fragment;
}

/**
 * The end of a wizard or `step` run: the `--json` document, or the five states and the next action;
 * after an interactive run also the answers fragment and the command that replays it unattended.
 */
export function printReport(ctx: StepContext, report: RunReport, replay: string): void {
  const profile = ctx.store.profile();
  if (ctx.out.json) {
    ctx.out.document(runDocument(profile, report.results));
    return;
  }
  ctx.out.result(`\n${runSummary(profile, ctx.out.color)}`);
  if (!ctx.inputs.interactive) return;
  const fragment = answersFragment(report.before, profile);
  if (Object.keys(fragment).length === 0) return;
  ctx.out.hint(`\n${t('steps.wizard.fragment', { command: replay })}`);
  ctx.out.hint(JSON.stringify(fragment, null, 2));
}
