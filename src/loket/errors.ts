/**
 * From a failed request to the tool's own error (loket-api.md §4): Loket's message read from any of
 * its error body shapes, in one sanitised line; DNS, TLS, proxy and status failures each with the
 * fix on the user's side. Shared by the API client (http.ts) and the OAuth client (src/auth).
 */
import { ApiError, type ApiErrorDetails } from '../errors.js';
import { t } from '../i18n/index.js';
import { sanitizeLine } from '../sanitize.js';
import { EXCHANGE_CODES, MAX_BODY_BYTES } from './exchange.js';
import { redact } from './redact.js';

/** Answers worth another try for a GET (after a pause, Retry-After respected). */
export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const TLS_CODE = /^(CERT_|ERR_TLS_CERT|UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT)/;
const MAX_MESSAGE_LENGTH = 200;

export type Where = { method: string; path: string };

/** DNS and TLS failures: not retried, and the fix is on the user's side (network, proxy, CA). */
export function unreachableHost(code: string, host: string, details: ApiErrorDetails): ApiError | undefined {
  if (code === 'ENOTFOUND') return new ApiError(t('loket.http.hostNotFound', { host }), details, { hint: t('loket.http.networkHint') });
  if (TLS_CODE.test(code)) return new ApiError(t('loket.http.tls', { host, code }), details, { hint: t('loket.http.tlsHint') });
  return undefined;
}

/**
 * An answer larger than the exchange's limit (MAX_BODY_BYTES): said as such, since a
 * connection that worked is not "no connection". Usually a proxy or portal answering in Loket's place.
 */
export function tooLarge(host: string, where: Where): ApiError {
  return new ApiError(
    t('loket.http.tooLarge', { ...where, host, megabytes: MAX_BODY_BYTES / (1024 * 1024) }),
    { ...where, code: 'ETOOLARGE' },
    { hint: t('loket.http.unexpectedHint') },
  );
}

/**
 * An answer whose body cannot be decompressed (exchange.ts's EBADENCODING: a Content-Encoding that
 * was not asked for, or broken compressed bytes). The server answered, so it is not "no
 * connection"; like a page that is not JSON, it is an unexpected answer, usually from something
 * between us and Loket.
 */
export function undecodable(host: string, where: Where): ApiError {
  return new ApiError(
    t('loket.http.undecodable', { ...where, host }),
    { ...where, code: EXCHANGE_CODES.undecodable },
    { hint: t('loket.http.unexpectedHint') },
  );
}

/**
 * Loket's own words from an error body (loket-api.md §4): 401/403 `{ "message" }` (also `Message`),
 * 400/409 `{ messages: [ { description } ] }`, OAuth `{ error_description }`; one line, redacted,
 * at most 200 characters. HTML pages and empty bodies say nothing.
 */
export function loketMessageOf(body: string): string | undefined {
  let message: unknown = body;
  try {
    const json = JSON.parse(body) as {
      message?: unknown;
      Message?: unknown;
      messages?: { description?: unknown }[];
      error_description?: unknown;
    };
    message = json?.message ?? json?.Message ?? (Array.isArray(json?.messages) ? json.messages[0]?.description : undefined) ?? json?.error_description;
  } catch {
    // A text/plain 400 is one line worth showing; an HTML page says nothing useful in one line.
    if (/^\s*</.test(body)) return undefined;
  }
  if (typeof message !== 'string') return undefined;
  return oneLine(message) || undefined;
}

export function oneLine(text: string): string {
  const line = redact(sanitizeLine(text.trim().split(/\r?\n/, 1)[0] ?? ''));
  return line.length > MAX_MESSAGE_LENGTH ? `${line.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : line;
}

/** Loket's own error bodies (§4): JSON with `message`, `Message` or `messages[]`. */
function isLoketErrorBody(body: string): boolean {
  try {
    const json: unknown = JSON.parse(body);
    return json !== null && typeof json === 'object' && ['message', 'Message', 'messages'].some((key) => Object.hasOwn(json, key));
  } catch {
    return false;
  }
}

/** Headers that a proxy or gateway adds to an answer it gives itself. */
const PROXY_HEADERS = ['via', 'x-squid-error', 'proxy-authenticate', 'proxy-connection', 'x-proxy-id', 'x-bluecoat-via', 'x-zscaler-transaction-id'];

/**
 * Whether a 403 came from something between us and Loket, and what gave it away. Loket's own 403
 * has its JSON body (§4) — that is Loket's, also when a gateway added a header on the way. Any
 * other 403 is a proxy's, firewall's or portal's when it carries a proxy header (Via…), is an HTML
 * page (Loket's API answers no HTML), or the connection goes through a proxy (HTTPS_PROXY). A bare
 * 403 on a direct connection stays Loket's.
 */
export function intermediaryOf(headers: Readonly<Record<string, unknown>>, body: string, proxy: string | undefined): string | undefined {
  if (isLoketErrorBody(body)) return undefined;
  for (const name of PROXY_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string' && value.trim() !== '') return `${name}: ${oneLine(value).slice(0, 60)}`;
  }
  const type = headers['content-type'];
  if ((typeof type === 'string' && /html/i.test(type)) || /^\s*</.test(body)) return t('loket.http.marker.html');
  if (proxy) return t('loket.http.marker.proxy', { proxy: URL.canParse(proxy) ? new URL(proxy).host : '?' });
  return undefined;
}

/** `between`: what intermediaryOf found, and the host the request was for. */
export function statusError(status: number, body: string, where: Where, attempts: number, between?: { marker: string; host: string }): ApiError {
  if (between !== undefined) {
    return new ApiError(
      t('loket.http.intermediary', { ...where, status, marker: between.marker }),
      { ...where, intermediary: between.marker },
      {
        hint: t('loket.http.intermediaryHint', { host: between.host }),
      },
    );
  }
  const loketMessage = loketMessageOf(body);
  const details: ApiErrorDetails = { ...where, status, bodyless: body.trim() === '', ...(loketMessage === undefined ? {} : { loketMessage }) };
  if (RETRYABLE_STATUS.has(status) && where.method === 'GET') {
    return new ApiError(t('loket.http.gaveUp', { ...where, status, attempts }), details, {
      hint: t('loket.http.gaveUpHint'),
    });
  }
  if (status === 407) {
    return new ApiError(t('loket.http.proxyAuth', where), details, { hint: t('loket.http.proxyAuthHint') });
  }
  const key = status === 403 ? 'loket.http.forbidden' : status === 404 ? 'loket.http.notFound' : 'loket.http.status';
  const said = loketMessage === undefined ? '' : ` ${t('loket.http.loketSays', { message: loketMessage })}`;
  return new ApiError(`${t(key, { ...where, status })}${said}`, details);
}

/** For callers that treat some refusals as "cannot tell" (E5/E6 403 and 404 → unverifiable). */
export function isStatus(error: unknown, ...statuses: number[]): error is ApiError {
  return error instanceof ApiError && error.details.status !== undefined && statuses.includes(error.details.status);
}
