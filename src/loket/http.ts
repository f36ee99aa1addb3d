/**
 * The HTTP layer under the Loket.nl client (loket-api.md §3, §7): bearer token with one shared
 * refresh, retries for GET with backoff and Retry-After, a deadline, proxies, `--debug` and `--dump`.
 *
 * Each request is one exchange (exchange.ts, on node:http / node:https with the agent of proxy.ts),
 * which hands back an answer or only a code, never an error: the request holds the Authorization
 * header, so the tool's own error is thrown instead (and never with anything of the request as cause).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ApiError, AuthError, CliError } from '../errors.js';
import { t } from '../i18n/index.js';
import { createDumper } from './dump.js';
import { monotonicMs } from '../clock.js';
import { EXCHANGE_CODES, exchange } from './exchange.js';
import { intermediaryOf, oneLine, RETRYABLE_STATUS, statusError, tooLarge, undecodable, unreachableHost, type Where } from './errors.js';
import { acceptHeader, DEFAULT_VERSION } from './endpoints.js';
import { DEFAULTS } from '../env.js';
import { createLimiter, type Urgency } from './pool.js';
import { connectionFor } from './proxy.js';
import { redact, redactUrl, registerSecret } from './redact.js';

/** Supplies the bearer token; the login module implements it. */
export interface TokenSource {
  getAccessToken(): Promise<string>;
  refreshAccessToken(): Promise<string>;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After stops the run instead of waiting. */
  maxRetryAfterMs: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
}

const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
  now: Date.now,
};

export interface HttpOptions {
  apiUrl: string;
  tokens: TokenSource;
  /** Per request. */
  timeoutMs?: number;
  /** The whole run's deadline (or Ctrl+C): when it fires, the request in flight is dropped. */
  signal?: AbortSignal;
  /** Requests in flight at most (1–16). */
  concurrency?: number;
  /** One redacted line per request and answer (`--debug`). */
  debug?: (line: string) => void;
  /** `--dump DIR`. */
  dumpDir?: string;
  retry?: Partial<RetryPolicy>;
  /** Proxy variables; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A moment for people ("try again after …"): src/ui/time.ts's local time; ISO (UTC) when not given. */
  formatTime?: (date: Date) => string;
}

export interface HttpStats {
  requests: number;
  retries: number;
  refreshes: number;
  /** From the first request sent to the last answer received: the run's time on the wire (and between). */
  networkMs: number;
}

/**
 * Requests of one observer's time (since it started observing): asked for and answered (or failed).
 * Page 1 of a list may announce more pages; what the pages so far say lets a progress line guess how
 * many are still to come.
 */
export interface RequestProgress {
  started: number;
  settled: number;
  /** Of those: first pages of a list (`pageNumber` 1) asked for, and answered. */
  firstPages: number;
  firstPagesSettled: number;
  /** Of those: pages 2… of a list, asked for once its first page had answered. */
  laterPages: number;
}

export type Query = Record<string, string | number>;

export interface RequestOptions {
  query?: Query;
  /** The Accept version (loket-api.md §3); `null` sends none. Default 2018-01-01. */
  version?: string | null;
  /** Sent as JSON (`application/json`); none when undefined. */
  body?: unknown;
}

export interface LoketHttp {
  readonly host: string;
  /** Parsed JSON of a 2xx answer; every failure is a CliError. */
  request(method: string, path: string, options?: RequestOptions): Promise<unknown>;
  get(path: string, options?: Omit<RequestOptions, 'body'>): Promise<unknown>;
  /**
   * From now on every path goes below `${apiUrl}${extra}` (the one-time `/v2` fallback of §2), except
   * the paths in `keep`, which stay below `apiUrl` (the endpoints without a `/v2` of their own).
   */
  rebase(extra: string, keep?: readonly string[]): void;
  /** Where `--dump` writes this run's answers (its fresh sub-directory), once the first is written. */
  dumpDir(): string | undefined;
  stats(): HttpStats;
  /** Calls `listener` whenever a request starts or settles (retries of it included); returns the unsubscribe. */
  observe(listener: (progress: RequestProgress) => void): () => void;
  close(): void;
}

/** ECONNRESET also covers a connection that broke after the headers (exchange.ts): a GET is asked again. */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED']);

type Outcome = { status: number; retryAfter: string | undefined; headers: Readonly<Record<string, unknown>>; body: string } | { code: string };

