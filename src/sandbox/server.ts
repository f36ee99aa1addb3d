/**
 * The simulated Loket.nl API (SPEC §11): a real HTTP server on 127.0.0.1 that serves the contract
 * in loket-api.md — OAuth under /oauth, E1–E7 under /v2 — for the demo, end-to-end tests and
 * benchmarks.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { LocalError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { createFaultInjector, createRateLimiter } from './faults.js';
import { createOAuthServer, TokenStore } from './oauth.js';
import { SCENARIO_NAMES, SCENARIOS, SERVER_FAULTS, type ScenarioName } from './scenarios.js';
import { createSeedData, MAX_EMPLOYERS, type SeedData } from './seed.js';

export type { ScenarioName } from './scenarios.js';

export const SANDBOX_CLIENT_ID = 'loket-asr-setup-sandbox';
const DEFAULT_SEED = 20720;
const MAX_PAGE_SIZE = 250;

export interface SandboxOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  scenario?: ScenarioName;
  /** Overrides the scenario's employer count. */
  employers?: number;
  /** Added to every API response. */
  latencyMs?: number;
  /** 0..1: share of API GETs answered with 502/503/504 or a connection reset (flaky also uses 429). */
  failRate?: number;
  /** Requests per second; above it the API answers 429 with Retry-After (seconds). */
  rateLimit?: number;
  /** Seed for all generated data and injected faults. */
  seed?: number;
}

export type RouteName = 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7';
export interface OverrideRequest {
  employerId?: string;
  userId?: string;
}
export interface OverrideResponse {
  status: number;
  /** A string is sent as is (text/plain unless contentType says otherwise); anything else as JSON. */
  body?: unknown;
  contentType?: string;
}
/** Returns the answer to send instead, or undefined to answer normally. */
export type RouteOverride = (req: OverrideRequest) => OverrideResponse | undefined;

export interface SandboxHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  /** `${url}/v2` */
  apiUrl: string;
  /** `${url}/oauth`: serves /oauth/authorize and /oauth/token. */
  authUrl: string;
  /** The one client id the simulator accepts (with any client secret, or none). */
  clientId: string;
  accessToken: string;
  refreshToken: string;
  scenario: ScenarioName;
  employerCount: number;
  /** Counts of API (/v2) requests, by route E1–E7 ('unknown' for other paths). */
  stats(): { requests: number; byRoute: Record<string, number> };
  /** Every current access token now gets 401; refreshing still works. */
  revokeAccessTokens(): void;
  /** Every current refresh token now gets invalid_grant. */
  revokeRefreshTokens(): void;
  setOverride(route: RouteName, fn: RouteOverride | undefined): void;
  close(): Promise<void>;
}

interface RouteMatch extends OverrideRequest {
  route: RouteName;
}

const ROUTES: readonly { route: RouteName; pattern: RegExp }[] = [
  { route: 'E1', pattern: /^\/user$/ },
  { route: 'E2', pattern: /^\/providers$/ },
  { route: 'E3', pattern: /^\/providers\/employers$/ },
  { route: 'E4', pattern: /^\/providers\/employers\/([^/]+)\/administrations$/ },
  { route: 'E5', pattern: /^\/providers\/employers\/([^/]+)\/users$/ },
  { route: 'E6', pattern: /^\/providers\/employers\/([^/]+)\/users\/([^/]+)\/authorizations$/ },
  { route: 'E7', pattern: /^\/providers\/employers\/([^/]+)\/authorizations$/ },
];

function matchRoute(path: string): RouteMatch | undefined {
  for (const { route, pattern } of ROUTES) {
    const found = pattern.exec(path);
    if (!found) continue;
    const [, employerId, userId] = found;
    return { route, ...(employerId ? { employerId } : {}), ...(userId ? { userId } : {}) };
  }
  return undefined;
}

interface Answer {
  status: number;
  body: unknown;
}

