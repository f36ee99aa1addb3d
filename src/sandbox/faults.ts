/**
 * Trouble the simulator can make on purpose: injected failures (flaky scenario, --fail-rate) and
 * a rate limit (--rate-limit).
 */
import type { Fault } from './scenarios.js';
import { hash32, hashString } from './seed.js';

/** A client that tries five times must always get through: at most this many failures in a row. */
export const MAX_FAILURES_IN_A_ROW = 3;

export interface FaultInjector {
  /** The fault for this request, or undefined to answer normally. */
  next(requestKey: string): Fault | undefined;
}

/**
 * Decides per request path and per attempt on that path, not from one global sequence, so the
 * outcome does not depend on how concurrent requests interleave. Only paths in the middle of a
 * failure streak are remembered; after a success the path starts its sequence afresh.
 */
export function createFaultInjector(seed: number, rate: number, kinds: readonly Fault[]): FaultInjector {
  const failuresInARow = new Map<string, number>();
  return {
    next(requestKey) {
      const failures = failuresInARow.get(requestKey) ?? 0;
      const draw = hash32(seed, hashString(requestKey), failures);
      if (failures >= MAX_FAILURES_IN_A_ROW || draw / 2 ** 32 >= rate) {
        failuresInARow.delete(requestKey);
        return undefined;
      }
      failuresInARow.set(requestKey, failures + 1);
      return kinds[hash32(draw, 0x7a) % kinds.length];
    },
  };
}

export interface RateLimiter {
  /** Undefined when the request may proceed; otherwise the Retry-After in whole seconds. */
  take(): number | undefined;
}

/** A token bucket: bursts up to one second's worth of requests, refilled continuously. */
export function createRateLimiter(perSecond: number, now: () => number = () => performance.now()): RateLimiter {
  const capacity = Math.max(1, perSecond);
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const current = now();
      tokens = Math.min(capacity, tokens + ((current - last) / 1000) * perSecond);
      last = current;
      if (tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    },
  };
}
