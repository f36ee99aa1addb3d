/**
 * What each simulator scenario looks like, as plain data: which provider users exist, which teams
 * (authorization groups) hold which users and employers, where the webservice user lives, which
 * loonheffingennummers are wrong, which routes are refused and which faults are injected.
 * Employer facts are rules over the employer's index (0-based, in E3 order), so `large` never
 * holds its employers in memory. No heavy imports: src/cli/main.ts reads SCENARIO_NAMES for --help.
 *
 * Shared facts (every scenario):
 * - The provider "Administratiekantoor De Vries & Partners (fictief)"; the logged-in user is
 *   provider user "j.devries" (J. de Vries). E1 is that user; E3 lists the employers it can see.
 * - The webservice user's name is "Webservice#01"; the team to name with --team is "Benefits-Plaza".
 * - Provider users (E8): j.devries, m.visser, and an invited user (userName null, "S. de Boer"),
 *   plus Webservice#01 and p.jansen where a scenario says so.
 * - Team "Salarisadministratie" holds j.devries and m.visser (and p.jansen where listed) and every
 *   employer of E3.
 * - Employer users (E12/E5/E15): "m.bakker" (employers #1 and #3), an invited employer user with
 *   userName null (employer #5), and one local employer user at every employer whose index is a
 *   multiple of 3 (userName "<initial>.<name>.<employerNumber>"). Employers beyond the count are
 *   dropped from those lists.
 * - Every administration's wageTaxNumber passes the 11-proef unless listed below; employers whose
 *   index is a multiple of 4 have a second (payroll, L02) administration unless listed below.
 *
 * Employer numbers are 20001 + 3 × index + (0…2), so "employer #n" below is index n in E3 order.
 */
export type ScenarioName = 'default' | 'all-good' | 'none-linked' | 'werkgevergebruiker' | 'hidden-user' | 'team-read-fails' | 'no-rights' | 'flaky' | 'large';

export const SCENARIO_NAMES: readonly ScenarioName[] = [
  'default',
  'all-good',
  'none-linked',
  'werkgevergebruiker',
  'hidden-user',
  'team-read-fails',
  'no-rights',
  'flaky',
  'large',
];

export type RouteName = 'E1' | 'E2' | 'E3' | 'E3b' | 'E4' | 'E4b' | 'E5' | 'E7' | 'E8' | 'E9' | 'E10' | 'E11' | 'E12' | 'E13' | 'E14' | 'E15';

export type Fault = 502 | 503 | 504 | 429 | 'reset';
export const SERVER_FAULTS: readonly Fault[] = [502, 503, 504, 'reset'];

export const WEBSERVICE_USER_NAME = 'Webservice#01';
export const TEAM_NAME = 'Benefits-Plaza';

/** The provider users a scenario can have; see world.ts for who they are. */
export type ProviderUserKey = 'loggedIn' | 'webservice' | 'jansen' | 'visser' | 'invited';

/**
 * A set of employer indices, over all employers of the provider (E3's, then E3b's extra ones):
 * every visible employer, every visible one but some, a range [from, to) of them, or none.
 */
export type EmployerSet = { kind: 'all' } | { kind: 'allExcept'; indices: readonly number[] } | { kind: 'range'; from: number; to?: number } | { kind: 'none' };

export interface TeamSpec {
  description: string;
  members: readonly ProviderUserKey[];
  employers: EmployerSet;
  /** E11 of this team answers 500 without a body, every time. */
  employerListFails?: boolean;
  /** The authorization set (rights) of the team, or none. */
  authorizationSet?: string;
}

export interface Scenario {
  /** Employers the logged-in user can see (E3); --employers overrides it. */
  employers: number;
  /** Extra employers of the provider that only E3b lists (in no team, refused with 403 elsewhere). */
  hiddenEmployers: number;
  providerUsers: readonly ProviderUserKey[];
  teams: readonly TeamSpec[];
  /** Where Webservice#01 is: a provider user, an employer user, or nowhere in any user list. */
  webserviceUser: 'provider' | 'employer' | 'absent';
  /** werkgevergebruiker: the employers (indices) the employer user Webservice#01 is linked to. */
  webserviceUserEmployers?: readonly number[];
  /** Employer indices whose payroll administration has wageTaxNumber null. */
  missingWageTaxNumber?: readonly number[];
  /** Employer indices whose payroll administration's wageTaxNumber fails the 11-proef. */
  invalidWageTaxNumber?: readonly number[];
  /** Which employers have a second administration: every n-th index, or exactly these. */
  secondAdministration: { every: number } | { at: readonly number[] };
  /** Of those, the ones whose second administration is not a payroll administration. */
  nonPayrollSecondAdministration?: readonly number[];
  /** Routes that answer 403 (the logged-in user lacks the right). */
  forbidden?: readonly RouteName[];
  /** Share of API GETs that fail, and how. */
  faults?: { rate: number; kinds: readonly Fault[] };
}

const SALARISADMINISTRATIE: TeamSpec = {
  description: 'Salarisadministratie',
  members: ['loggedIn', 'visser'],
  employers: { kind: 'all' },
  authorizationSet: 'Salarisadministrateur',
};

/**
 * 12 employers, all in team "Benefits-Plaza" whose only member is the provider user
 * Webservice#01; every loonheffingennummer valid; E3b = E3; employers #0, #4, #8 have two
 * payroll administrations.
 */
