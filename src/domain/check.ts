/**
 * The check model of loket-api.md §6, used by the wizard's steps 2, 3 and 5 and by `verify`:
 *
 * 1. find the webservice user: provider users (E8) → the named team's users (E13 → E10) → employer users (E12);
 * 2. the employers it reaches: its linked teams' linked employers (E9 → E11), or E15 for an employer
 *    user (E5 per employer as the fallback) — never E12's rows as the set;
 * 3. team hygiene (E10: other users in the team, empty teams, teams that open unselected employers);
 * 4. loonheffingennummers from the one administrations list (E4b; E4 per employer as the fallback);
 * 5. employers the logged-in user cannot see (E3b).
 *
 * A `fail` only when everything it rests on was read completely; otherwise `unverifiable`, with the
 * reason. One failed request never aborts the run. The webservicepartij's authorization is never
 * judged here: no REST call shows it.
 */
import { t } from '../i18n/index.js';
import type { LoketClient, LoketEmployer, LoketProvider, LoketTeam, LoketTeamEmployer, LoketTeamUser, ListResult, RequestProgress } from '../loket/client.js';
import { mapPool } from '../loket/pool.js';
import { validatePayrollTaxNumber } from '../validate/index.js';
import type { CheckResult, EmployerFinding, Problem, Refusal, Route, Scope, SetupCheck, Severity, TeamFinding, WebserviceUserFinding } from './model.js';
import { describeRefusal, Refusals } from './refusals.js';
import { isRequired } from './scope.js';

export type CheckStage = 'login' | 'employers' | 'webserviceUser' | 'teams';

/** How far a check is: its requests to Loket.nl asked for and answered so far, the pages of lists among them. */
export type CheckProgress = RequestProgress;

export interface CheckInput {
  webserviceUser: string;
  /** A named team (`--team`, step 3): where to look when the user itself is not listed. */
  team?: string;
  /** The provider recorded earlier (step 1), when Loket lists several. */
  providerId?: string;
  scope: Scope;
  /** Loonheffingennummers: E4b, and when refused E4 for the required employers or for all (step 5 lists all). */
  wageTaxNumbers: 'none' | 'required' | 'all';
  /** E3b: count the employers the logged-in user cannot see. */
  visibility: boolean;
  signal?: AbortSignal;
  onStage?: (stage: CheckStage) => void;
  /**
   * Called after requests of the check started or were answered, at most once per turn of the event
   * loop: an answer is told together with the requests it leads to (page 1 of a list with pages 2…),
   * never as a moment when everything asked for so far is in. The last call comes before the result.
   */
  onProgress?: (progress: CheckProgress) => void;
  now?: () => Date;
}

const normalise = (name: string | null): string | null => (name === null ? null : name.trim().toLowerCase());

function problem(code: Problem['code'], severity: Severity, message: string, fix: string): Problem {
  return { code, severity, message, fix };
}

/** Only `isLinked === true` counts; an unflagged item only when the list's totalSize equals Loket's counter (§5). */
function linkedItems<T extends { isLinked: boolean | null }>(list: ListResult<T>, counter: number | null): { items: T[]; agrees: boolean } {
  const unflagged = list.items.filter((item) => item.isLinked === null);
  if (unflagged.length > 0) {
    const trusted = counter !== null && list.totalSize === counter;
    return { items: trusted ? list.items.filter((item) => item.isLinked !== false) : [], agrees: trusted };
  }
  const items = list.items.filter((item) => item.isLinked === true);
  return { items, agrees: counter === null || items.length === counter };
}

interface Lookup {
  finding: WebserviceUserFinding;
  /** Teams whose description matches the named team (E13), with whether the user was found in each. */
  namedTeams: Array<{ team: LoketTeam; member: boolean; users: ListResult<LoketTeamUser> | undefined }>;
  /** E13 answered: a named team that is not among them does not exist. */
  teamsRead: boolean;
  refusals: Refusal[];
}

function notFound(userName: string): WebserviceUserFinding {
  return { userName, found: 'unverifiable', id: null, kind: null, source: null, loginMethod: null, accessStatus: null, twoFactor: null, lastLogin: null };
}

