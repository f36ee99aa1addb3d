/**
 * The Loket.nl API as loket-asr-setup uses it (loket-api.md §5): one method per endpoint, typed
 * answers, and the quirks of §2–§4 handled once — the Accept version per endpoint with its fallback,
 * the one-time `/v2` fallback, `filter` where it saves requests (with a fallback when refused), and
 * paged lists fetched in parallel. Every ApiError says which endpoint (and so which activity) it
 * concerns, so a refusal can be explained.
 */
import type * as v from 'valibot';
import { ApiError } from '../errors.js';
import { API_VERSION_PATH, ENDPOINTS, PATHS, type EndpointId } from './endpoints.js';
import { isStatus } from './errors.js';
import { createHttp, type HttpOptions, type HttpStats, type Query, type RequestProgress } from './http.js';
import { fetchList, type ListResult } from './paginate.js';
import { DEFAULTS } from '../env.js';
import { clampConcurrency } from './pool.js';
import {
  administration,
  authorization,
  authorizationModelItem,
  employer,
  employerMinimized,
  employerUserRow,
  listOf,
  parseAnswer,
  provider,
  team,
  teamEmployer,
  teamUser,
  user,
  userAnswer,
  type LoketAdministration,
  type LoketAuthorizationModelItem,
  type LoketEmployer,
  type LoketEmployerMinimized,
  type LoketEmployerUserRow,
  type LoketProvider,
  type LoketTeam,
  type LoketTeamEmployer,
  type LoketTeamUser,
  type LoketUser,
  type LoketUserAccount,
} from './schemas.js';

export type {
  LoketAdministration,
  LoketAuthorizationModelItem,
  LoketEmployer,
  LoketEmployerMinimized,
  LoketEmployerUserRow,
  LoketProvider,
  LoketTeam,
  LoketTeamEmployer,
  LoketTeamUser,
  LoketUser,
  LoketUserAccount,
  ListResult,
};
export type { RequestProgress, TokenSource } from './http.js';
export { isStatus } from './errors.js';

export type LoketClientOptions = HttpOptions;

export interface LoketClient {
  /** Requests in flight at most. */
  readonly concurrency: number;
  /** E1: who is logged in (name and e-mail; Loket gives no id or user name). */
  getUser(): Promise<LoketUser>;
  /** E2: the office (provider); Loket says there is always one. */
  providers(): Promise<LoketProvider[]>;
  /** E3: the employers the logged-in user can see. */
  employers(): Promise<LoketEmployer[]>;
  /** E3b: every employer of the provider, also those the logged-in user cannot see. */
  providerEmployers(providerId: string): Promise<LoketEmployerMinimized[]>;
  /** E4b: every administration the logged-in user can see, of all employers. */
  administrations(): Promise<LoketAdministration[]>;
  /** E4: one employer's administrations (the fallback when E4b is refused). */
  employerAdministrations(employerId: string): Promise<LoketAdministration[]>;
  /** E8: provider users; with `userName`, filtered server-side where Loket allows it (match locally all the same). */
  providerUsers(providerId: string, userName?: string): Promise<LoketUserAccount[]>;
  /** E9: the teams of a provider user, each with `isLinked`. */
  userTeams(userId: string): Promise<ListResult<LoketTeam>>;
  /** E13: the teams of the provider (no `isLinked`). */
  providerTeams(providerId: string): Promise<LoketTeam[]>;
  /** E10: a team's users, each with `isLinked`. */
  teamUsers(teamId: string): Promise<ListResult<LoketTeamUser>>;
  /** E11: a team's employers, each with `isLinked`. */
  teamEmployers(teamId: string): Promise<ListResult<LoketTeamEmployer>>;
  /** E12: the provider's employer users (rows of user and employer). */
  providerEmployerUsers(providerId: string): Promise<LoketEmployerUserRow[]>;
  /** E15: every employer an employer user can reach. */
  linkedEmployers(userId: string): Promise<LoketEmployerMinimized[]>;
  /** E5: one employer's employer users (the fallback for E15). */
  employerUsers(employerId: string): Promise<LoketUserAccount[]>;
  /** E7: the logged-in user's activities at an employer (explains refusals, never a verdict). */
  myAuthorizations(employerId: string): Promise<string[]>;
  /** E14: which rights grant which activity. */
  authorizationModel(): Promise<LoketAuthorizationModelItem[]>;
  /**
   * One page of one item of an endpoint (`whoami`'s check of which activities Loket allows): the
   * answer's JSON, or the ApiError Loket's refusal became.
   */
  probe(id: EndpointId, ...ids: string[]): Promise<unknown>;
  /** Where `--dump` wrote this run's answers. */
  dumpDir(): string | undefined;
  /** The Accept version that worked per endpoint, for `--dump` and `--debug`. */
  versions(): Partial<Record<EndpointId, string | null>>;
  stats(): HttpStats;
  /** Requests started and settled since `listener` was registered, on every change (progress on long checks). */
  observe(listener: (progress: RequestProgress) => void): () => void;
  /** Closes kept-alive connections so the process can exit. */
  close(): void;
}

