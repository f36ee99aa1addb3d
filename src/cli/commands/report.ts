/**
 * `report`: the last saved check as one HTML page (or Markdown for a CI job summary), offline —
 * from the file `verify` keeps beside the progress store, the store itself and the step overview.
 * It never calls Loket.nl and always exits 0 when it could write the report: `verify` is the
 * command that fails on drift.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { defaultReportFile, lastCheckDir, loadLastCheck, renderReport, type ReportFormat } from '../../report/index.js';
import { writeResultFile } from '../../ui/files.js';
import type { CommandContext } from '../run.js';

export async function run(ctx: CommandContext): Promise<void> {
  const store = ctx.store({ lock: false });
  const format: ReportFormat = ctx.local.format === 'markdown' ? 'markdown' : 'html';
  const out = typeof ctx.local.out === 'string' ? ctx.local.out : undefined;
  const toStdout = out === '-';
  if (toStdout && ctx.local.open === true) throw new UsageError(t('report.openStdout'));
  if (toStdout && ctx.out.json) throw new UsageError(t('report.jsonStdout'));

  // The check's problems and fixes are not in the progress store, so without a saved check there
  // is no honest report to make: say which command makes one.
  const check = loadLastCheck(lastCheckDir(store), store.profileName);
  if (!check) throw new UsageError(t('report.noCheck', { profile: store.profileName }), { hint: t('report.noCheckHint') });
  const now = ctx.now();
  const text = renderReport(check, store.profile(), format, now);
  if (toStdout) {
    ctx.out.result(text, { wrap: false });
    return;
  }

  const target = out ?? defaultReportFile(format, now);
  // GitHub gives each step a summary file to append to; overwriting it would drop earlier steps' summaries.
  const summary = ctx.env.GITHUB_STEP_SUMMARY;
  const append = format === 'markdown' && !!summary && path.resolve(summary) === path.resolve(target);
  const file = writeResultFile(target, text, { append });
  let opened = false;
  if (ctx.local.open === true) {
    opened = ctx.browser.open(pathToFileURL(file).href);
    if (opened) ctx.out.info(t('report.opened'));
    else ctx.out.warn(t('report.openFailed', { file }));
  }
  if (ctx.out.json) {
    ctx.out.document({ file, format, appended: append, opened, checkedAt: check.checkedAt, ok: check.ok });
    return;
  }
  if (append) ctx.out.info(t('report.appended', { file }));
  // The path alone on stdout, so a script can pick it up: `xdg-open "$(loket-asr-setup report)"`.
  ctx.out.result(file);
}