async function findWebserviceUser(client: LoketClient, refusals: Refusals, provider: LoketProvider | null, input: CheckInput): Promise<Lookup> {
  const wanted = normalise(input.webserviceUser);
  const matches = (userName: string | null) => normalise(userName) === wanted;
  const failed: Refusal[] = [];
  const lookup: Lookup = { finding: notFound(input.webserviceUser), namedTeams: [], teamsRead: false, refusals: failed };
  if (!provider) return lookup;

  const providerUsers = await refusals.attempt('E8', () => client.providerUsers(provider.id, input.webserviceUser));
  if (providerUsers.ok) {
    const found = providerUsers.value.find((u) => matches(u.userName));
    if (found) {
      lookup.finding = {
        userName: input.webserviceUser,
        found: 'pass',
        id: found.id,
        kind: 'provider-user',
        source: 'E8',
        loginMethod: found.loginMethod,
        accessStatus: found.accessStatus,
        twoFactor: found.hasMultiFactorAuthentication,
        lastLogin: found.dateTimeLastLogin,
      };
      return lookup;
    }
  } else failed.push(providerUsers.refusal);

  if (input.team) {
    const wantedTeam = input.team.trim().toLowerCase();
    const teams = await refusals.attempt('E13', () => client.providerTeams(provider.id));
    if (!teams.ok) failed.push(teams.refusal);
    lookup.teamsRead = teams.ok;
    for (const team of teams.ok ? teams.value.filter((candidate) => candidate.description.trim().toLowerCase() === wantedTeam) : []) {
      const users = await refusals.attempt('E10', () => client.teamUsers(team.id));
      if (!users.ok) failed.push(users.refusal);
      const members = users.ok ? linkedItems(users.value, team.numberOfLinkedUsers).items : [];
      const member = members.find((u) => matches(u.userName));
      lookup.namedTeams.push({ team, member: member !== undefined, users: users.ok ? users.value : undefined });
      if (member && lookup.finding.found !== 'pass') {
        lookup.finding = { ...notFound(input.webserviceUser), found: 'pass', id: member.id, kind: 'team-user', source: 'E10' };
      }
    }
    if (lookup.finding.found === 'pass') return lookup;
  }

  const employerUsers = await refusals.attempt('E12', () => client.providerEmployerUsers(provider.id));
  if (employerUsers.ok) {
    const row = employerUsers.value.find((r) => matches(r.employerUser.userName));
    if (row) {
      lookup.finding = {
        ...notFound(input.webserviceUser),
        found: 'pass',
        id: row.employerUser.id,
        kind: 'employer-user',
        source: 'E12',
        loginMethod: row.employerUser.loginMethod,
      };
    }
  } else failed.push(employerUsers.refusal);
  return lookup;
}

interface Reach {
  /** Employer id → how it is reached. */
  via: Map<string, string[]>;
  /** Per-employer results decided one by one (the E5 fallback). */
  decided: Map<string, CheckResult>;
  /** Everything the set rests on was read completely: an employer outside it is a fail. */
  complete: boolean;
  /** Why it is not complete (for the employers that become unverifiable). */
  reason: string | null;
  teams: TeamFinding[];
  teamProblems: Problem[];
}

function addVia(via: Map<string, string[]>, employerId: string, how: string): void {
  const list = via.get(employerId);
  if (!list) via.set(employerId, [how]);
  else if (!list.includes(how)) list.push(how);
}

