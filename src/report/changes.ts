/**
 * What changed since the previous check (the last saved one, or `--baseline`): the employers that
 * are new, newly failing, newly fixed or gone. A CI job that runs every night should tell a person
 * what is different today, not make them diff two long lists.
 *
 * "Failing" is a required employer whose link is `fail` or `unverifiable` — the employers that make
 * `verify` exit 1 — so a change of scope (an employer signed up or excluded) shows up here too.
 * Employers are matched by Loket's id: numbers and names can be edited in Loket, ids cannot.
 */
import fs from 'node:fs';
import { UsageError } from '../errors.js';
import { fileProblem, jsonProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';
import type { ChangedEmployer, DocumentChanges as Changes } from '../domain/verify-document.js';
import { ComparableCheckSchema, readDocument, type ComparableCheck } from './document.js';

export type { ChangedEmployer, DocumentChanges as Changes } from '../domain/verify-document.js';

type Employer = ComparableCheck['employers'][number];

const failing = (employer: Employer | undefined): boolean =>
  employer !== undefined && employer.required && (employer.linked === 'fail' || employer.linked === 'unverifiable');

const entry = (employer: Employer): ChangedEmployer => ({ id: employer.id, employerNumber: employer.employerNumber, companyName: employer.companyName });

function problemCode(employer: Employer): string {
  return employer.problems.find((p) => p.severity === 'error')?.code ?? (employer.linked === 'fail' ? 'NOT_LINKED' : 'LINK_UNVERIFIABLE');
}

const byNumber = (a: ChangedEmployer, b: ChangedEmployer) => a.employerNumber - b.employerNumber || a.id.localeCompare(b.id);

export function compareChecks(previous: ComparableCheck | undefined, current: ComparableCheck): Changes {
  // A first run has nothing to compare with: calling every employer "new" would only be noise.
  if (!previous) return { since: null, new: [], newlyFailing: [], newlyFixed: [], gone: [] };
  const before = new Map(previous.employers.map((e) => [e.id, e]));
  const now = new Map(current.employers.map((e) => [e.id, e]));
  const changes: Changes = { since: previous.checkedAt, new: [], newlyFailing: [], newlyFixed: [], gone: [] };
  for (const employer of current.employers) {
    const earlier = before.get(employer.id);
    if (!earlier) changes.new.push(entry(employer));
    if (failing(employer) && !failing(earlier)) changes.newlyFailing.push({ ...entry(employer), problem: problemCode(employer) });
    if (earlier && failing(earlier) && !failing(employer)) changes.newlyFixed.push(entry(employer));
  }
  for (const employer of previous.employers) if (!now.has(employer.id)) changes.gone.push(entry(employer));
  for (const list of [changes.new, changes.newlyFailing, changes.newlyFixed, changes.gone]) list.sort(byNumber);
  return changes;
}

export function hasChanges(changes: Changes): boolean {
  return changes.new.length + changes.newlyFailing.length + changes.newlyFixed.length + changes.gone.length > 0;
}

export type Baseline = { kind: 'check'; check: ComparableCheck } | { kind: 'failed-run'; message: string };

/**
 * `--baseline <file>`: a previous `verify --json`. A previous run that itself failed (exit 3, 4…)
 * printed an error document instead; that is no check to compare with, but neither a reason to
 * stop tonight's run — the caller warns and compares with nothing. Anything else that is not a
 * verify document is a usage error naming the file and the field.
 */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(t('report.baseline.unreadable', { file, reason: fileProblem((error as NodeJS.ErrnoException).code) }), {
      hint: t('report.baseline.hint'),
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(t('report.baseline.invalid', { file, field: '(JSON)', reason: jsonProblem(text) ?? t('report.baseline.notJson') }), {
      hint: t('report.baseline.hint'),
    });
  }
  if (isErrorDocument(raw)) return { kind: 'failed-run', message: raw.error.message };
  const parsed = readDocument(ComparableCheckSchema, raw);
  if (!parsed.success) {
    const { field, reason } = parsed;
    throw new UsageError(t('report.baseline.invalid', { file, field, reason }), { hint: t('report.baseline.hint') });
  }
  return { kind: 'check', check: parsed.data };
}

function isErrorDocument(raw: unknown): raw is { error: { message: string } } {
  if (raw === null || typeof raw !== 'object' || 'checkedAt' in raw) return false;
  const error = (raw as { error?: unknown }).error;
  return error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string';
}
