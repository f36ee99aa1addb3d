/** From a command's context to a step's (style habit 1): the answers file, the inputs, the session. */
import type { CommandContext } from '../cli/run.js';
import { terminalWidth } from '../ui/table.js';
import { loadAnswers } from './answers.js';
import type { StepContext } from './context.js';
import { Inputs } from './inputs.js';
import { validateEmployerAnswers } from './step5-werkgevers-aanmelden.js';

export function buildStepContext(ctx: CommandContext): StepContext {
  // Read and check the whole answers file first: a bad key stops the run before anything is written.
  const answers = ctx.options.answers !== undefined ? loadAnswers(ctx.options.answers) : undefined;
  validateEmployerAnswers(answers);
  const now = () => new Date();
  const flags = ctx.local;
  return {
    store: ctx.store(),
    inputs: new Inputs({ flags, env: ctx.env, ...(answers ? { answers } : {}) }, ctx.prompter, now),
    out: ctx.out,
    loket: () => ctx.loket(),
    now,
    lang: ctx.options.lang,
    flags: { allowUnverifiable: flags.allowUnverifiable === true },
    width: terminalWidth(),
    signal: ctx.signal,
  };
}