const errorBody = (message: string) => ({ errors: [{ message }] });
const notFound = (): Answer => ({ status: 404, body: errorBody(t('sandbox.api.notFound')) });

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** What a load balancer in front of the API sends: a small HTML page, not JSON. */
function sendGatewayError(res: ServerResponse, status: number): void {
  const title = `${status} ${STATUS_CODES[status] ?? ''}`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`);
}

function sendOverride(res: ServerResponse, answer: OverrideResponse): void {
  const text = typeof answer.body === 'string';
  res.writeHead(answer.status, {
    'Content-Type': answer.contentType ?? (text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
  });
  res.end(answer.body === undefined ? undefined : text ? (answer.body as string) : JSON.stringify(answer.body));
}

function pageParameter(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return fallback;
  return /^\d{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
}

/** loket-api.md §4; pageSize above the maximum is capped, as Loket does with its own limit. */
function page<T>(query: URLSearchParams, totalItems: number, item: (index: number) => T): Answer {
  const currentPage = pageParameter(query, 'pageNumber', 1);
  const requestedSize = pageParameter(query, 'pageSize', MAX_PAGE_SIZE);
  if (currentPage === undefined || requestedSize === undefined) {
    const name = currentPage === undefined ? 'pageNumber' : 'pageSize';
    return { status: 400, body: errorBody(t('sandbox.api.badPageParameter', { name })) };
  }
  const pageSize = Math.min(requestedSize, MAX_PAGE_SIZE);
  const first = (currentPage - 1) * pageSize;
  const embedded: T[] = [];
  for (let index = first; index < Math.min(first + pageSize, totalItems); index++) embedded.push(item(index));
  return {
    status: 200,
    body: { _embedded: embedded, currentPage, totalPages: Math.max(1, Math.ceil(totalItems / pageSize)), pageSize, totalItems },
  };
}

const pageOf = <T>(query: URLSearchParams, items: readonly T[]): Answer =>
  page(query, items.length, (index) => items[index] as T);

function answer(data: SeedData, match: RouteMatch, query: URLSearchParams): Answer {
  if (match.route === 'E1') return { status: 200, body: { content: data.loggedInUser } };
  if (match.route === 'E2') return pageOf(query, [data.provider]);
  if (match.route === 'E3') return page(query, data.employerCount, data.employer);
  const index = data.employerIndex(match.employerId ?? '');
  if (index === undefined) return notFound();
  switch (match.route) {
    case 'E4':
      return pageOf(query, data.administrations(index));
    case 'E5':
      return pageOf(query, data.users(index));
    case 'E6': {
      const items = data.userAuthorizations(index, match.userId ?? '');
      return items ? pageOf(query, items) : notFound();
    }
    case 'E7':
      return pageOf(query, data.loggedInUserAuthorizations(index));
  }
}

function checkOptions(options: SandboxOptions): void {
  if (options.scenario !== undefined && !SCENARIO_NAMES.includes(options.scenario)) {
    throw new UsageError(t('sandbox.unknownScenario', { scenario: String(options.scenario), scenarios: SCENARIO_NAMES.join(', ') }));
  }
  const checks: [string, number | undefined, (value: number) => boolean][] = [
    ['port', options.port, (value) => Number.isInteger(value) && value >= 0 && value <= 65535],
    ['employers', options.employers, (value) => Number.isInteger(value) && value >= 0 && value <= MAX_EMPLOYERS],
    ['latencyMs', options.latencyMs, (value) => Number.isFinite(value) && value >= 0],
    ['failRate', options.failRate, (value) => value >= 0 && value <= 1],
    ['rateLimit', options.rateLimit, (value) => Number.isFinite(value) && value > 0],
    ['seed', options.seed, (value) => Number.isInteger(value)],
  ];
  for (const [name, value, valid] of checks) {
    if (value !== undefined && !valid(value)) throw new UsageError(t('sandbox.invalidOption', { name, value: String(value) }));
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  checkOptions(options);
  const scenarioName = options.scenario ?? 'default';
  const scenario = SCENARIOS[scenarioName];
  const seed = options.seed ?? DEFAULT_SEED;
  const data = createSeedData(seed, scenario, options.employers ?? scenario.employers);
  const tokens = new TokenStore();
  const oauth = createOAuthServer(SANDBOX_CLIENT_ID, tokens);
  const faultRate = options.failRate ?? scenario.faults?.rate ?? 0;
  const faults = faultRate > 0 ? createFaultInjector(seed, faultRate, scenario.faults?.kinds ?? SERVER_FAULTS) : undefined;
  const limiter = options.rateLimit === undefined ? undefined : createRateLimiter(options.rateLimit);
  const latencyMs = options.latencyMs ?? 0;
  const overrides = new Map<RouteName, RouteOverride>();
  const stats = { requests: 0, byRoute: {} as Record<string, number> };

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const match = matchRoute(path);
    const routeKey = match?.route ?? 'unknown';
    stats.requests++;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;

    const retryAfter = limiter?.take();
    if (latencyMs > 0) await delay(latencyMs);
    if (retryAfter !== undefined) {
      return sendJson(res, 429, errorBody(t('sandbox.api.tooManyRequests')), { 'Retry-After': String(retryAfter) });
    }
    if (req.method !== 'GET') return sendJson(res, 405, errorBody(t('sandbox.api.methodNotAllowed')), { Allow: 'GET' });

    const fault = faults?.next(`${url.pathname}${url.search}`);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 429) return sendJson(res, 429, errorBody(t('sandbox.api.tooManyRequests')), { 'Retry-After': '1' });
    if (fault !== undefined) return sendGatewayError(res, fault);

    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!tokens.isValidAccessToken(bearer)) {
      return sendJson(res, 401, errorBody(t('sandbox.api.unauthorized')), { 'WWW-Authenticate': 'Bearer' });
    }
    if (!match) {
      const { status, body } = notFound();
      return sendJson(res, status, body);
    }
    const { route, ...params } = match;
    const replaced = overrides.get(route)?.(params);
    if (replaced) return sendOverride(res, replaced);
    const { status, body } = answer(data, match, url.searchParams);
    sendJson(res, status, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Prefixing the origin keeps a request target such as `//host/x` a path, never an authority.
    const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
    } catch {
      const { status, body } = notFound();
      return sendJson(res, status, body);
    }
    if (path === '/v2' || path.startsWith('/v2/')) return api(req, res, url, path.slice('/v2'.length));
    if (path === '/oauth/token') return oauth.token(req, res);
    if (path === '/oauth/authorize') {
      if (req.method === 'GET') return oauth.authorize(url, res);
      return sendJson(res, 405, errorBody(t('sandbox.api.methodNotAllowed')), { Allow: 'GET' });
    }
    const { status, body } = notFound();
    sendJson(res, status, body);
  }

  let closing: Promise<void> | undefined;
  const server = createServer((req, res) => {
    // A request still in flight when close() is called must not leave its keep-alive socket open.
    res.on('finish', () => {
      if (closing) server.closeIdleConnections();
    });
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, errorBody(t('sandbox.api.internalError')));
    });
  });

  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw new LocalError(
      error.code === 'EADDRINUSE' ? t('sandbox.portInUse', { port }) : t('sandbox.listenFailed', { port, reason: error.message }),
      { cause: error },
    );
  });

  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ready = tokens.issue();
  return {
    url,
    apiUrl: `${url}/v2`,
    authUrl: `${url}/oauth`,
    clientId: SANDBOX_CLIENT_ID,
    accessToken: ready.access_token,
    refreshToken: ready.refresh_token,
    scenario: scenarioName,
    employerCount: data.employerCount,
    stats: () => ({ requests: stats.requests, byRoute: { ...stats.byRoute } }),
    revokeAccessTokens: () => tokens.revokeAccessTokens(),
    revokeRefreshTokens: () => tokens.revokeRefreshTokens(),
    setOverride(route, fn) {
      if (fn) overrides.set(route, fn);
      else overrides.delete(route);
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
