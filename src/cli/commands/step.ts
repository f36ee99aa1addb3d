/** `step <n>`: run exactly one of the five steps; exit 0 when it is done, 1 otherwise. */
import { ChecksFailedError, UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { StepIdSchema, type StepId } from '../../store/index.js';
import { buildStepContext } from '../../steps/build-context.js';
import { printReport, runOneStep } from '../../steps/wizard.js';
import type { CommandContext } from '../run.js';

/** The command that replays this run unattended from an answers file. */
export function replayCommand(ctx: CommandContext, step?: StepId): string {
  const parts = ['loket-asr-setup'];
  if (ctx.options.sandbox) parts.push('--sandbox');
  else if (ctx.options.profile !== 'default') parts.push('--profile', ctx.options.profile);
  if (step) parts.push('step', step);
  parts.push('--non-interactive', '--answers', 'answers.json');
  return parts.join(' ');
}

export async function run(ctx: CommandContext, args: unknown[]): Promise<void> {
  const given = String(args[0] ?? '').trim();
  const parsed = StepIdSchema.safeParse(given);
  if (!parsed.success) throw new UsageError(t('steps.wizard.badStep', { n: given }), { hint: t('steps.wizard.badStepHint') });
  const stepCtx = buildStepContext(ctx);
  const report = await runOneStep(stepCtx, parsed.data);
  printReport(stepCtx, report, replayCommand(ctx, parsed.data));
  const outcome = report.results[0]!;
  if (outcome.state !== 'done') throw new ChecksFailedError(t('steps.wizard.stepIncomplete', { n: outcome.step, state: t(`core.status.state.${outcome.state}`) }));
}