export function createHttp(options: HttpOptions): LoketHttp {
  const base = new URL(options.apiUrl);
  const rootUrl = options.apiUrl.replace(/\/+$/, '');
  let apiUrl = rootUrl;
  // Paths that a rebase leaves below rootUrl: without this, `/user`, `/providers` and
  // `/authorizationmodel` were moved to `/v2/v2` too once the fallback kicked in.
  let kept: ReadonlySet<string> = new Set();
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const deadline = options.signal;
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const log = options.debug ? (line: string) => options.debug?.(redact(`http ${line}`)) : undefined;
  const dump = options.dumpDir === undefined ? undefined : createDumper(options.dumpDir);
  const limit = createLimiter(concurrency);
  const connection = connectionFor(base, { maxSockets: concurrency }, options.env);
  if (connection.proxy) log?.(`proxy ${redactUrl(connection.proxy)}`);
  const stats: Omit<HttpStats, 'networkMs'> = { requests: 0, retries: 0, refreshes: 0 };
  let firstSent: number | undefined;
  let lastAnswered: number | undefined;
  // Cheap enough for every request: a check of 10,000 employers makes about 200.
  const progress: RequestProgress = { started: 0, settled: 0, firstPages: 0, firstPagesSettled: 0, laterPages: 0 };
  const observers = new Set<(now: RequestProgress) => void>();
  const tell = () => {
    for (const observer of observers) observer(progress);
  };

  let accessToken: Promise<string> | undefined;
  let refreshing: Promise<string> | undefined;

  // Registered so that an answer echoing the token is redacted like everything else.
  const remembered = (token: string): string => {
    registerSecret(token);
    return token;
  };
  const currentToken = (): Promise<string> => (accessToken ??= options.tokens.getAccessToken().then(remembered));

  /** Concurrent 401s share one refresh; a 401 for a token already replaced just replays. */
  async function renewedToken(rejected: string): Promise<string> {
    const current = await currentToken();
    if (current !== rejected) return current;
    if (!refreshing) {
      stats.refreshes++;
      log?.('token refresh');
      const renewal = options.tokens.refreshAccessToken().then(remembered, (error: unknown) => {
        if (error instanceof CliError) throw error;
        throw new AuthError(t('loket.http.refreshFailed'), { hint: t('loket.http.loginAgainHint') });
      });
      accessToken = renewal;
      refreshing = renewal.finally(() => {
        refreshing = undefined;
      });
      // A failed refresh must not stick: the next request asks the token source again.
      renewal.catch(() => {
        if (accessToken === renewal) accessToken = undefined;
      });
    }
    return refreshing;
  }

  function stopForDeadline(where: Where): never {
    if (deadline?.reason instanceof CliError) throw deadline.reason;
    throw new ApiError(t('loket.http.deadline', where), where);
  }

  async function pause(ms: number, where: Where): Promise<void> {
    stats.retries++;
    log?.(`retry in ${Math.round(ms)}ms`);
    try {
      await policy.sleep(ms, deadline);
    } catch (error) {
      if (deadline?.aborted) stopForDeadline(where);
      throw error;
    }
    if (deadline?.aborted) stopForDeadline(where);
  }

  async function send(method: string, url: string, token: string, accept: string, body: unknown, attempt: number): Promise<Outcome> {
    // The deadline may have passed while this request waited for a free slot.
    if (deadline?.aborted) return { code: 'DEADLINE' };
    // Before the clock starts: with a proxy, the first call loads the proxy agents' modules.
    const agent = await connection.agent();
    const started = monotonicMs();
    firstSent ??= started;
    const elapsed = () => `${Math.round(monotonicMs() - started)}ms`;
    stats.requests++;
    const outcome = await exchange(
      {
        method,
        url: new URL(url),
        headers: { Authorization: `Bearer ${token}`, Accept: accept },
        ...(body === undefined ? {} : { body: { json: body } }),
        agent,
      },
      { timeoutMs, ...(deadline ? { signal: deadline } : {}) },
    );
    if ('code' in outcome) {
      const code = outcome.code === EXCHANGE_CODES.aborted ? 'DEADLINE' : outcome.code;
      log?.(`${method} ${redactUrl(url)} ${code} ${elapsed()} attempt=${attempt}`);
      return { code };
    }
    log?.(`${method} ${redactUrl(url)} ${outcome.status} ${elapsed()} attempt=${attempt}`);
    if (outcome.status >= 300) log?.(`body ${oneLine(outcome.body)}`);
    const retryAfter = outcome.headers['retry-after'];
    return { status: outcome.status, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined, headers: outcome.headers, body: outcome.body };
  }

  async function request(rawMethod: string, path: string, requestOptions: RequestOptions = {}): Promise<unknown> {
    const page = Number(requestOptions.query?.pageNumber ?? 0);
    progress.started++;
    if (page === 1) progress.firstPages++;
    if (page > 1) progress.laterPages++;
    tell();
    try {
      return await attempts(rawMethod, path, requestOptions);
    } finally {
      lastAnswered = monotonicMs();
      progress.settled++;
      if (page === 1) progress.firstPagesSettled++;
      tell();
    }
  }

  async function attempts(rawMethod: string, path: string, requestOptions: RequestOptions): Promise<unknown> {
    const { query, body } = requestOptions;
    const version = requestOptions.version === undefined ? DEFAULT_VERSION : requestOptions.version;
    const accept = acceptHeader(version);
    const method = rawMethod.toUpperCase();
    const where: Where = { method, path };
    const url = urlFor(kept.has(path) ? rootUrl : apiUrl, path, query);
    const retryable = method === 'GET';
    // Pages 2…N of a list wait behind every request that others wait for (pool.ts, Urgency).
    const urgency: Urgency = Number(query?.pageNumber ?? 1) > 1 ? 'later' : 'first';
    let attempt = 1;
    let replayed = false;
    for (;;) {
      if (deadline?.aborted) stopForDeadline(where);
      const token = await currentToken();
      const outcome = await limit(() => send(method, url, token, accept, body, attempt), urgency);

      if ('code' in outcome) {
        if (outcome.code === 'DEADLINE') stopForDeadline(where);
        if (retryable && RETRYABLE_CODES.has(outcome.code) && attempt < policy.maxAttempts) {
          await pause(backoff(attempt), where);
          attempt++;
          continue;
        }
        throw networkError(outcome.code, where, attempt);
      }

      const { status } = outcome;
      await dump?.({ method, path, urlPath: new URL(url).pathname, query: query ?? {}, version, status, body: outcome.body });
      if (status === 401) {
        if (replayed) throw new AuthError(t('loket.http.loginAgain', where), { hint: t('loket.http.loginAgainHint') });
        replayed = true;
        await renewedToken(token);
        continue;
      }
      if (retryable && RETRYABLE_STATUS.has(status)) {
        const wait = retryAfterMs(outcome.retryAfter, policy.now());
        if (wait !== undefined && wait > policy.maxRetryAfterMs) throw comeBackLater(status, wait, where);
        if (attempt < policy.maxAttempts) {
          await pause(wait ?? backoff(attempt), where);
          attempt++;
          continue;
        }
        throw statusError(status, outcome.body, where, attempt);
      }
      if (status >= 200 && status < 300) return parseJson(outcome.body, where);
      // Loket does not redirect (and nothing here follows one): a 3xx is a portal's or proxy's page.
      if (status < 400) throw unexpectedAnswer(where);
      // A proxy's or firewall's 403 is not Loket refusing: never reported (nor judged) as one.
      const marker = status === 403 ? intermediaryOf(outcome.headers, outcome.body, connection.proxy) : undefined;
      throw statusError(status, outcome.body, where, attempt, marker === undefined ? undefined : { marker, host: base.host });
    }
  }

  /** Full jitter: anywhere between 0 and the exponential step, so parallel workers spread out. */
  function backoff(attempt: number): number {
    return policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  }

  function comeBackLater(status: number, waitMs: number, where: Where): ApiError {
    const at = new Date(policy.now() + waitMs);
    const time = options.formatTime ? options.formatTime(at) : at.toISOString();
    const key = status === 429 ? 'loket.http.rateLimited' : 'loket.http.unavailable';
    return new ApiError(t(key, { ...where, status, time }), { ...where, status });
  }

  function networkError(code: string, where: Where, attempts: number): ApiError {
    const details = { ...where, code };
    const host = base.host;
    const unreachable = unreachableHost(code, host, details);
    if (unreachable) return unreachable;
    if (code === EXCHANGE_CODES.tooLarge) return tooLarge(host, where);
    if (code === EXCHANGE_CODES.undecodable) return undecodable(host, where);
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
      return new ApiError(t('loket.http.timeout', { ...where, seconds: timeoutMs / 1000, attempts }), details, {
        hint: t('loket.http.timeoutHint'),
      });
    }
    return new ApiError(t('loket.http.network', { ...where, host, code }), details, { hint: t('loket.http.networkHint') });
  }

  function parseJson(text: string, where: Where): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw unexpectedAnswer(where);
    }
  }

  function unexpectedAnswer(where: Where): ApiError {
    return new ApiError(t('loket.http.unexpected', { ...where, host: base.host }), where, {
      hint: t('loket.http.unexpectedHint'),
    });
  }

  return {
    host: base.host,
    request,
    get: (path, getOptions) => request('GET', path, getOptions),
    dumpDir: () => dump?.dir(),
    rebase(extra, keep = []) {
      apiUrl = `${rootUrl}${extra}`;
      kept = new Set(keep);
      log?.(`base ${redactUrl(apiUrl)}`);
    },
    stats: () => ({ ...stats, networkMs: firstSent === undefined || lastAnswered === undefined ? 0 : Math.round(lastAnswered - firstSent) }),
    observe(listener) {
      const from = { ...progress };
      const observer = (now: RequestProgress) => listener(since(from, now));
      observers.add(observer);
      return () => void observers.delete(observer);
    },
    close: () => connection.close(),
  };
}

/** The counts of `now` that came after `from`. */
export function since(from: RequestProgress, now: RequestProgress): RequestProgress {
  return {
    started: now.started - from.started,
    settled: now.settled - from.settled,
    firstPages: now.firstPages - from.firstPages,
    firstPagesSettled: now.firstPagesSettled - from.firstPagesSettled,
    laterPages: now.laterPages - from.laterPages,
  };
}

function urlFor(apiUrl: string, path: string, query?: Record<string, string | number>): string {
  const url = new URL(apiUrl + path);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
  return url.toString();
}

export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
