/**
 * The report (issue 11): one model from the last saved check, the progress store and the step
 * overview, rendered as a self-contained HTML page or as Markdown for a CI job summary. Used by the
 * `report` command and by the wizard's "open the report" choice.
 */
import type { Profile } from '../store/schema.js';
import type { SavedCheck } from './document.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { reportModel } from './model.js';

export type ReportFormat = 'html' | 'markdown';

export function renderReport(check: SavedCheck, profile: Readonly<Profile>, format: ReportFormat, now: Date): string {
  const model = reportModel(check, profile, now);
  return format === 'html' ? renderHtml(model) : renderMarkdown(model);
}

/** `loket-asr-setup-rapport-2026-11-28.html`: the local date, so a daily run gets one file a day. */
export function defaultReportFile(format: ReportFormat, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `loket-asr-setup-rapport-${date}.${format === 'html' ? 'html' : 'md'}`;
}

export { keepLastCheck, lastCheckDir, lastCheckPath, loadLastCheck, saveLastCheck } from './last-check.js';
