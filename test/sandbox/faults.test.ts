import { afterEach, describe, expect, it } from 'vitest';
import { createFaultInjector, createRateLimiter, MAX_FAILURES_IN_A_ROW } from '../../src/sandbox/faults.js';
import { SERVER_FAULTS } from '../../src/sandbox/scenarios.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';

let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

type Outcome = number | 'reset';

interface Attempt {
  outcome: Outcome;
  retryAfter: string | null;
  contentType?: string | null;
  text?: string;
  body?: unknown;
}

/** One GET; a connection reset shows up as a rejected fetch. */
async function attempt(handle: SandboxHandle, path: string): Promise<Attempt> {
  try {
    const response = await fetch(`${handle.apiUrl}${path}`, { headers: { Authorization: `Bearer ${handle.accessToken}` } });
    const text = await response.text();
    return {
      outcome: response.status,
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
      text,
      ...(response.status === 200 ? { body: JSON.parse(text) } : {}),
    };
  } catch {
    return { outcome: 'reset', retryAfter: null };
  }
}

/** Like a client with five attempts: returns every outcome until the first 200. */
async function withRetries(handle: SandboxHandle, path: string): Promise<{ outcomes: Outcome[]; retryAfters: string[]; body?: unknown }> {
  const outcomes: Outcome[] = [];
  const retryAfters: string[] = [];
  for (let i = 0; i < 5; i++) {
    const result = await attempt(handle, path);
    outcomes.push(result.outcome);
    if (result.outcome === 429) retryAfters.push(result.retryAfter ?? '');
    if (result.outcome === 200) return { outcomes, retryAfters, body: result.body };
  }
  return { outcomes, retryAfters };
}

async function crawl(handle: SandboxHandle): Promise<Outcome[][]> {
  const all: Outcome[][] = [];
  const retryAfters: string[] = [];
  const fetchPath = async <T>(path: string): Promise<T> => {
    const result = await withRetries(handle, path);
    all.push(result.outcomes);
    retryAfters.push(...result.retryAfters);
    expect(result.outcomes.at(-1), path).toBe(200);
    return result.body as T;
  };
  await fetchPath('/user');
  const provider = (await fetchPath<{ _embedded: { id: string }[] }>('/providers'))._embedded[0]!.id;
  const employers = await fetchPath<{ _embedded: { id: string }[] }>('/providers/employers');
  await fetchPath('/providers/employers/administrations');
  await fetchPath(`/providers/${provider}/employers/minimized`);
  const users = await fetchPath<{ _embedded: { id: string; userName: string | null }[] }>(`/providers/${provider}/users`);
  const webserviceUser = users._embedded.find((user) => user.userName === 'Webservice#01')!;
  await fetchPath(`/providers/users/${webserviceUser.id}/authorizationGroups`);
  const teams = await fetchPath<{ _embedded: { id: string }[] }>(`/providers/${provider}/authorizationgroups`);
  for (const { id } of teams._embedded) {
    await fetchPath(`/providers/authorizationgroups/${id}/users`);
    await fetchPath(`/providers/authorizationgroups/${id}/employers`);
  }
  for (const { id } of employers._embedded) {
    await fetchPath(`/providers/employers/${id}/administrations`);
    await fetchPath(`/providers/employers/${id}/users`);
    await fetchPath(`/providers/employers/${id}/authorizations`);
  }
  expect(retryAfters.every((value) => value === '1')).toBe(true);
  return all;
}

