/**
 * One HTTP exchange under limits, for the API client (http.ts) and the OAuth token endpoint
 * (src/auth/oauth.ts) alike, straight on node:http / node:https: one deadline for the whole
 * exchange — connect, headers and every byte of the body — and a size limit on the body, counted
 * while it streams in (after decompression). A server that sends one byte a second, or a body that
 * never ends, cannot hold the run or grow it without bound.
 *
 * Only a code leaves this file, never an error: the request holds the Authorization header or the
 * form with the refresh token and client secret, so nothing said about it (by Node or by a library
 * under it) may reach a message, a log line or an error's cause. The callers word their own errors.
 */
import http from 'node:http';
import https from 'node:https';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';

/** No answer of Loket.nl (a page of 250 items, a token) comes near this; a proxy's page is not worth more in memory. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * The codes of failures this file decides itself: the exchange's own deadline passed (`ETIMEDOUT`),
 * the run's signal fired (`ABORTED`: its reason is the run's to report), the body passed the limit
 * (`ETOOLARGE`). A connection that breaks after the headers is `ECONNRESET`, like one that breaks
 * before. A body that cannot be decompressed — a Content-Encoding we did not ask for, or compressed
 * bytes that are broken — is `EBADENCODING`: the server did answer, and what it sent cannot be read,
 * so the callers call it an unexpected answer (not a network failure, and not retried: the same
 * server sends the same bytes again). A connection that breaks halfway is still `ECONNRESET`; only
 * a body that arrived whole and does not decode is `EBADENCODING`.
 */
export const EXCHANGE_CODES = {
  timeout: 'ETIMEDOUT',
  aborted: 'ABORTED',
  tooLarge: 'ETOOLARGE',
  reset: 'ECONNRESET',
  undecodable: 'EBADENCODING',
} as const;

/** What we can decompress; nothing else is asked for. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
const USER_AGENT = `loket-asr-setup/${__VERSION__}`;

export interface ExchangeLimits {
  /** For the whole exchange, from the first connect to the last byte of the body. */
  timeoutMs: number;
  /** Of the body as decoded: a small compressed body may not inflate past it. */
  maxBodyBytes?: number;
  /** The run's signal (its deadline, Ctrl+C): drops the exchange at once. */
  signal?: AbortSignal;
}

/**
 * A request body: a JSON value (sent as `application/json`), or a form already URL-encoded (sent as
 * `application/x-www-form-urlencoded`: the OAuth token request).
 */
export type ExchangeBody = { json: unknown } | { form: string };

export interface ExchangeRequest {
  method: string;
  url: URL;
  /**
   * Sent as given. This file adds User-Agent, Accept-Encoding (it decodes the answer) and, with a
   * body, its Content-Type and Content-Length.
   */
  headers: Readonly<Record<string, string>>;
  body?: ExchangeBody;
  /** The connection (src/loket/proxy.ts): a keep-alive agent, or one through the proxy. */
  agent: http.Agent;
}

/** Headers as Node gives them: names in lower case. The body is decoded (gzip, deflate, br) and read as UTF-8. */
export type ExchangeOutcome = { status: number; headers: Readonly<Record<string, unknown>>; body: string } | { code: string };

/** Only the code is taken from a failed request. */
function networkCode(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof cause?.code === 'string' ? cause.code : 'ERR_NETWORK';
}

function withBody(request: ExchangeRequest): { headers: Record<string, string>; payload: Buffer | undefined } {
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, ...request.headers, 'Accept-Encoding': ACCEPT_ENCODING };
  if (request.body === undefined) return { headers, payload: undefined };
  const [type, text] =
    'json' in request.body ? ['application/json', JSON.stringify(request.body.json)] : ['application/x-www-form-urlencoded', request.body.form];
  const payload = Buffer.from(text, 'utf8');
  headers['Content-Type'] = type;
  headers['Content-Length'] = String(payload.length);
  return { headers, payload };
}

/** RFC 1950's header: compression method 8 (deflate) in the low bits of the first byte, and the two bytes as a number divisible by 31. */
function isZlibHeader(first: Buffer): boolean {
  const [cmf, flg] = [first[0], first[1]];
  // A first chunk of one byte cannot show the pair; method 8 alone then decides.
  return cmf !== undefined && (cmf & 0x0f) === 8 && (flg === undefined || ((cmf << 8) | flg) % 31 === 0);
}

