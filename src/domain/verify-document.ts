/**
 * The `verify --json` document, v2 (SPEC §5; additive changes only once released). One builder, so
 * verify, the report and a dump's verdicts.json say the same thing.
 */
import type { Profile, StepId, StepState } from '../store/schema.js';
import { checkPassed } from './check.js';
import { authorizationConfirmation } from './employers.js';
import type { EmployerFinding, Problem, SetupCheck } from './model.js';

export interface VerifyDocumentOptions {
  environment: string;
  allowUnverifiable: boolean;
  steps: Record<StepId, StepState>;
  stats?: unknown;
  /** Where `--dump` wrote the answers of this run. */
  dumpDir?: string;
}

const problemDocument = (problem: Problem) => ({ code: problem.code, severity: problem.severity, message: problem.message, fix: problem.fix });

function employerDocument(finding: EmployerFinding) {
  return {
    id: finding.id,
    employerNumber: finding.employerNumber,
    companyName: finding.companyName,
    ...(finding.chamberOfCommerceNumber ? { chamberOfCommerceNumber: finding.chamberOfCommerceNumber } : {}),
    wageTaxNumbers: finding.wageTaxNumbers,
    linked: finding.linked,
    required: finding.required,
    via: finding.via,
    problems: finding.problems.map(problemDocument),
  };
}

/** The webservicepartij's authorization is a recorded confirmation, never an API verdict (loket-api.md §6.6). */
function authorizationDocument(profile: Readonly<Profile>) {
  const confirmation = authorizationConfirmation(profile);
  return confirmation
    ? {
        state: 'confirmed' as const,
        confirmedAt: confirmation.at.slice(0, 10),
        by: confirmation.by,
        ...(confirmation.reference ? { reference: confirmation.reference } : {}),
      }
    : { state: 'unconfirmed' as const };
}

export function verifyDocument(check: SetupCheck, profile: Readonly<Profile>, options: VerifyDocumentOptions) {
  const user = check.webserviceUser;
  return {
    ok: checkPassed(check, options.allowUnverifiable),
    checkedAt: check.checkedAt,
    environment: options.environment,
    user: check.user,
    provider: check.provider,
    webserviceUser: {
      userName: user.userName,
      found: user.found,
      id: user.id,
      kind: user.kind,
      source: user.source,
      loginMethod: user.loginMethod,
      accessStatus: user.accessStatus,
      twoFactor: user.twoFactor,
      lastLogin: user.lastLogin,
    },
    route: check.route,
    teams: check.teams.map((team) => ({
      id: team.id,
      description: team.description,
      member: team.member,
      linkedEmployers: team.linkedEmployers,
      otherUsers: team.otherUsers,
      complete: team.complete,
    })),
    authorization: authorizationDocument(profile),
    scope: check.scope,
    allowUnverifiable: options.allowUnverifiable,
    reachable: check.reachable,
    summary: check.summary,
    problems: check.problems.map(problemDocument),
    employers: check.employers.map(employerDocument),
    refused: check.refusals.filter((r) => r.status === 403).map((r) => ({ endpoint: r.endpoint, activity: r.activity, rights: r.rights })),
    steps: options.steps,
    ...(options.stats !== undefined ? { stats: options.stats } : {}),
    ...(options.dumpDir !== undefined ? { dump: { dir: options.dumpDir } } : {}),
  };
}

export type VerifyDocument = ReturnType<typeof verifyDocument>;
