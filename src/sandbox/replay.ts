/**
 * `sandbox --replay <dump-dir>` and `--sandbox --replay <dump-dir>` (issue 14): serves exactly the
 * answers of one recorded `verify --dump` run, so a real office's recording becomes a test.
 *
 * An API request is answered with the recording of the same method, URL path (the recorded `/v2`
 * or `/v2/v2` form), query (order-insensitive, values as strings) and Accept version (when the
 * request was recorded with several versions; a request recorded with one version is served
 * whatever version is sent). A request recorded several times (a retry, a 401 before a refresh)
 * gets the recordings in recorded order, the last one repeating. Anything unrecorded answers 404
 * without a body — what Loket answers for an unknown path — and is named in a log line, because it
 * means the client asked something the recorded run did not.
 *
 * Logging in works as against the simulator (src/sandbox/oauth.ts): the handle's ready token, or
 * /oauth/authorize and /oauth/token. Redacted values in the recording are served as they are.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { t } from '../i18n/index.js';
import { acceptVersionOf, indexDump, normaliseQuery, readDump, type Dump, type DumpEntry } from '../dumps/read.js';
import { listenOnLoopback } from './listen.js';
import { createOAuthServer, TokenStore } from './oauth.js';
import { matchRoute, type RouteMatch } from './routes.js';
import type { RouteName } from './scenarios.js';
import { SANDBOX_CLIENT_ID, sendOverride, sharedHandle, type RouteOverride, type SandboxHandle } from './server.js';

const UNAUTHORIZED_MESSAGE = 'Authorization has been denied for this request.';

export interface ReplayOptions {
  /** The dump directory (a `loket-dump-…` run, or its parent holding exactly one run). */
  dir: string;
  /** 0 or undefined: a free port. */
  port?: number;
  /** One line per request that was not recorded (the CLI prints it on stderr). */
  log?: (line: string) => void;
}

export interface UnrecordedRequest {
  method: string;
  path: string;
  query: string;
  version: string | null;
}

export interface ReplayHandle extends SandboxHandle {
  scenario: 'replay';
  /** The run directory being served. */
  dir: string;
  /** Number of recorded answers. */
  recorded: number;
  /** Every request that found no recording, in order. */
  unrecorded(): UnrecordedRequest[];
}

/** A recorded answer as it was: a body that was not JSON was recorded as a string, none as null. */
function sendEntry(res: ServerResponse, entry: DumpEntry): void {
  sendOverride(res, { status: entry.status, ...(entry.body === null || entry.body === undefined ? {} : { body: entry.body }) });
}

/** E3's `totalSize` (the employers the logged-in user could see), else the length of its first page. */
function employerCountOf(dump: Dump): number {
  const employers = dump.entries.find((entry) => entry.method === 'GET' && entry.path.toLowerCase() === '/providers/employers' && entry.status === 200);
  const body = employers?.body as { totalSize?: unknown; _embedded?: unknown } | undefined;
  if (typeof body?.totalSize === 'number') return body.totalSize;
  return Array.isArray(body?._embedded) ? body._embedded.length : 0;
}

/** The webservice user and first team of the recorded verify document, for the banner. */
function namesOf(dump: Dump): { webserviceUser: string; team: string } {
  const verdicts = dump.verdicts as { webserviceUser?: { userName?: unknown }; teams?: { description?: unknown }[] } | undefined;
  const userName = verdicts?.webserviceUser?.userName;
  const team = Array.isArray(verdicts?.teams) ? verdicts.teams[0]?.description : undefined;
  return { webserviceUser: typeof userName === 'string' ? userName : '', team: typeof team === 'string' ? team : '' };
}

/** The route below `/v2` (also below the `/v2/v2` form), for stats and overrides. */
function routeOf(path: string): RouteMatch | undefined {
  let below = path;
  while (/^\/v2(\/|$)/i.test(below)) {
    below = below.slice('/v2'.length);
    let decoded = below;
    try {
      decoded = decodeURIComponent(below);
    } catch {
      return undefined;
    }
    const match = matchRoute(decoded.replace(/\/+$/, ''));
    if (match) return match;
  }
  return undefined;
}

export async function startReplay(options: ReplayOptions): Promise<ReplayHandle> {
  const dump = readDump(options.dir);
  const index = indexDump(dump.entries);
  const served = new WeakMap<DumpEntry[], number>();
  const tokens = new TokenStore();
  const oauth = createOAuthServer(SANDBOX_CLIENT_ID, tokens);
  const overrides = new Map<RouteName, RouteOverride>();
  const stats = { requests: 0, byRoute: {} as Record<string, number> };
  const unrecorded: UnrecordedRequest[] = [];

  function api(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = routeOf(url.pathname);
    const route = match?.route;
    stats.requests++;
    stats.byRoute[route ?? 'unknown'] = (stats.byRoute[route ?? 'unknown'] ?? 0) + 1;

    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!tokens.isValidAccessToken(bearer)) {
      res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer' });
      res.end(JSON.stringify({ message: UNAUTHORIZED_MESSAGE }));
      return;
    }
    const override = match ? overrides.get(match.route)?.({ ...match.params, query: url.searchParams }) : undefined;
    if (override) return sendOverride(res, override);

    const version = acceptVersionOf(req.headers.accept);
    const recordings = index.lookup(method, url.pathname, url.searchParams, version);
    if (!recordings || recordings.length === 0) {
      const query = normaliseQuery(url.searchParams);
      unrecorded.push({ method, path: url.pathname, query, version });
      options.log?.(
        t('dumps.replay.unrecorded', {
          method,
          path: url.pathname,
          query: query ? `?${decodeURIComponent(query)}` : '',
          version: version ?? t('dumps.replay.noVersion'),
        }),
      );
      res.writeHead(404, { 'Content-Length': '0' }).end();
      return;
    }
    const next = served.get(recordings) ?? 0;
    served.set(recordings, next + 1);
    sendEntry(res, recordings[Math.min(next, recordings.length - 1)] as DumpEntry);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Prefixing the origin keeps a request target such as `//host/x` a path, never an authority.
    const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
    const path = url.pathname.replace(/\/+$/, '');
    if (/^\/v2(\/|$)/i.test(path)) return api(req, res, url);
    if (path === '/oauth/token') return oauth.token(req, res);
    if (path === '/oauth/authorize') return oauth.authorize(req, url, res);
    res.writeHead(404, { 'Content-Length': '0' }).end();
  }

  return {
    ...sharedHandle(await listenOnLoopback(handle, options.port ?? 0), tokens, stats, overrides),
    scenario: 'replay',
    dir: dump.dir,
    recorded: dump.entries.length,
    employerCount: employerCountOf(dump),
    ...namesOf(dump),
    unrecorded: () => unrecorded.map((request) => ({ ...request })),
  };
}
