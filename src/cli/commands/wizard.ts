/** No command: the wizard, resuming at the first unfinished step. */
import { NotFinishedError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { firstUnfinished } from '../../domain/steps.js';
import { printReport } from '../../steps/report.js';
import { runWizard } from '../../steps/wizard.js';
import { stepContext, writeAnswers } from '../step-context.js';
import type { CommandContext } from '../run.js';

export async function run(ctx: CommandContext): Promise<void> {
  const stepCtx = stepContext(ctx);
  const report = await runWizard(stepCtx, { menu: ctx.interactive && !ctx.out.json });
  printReport(stepCtx, report, writeAnswers(ctx));
  // Stopping from the menu is the user's choice; an unattended run that could not finish is not.
  if (!report.stopped && firstUnfinished(stepCtx.store.profile()) !== undefined) {
    throw new NotFinishedError(t('steps.wizard.incomplete'), { hint: t('steps.wizard.incompleteHint') });
  }
}
