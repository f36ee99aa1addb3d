import { DEFAULTS, LIMITS } from '../env.js';

/** Bounded concurrency: be polite to Loket.nl (loket-api.md §7), yet check hundreds of employers fast. */

export function clampConcurrency(concurrency: number): number {
  if (!Number.isFinite(concurrency)) return DEFAULTS.concurrency;
  return Math.min(LIMITS.concurrency.max, Math.max(LIMITS.concurrency.min, Math.trunc(concurrency)));
}

/**
 * `fn` over `items` with at most `concurrency` calls running; results keep the input order. Items of an
 * async iterable are pulled only as workers free up, so a paged listing streams through. After the
 * first rejection (or an abort) nothing new starts; calls already running finish, then the first error
 * is thrown.
 */
export async function mapPool<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : fromSync(items);
  const results: R[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;

  const worker = async (): Promise<void> => {
    while (!failure) {
      if (signal?.aborted) {
        failure ??= { error: signal.reason };
        return;
      }
      let step: IteratorResult<T>;
      try {
        step = await iterator.next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (step.done || failure) return;
      const index = next++;
      try {
        results[index] = await fn(step.value, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };

  await Promise.all(Array.from({ length: clampConcurrency(concurrency) }, worker));
  if (failure) {
    // Lets a paged source stop fetching; its own trouble in closing must not hide the first error.
    await iterator.return?.().catch(() => undefined);
    throw failure.error;
  }
  return results;
}

async function* fromSync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/**
 * Which waiting task goes first when a slot frees up. `first`: a request others wait for — anything
 * but a later page of a list (page 1 tells how many pages there are; a user, a team, an employer
 * list lead to the next requests). `later`: pages 2…N, which nothing waits for but the list itself.
 * Without this, a check of 10,000 employers queued the webservice user's lookup behind some ninety
 * pages of employers and administrations, and every link in its chain (user → teams → team members
 * → team employers) waited for the queue again: rounds of latency a real Loket.nl makes expensive.
 */
export type Urgency = 'first' | 'later';

export type Limiter = <R>(task: () => Promise<R>, urgency?: Urgency) => Promise<R>;

/**
 * After this many `first` tasks in a row while `later` ones wait, one `later` goes: a fallback that
 * asks one request per employer (E4, E5: each a first page) must not hold a list's pages back until
 * all of those are done.
 */
const FIRST_IN_A_ROW = 8;

/** At most `concurrency` calls of `run` in flight at once, whoever calls it; `first` tasks are started before `later` ones. */
export function createLimiter(concurrency: number): Limiter {
  const width = clampConcurrency(concurrency);
  const waiting: Record<Urgency, Array<() => void>> = { first: [], later: [] };
  let running = 0;
  let firstInARow = 0;
  const next = (): (() => void) | undefined => {
    if (waiting.later.length > 0 && (waiting.first.length === 0 || firstInARow >= FIRST_IN_A_ROW)) {
      firstInARow = 0;
      return waiting.later.shift();
    }
    const wake = waiting.first.shift();
    if (wake) firstInARow++;
    return wake;
  };
  return async (task, urgency = 'first') => {
    if (running >= width) await new Promise<void>((resolve) => waiting[urgency].push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const wake = next();
      if (wake) wake();
      else running--;
    }
  };
}