/** A provider user (or a named team's member): its linked teams' linked employers (E9 → E11). */
async function reachThroughTeams(client: LoketClient, refusals: Refusals, lookup: Lookup, userId: string): Promise<Reach> {
  const reach: Reach = { via: new Map(), decided: new Map(), complete: true, reason: null, teams: [], teamProblems: [] };
  const incomplete = (reason: string) => {
    reach.complete = false;
    reach.reason ??= reason;
  };
  const userName = lookup.finding.userName;
  const candidates: Array<{ team: LoketTeam; member: boolean | null; users?: ListResult<LoketTeamUser> }> = [];
  const teams = await refusals.attempt('E9', () => client.userTeams(userId));
  if (teams.ok) {
    for (const team of teams.value.items) {
      if (team.isLinked === false) continue;
      const named = lookup.namedTeams.find((n) => n.team.id === team.id);
      candidates.push({ team, member: team.isLinked === true ? true : null, ...(named?.users ? { users: named.users } : {}) });
    }
  } else {
    incomplete(describeRefusal(teams.refusal));
    // What the named-team lookup showed still counts; other teams stay unknown.
    for (const named of lookup.namedTeams.filter((n) => n.member))
      candidates.push({ team: named.team, member: true, ...(named.users ? { users: named.users } : {}) });
  }

  await mapPool(candidates, client.concurrency, async (candidate) => {
    const { team } = candidate;
    const users = candidate.users ? { ok: true as const, value: candidate.users } : await refusals.attempt('E10', () => client.teamUsers(team.id));
    let otherUsers: number | null = null;
    let member = candidate.member;
    if (users.ok) {
      const linked = linkedItems(users.value, team.numberOfLinkedUsers);
      if (linked.agrees) {
        const self = linked.items.some((u) => u.id === userId || normalise(u.userName) === normalise(userName));
        otherUsers = linked.items.filter((u) => !(u.id === userId || normalise(u.userName) === normalise(userName))).length;
        // E9 did not flag this team: its own user list decides.
        member ??= self;
      }
    }
    if (member === null) {
      incomplete(t('checks.reason.membershipUnknown', { team: team.description }));
      return;
    }
    if (!member) return;
    const finding: TeamFinding = { id: team.id, description: team.description, member: true, linkedEmployers: null, otherUsers, complete: false };
    reach.teams.push(finding);
    const employers = await refusals.attempt('E11', () => client.teamEmployers(team.id));
    if (!employers.ok) {
      incomplete(describeRefusal(employers.refusal));
      reach.teamProblems.push(
        problem(
          'TEAM_UNREADABLE',
          'warning',
          t('checks.teamUnreadable', { team: team.description, reason: describeRefusal(employers.refusal) }),
          t('checks.teamUnreadableFix'),
        ),
      );
      return;
    }
    const linked = linkedItems<LoketTeamEmployer>(employers.value, team.numberOfLinkedEmployers);
    if (!linked.agrees) {
      const reason = t('checks.reason.countMismatch', { team: team.description, counted: linked.items.length, counter: team.numberOfLinkedEmployers ?? '?' });
      incomplete(reason);
      reach.teamProblems.push(problem('TEAM_COUNT_MISMATCH', 'warning', reason, t('checks.teamUnreadableFix')));
      return;
    }
    finding.linkedEmployers = linked.items.length;
    finding.complete = true;
    for (const employer of linked.items) addVia(reach.via, employer.id, `team:${team.description}`);
  });
  reach.teams.sort((a, b) => a.description.localeCompare(b.description));
  return reach;
}

/** An employer user: E15 with its id; when refused, E5 per employer that matters. */
async function reachAsEmployerUser(client: LoketClient, refusals: Refusals, userId: string, userName: string, targets: LoketEmployer[]): Promise<Reach> {
  const reach: Reach = { via: new Map(), decided: new Map(), complete: true, reason: null, teams: [], teamProblems: [] };
  const linked = await refusals.attempt('E15', () => client.linkedEmployers(userId));
  if (linked.ok) {
    for (const employer of linked.value) addVia(reach.via, employer.id, 'employer-user');
    return reach;
  }
  reach.complete = false;
  reach.reason = describeRefusal(linked.refusal);
  await mapPool(targets, client.concurrency, async (employer) => {
    const users = await refusals.attempt('E5', () => client.employerUsers(employer.id));
    if (!users.ok) return;
    const found = users.value.some((u) => u.id === userId || normalise(u.userName) === normalise(userName));
    if (found) addVia(reach.via, employer.id, 'employer-user');
    else reach.decided.set(employer.id, 'fail');
  });
  return reach;
}

/** A named team the user was not found in: its employers are information, never a pass (§6.2). */
async function namedTeamsOnly(client: LoketClient, refusals: Refusals, lookup: Lookup, reason: string): Promise<Reach> {
  const reach: Reach = { via: new Map(), decided: new Map(), complete: false, reason, teams: [], teamProblems: [] };
  for (const { team } of lookup.namedTeams) {
    const finding: TeamFinding = { id: team.id, description: team.description, member: false, linkedEmployers: null, otherUsers: null, complete: false };
    reach.teams.push(finding);
    const employers = await refusals.attempt('E11', () => client.teamEmployers(team.id));
    if (!employers.ok) continue;
    const linked = linkedItems(employers.value, team.numberOfLinkedEmployers);
    finding.linkedEmployers = linked.agrees ? linked.items.length : null;
    finding.complete = linked.agrees;
    for (const employer of linked.items) addVia(reach.via, employer.id, `team:${team.description}`);
  }
  return reach;
}

/**
 * The payroll administrations' numbers per employer: E4b (one list for all employers) is asked at
 * once; only when it is refused does E4 run, per employer in `targets`, once the employers are known.
 */
