/**
 * One model for the report, rendered as HTML (for people, and print) and as Markdown (CI job
 * summaries), so both say the same thing: built from the last check (the `verify --json` document),
 * the progress store (the employers' a.s.r. statuses, the office) and the step overview. Figures
 * come from the document unchanged, so the page can be held against `verify --json` and
 * `status --json`.
 */
import { stepOverview, type StepOverview } from '../domain/overview.js';
import type { CheckResult, EmployerStatus, Profile } from '../store/schema.js';
import { stepTitle } from '../domain/steps.js';
import type { Changes } from './changes.js';
import type { SavedCheck } from './document.js';

export interface ReportProblem {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  fix: string;
}

export interface ReportEmployer {
  id: string;
  employerNumber: number;
  companyName: string;
  wageTaxNumbers: string[];
  linked: CheckResult;
  required: boolean;
  via: string[];
  /** The a.s.r. status from the progress store. */
  status: EmployerStatus | null;
  /** Errors and warnings; information is left out. */
  problems: ReportProblem[];
}

export interface ReportModel {
  generatedAt: string;
  checkedAt: string;
  ok: boolean;
  /** The office's name as recorded in step 1, else the provider's name in Loket. */
  office: string | null;
  provider: string | null;
  environment: string;
  webserviceUser: { name: string; found: 'pass' | 'unverifiable' };
  teams: string[];
  scope: SavedCheck['scope'];
  authorization: SavedCheck['authorization'];
  cards: { linked: number; toFix: number; unverifiable: number; confirmed: number; employers: number };
  /** The link of every employer the check saw. */
  loketBar: { linked: number; notLinked: number; unverifiable: number };
  /** The employers' sign-up at a.s.r. (step 5), from the progress store. */
  asrBar: Record<EmployerStatus, number>;
  /** Required and not linked, or with a warning: what someone has to do something about. */
  actions: ReportEmployer[];
  officeProblems: ReportProblem[];
  employers: ReportEmployer[];
  changes: Changes | null;
  steps: Array<StepOverview & { title: string }>;
}

const RANK: Record<CheckResult, number> = { fail: 0, unverifiable: 1, pass: 2 };

const needsAction = (e: ReportEmployer) => (e.required && e.linked !== 'pass') || e.problems.some((p) => p.severity !== 'info');

export function reportModel(check: SavedCheck, profile: Readonly<Profile>, now: Date): ReportModel {
  const employers: ReportEmployer[] = check.employers
    .map((e) => ({
      id: e.id,
      employerNumber: e.employerNumber,
      companyName: e.companyName,
      wageTaxNumbers: e.wageTaxNumbers,
      linked: e.linked,
      required: e.required,
      via: e.via.map((v) => v.replace(/^team:/, '')),
      status: profile.employers[e.id]?.status ?? null,
      problems: e.problems.filter((p) => p.severity !== 'info'),
    }))
    .sort((a, b) => a.employerNumber - b.employerNumber);
  const statuses = Object.values(profile.employers).map((e) => e.status);
  const countStatus = (status: EmployerStatus) => statuses.filter((s) => s === status).length;
  return {
    generatedAt: now.toISOString(),
    checkedAt: check.checkedAt,
    ok: check.ok,
    office: profile.office.name ?? check.provider?.name ?? null,
    provider: check.provider?.name ?? null,
    environment: check.environment,
    webserviceUser: { name: check.webserviceUser.userName, found: check.webserviceUser.found },
    teams: check.teams.filter((team) => team.member).map((team) => team.description),
    scope: check.scope,
    authorization: check.authorization,
    cards: {
      linked: check.summary.linked,
      toFix: check.summary.failed,
      unverifiable: check.summary.unverifiable,
      confirmed: countStatus('confirmed'),
      employers: check.summary.employers,
    },
    loketBar: {
      linked: check.employers.filter((e) => e.linked === 'pass').length,
      notLinked: check.employers.filter((e) => e.linked === 'fail').length,
      unverifiable: check.employers.filter((e) => e.linked === 'unverifiable').length,
    },
    asrBar: {
      requested: countStatus('requested'),
      'signed-up': countStatus('signed-up'),
      confirmed: countStatus('confirmed'),
      excluded: countStatus('excluded'),
    },
    actions: employers
      .filter(needsAction)
      .sort((a, b) => Number(b.required) - Number(a.required) || RANK[a.linked] - RANK[b.linked] || a.employerNumber - b.employerNumber),
    officeProblems: check.problems.filter((p) => p.severity !== 'info'),
    employers,
    changes: check.changes ?? null,
    steps: stepOverview(profile, now).map((step) => ({ ...step, title: stepTitle(step.id) })),
  };
}
