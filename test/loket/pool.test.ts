import { describe, expect, it } from 'vitest';
import { clampConcurrency, createLimiter, mapPool } from '../../src/loket/pool.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapPool', () => {
  it('keeps the input order whatever order the calls finish in', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const running = mapPool([0, 1, 2], 3, async (item) => {
      await gates[item]?.promise;
      return `result ${item}`;
    });
    gates[2]?.resolve();
    gates[0]?.resolve();
    gates[1]?.resolve();
    expect(await running).toEqual(['result 0', 'result 1', 'result 2']);
  });

  it('never runs more calls at once than asked', async () => {
    const gates = Array.from({ length: 10 }, () => deferred());
    let inFlight = 0;
    let peak = 0;
    const running = mapPool(gates, 3, async (gate, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await gate.promise;
      inFlight--;
      return index;
    });
    for (const gate of gates) {
      await settle();
      expect(inFlight).toBeLessThanOrEqual(3);
      gate.resolve();
    }
    expect(await running).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it('pulls items from an async iterable only as workers free up', async () => {
    let pulled = 0;
    async function* source() {
      for (let item = 0; item < 6; item++) {
        pulled++;
        yield item;
      }
    }
    const gate = deferred();
    const running = mapPool(source(), 2, async (item) => {
      await gate.promise;
      return item * 10;
    });
    await settle();
    expect(pulled).toBe(2);
    gate.resolve();
    expect(await running).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('starts nothing new after the first rejection and throws it', async () => {
    const started: number[] = [];
    const failure = new Error('employer 2 failed');
    const running = mapPool([0, 1, 2, 3, 4, 5], 1, async (item) => {
      started.push(item);
      if (item === 2) throw failure;
      return item;
    });
    await expect(running).rejects.toBe(failure);
    expect(started).toEqual([0, 1, 2]);
  });

  it('passes on an error from the source', async () => {
    const failure = new Error('page 2 failed');
    async function* source() {
      yield 1;
      throw failure;
    }
    await expect(mapPool(source(), 2, async (item) => item)).rejects.toBe(failure);
  });

  it('stops scheduling on abort and throws the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const started: number[] = [];
    const running = mapPool(
      [0, 1, 2, 3],
      1,
      async (item) => {
        started.push(item);
        if (item === 1) controller.abort(reason);
        return item;
      },
      controller.signal,
    );
    await expect(running).rejects.toBe(reason);
    expect(started).toEqual([0, 1]);
  });

  it('clamps concurrency to 1–16', () => {
    expect(clampConcurrency(0)).toBe(1);
    expect(clampConcurrency(64)).toBe(16);
    expect(clampConcurrency(4.7)).toBe(4);
  });
});

/** A limiter of width 1 and a task runner for it: the task named 'busy' holds its slot until `gate` opens. */
function oneAtATime() {
  const limit = createLimiter(1);
  const gate = deferred();
  const started: string[] = [];
  const run = (name: string, urgency: 'first' | 'later') =>
    limit(async () => {
      started.push(name);
      if (name === 'busy') await gate.promise;
    }, urgency);
  return { run, started, gate };
}

describe('createLimiter', () => {
  it('lets at most n tasks run, whoever starts them', async () => {
    const limit = createLimiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      limit(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    gates[0]?.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve();
    gates[2]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
  });

  it('starts a waiting first task before waiting later ones, each kind in its order', async () => {
    const { run, started, gate } = oneAtATime();
    const runs = [run('busy', 'first'), run('page 2', 'later'), run('page 3', 'later'), run('user', 'first'), run('teams', 'first')];
    await settle();
    expect(started).toEqual(['busy']);
    gate.resolve();
    await Promise.all(runs);
    expect(started).toEqual(['busy', 'user', 'teams', 'page 2', 'page 3']);
  });

  it('lets one waiting later task through after eight first ones in a row, so a stream of first tasks cannot hold a list back', async () => {
    const { run, started, gate } = oneAtATime();
    const runs = [run('busy', 'first'), run('page 2', 'later'), run('page 3', 'later')];
    for (let n = 1; n <= 10; n++) runs.push(run(`employer ${n}`, 'first'));
    await settle();
    gate.resolve();
    await Promise.all(runs);
    expect(started).toEqual(['busy', ...Array.from({ length: 8 }, (_, i) => `employer ${i + 1}`), 'page 2', 'employer 9', 'employer 10', 'page 3']);
  });
});
