/**
 * From a command's context to a step's (style habit 1): the answers file, the inputs, the session.
 * Apart from context.ts, so that commands which run no step do not load the steps' code.
 */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { loadAnswers, type AnswersFile } from '../steps/answers.js';
import type { StepContext } from '../steps/context.js';
import { Inputs } from '../steps/resolver.js';
import { employerAnswerProblems } from '../steps/step5-werkgevers-aanmelden.js';
import type { Prompter } from '../ui/prompt.js';
import type { CommandContext } from './context.js';

/** What a step context may be given instead of the command's own (the tests' next run on the same store). */
export interface StepOverrides {
  answers?: AnswersFile;
  local?: Record<string, unknown>;
  prompter?: Prompter;
}

/** From a command's context to a step's (style habit 1): the answers file, the inputs, the session. */
export function stepContext(ctx: CommandContext, overrides: StepOverrides = {}): StepContext {
  // Read and check the whole answers file first: a bad key stops the run before anything is written.
  const answers = overrides.answers ?? (ctx.options.answers !== undefined ? loadAnswers(ctx.options.answers) : undefined);
  const local = overrides.local ?? ctx.local;
  const inputs = new Inputs({ flags: local, env: ctx.env, ...(answers ? { answers } : {}) }, overrides.prompter ?? ctx.prompter, ctx.now);
  // …and every value in it: all mistakes in one message, not one per run.
  const problems = [...inputs.answerProblems(), ...employerAnswerProblems(answers, ctx.now())];
  if (problems.length) {
    throw new UsageError(`${t('steps.answers.invalid', { file: ctx.options.answers ?? '--answers' })}\n${problems.join('\n')}`, {
      hint: t('steps.answers.hint'),
    });
  }
  return {
    store: ctx.store(),
    inputs,
    out: ctx.out,
    loket: () => ctx.loket(),
    now: ctx.now,
    lang: ctx.options.lang,
    flags: { allowUnverifiable: local.allowUnverifiable === true },
    width: ctx.width,
    signal: ctx.signal,
    commandLine: ctx.commandLine,
    browser: ctx.browser,
  };
}

/** `--write-answers <file>` of the wizard and `step`, as printReport takes it. */
export function writeAnswers(ctx: CommandContext): { writeAnswers?: string } {
  return typeof ctx.local.writeAnswers === 'string' ? { writeAnswers: ctx.local.writeAnswers } : {};
}
