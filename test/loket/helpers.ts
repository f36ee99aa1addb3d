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