async function wageTaxNumbers(
  client: LoketClient,
  refusals: Refusals,
  employers: Promise<LoketEmployer[]>,
  targets: (employers: LoketEmployer[]) => LoketEmployer[],
): Promise<{ byEmployer: Map<string, Array<string | null>>; refusal: Refusal | null }> {
  const byEmployer = new Map<string, Array<string | null>>();
  const add = (employerId: string, number: string | null) => {
    const list = byEmployer.get(employerId);
    if (list) list.push(number);
    else byEmployer.set(employerId, [number]);
  };
  const all = await refusals.attempt('E4b', () => client.administrations());
  const known = await employers;
  if (all.ok) {
    // The one list covers every employer: one without a payroll administration has none.
    for (const employer of known) byEmployer.set(employer.id, []);
    for (const administration of all.value) {
      if (administration.employerId === null || administration.isPayrollAdministration === false) continue;
      add(administration.employerId, administration.wageTaxNumber);
    }
    return { byEmployer, refusal: null };
  }
  await mapPool(targets(known), client.concurrency, async (employer) => {
    const one = await refusals.attempt('E4', () => client.employerAdministrations(employer.id));
    if (!one.ok) return;
    byEmployer.set(employer.id, []);
    for (const administration of one.value) if (administration.isPayrollAdministration !== false) add(employer.id, administration.wageTaxNumber);
  });
  return { byEmployer, refusal: all.refusal };
}

function wageTaxFindings(employer: LoketEmployer, numbers: Array<string | null> | undefined): { valid: string[]; problems: Problem[] } {
  if (numbers === undefined) return { valid: [], problems: [] };
  const names = { company: employer.companyName, number: employer.employerNumber };
  const valid = new Set<string>();
  const problems: Problem[] = [];
  for (const raw of numbers) {
    if (raw === null) continue;
    const result = validatePayrollTaxNumber(raw);
    if (result.ok) valid.add(result.value);
    else
      problems.push(
        problem('WAGE_TAX_NUMBER_INVALID', 'warning', t('checks.wageTaxInvalid', { ...names, value: raw, reason: result.reason }), t('checks.wageTaxFix')),
      );
  }
  if (numbers.every((n) => n === null)) problems.push(problem('WAGE_TAX_NUMBER_MISSING', 'warning', t('checks.wageTaxMissing', names), t('checks.wageTaxFix')));
  return { valid: [...valid], problems };
}

function routeOf(kind: WebserviceUserFinding['kind']): Route | null {
  if (kind === 'provider-user' || kind === 'team-user') return 'ak-team';
  if (kind === 'employer-user') return 'werkgevergebruiker';
  return null;
}

export async function checkSetup(client: LoketClient, input: CheckInput): Promise<SetupCheck> {
  const { onProgress } = input;
  if (!onProgress) return runChecks(client, input);
  let latest: CheckProgress | undefined;
  let pending: NodeJS.Immediate | undefined;
  const tell = () => {
    pending = undefined;
    if (latest) onProgress(latest);
    latest = undefined;
  };
  const stop = client.observe((progress) => {
    latest = progress;
    pending ??= setImmediate(tell);
  });
  try {
    return await runChecks(client, input);
  } finally {
    stop();
    if (pending) clearImmediate(pending);
    tell();
  }
}

