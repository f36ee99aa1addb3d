import { readFileSync } from 'node:fs';
import type { TokenSource } from '../../src/loket/http.js';
import type { RetryPolicy } from '../../src/loket/http.js';

export const API = 'https://api.loket.test/v2';
export const HOST = 'https://api.loket.test';

/** A token source that hands out `access-1`, then `access-2`… on each refresh, and counts refreshes. */
export function fakeTokens(options: { refresh?: () => Promise<string> } = {}): TokenSource & { refreshes: number } {
  let generation = 1;
  const source = {
    refreshes: 0,
    getAccessToken: async () => `access-token-${generation}`,
    refreshAccessToken: async () => {
      source.refreshes++;
      if (options.refresh) return options.refresh();
      generation++;
      return `access-token-${generation}`;
    },
  };
  return source;
}

/** Retries without waiting: records the requested pauses instead. */
export function instantRetry(now = Date.parse('2026-11-28T10:00:00Z')): Partial<RetryPolicy> & { pauses: number[] } {
  const pauses: number[] = [];
  return {
    pauses,
    random: () => 0.5,
    now: () => now,
    sleep: async (ms: number) => {
      pauses.push(ms);
    },
  };
}

/** One document of test/fixtures/loket-spec (its README.md describes the format). */
export interface SpecFixture {
  id: string;
  request: string;
  status: number;
  nullable: string[];
  types: Record<string, string>;
  body: Record<string, unknown>;
}

const FIXTURES = new URL('../fixtures/loket-spec/', import.meta.url);

/** A fresh copy each time, so a test may change it. */
export function specFixture(name: string): SpecFixture {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as SpecFixture;
}

/** A list answer with the spec's envelope: one page holding `items`. */
export function listPage(
  items: unknown,
  paging: { totalSize?: number; pageSize?: number; totalPages?: number; currentPage?: number } = {},
): Record<string, unknown> {
  const count = Array.isArray(items) ? items.length : 1;
  return {
    totalSize: count,
    pageSize: 250,
    totalPages: count === 0 ? 0 : 1,
    currentPage: 1,
    version: { obsoleteDate: null, resourceVersion: '2018-12-31' },
    messages: [],
    _embedded: items,
    ...paging,
  };
}
