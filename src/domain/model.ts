/**
 * The words of the check model (loket-api.md §6), shared by the checks, the wizard's steps and the
 * commands. Three results only (SPEC §2): pass, fail, unverifiable — never turn "cannot tell" into
 * either of the others.
 */
import type { CheckResult, Route, WebserviceUserKind } from '../store/schema.js';

export type { CheckResult, Route, WebserviceUserKind };

/** `error` decides a verdict (for required employers), `warning` is shown but never fails, `info` is a fact. */
export type Severity = 'error' | 'warning' | 'info';

export type ProblemCode =
  | 'USER_NOT_FOUND'
  | 'USER_LOOKUP_REFUSED'
  | 'USER_TWO_FACTOR'
  | 'NONE_REACHABLE'
  | 'REACH_UNVERIFIABLE'
  | 'NOT_LINKED'
  | 'LINK_UNVERIFIABLE'
  | 'TEAM_SHARED'
  | 'TEAM_EMPTY'
  | 'TEAM_UNREADABLE'
  | 'TEAM_COUNT_MISMATCH'
  | 'TEAM_NOT_FOUND'
  | 'TEAM_AMBIGUOUS'
  | 'TEAM_OPENS_UNSELECTED'
  | 'SELECTED_NOT_VISIBLE'
  | 'NOT_VISIBLE'
  | 'WAGE_TAX_NUMBER_MISSING'
  | 'WAGE_TAX_NUMBER_INVALID'
  | 'WAGE_TAX_NUMBERS_UNREADABLE';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: string;
  fix: string;
}

/** Which employers must be linked (loket-api.md §6). */
export type Scope =
  | { mode: 'selection'; ids: ReadonlySet<string> }
  | { mode: 'all' }
  /** No selection yet: only "at least one employer is reachable" is required. */
  | { mode: 'none' };

export type ScopeMode = Scope['mode'];

/** A refused or failed call, as the user should read it. */
export interface Refusal {
  endpoint: string;
  activity: string;
  status: number | null;
  /** The rights that grant the activity, from /authorizationmodel when readable. */
  rights: string[];
  reason: string;
}

export interface WebserviceUserFinding {
  userName: string;
  found: 'pass' | 'unverifiable';
  id: string | null;
  kind: WebserviceUserKind | null;
  /** Where it was found: E8 provider users, E10 a named team's users, E12 employer users. */
  source: 'E8' | 'E10' | 'E12' | null;
  loginMethod: string | null;
  accessStatus: string | null;
  twoFactor: boolean | null;
  lastLogin: string | null;
}

export interface TeamFinding {
  id: string;
  description: string;
  /** The webservice user is a linked member (false for a named team it is not in). */
  member: boolean;
  linkedEmployers: number | null;
  /** Linked users besides the webservice user; null when the team's users could not be read. */
  otherUsers: number | null;
  /** Its employer list was read completely and agrees with Loket's counters. */
  complete: boolean;
}

export interface EmployerFinding {
  id: string;
  employerNumber: number;
  companyName: string;
  chamberOfCommerceNumber: string | null;
  /** Valid loonheffingennummers (normalised); invalid ones are problems. */
  wageTaxNumbers: string[];
  /** False when the administrations could not be read for this employer (the numbers are then unknown, not absent). */
  wageTaxKnown: boolean;
  linked: CheckResult;
  required: boolean;
  /** How the link was seen: `team:<description>`, `employer-user`. */
  via: string[];
  problems: Problem[];
}

export interface CheckSummary {
  employers: number;
  linked: number;
  /** Required employers that are not linked. */
  failed: number;
  /** Required employers (or the webservice user, or "at least one") that could not be told. */
  unverifiable: number;
  warnings: number;
  /** Employers the logged-in user cannot see (E3b), when known. */
  notVisible?: number;
}

export interface SetupCheck {
  checkedAt: string;
  user: { name: string | null; email: string | null };
  provider: { id: string; name: string } | null;
  webserviceUser: WebserviceUserFinding;
  route: Route | null;
  teams: TeamFinding[];
  scope: ScopeMode;
  employers: EmployerFinding[];
  /** "At least one employer is reachable" (the manual's hard warning when not). */
  reachable: CheckResult;
  notVisible: number | null;
  /** Office-wide problems (the user, the teams, visibility). */
  problems: Problem[];
  refusals: Refusal[];
  summary: CheckSummary;
}