/**
 * The decompressor for `encoding`, chosen when the body's first bytes are there (an empty body, as
 * with 204 or 304, needs none, and zlib calls empty input broken); undefined for an encoding we do
 * not know. The decoders are strict: a stream that stops short or carries garbage is an error.
 */
function decoderFor(encoding: string, first: Buffer): Transform | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      // HTTP's deflate is the zlib format (RFC 1950: a two-byte header, method 8, the pair a
      // multiple of 31); some servers send the bare deflate stream (RFC 1951) instead, which
      // browsers and curl accept too.
      return isZlibHeader(first) ? zlib.createInflate() : zlib.createInflateRaw();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Sends `request` and reads the whole answer as text, within `limits`; never throws. */
export function exchange(request: ExchangeRequest, limits: ExchangeLimits): Promise<ExchangeOutcome> {
  const outer = limits.signal;
  if (outer?.aborted) return Promise.resolve({ code: EXCHANGE_CODES.aborted });
  const maxBodyBytes = limits.maxBodyBytes ?? MAX_BODY_BYTES;
  return new Promise((resolve) => {
    let outgoing: http.ClientRequest | undefined;
    let decoder: Transform | undefined;
    let settled = false;
    const finish = (outcome: ExchangeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
      // A failure drops the connection: a socket with half an answer on it is of no use to the next request.
      if ('code' in outcome) {
        decoder?.destroy();
        outgoing?.destroy();
      }
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ code: EXCHANGE_CODES.timeout }), limits.timeoutMs);
    const onAbort = (): void => finish({ code: EXCHANGE_CODES.aborted });
    outer?.addEventListener('abort', onAbort, { once: true });

    let payload: Buffer | undefined;
    try {
      const prepared = withBody(request);
      payload = prepared.payload;
      const send = request.url.protocol === 'https:' ? https.request : http.request;
      // Node follows no redirects: a 3xx comes back as it is (http.ts calls it an unexpected answer).
      outgoing = send(request.url, { method: request.method, headers: prepared.headers, agent: request.agent });
    } catch (error) {
      // Refused before anything was sent: a header Node will not send (a token with a line break), a
      // protocol it does not know, a body JSON cannot write (a cycle, a BigInt).
      finish({ code: networkCode(error) });
      return;
    }
    // Also after a failure: destroying the request makes it emit errors of its own.
    outgoing.on('error', (error) => finish({ code: networkCode(error) }));
    outgoing.on('response', (response) => {
      // Also after a failure, as above; the headers came, the body did not: the connection broke.
      response.on('error', () => finish({ code: EXCHANGE_CODES.reset }));
      if (settled) return;
      // What is announced counts too (as sent, so before decoding): no need to wait for a body that is too large anyway.
      const announced = Number(response.headers['content-length']);
      if (announced > maxBodyBytes) {
        finish({ code: EXCHANGE_CODES.tooLarge });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const take = (chunk: Buffer): void => {
        if (settled) return;
        size += chunk.length;
        if (size > maxBodyBytes) finish({ code: EXCHANGE_CODES.tooLarge });
        else chunks.push(chunk);
      };
      const complete = (): void => finish({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks, size).toString('utf8') });

      const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
      let received = false;
      response.on('close', () => {
        if (!received) finish({ code: EXCHANGE_CODES.reset });
      });
      if (encoding === '' || encoding === 'identity') {
        response.on('data', take);
        response.on('end', () => {
          received = true;
          complete();
        });
        return;
      }
      response.on('data', (raw: Buffer) => {
        if (settled) return;
        if (!decoder) {
          decoder = decoderFor(encoding, raw);
          if (!decoder) {
            finish({ code: EXCHANGE_CODES.undecodable });
            return;
          }
          decoder.on('data', take);
          decoder.on('end', complete);
          decoder.on('error', () => finish({ code: EXCHANGE_CODES.undecodable }));
        }
        // The decoder's pace, not the network's: compressed bytes must not pile up in front of it.
        if (!decoder.write(raw)) {
          response.pause();
          decoder.once('drain', () => response.resume());
        }
      });
      response.on('end', () => {
        received = true;
        if (decoder) decoder.end();
        else complete();
      });
    });
    outgoing.end(payload);
  });
}
