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
import { defaultReportFile, lastCheckDir, lastCheckPath, loadLastCheck, renderReport } from '../report/index.js';
import type { Profile, StepId, StepState } from '../store/index.js';
import { writeResultFile } from '../ui/files.js';
import type { RunReport, Step, StepContext, StepOutcome } from './context.js';
import { progressLines } from './report.js';
import { applyToProfile, INPUT_LIST } from './inputs.js';
import { firstUnfinished, STEP_IDS } from '../domain/steps.js';
import { STEPS, stepById } from './registry.js';
import type { Inputs } from './resolver.js';

export type { RunReport, StepOutcome } from './context.js';

/**
 * Fail fast (style habit 4): every missing input of every step that will run, in one error, before
 * anything is written. Each step judges its needs on the profile as it will be once the inputs given
 * now are saved, so a value given for step 1 (the office name) counts as a default for step 4.
 */
export function preflight(ctx: StepContext, steps: readonly Step[]): void {
  const projected = projectInputs(ctx.store.profile(), ctx.inputs);
  const needed = steps.flatMap((step) => step.needs(projected));
  ctx.inputs.requireAll([...new Set(needed)]);
  for (const step of steps) step.validate?.(projected);
}

/** The profile as it will be once every input given now (flags, env, answers file) is saved. */
export function projectInputs(profile: Readonly<Profile>, inputs: Pick<Inputs, 'given'>): Profile {
  const projected = structuredClone(profile) as Profile;
  for (const input of INPUT_LIST) {
    const value = inputs.given(input);
    if (value !== undefined) applyToProfile(projected, input, input.kind === 'flag' ? value === 'true' : value);
  }
  return projected;
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
    // After going back to an earlier step: straight on to where the work stands.
    const resume = firstUnfinished(ctx.store.profile());
    if (resume !== undefined && Number(resume) > Number(current) + 1) {
      choices.push({ name: t('steps.wizard.menu.resume', { n: resume, title: title(resume) }), value: { action: 'run', step: resume } });
    }
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
  /** The menu's "open the report": the directory it is written to (default: the current one); it opens in ctx.browser. */
  report?: { dir?: string };
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
  // Coming back after days of waiting: first where things stand, whose move it is and since when.
  if (STEP_IDS.some((id) => before.steps[id].state !== 'todo')) {
    ctx.out.info(
      [
        t('steps.wizard.resume'),
        ...progressLines(before, { color: ctx.out.color, commandLine: ctx.commandLine, now: ctx.now() }).map((line) => (line ? `  ${line}` : line)),
      ].join('\n'),
    );
  } else if (current === undefined) ctx.out.info(t('core.status.allDone'));
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
function openReport(ctx: StepContext, target: { dir?: string }): void {
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
  if (ctx.browser.open(pathToFileURL(file).href)) ctx.out.info(t('report.opened'));
  else ctx.out.warn(t('report.openFailed', { file }));
}

/** `step <n>`: exactly that step, with the same fail-fast check of its inputs. */
export async function runOneStep(ctx: StepContext, id: StepId): Promise<RunReport> {
  const before = ctx.store.profile();
  const step = stepById(id);
  preflight(ctx, [step]);
  return { results: [await runStep(ctx, step)], before, stopped: false };
}