describe('flaky scenario', () => {
  it('fails a share of requests in every way, yet every path succeeds within 5 attempts', async () => {
    const outcomes = await crawl((sandbox = await startSandbox({ scenario: 'flaky' })));
    const failures = outcomes.flat().filter((outcome) => outcome !== 200);
    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures)).toEqual(new Set([502, 503, 504, 429, 'reset']));
    expect(outcomes.some((path) => path.length > 2)).toBe(true);
  });

  it('sends gateway errors as HTML, and 429 without a body', async () => {
    sandbox = await startSandbox({ scenario: 'flaky' });
    const seen = new Map<Outcome, Attempt>();
    for (let page = 1; page <= 60 && seen.size < 4; page++) {
      const result = await attempt(sandbox, `/providers/employers?pageNumber=${page}`);
      if (result.outcome !== 200 && result.outcome !== 'reset') seen.set(result.outcome, result);
    }
    const gateway = [502, 503, 504].filter((status) => seen.has(status));
    expect(gateway.length).toBeGreaterThan(0);
    for (const status of gateway) {
      expect(seen.get(status)!.contentType).toMatch(/^text\/html/);
      expect(seen.get(status)!.text).toContain(`<title>${status} `);
    }
    const limited = seen.get(429);
    expect(limited).toBeDefined();
    expect([limited!.text, limited!.retryAfter]).toEqual(['', '1']);
  });

  it('fails the same way on every run with the same seed', async () => {
    const first = await crawl((sandbox = await startSandbox({ scenario: 'flaky' })));
    await sandbox.close();
    const second = await crawl((sandbox = await startSandbox({ scenario: 'flaky' })));
    expect(second).toEqual(first);
  });
});

describe('failRate', () => {
  it('applies to any scenario, with server errors and resets but no 429', async () => {
    sandbox = await startSandbox({ scenario: 'all-good', failRate: 1 });
    const result = await withRetries(sandbox, '/user');
    expect(result.outcomes).toHaveLength(MAX_FAILURES_IN_A_ROW + 1);
    expect(result.outcomes.at(-1)).toBe(200);
    const kinds = new Set<Outcome>();
    for (let page = 1; page <= 20; page++) {
      for (const outcome of (await withRetries(sandbox, `/providers/employers?pageNumber=${page}`)).outcomes) kinds.add(outcome);
    }
    expect(kinds.has(429)).toBe(false);
    expect([...kinds].every((kind) => [200, 502, 503, 504, 'reset'].includes(kind))).toBe(true);
  });
});

describe('fault injector', () => {
  it('never fails a path more than three times in a row, whatever the rate', () => {
    const injector = createFaultInjector(1, 0.9, SERVER_FAULTS);
    for (let path = 0; path < 200; path++) {
      let inARow = 0;
      for (let request = 0; request < 20; request++) {
        inARow = injector.next(`/p/${path}`) === undefined ? 0 : inARow + 1;
        expect(inARow).toBeLessThanOrEqual(MAX_FAILURES_IN_A_ROW);
      }
    }
  });

  it('gives each path the same sequence however requests interleave', () => {
    const forward = createFaultInjector(5, 0.5, SERVER_FAULTS);
    const backward = createFaultInjector(5, 0.5, SERVER_FAULTS);
    const paths = Array.from({ length: 50 }, (_, i) => `/path/${i}`);
    const a = paths.map((path) => [forward.next(path), forward.next(path)]);
    const b = [...paths]
      .reverse()
      .map((path) => [backward.next(path), backward.next(path)])
      .reverse();
    expect(b).toEqual(a);
  });

  it('fails roughly the requested share of first attempts', () => {
    const injector = createFaultInjector(3, 0.3, SERVER_FAULTS);
    const failed = Array.from({ length: 2000 }, (_, i) => injector.next(`/first/${i}`)).filter((fault) => fault !== undefined);
    expect(failed.length).toBeGreaterThan(500);
    expect(failed.length).toBeLessThan(700);
  });
});

describe('rate limit', () => {
  it('allows a burst of one second, then answers with whole-second Retry-After until tokens refill', () => {
    let now = 0;
    const limiter = createRateLimiter(2, () => now);
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([undefined, undefined, 1]);
    now = 499;
    expect(limiter.take()).toBe(1);
    now = 500;
    expect(limiter.take()).toBeUndefined();
    const slow = createRateLimiter(0.25, () => now);
    expect([slow.take(), slow.take()]).toEqual([undefined, 4]);
  });

  it('answers 429 with Retry-After over HTTP', async () => {
    sandbox = await startSandbox({ rateLimit: 1 });
    const handle = sandbox;
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(handle, '/user')));
    const limited = results.filter((result) => result.outcome === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(results.some((result) => result.outcome === 200)).toBe(true);
    for (const result of limited) {
      expect(Number(result.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(result.text).toBe('');
    }
    expect(handle.stats().requests).toBe(20);
  });
});
