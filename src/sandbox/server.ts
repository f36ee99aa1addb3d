/**
 * The simulated Loket.nl API (SPEC §11): a real HTTP server on 127.0.0.1 that serves contract v2
 * (loket-api.md) with the shapes of Loket's published OpenAPI spec — OAuth under /oauth, E1–E15
 * under /v2 — for the demo, the end-to-end tests and the benchmarks.
 *
 * Per API request, in this order: rate limit (429, no body, Retry-After), method (405), injected
 * fault (502/503/504 HTML page, 429, dropped connection), bearer token (401 {message}), route (404,
 * no body), test override, Accept version (400), the scenario's refusals (403 {message}), answer.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { createFaultInjector, createRateLimiter } from './faults.js';
import { listenOnLoopback, type Listening } from './listen.js';
import { createOAuthServer, TokenStore } from './oauth.js';
import { badRequest, type Answer } from './paging.js';
import { answer, forbidden, matchRoute, type RouteMatch } from './routes.js';
import { SCENARIO_NAMES, SCENARIOS, SERVER_FAULTS, TEAM_NAME, WEBSERVICE_USER_NAME, type RouteName, type ScenarioName } from './scenarios.js';
import { MAX_EMPLOYERS } from './seed.js';
import { createWorld } from './world.js';

export type { RouteName, ScenarioName } from './scenarios.js';

export const SANDBOX_CLIENT_ID = 'loket-asr-setup-sandbox';
const DEFAULT_SEED = 20720;
/** The oldest resource version there is; an Accept version before it has nothing to select. */
const FIRST_RESOURCE_VERSION = '2018-01-01';
const UNAUTHORIZED_MESSAGE = 'Authorization has been denied for this request.';

export interface SandboxOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  scenario?: ScenarioName;
  /** Overrides the scenario's number of employers the logged-in user can see (E3). */
  employers?: number;
  /** Added to every API response. */
  latencyMs?: number;
  /** 0..1: share of API GETs answered with 502/503/504 or a dropped connection (flaky also uses 429). */
  failRate?: number;
  /** Requests per second; above it the API answers 429 with Retry-After (seconds) and no body. */
  rateLimit?: number;
  /** Seed for all generated data and injected faults. */
  seed?: number;
}

export interface OverrideRequest {
  employerId?: string;
  userId?: string;
  providerId?: string;
  teamId?: string;
  query: URLSearchParams;
}
export interface OverrideResponse {
  status: number;
  /** A string is sent as is (text/plain unless contentType says otherwise); undefined: no body; anything else as JSON. */
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
  /** 'replay': a recorded run served by src/sandbox/replay.ts (same handle, no world behind it). */
  scenario: ScenarioName | 'replay';
  /** Employers the logged-in user can see (E3). */
  employerCount: number;
  /** The webservice user's name the scenario is about. */
  webserviceUser: string;
  /** The team description to name with --team. */
  team: string;
  /** Counts of API (/v2) requests, by route E1–E15 ('unknown' for other paths). */
  stats(): { requests: number; byRoute: Record<string, number> };
  /** Every current access token now gets 401; refreshing still works. */
  revokeAccessTokens(): void;
  /** Every current refresh token now gets invalid_grant. */
  revokeRefreshTokens(): void;
  setOverride(route: RouteName, fn: RouteOverride | undefined): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, { status, body, headers = {} }: Answer): void {
  if (body === undefined) {
    res.writeHead(status, { 'Content-Length': '0', ...headers }).end();
    return;
  }
  sendJson(res, status, JSON.stringify(body), headers);
}

function sendJson(res: ServerResponse, status: number, json: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(json);
}

/**
 * The texts of answers already given, by URL and Accept header. The world is a pure function of the
 * seed and the scenario (faults, overrides, tokens and the rate limit are decided before), so the
 * same request always gets the same answer: serialising it again would only add the simulator's own
 * CPU time to every measured latency, which a real, warm Loket.nl does not. Bounded, so a test that
 * walks many pages never grows the process without end.
 */
const ANSWER_CACHE_BYTES = 48 * 1024 * 1024;

function createAnswerCache() {
  const texts = new Map<string, Buffer>();
  let bytes = 0;
  return {
    get: (key: string) => texts.get(key),
    /** Returns the answer's bytes, kept when there is room. */
    remember(key: string, text: string): Buffer {
      const body = Buffer.from(text, 'utf8');
      if (bytes + body.length <= ANSWER_CACHE_BYTES) {
        bytes += body.length;
        texts.set(key, body);
      }
      return body;
    },
  };
}

