/**
 * The words the HTML page, the Markdown summary and `verify`'s terminal output share, so a person
 * reads the same sentence in each. Plain text only: each renderer escapes for its own format.
 */
import { t, type MessageKey } from '../i18n/index.js';
import type { StepState } from '../store/schema.js';
import { formatDate, formatDateTime } from '../ui/time.js';
import type { ChangedEmployer, Changes } from './changes.js';
import type { ReportModel } from './model.js';
import type { StepOverview } from '../domain/overview.js';

export const CHANGE_KINDS = ['newlyFailing', 'newlyFixed', 'new', 'gone'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const stateLabel = (state: StepState): string => t(`core.status.state.${state}` as MessageKey);
export const linkLabel = (linked: 'pass' | 'fail' | 'unverifiable'): string => t(`report.link.${linked}`);
export const waitingLabel = (step: StepOverview): string => (step.waitingOn ? t(`report.waitingOn.${step.waitingOn}`) : '–');

/** "21-11-2026 (7 dag(en))" or "… (vandaag)", or "–" when nobody is waited on or the start is unknown. */
export function sinceLabel(step: StepOverview): string {
  if (step.since === null) return '–';
  if (step.days === null) return formatDate(step.since);
  return `${formatDate(step.since)} (${step.days === 0 ? t('report.today') : t('report.days', { days: step.days })})`;
}

export function authorizationLabel(model: ReportModel): string {
  const a = model.authorization;
  if (a.state !== 'confirmed') return t('report.authorization.unconfirmed');
  const parts = [t('report.authorization.confirmed', { date: formatDate(a.confirmedAt ? `${a.confirmedAt.slice(0, 10)}T00:00:00.000Z` : undefined) })];
  if (a.reference) parts.push(t('report.authorization.reference', { reference: a.reference }));
  return parts.join(', ');
}

export const employerLabel = (e: Pick<ChangedEmployer, 'employerNumber' | 'companyName'>): string => `${e.employerNumber} ${e.companyName}`;

/** "Sinds de vorige controle (21-11-2026 06:00): 1 nieuw niet in orde, 2 opgelost." — or the first-run line. */
export function changesHeadline(changes: Changes): string {
  if (changes.since === null) return t('report.changes.first');
  const date = formatDateTime(changes.since);
  const parts = CHANGE_KINDS.filter((kind) => changes[kind].length > 0).map((kind) => t(`report.changes.count.${kind}`, { count: changes[kind].length }));
  return parts.length ? t('report.changes.since', { date, parts: parts.join(', ') }) : t('report.changes.nothing', { date });
}

/** "20008 Installatiebedrijf …, 20023 …" with at most `limit` names, then "en nog 3". */
export function employerList(employers: readonly ChangedEmployer[], limit: number): string {
  const shown = employers.slice(0, limit).map(employerLabel);
  if (employers.length > limit) shown.push(t('report.changes.more', { count: employers.length - limit }));
  return shown.join(', ');
}

/** The lines `verify` prints after its summary: the headline and, per kind, the employers. */
export function changesLines(changes: Changes, limit = 10): string[] {
  const lines = [changesHeadline(changes)];
  for (const kind of CHANGE_KINDS) {
    if (changes[kind].length > 0) lines.push(`  ${t(`report.changes.${kind}`)}: ${employerList(changes[kind], limit)}`);
  }
  return lines;
}