async function runChecks(client: LoketClient, input: CheckInput): Promise<SetupCheck> {
  const now = input.now ?? (() => new Date());
  const refusals = new Refusals(client);
  input.onStage?.('login');
  // Everything that does not wait for another answer starts at once: the login (E1), the office
  // (E2), the employers (E3) and the administrations (E4b). E3 is the one the run cannot do without.
  const employersP = client.employers();
  const wageP =
    input.wageTaxNumbers === 'none'
      ? undefined
      : wageTaxNumbers(client, refusals, employersP, (all) => (input.wageTaxNumbers === 'all' ? all : all.filter((e) => isRequired(input.scope, e.id))));
  employersP.catch(() => {});
  wageP?.catch(() => {});
  const [user, providers] = await Promise.all([client.getUser(), client.providers()]);
  const found = providers.find((p) => p.id === input.providerId) ?? providers[0];
  const provider = found ? { id: found.id, name: found.name } : null;

  input.onStage?.('employers');
  const lookupP = findWebserviceUser(client, refusals, provider, input);
  const visibleP = input.visibility && provider ? refusals.attempt('E3b', () => client.providerEmployers(provider.id)) : undefined;
  lookupP.catch(() => {});
  visibleP?.catch(() => {});
  const employers = await employersP;
  const required = employers.filter((e) => isRequired(input.scope, e.id));

  input.onStage?.('webserviceUser');
  const lookup = await lookupP;
  const { finding } = lookup;
  const problems: Problem[] = [];
  const userName = finding.userName;

  input.onStage?.('teams');
  let reach: Reach;
  if (finding.found === 'pass' && finding.id && finding.kind === 'employer-user') {
    // With nothing required, the fallback looks for at least one employer it reaches.
    reach = await reachAsEmployerUser(client, refusals, finding.id, userName, required.length > 0 ? required : employers);
  } else if (finding.found === 'pass' && finding.id) {
    reach = await reachThroughTeams(client, refusals, lookup, finding.id);
  } else {
    const refused = lookup.refusals.filter((r) => r.status === 403);
    const reason = refused.length
      ? t('checks.reason.lookupRefused', { user: userName, refusals: refused.map(describeRefusal).join(' ') })
      : t('checks.reason.userNotFound', { user: userName });
    problems.push(
      refused.length
        ? problem('USER_LOOKUP_REFUSED', 'error', reason, t('checks.lookupRefusedFix'))
        : problem('USER_NOT_FOUND', 'error', reason, t('checks.userNotFoundFix', { user: userName })),
    );
    reach = await namedTeamsOnly(client, refusals, lookup, reason);
  }
  if (input.team && lookup.teamsRead && lookup.namedTeams.length === 0) {
    problems.push(problem('TEAM_NOT_FOUND', 'warning', t('checks.teamNotFound', { team: input.team }), t('checks.teamNotFoundFix')));
  }
  if (lookup.namedTeams.length > 1) {
    problems.push(
      problem('TEAM_AMBIGUOUS', 'info', t('checks.teamAmbiguous', { team: input.team ?? '', count: lookup.namedTeams.length }), t('checks.teamAmbiguousFix')),
    );
  }
  if (finding.twoFactor === true)
    problems.push(problem('USER_TWO_FACTOR', 'warning', t('checks.twoFactor', { user: userName }), t('checks.twoFactorFix', { user: userName })));

  const route = routeOf(finding.kind);
  const teamNames = reach.teams.filter((team) => team.member).map((team) => team.description);
  const notLinkedFix = (company: string): string =>
    route === 'werkgevergebruiker'
      ? t('checks.notLinkedFix.werkgevergebruiker', { user: userName, company })
      : teamNames.length
        ? t('checks.notLinkedFix.team', { company, team: teamNames.join(t('checks.or')) })
        : t('checks.notLinkedFix.noTeam', { user: userName, company });

  const wage = wageP ? await wageP : undefined;
  const visible = visibleP ? await visibleP : undefined;
  const findings: EmployerFinding[] = employers.map((employer) => {
    const isReq = isRequired(input.scope, employer.id);
    const via = reach.via.get(employer.id) ?? [];
    let linked: CheckResult;
    if (finding.found !== 'pass') linked = 'unverifiable';
    else if (via.length > 0) linked = 'pass';
    else linked = reach.decided.get(employer.id) ?? (reach.complete ? 'fail' : 'unverifiable');
    const names = { company: employer.companyName, number: employer.employerNumber, user: userName };
    const employerProblems: Problem[] = [];
    if (linked === 'fail') {
      employerProblems.push(
        problem(
          'NOT_LINKED',
          isReq ? 'error' : 'info',
          t(isReq ? 'checks.notLinked' : 'checks.notLinkedInfo', names),
          `${notLinkedFix(employer.companyName)} ${t('checks.cachingNote')}`,
        ),
      );
    } else if (linked === 'unverifiable') {
      const reason =
        via.length > 0 && finding.found !== 'pass'
          ? t('checks.reason.namedTeamOnly', { team: via.map((v) => v.replace(/^team:/, '')).join(', '), user: userName })
          : (reach.reason ?? '');
      employerProblems.push(
        problem('LINK_UNVERIFIABLE', isReq ? 'error' : 'info', t('checks.linkUnverifiable', { ...names, reason }), t('checks.linkUnverifiableFix')),
      );
    }
    const numbers = wageTaxFindings(employer, wage?.byEmployer.get(employer.id));
    employerProblems.push(...numbers.problems);
    return {
      id: employer.id,
      employerNumber: employer.employerNumber,
      companyName: employer.companyName,
      chamberOfCommerceNumber: employer.chamberOfCommerceNumber,
      wageTaxNumbers: numbers.valid,
      wageTaxKnown: wage?.byEmployer.has(employer.id) ?? false,
      linked,
      required: isReq,
      via,
      problems: employerProblems,
    };
  });

  problems.push(...reach.teamProblems);
  for (const team of reach.teams.filter((candidate) => candidate.member)) {
    if (team.otherUsers !== null && team.otherUsers > 0) {
      problems.push(
        problem(
          'TEAM_SHARED',
          'warning',
          t('checks.teamShared', { team: team.description, user: userName, count: team.otherUsers }),
          t('checks.teamSharedFix'),
        ),
      );
    }
    if (team.linkedEmployers === 0)
      problems.push(problem('TEAM_EMPTY', 'warning', t('checks.teamEmpty', { team: team.description }), t('checks.teamEmptyFix', { team: team.description })));
  }
  if (input.scope.mode === 'selection' && finding.found === 'pass') {
    const unselected = findings.filter((f) => f.linked === 'pass' && !f.required).length;
    if (unselected > 0)
      problems.push(
        problem('TEAM_OPENS_UNSELECTED', 'warning', t('checks.opensUnselected', { user: userName, count: unselected }), t('checks.opensUnselectedFix')),
      );
  }
  if (input.scope.mode === 'selection') {
    const shown = new Set(employers.map((e) => e.id));
    const gone = [...input.scope.ids].filter((id) => !shown.has(id)).length;
    if (gone > 0) problems.push(problem('SELECTED_NOT_VISIBLE', 'warning', t('checks.selectedGone', { count: gone }), t('checks.selectedGoneFix')));
  }
  let notVisible: number | null = null;
  if (visible?.ok) {
    const shown = new Set(employers.map((e) => e.id));
    notVisible = visible.value.filter((e) => !shown.has(e.id)).length;
    if (notVisible > 0) problems.push(problem('NOT_VISIBLE', 'warning', t('checks.notVisible', { count: notVisible }), t('checks.notVisibleFix')));
  }
  if (wage?.refusal && wage.byEmployer.size === 0 && (input.wageTaxNumbers === 'all' ? employers.length : required.length) > 0) {
    problems.push(
      problem('WAGE_TAX_NUMBERS_UNREADABLE', 'info', t('checks.wageTaxUnreadable', { reason: describeRefusal(wage.refusal) }), t('checks.wageTaxFix')),
    );
  }

  let reachable: CheckResult;
  if (finding.found !== 'pass') reachable = 'unverifiable';
  else if ([...reach.via.keys()].length > 0) reachable = 'pass';
  else if (reach.complete || (employers.length > 0 && employers.every((e) => reach.decided.get(e.id) === 'fail'))) reachable = 'fail';
  else reachable = 'unverifiable';
  if (reachable === 'fail')
    problems.push(problem('NONE_REACHABLE', 'error', t('checks.noneReachable', { user: userName }), t('checks.noneReachableFix', { user: userName })));
  if (reachable === 'unverifiable' && finding.found === 'pass') {
    problems.push(
      problem('REACH_UNVERIFIABLE', 'error', t('checks.reachUnverifiable', { user: userName, reason: reach.reason ?? '' }), t('checks.linkUnverifiableFix')),
    );
  }

  const requiredFindings = findings.filter((f) => f.required);
  const warnings = [...problems, ...findings.flatMap((f) => f.problems)].filter((p) => p.severity === 'warning').length;
  return {
    checkedAt: now().toISOString(),
    user,
    provider,
    webserviceUser: finding,
    route,
    teams: reach.teams,
    scope: input.scope.mode,
    employers: findings,
    reachable,
    notVisible,
    problems,
    refusals: refusals.list,
    summary: {
      employers: findings.length,
      linked: findings.filter((f) => f.linked === 'pass').length,
      failed: requiredFindings.filter((f) => f.linked === 'fail').length,
      unverifiable: requiredFindings.filter((f) => f.linked === 'unverifiable').length,
      warnings,
      ...(notVisible !== null ? { notVisible } : {}),
    },
  };
}

/**
 * SPEC §5: the webservice user found, every required employer linked, at least one reachable;
 * unverifiable counts against it unless the run allows it.
 */
export function checkPassed(check: SetupCheck, allowUnverifiable: boolean): boolean {
  const results: CheckResult[] = [check.webserviceUser.found, check.reachable, ...check.employers.filter((e) => e.required).map((e) => e.linked)];
  return !results.includes('fail') && (allowUnverifiable || !results.includes('unverifiable'));
}
