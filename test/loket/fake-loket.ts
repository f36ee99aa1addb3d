/**
 * nock helpers for the Loket client's tests. Kept apart from helpers.ts: importing nock patches
 * `http`, and test/loket/proxy.test.ts (which imports helpers.ts) needs the real one.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { HOST } from './helpers.js';

/** A request as the fake Loket saw it. */
export interface SeenRequest {
  /** Path and query string exactly as sent (still URL-encoded). */
  url: string;
  path: string;
  query: URLSearchParams;
  accept: string | undefined;
}

export type Answer = readonly [number] | readonly [number, nock.ReplyBody] | readonly [number, nock.ReplyBody, nock.ReplyHeaders];

/**
 * A fake Loket on HOST that answers every GET through `handler` and records what it was asked, in
 * order. nock's netConnect stays disabled: nothing leaves the process.
 */
export function fakeLoket(handler: (request: SeenRequest) => Answer | Promise<Answer>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  nock(HOST)
    .persist()
    .get(/.*/)
    .query(true)
    .reply(async function (uri) {
      const url = new URL(uri, HOST);
      const request = { url: `${url.pathname}${url.search}`, path: url.pathname, query: url.searchParams, accept: this.req.headers.accept };
      seen.push(request);
      return handler(request);
    });
  return seen;
}

/**
 * nock for one test file: active, with every real connection refused (loopback included), and put
 * back afterwards. Vitest may run the next file in the same process, where nock's patch of `http`
 * would otherwise still be in place: test/loket/proxy.test.ts, which talks to a real proxy on
 * loopback, then hangs.
 */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
}