/**
 * Endpoints whose spec path carries the `/v2` of its own (loket-spec-notes §0.5): if our single-`/v2`
 * reading is wrong, it is wrong for these, while `/user`, `/providers` and `/authorizationmodel` have
 * none in the spec and stay as they are.
 */
const UNPREFIXED: ReadonlySet<EndpointId> = new Set(['E1', 'E2', 'E14']);
/** Their paths, which the `/v2` fallback must leave where they are (it used to move them as well). */
const UNPREFIXED_PATHS: readonly string[] = [PATHS.E1(), PATHS.E2(), PATHS.E14()];
const LINKED = 'isLinked eq true';

export function createLoketClient(options: LoketClientOptions): LoketClient {
  const concurrency = clampConcurrency(options.concurrency ?? DEFAULTS.concurrency);
  const http = createHttp({ ...options, concurrency });
  const workingVersion = new Map<EndpointId, string | null>();
  const filterRefused = new Set<EndpointId>();
  let settled = false;
  let settling: Promise<void> | undefined;

  const tag = (error: unknown, id: EndpointId): never => {
    if (error instanceof ApiError) error.details.endpoint ??= id;
    throw error;
  };

  /**
   * Runs one call of endpoint `id`: tries its Accept versions in order on 400/406 and, with a
   * filter, the same version once more without it; remembers what worked for the rest of the run.
   */
  async function call<T>(id: EndpointId, attempt: (version: string | null, filter: boolean) => Promise<T>, filtered = false): Promise<T> {
    const known = workingVersion.has(id);
    const versions = known ? [workingVersion.get(id) ?? null] : ENDPOINTS[id].versions;
    let last: unknown;
    for (const version of versions) {
      for (const filter of filtered && !filterRefused.has(id) ? [true, false] : [false]) {
        try {
          const result = await attempt(version, filter);
          workingVersion.set(id, version);
          return result;
        } catch (error) {
          if (!isStatus(error, 400, 406)) tag(error, id);
          last = error;
          // A 406 is about the version; only a 400 can be about the filter.
          if (filter && isStatus(error, 400)) filterRefused.add(id);
        }
      }
    }
    return tag(last, id);
  }

  /**
   * The first answer of a prefixed endpoint settles the `/v2` question (§2); requests of other
   * prefixed endpoints wait for that one answer (not for the whole list it starts). An answer that
   * fails for another reason settles nothing: the next request asks again.
   */
  async function prefixed<T>(id: EndpointId, request: () => Promise<T>): Promise<T> {
    if (UNPREFIXED.has(id) || settled) return request();
    if (settling) {
      await settling;
      return prefixed(id, request);
    }
    let settle: () => void = () => {};
    settling = new Promise<void>((resolve) => (settle = resolve));
    try {
      const answer = await request();
      settled = true;
      return answer;
    } catch (error) {
      if (!(isStatus(error, 404) && error.details.bodyless)) throw error;
      http.rebase(API_VERSION_PATH, UNPREFIXED_PATHS);
      try {
        const answer = await request();
        settled = true;
        return answer;
      } catch {
        http.rebase('');
        throw error;
      }
    } finally {
      settling = undefined;
      settle();
    }
  }

  const one = <S extends v.GenericSchema>(id: EndpointId, schema: S, path: string) =>
    call(id, async (version) => parseAnswer(schema, await prefixed(id, () => http.get(path, { version })), { host: http.host, method: 'GET', path }));

  const list = <S extends v.GenericSchema>(
    id: EndpointId,
    path: string,
    item: S,
    extra: { filter?: string; key?: (entry: v.InferOutput<S>) => string | undefined } = {},
  ) =>
    call(
      id,
      (version, filter) => {
        const query: Query = filter && extra.filter ? { filter: extra.filter } : {};
        return fetchList(http, path, item, { query, version, first: (load) => prefixed(id, load), ...(extra.key ? { key: extra.key } : {}) });
      },
      extra.filter !== undefined,
    );

  const byId = (entry: { id?: string }) => entry.id;
  // E12 may give one row per user or per user × employer [uncertain]; the same pair twice is one too many.
  const byUserAndEmployer = (row: LoketEmployerUserRow) => `${row.employerUser.id}/${row.employer?.id ?? ''}`;
  const items = async <T>(result: Promise<ListResult<T>>): Promise<T[]> => (await result).items;

  return {
    concurrency,
    getUser: () => one('E1', userAnswer, PATHS.E1()),
    providers: () => items(list('E2', PATHS.E2(), provider, { key: byId })),
    employers: () => items(list('E3', PATHS.E3(), employer, { key: byId })),
    providerEmployers: (providerId) => items(list('E3b', PATHS.E3b(providerId), employerMinimized, { key: byId })),
    administrations: () => items(list('E4b', PATHS.E4b(), administration, { key: byId })),
    employerAdministrations: (employerId) => items(list('E4', PATHS.E4(employerId), administration, { key: byId })),
    providerUsers: (providerId, userName) =>
      items(list('E8', PATHS.E8(providerId), user, { key: byId, ...(userName ? { filter: `userName eq '${userName.replace(/'/g, "''")}'` } : {}) })),
    userTeams: (userId) => list('E9', PATHS.E9(userId), team, { key: byId }),
    providerTeams: (providerId) => items(list('E13', PATHS.E13(providerId), team, { key: byId })),
    // Only linked items count (§5); the filter saves pages where a team lists every candidate, and
    // the flag is checked all the same.
    teamUsers: (teamId) => list('E10', PATHS.E10(teamId), teamUser, { key: byId, filter: LINKED }),
    teamEmployers: (teamId) => list('E11', PATHS.E11(teamId), teamEmployer, { key: byId, filter: LINKED }),
    providerEmployerUsers: (providerId) => items(list('E12', PATHS.E12(providerId), employerUserRow, { key: byUserAndEmployer })),
    linkedEmployers: (userId) => items(list('E15', PATHS.E15(userId), employerMinimized, { key: byId })),
    employerUsers: (employerId) => items(list('E5', PATHS.E5(employerId), user, { key: byId })),
    myAuthorizations: async (employerId) => (await one('E7', listOf(authorization), PATHS.E7(employerId))).map((entry) => entry.description),
    authorizationModel: () => items(list('E14', PATHS.E14(), authorizationModelItem)),
    probe: (id, ...ids) => {
      const path = (PATHS[id] as (...args: string[]) => string)(...ids);
      const query: Query = ENDPOINTS[id].paged ? { pageNumber: 1, pageSize: 1 } : {};
      return call(id, (version) => prefixed(id, () => http.get(path, { version, query })));
    },
    dumpDir: http.dumpDir,
    versions: () => Object.fromEntries(workingVersion) as Partial<Record<EndpointId, string | null>>,
    stats: http.stats,
    observe: http.observe,
    close: http.close,
  };
}
