/** `step <n>`: run exactly one of the five steps; exit 0 when it is done, 1 otherwise. */
import { NotFinishedError, UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { isOneOf, STEP_IDS } from '../../store/index.js';
import { printReport } from '../../steps/report.js';
import { runOneStep } from '../../steps/wizard.js';
import { stepContext, writeAnswers } from '../step-context.js';
import type { CommandContext } from '../run.js';

export async function run(ctx: CommandContext, args: unknown[]): Promise<void> {
  const given = String(args[0] ?? '').trim();
  if (!isOneOf(STEP_IDS, given)) throw new UsageError(t('steps.wizard.badStep', { n: given }), { hint: t('steps.wizard.badStepHint') });
  const stepCtx = stepContext(ctx);
  const report = await runOneStep(stepCtx, given);
  printReport(stepCtx, report, { step: given, ...writeAnswers(ctx) });
  const outcome = report.results[0]!;
  if (outcome.state !== 'done')
    throw new NotFinishedError(t('steps.wizard.stepIncomplete', { n: outcome.step, state: t(`core.status.state.${outcome.state}`) }));
}