/** What a load balancer in front of the API sends: a small HTML page, not JSON. */
function sendGatewayError(res: ServerResponse, status: number): void {
  const title = `${status} ${STATUS_CODES[status] ?? ''}`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`);
}

/** A test's own answer, or a recorded one: empty, text (a gateway's page, a text/plain 400) or JSON. */
export function sendOverride(res: ServerResponse, override: OverrideResponse): void {
  if (override.body === undefined) {
    res.writeHead(override.status, { 'Content-Length': '0', ...(override.contentType ? { 'Content-Type': override.contentType } : {}) }).end();
    return;
  }
  const text = typeof override.body === 'string';
  res.writeHead(override.status, {
    'Content-Type': override.contentType ?? (text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
  });
  res.end(text ? (override.body as string) : JSON.stringify(override.body));
}

/**
 * The Accept header's resource version: none (the newest), a date on or after the first version
 * (served as 2018-01-01), or SSO_gebruiker on E8/E5 (the spec's own media type there). Returns the
 * 400 for anything else: a date before 2018-01-01, another word, SSO_gebruiker on other routes.
 */
function checkVersion(accept: string | undefined, route: RouteName): Answer | undefined {
  const versions = [...(accept ?? '').matchAll(/;\s*version\s*=\s*"?([^;,"\s]*)"?/gi)].map((found) => found[1] as string);
  if (versions.length === 0) return undefined;
  const problems = versions.map((value) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
      return value < FIRST_RESOURCE_VERSION ? `No version of this resource exists on or before ${value}` : undefined;
    }
    if (value.toLowerCase() === 'sso_gebruiker' && (route === 'E8' || route === 'E5')) return undefined;
    return `Invalid resource version '${value}' in the Accept header`;
  });
  if (problems.some((problem) => problem === undefined)) return undefined;
  return badRequest(problems[0] as string);
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
  const world = createWorld(seed, scenario, options.employers ?? scenario.employers);
  const tokens = new TokenStore();
  const oauth = createOAuthServer(SANDBOX_CLIENT_ID, tokens);
  const faultRate = options.failRate ?? scenario.faults?.rate ?? 0;
  const faults = faultRate > 0 ? createFaultInjector(seed, faultRate, scenario.faults?.kinds ?? SERVER_FAULTS) : undefined;
  const limiter = options.rateLimit === undefined ? undefined : createRateLimiter(options.rateLimit);
  const latencyMs = options.latencyMs ?? 0;
  const refused = new Set<RouteName>(scenario.forbidden ?? []);
  const overrides = new Map<RouteName, RouteOverride>();
  const stats = { requests: 0, byRoute: {} as Record<string, number> };
  const answered = createAnswerCache();

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const match: RouteMatch | undefined = matchRoute(path);
    const routeKey = match?.route ?? 'unknown';
    stats.requests++;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;

    const retryAfter = limiter?.take();
    if (latencyMs > 0) await delay(latencyMs);
    if (retryAfter !== undefined) return send(res, { status: 429, headers: { 'Retry-After': String(retryAfter) } });
    if (req.method !== 'GET') {
      return send(res, {
        status: 405,
        body: { message: `The requested resource does not support http method '${req.method ?? ''}'.` },
        headers: { Allow: 'GET' },
      });
    }

    const fault = faults?.next(`${url.pathname}${url.search}`);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 429) return send(res, { status: 429, headers: { 'Retry-After': '1' } });
    if (fault !== undefined) return sendGatewayError(res, fault);

    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!tokens.isValidAccessToken(bearer)) {
      return send(res, { status: 401, body: { message: UNAUTHORIZED_MESSAGE }, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    if (!match) return send(res, { status: 404 });

    const override = overrides.get(match.route)?.({ ...match.params, query: url.searchParams });
    if (override) return sendOverride(res, override);
    const versionProblem = checkVersion(req.headers.accept, match.route);
    if (versionProblem) return send(res, versionProblem);
    if (refused.has(match.route)) return send(res, forbidden());
    const key = `${url.pathname}${url.search}\u0000${req.headers.accept ?? ''}`;
    const known = answered.get(key);
    if (known !== undefined) return sendJson(res, 200, known);
    const result = answer(world, scenario, match, url.searchParams);
    if (result.status !== 200 || result.body === undefined || result.headers !== undefined) return send(res, result);
    sendJson(res, 200, answered.remember(key, JSON.stringify(result.body)));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Prefixing the origin keeps a request target such as `//host/x` a path, never an authority.
    const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
    } catch {
      return send(res, { status: 404 });
    }
    if (path === '/v2' || path.startsWith('/v2/')) return api(req, res, url, path.slice('/v2'.length));
    if (path === '/oauth/token') return oauth.token(req, res);
    if (path === '/oauth/authorize') return oauth.authorize(req, url, res);
    send(res, { status: 404 });
  }

  return {
    ...sharedHandle(await listenOnLoopback(handle, options.port ?? 0), tokens, stats, overrides),
    scenario: scenarioName,
    employerCount: world.visibleEmployers,
    webserviceUser: WEBSERVICE_USER_NAME,
    team: TEAM_NAME,
  };
}

/** What the simulator and the replay hand out alike: the addresses, ready tokens, the counters, overrides and close(). */
export function sharedHandle(
  listening: Listening,
  tokens: TokenStore,
  stats: { requests: number; byRoute: Record<string, number> },
  overrides: Map<RouteName, RouteOverride>,
): Omit<SandboxHandle, 'scenario' | 'employerCount' | 'webserviceUser' | 'team'> {
  const { url } = listening;
  const ready = tokens.issue();
  return {
    url,
    apiUrl: `${url}/v2`,
    authUrl: `${url}/oauth`,
    clientId: SANDBOX_CLIENT_ID,
    accessToken: ready.access_token,
    refreshToken: ready.refresh_token,
    stats: () => ({ requests: stats.requests, byRoute: { ...stats.byRoute } }),
    revokeAccessTokens: () => tokens.revokeAccessTokens(),
    revokeRefreshTokens: () => tokens.revokeRefreshTokens(),
    // A test may answer one route itself; the world (or the recording) is not consulted then.
    setOverride(route, fn) {
      if (fn) overrides.set(route, fn);
      else overrides.delete(route);
    },
    close: () => listening.close(),
  };
}
