/**
 * An in-memory LoketClient for the check model's tests: every answer is what the test says, every
 * refusal the ApiError the real client would throw (with its endpoint), and each call is counted.
 */
import { ApiError, AuthError } from '../../src/errors.js';
import type {
  ListResult,
  LoketAdministration,
  LoketAuthorizationModelItem,
  LoketClient,
  LoketEmployer,
  LoketEmployerMinimized,
  LoketEmployerUserRow,
  LoketProvider,
  LoketTeam,
  LoketTeamEmployer,
  LoketTeamUser,
  LoketUser,
  LoketUserAccount,
  RequestProgress,
} from '../../src/loket/client.js';
import type { EndpointId } from '../../src/loket/endpoints.js';
import { since } from '../../src/loket/http.js';

type Answer<T> = T | ApiError | AuthError;

export interface World {
  user?: LoketUser;
  providers?: LoketProvider[];
  employers: LoketEmployer[];
  providerEmployers?: Answer<LoketEmployerMinimized[]>;
  administrations?: Answer<LoketAdministration[]>;
  employerAdministrations?: Record<string, Answer<LoketAdministration[]>>;
  providerUsers?: Answer<LoketUserAccount[]>;
  userTeams?: Record<string, Answer<ListResult<LoketTeam>>>;
  providerTeams?: Answer<LoketTeam[]>;
  teamUsers?: Record<string, Answer<ListResult<LoketTeamUser>>>;
  teamEmployers?: Record<string, Answer<ListResult<LoketTeamEmployer>>>;
  providerEmployerUsers?: Answer<LoketEmployerUserRow[]>;
  linkedEmployers?: Record<string, Answer<LoketEmployerMinimized[]>>;
  employerUsers?: Record<string, Answer<LoketUserAccount[]>>;
  authorizationModel?: Answer<LoketAuthorizationModelItem[]>;
}

export const PROVIDER: LoketProvider = { id: 'prov-1', name: 'Administratiekantoor Test' };

export function refused(endpoint: EndpointId, status = 403): ApiError {
  return new ApiError(`refused ${endpoint} (${status})`, { method: 'GET', path: `/${endpoint}`, status, endpoint, bodyless: status !== 403 });
}

export function employer(n: number, name = `Werkgever ${n}`): LoketEmployer {
  return { id: `emp-${n}`, employerNumber: 20000 + n, companyName: name, chamberOfCommerceNumber: null, administrationNumber: null };
}

export function account(id: string, userName: string | null, extra: Partial<LoketUserAccount> = {}): LoketUserAccount {
  return { id, userName, loginMethod: 'Only via SSO', accessStatus: null, name: null, hasMultiFactorAuthentication: false, dateTimeLastLogin: null, ...extra };
}

export function team(id: string, description: string, extra: Partial<LoketTeam> = {}): LoketTeam {
  return { id, description, isLinked: true, numberOfLinkedUsers: null, numberOfLinkedEmployers: null, ...extra };
}

export function list<T>(items: T[], totalSize: number | null = items.length): ListResult<T> {
  return { items, totalSize };
}

export function teamEmployers(ids: number[], extra: Partial<LoketTeamEmployer> = {}): ListResult<LoketTeamEmployer> {
  return list(ids.map((n) => ({ id: `emp-${n}`, companyName: `Werkgever ${n}`, administrationNumber: null, isLinked: true, ...extra })));
}

export function payroll(employerId: string, wageTaxNumber: string | null): LoketAdministration {
  return {
    employerId,
    wageTaxNumber,
    isPayrollAdministration: true,
    description: 'Loonadministratie',
    startDate: '2020-01-01',
    endDate: null,
    clientNumber: 1,
  };
}

/** `network`: every answer comes a turn of the event loop later, as from a server, instead of at once. */
export function fakeClient(world: World, options: { network?: boolean } = {}): LoketClient & { calls: string[] } {
  const calls: string[] = [];
  const later = options.network ? () => new Promise<void>((resolve) => setImmediate(resolve)) : () => Promise.resolve();
  // Each call is one request (not a page of a list) to its observers, started at the call and settled when answered.
  const progress: RequestProgress = { started: 0, settled: 0, firstPages: 0, firstPagesSettled: 0, laterPages: 0 };
  const observers = new Set<(now: RequestProgress) => void>();
  const tell = () => observers.forEach((observer) => observer(progress));
  const answer = async <T>(name: string, value: Answer<T> | undefined, fallback: () => T): Promise<T> => {
    calls.push(name);
    progress.started++;
    tell();
    try {
      await later();
      if (value instanceof Error) throw value;
      return value ?? fallback();
    } finally {
      progress.settled++;
      tell();
    }
  };
  const byKey = <T>(name: string, table: Record<string, Answer<T>> | undefined, key: string, fallback: () => T) =>
    answer(`${name}:${key}`, table?.[key], fallback);
  return {
    calls,
    concurrency: 4,
    getUser: () => answer('E1', world.user, () => ({ name: 'J. de Vries', email: 'j@example.test', role: null })),
    providers: () => answer('E2', world.providers, () => [PROVIDER]),
    employers: () => answer('E3', world.employers, () => []),
    providerEmployers: () => answer('E3b', world.providerEmployers, () => world.employers),
    administrations: () => answer('E4b', world.administrations, () => []),
    employerAdministrations: (id) => byKey('E4', world.employerAdministrations, id, () => []),
    providerUsers: () => answer('E8', world.providerUsers, () => []),
    userTeams: (id) => byKey('E9', world.userTeams, id, () => list([])),
    providerTeams: () => answer('E13', world.providerTeams, () => []),
    teamUsers: (id) => byKey('E10', world.teamUsers, id, () => list([])),
    teamEmployers: (id) => byKey('E11', world.teamEmployers, id, () => list([])),
    providerEmployerUsers: () => answer('E12', world.providerEmployerUsers, () => []),
    linkedEmployers: (id) =>
      byKey('E15', world.linkedEmployers, id, () => {
        throw refused('E15', 404);
      }),
    employerUsers: (id) => byKey('E5', world.employerUsers, id, () => []),
    myAuthorizations: async () => [],
    authorizationModel: () => answer('E14', world.authorizationModel, () => []),
    probe: async () => ({}),
    versions: () => ({}),
    dumpDir: () => undefined,
    stats: () => ({ requests: calls.length, retries: 0, refreshes: 0, networkMs: 0 }),
    observe: (listener) => {
      const from = { ...progress };
      const observer = (now: RequestProgress) => listener(since(from, now));
      observers.add(observer);
      return () => void observers.delete(observer);
    },
    close: () => {},
  };
}