const ALL_GOOD: Scenario = {
  employers: 12,
  hiddenEmployers: 0,
  providerUsers: ['loggedIn', 'webservice', 'visser', 'invited'],
  teams: [{ description: TEAM_NAME, members: ['webservice'], employers: { kind: 'all' } }, SALARISADMINISTRATIE],
  webserviceUser: 'provider',
  secondAdministration: { every: 4 },
};

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  /**
   * The AK route with one of everything: 12 employers in E3 plus 1 (#12) that only E3b lists.
   * Provider users: j.devries, Webservice#01 (loginMethod 3 "Only via SSO", no MFA), p.jansen,
   * m.visser, the invited user. Teams (E13 order):
   * - "Benefits-Plaza": Webservice#01 and p.jansen (2 users); the 10 employers #0–#11 except #2
   *   and #7.
   * - "Salarisadministratie": j.devries, p.jansen, m.visser (3 users); all 12 employers.
   * - "Oud team": m.visser (1 user); no employers.
   * Employer #4's payroll administration has wageTaxNumber null, #9's fails the 11-proef.
   * Employers #0 and #10 have two administrations: #0 a second payroll one (valid, L02), #10 a
   * non-payroll one (isPayrollAdministration false, wageTaxNumber and clientNumber null).
   */
  default: {
    employers: 12,
    hiddenEmployers: 1,
    providerUsers: ['loggedIn', 'webservice', 'jansen', 'visser', 'invited'],
    teams: [
      { description: TEAM_NAME, members: ['webservice', 'jansen'], employers: { kind: 'allExcept', indices: [2, 7] } },
      { ...SALARISADMINISTRATIE, members: ['loggedIn', 'jansen', 'visser'] },
      { description: 'Oud team', members: ['visser'], employers: { kind: 'none' } },
    ],
    webserviceUser: 'provider',
    missingWageTaxNumber: [4],
    invalidWageTaxNumber: [9],
    secondAdministration: { at: [0, 10] },
    nonPayrollSecondAdministration: [10],
  },
  'all-good': ALL_GOOD,
  /** As all-good, but team "Benefits-Plaza" has no members: Webservice#01 is in no team. */
  'none-linked': {
    ...ALL_GOOD,
    teams: [{ description: TEAM_NAME, members: [], employers: { kind: 'all' } }, SALARISADMINISTRATIE],
  },
  /**
   * Webservice#01 is not a provider user but an employer user (loginMethod 3 "Only via SSO"),
   * linked to employers #0, #4 and #9 of 12 ("Toevoegen bestaande gebruiker"): E12 has a row for
   * each, E5 of those employers lists it, E15 with its id lists those 3. No team holds it, and
   * there is no team "Benefits-Plaza" (E13: only "Salarisadministratie"). Numbers all valid.
   */
  werkgevergebruiker: {
    ...ALL_GOOD,
    providerUsers: ['loggedIn', 'visser', 'invited'],
    teams: [SALARISADMINISTRATIE],
    webserviceUser: 'employer',
    webserviceUserEmployers: [0, 4, 9],
  },
  /**
   * Webservice#01 is in no user list (not in E8, E10, E12, E5). Team "Benefits-Plaza" exists with
   * p.jansen as its only member and the 10 employers #0–#11 except #2 and #7. Numbers all valid.
   */
  'hidden-user': {
    ...ALL_GOOD,
    providerUsers: ['loggedIn', 'jansen', 'visser', 'invited'],
    teams: [{ description: TEAM_NAME, members: ['jansen'], employers: { kind: 'allExcept', indices: [2, 7] } }, SALARISADMINISTRATIE],
    webserviceUser: 'absent',
  },
  /**
   * Webservice#01 (provider user) is the only member of two teams: "Benefits-Plaza" (employers
   * #0–#7, reads fine) and "Benefits-Plaza Noord" (#8–#11), whose E11 answers 500 without a body
   * every time. Numbers all valid.
   */
  'team-read-fails': {
    ...ALL_GOOD,
    teams: [
      { description: TEAM_NAME, members: ['webservice'], employers: { kind: 'range', from: 0, to: 8 } },
      { description: `${TEAM_NAME} Noord`, members: ['webservice'], employers: { kind: 'range', from: 8 }, employerListFails: true },
      SALARISADMINISTRATIE,
    ],
  },
  /**
   * all-good's data, but the logged-in user gets 403 on E8, E9, E10, E11, E12, E13 (provider users
   * and teams) and on E15 and E5; E1, E2, E3, E3b, E4, E4b, E7 and E14 work (E7 leaves the refused
   * activities out).
   */
  'no-rights': { ...ALL_GOOD, forbidden: ['E8', 'E9', 'E10', 'E11', 'E12', 'E13', 'E15', 'E5'] },
  /**
   * all-good's data, but about 30% of API GETs fail: 502/503/504 (an HTML page, as a gateway
   * sends), 429 (no body, Retry-After: 1) or a dropped connection; never more than 3 failures in a
   * row for the same request.
   */
  flaky: { ...ALL_GOOD, faults: { rate: 0.3, kinds: [...SERVER_FAULTS, 429] } },
  /** all-good with 2,000 employers (--employers up to 10,000), all in team "Benefits-Plaza". */
  large: { ...ALL_GOOD, employers: 2000 },
};
