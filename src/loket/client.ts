/** The Loket.nl API as loket-asr-setup uses it (loket-api.md §5, E1–E7), with typed answers. */
import type { z } from 'zod';
import { createHttp, type HttpOptions, type HttpStats } from './http.js';
import { paginate } from './paginate.js';
import { clampConcurrency, DEFAULT_CONCURRENCY } from './pool.js';
import {
  administration,
  authorizationAnswer,
  employer,
  employerUser,
  parseAnswer,
  providersAnswer,
  userAnswer,
  type AuthorizationAnswer,
  type LoketAdministration,
  type LoketEmployer,
  type LoketEmployerUser,
  type LoketProvider,
  type LoketUser,
} from './schemas.js';

export type { AuthorizationAnswer, LoketAdministration, LoketEmployer, LoketEmployerUser, LoketProvider, LoketUser };
export type { TokenSource } from './http.js';
export { isStatus } from './http.js';

export type LoketClientOptions = HttpOptions;

export interface LoketClient {
  /** Requests in flight at most; size worker pools (mapPool) to it. */
  readonly concurrency: number;
  /** E1: who is logged in. */
  getUser(): Promise<LoketUser>;
  /** E2: the office (provider) or offices. */
  getProviders(): Promise<LoketProvider[]>;
  /** E3, streamed page by page. */
  employers(): AsyncIterable<LoketEmployer>;
  /** E3, all pages. */
  listEmployers(): Promise<LoketEmployer[]>;
  /** E4, all pages. */
  administrations(employerId: string): Promise<LoketAdministration[]>;
  /** E5, all pages. */
  employerUsers(employerId: string): Promise<LoketEmployerUser[]>;
  /** E6: what `userId` may do at this employer. */
  userAuthorizations(employerId: string, userId: string): Promise<AuthorizationAnswer>;
  /** E7: what the logged-in user may do at this employer (explains refusals, never a verdict). */
  myAuthorizations(employerId: string): Promise<AuthorizationAnswer>;
  stats(): HttpStats;
  /** Closes kept-alive connections so the process can exit. */
  close(): void;
}

export function createLoketClient(options: LoketClientOptions): LoketClient {
  const concurrency = clampConcurrency(options.concurrency ?? DEFAULT_CONCURRENCY);
  const http = createHttp({ ...options, concurrency });
  const employerPath = (employerId: string) => `/providers/employers/${encodeURIComponent(employerId)}`;

  const fetchOne = async <T extends z.ZodType>(schema: T, path: string): Promise<z.output<T>> =>
    parseAnswer(schema, await http.get(path), { host: http.host, method: 'GET', path });

  const fetchAll = async <T extends z.ZodType>(path: string, item: T): Promise<z.output<T>[]> => {
    const items: z.output<T>[] = [];
    for await (const entry of paginate(http, path, item)) items.push(entry);
    return items;
  };

  return {
    concurrency,
    getUser: () => fetchOne(userAnswer, '/user'),
    getProviders: () => fetchOne(providersAnswer, '/providers'),
    employers: () => paginate(http, '/providers/employers', employer),
    listEmployers: () => fetchAll('/providers/employers', employer),
    administrations: (employerId) => fetchAll(`${employerPath(employerId)}/administrations`, administration),
    employerUsers: (employerId) => fetchAll(`${employerPath(employerId)}/users`, employerUser),
    userAuthorizations: (employerId, userId) =>
      fetchOne(authorizationAnswer, `${employerPath(employerId)}/users/${encodeURIComponent(userId)}/authorizations`),
    myAuthorizations: (employerId) => fetchOne(authorizationAnswer, `${employerPath(employerId)}/authorizations`),
    stats: http.stats,
    close: http.close,
  };
}
