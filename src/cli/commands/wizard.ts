/** No command: the wizard, resuming at the first unfinished step. */
import { ChecksFailedError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { buildStepContext } from '../../steps/build-context.js';
import { firstUnfinished } from '../../steps/meta.js';
import { printReport, runWizard } from '../../steps/wizard.js';
import type { CommandContext } from '../run.js';
import { replayCommand } from './step.js';

export async function run(ctx: CommandContext): Promise<void> {
  const stepCtx = buildStepContext(ctx);
  const report = await runWizard(stepCtx, { menu: ctx.interactive && !ctx.out.json });
  printReport(stepCtx, report, replayCommand(ctx));
  // Stopping from the menu is the user's choice; an unattended run that could not finish is not.
  if (!report.stopped && firstUnfinished(stepCtx.store.profile()) !== undefined) {
    throw new ChecksFailedError(t('steps.wizard.incomplete'), { hint: t('steps.wizard.incompleteHint') });
  }
}
