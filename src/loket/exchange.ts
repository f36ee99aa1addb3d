/**
 * One HTTP exchange under limits, for the API client (http.ts) and the OAuth token endpoint
 * (src/auth/oauth.ts) alike: one deadline for the whole exchange — connect, headers and every byte
 * of the body — and a size limit on the body, counted while it streams in. A server that sends one
 * byte a second, or a body that never ends, cannot hold the run or grow it without bound.
 *
 * axios errors never leave this file (their config holds the Authorization header or the form with
 * the refresh token and client secret): only a code is read from them.
 */
import type { Readable } from 'node:stream';
import type { AxiosInstance, AxiosRequestConfig } from 'axios';

/** No answer of Loket.nl (a page of 250 items, a token) comes near this; a proxy's page is not worth more in memory. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * The codes of failures this file decides itself: the exchange's own deadline passed (`ETIMEDOUT`),
 * the run's signal fired (`ABORTED`: its reason is the run's to report), the body passed the limit
 * (`ETOOLARGE`). A connection that breaks after the headers is `ECONNRESET`, like one that breaks before.
 */
export const EXCHANGE_CODES = { timeout: 'ETIMEDOUT', aborted: 'ABORTED', tooLarge: 'ETOOLARGE', reset: 'ECONNRESET' } as const;

export interface ExchangeLimits {
  /** For the whole exchange, from the first connect to the last byte of the body. */
  timeoutMs: number;
  maxBodyBytes?: number;
  /** The run's signal (its deadline, Ctrl+C): drops the exchange at once. */
  signal?: AbortSignal;
}

export type ExchangeOutcome = { status: number; headers: Readonly<Record<string, unknown>>; body: string } | { code: string };

/** Only the code is taken from a failed request; the rest of the error carries the token. */
function networkCode(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof cause?.code === 'string' ? cause.code : 'ERR_NETWORK';
}

/** Sends `config` with `client` and reads the whole answer as text, within `limits`; never throws. */
export async function exchange(client: Pick<AxiosInstance, 'request'>, config: AxiosRequestConfig, limits: ExchangeLimits): Promise<ExchangeOutcome> {
  const maxBodyBytes = limits.maxBodyBytes ?? MAX_BODY_BYTES;
  const outer = limits.signal;
  if (outer?.aborted) return { code: EXCHANGE_CODES.aborted };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  const stopped = (): string | undefined => (outer?.aborted ? EXCHANGE_CODES.aborted : timedOut ? EXCHANGE_CODES.timeout : undefined);
  let body: Readable | undefined;
  const dropBody = () => body?.destroy();
  try {
    let response;
    try {
      response = await client.request<Readable>({
        ...config,
        responseType: 'stream',
        // The limit is ours, counted below; axios' own would end in an error we could not tell apart.
        maxContentLength: -1,
        signal: controller.signal,
      });
    } catch (error) {
      return { code: stopped() ?? networkCode(error) };
    }
    body = response.data;
    controller.signal.addEventListener('abort', dropBody, { once: true });
    const announced = Number(response.headers['content-length']);
    if (Number.isFinite(announced) && announced > maxBodyBytes) {
      dropBody();
      return { code: EXCHANGE_CODES.tooLarge };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of body) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        size += bytes.length;
        if (size > maxBodyBytes) {
          dropBody();
          return { code: EXCHANGE_CODES.tooLarge };
        }
        chunks.push(bytes);
      }
    } catch {
      // The headers came, the body did not: the connection broke (or was dropped by the deadline).
      return { code: stopped() ?? EXCHANGE_CODES.reset };
    }
    return { status: response.status, headers: response.headers as Record<string, unknown>, body: Buffer.concat(chunks).toString('utf8') };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
    controller.signal.removeEventListener('abort', dropBody);
  }
}
