import { afterEach, describe, expect, it } from 'vitest';
import type { CheckProgress } from '../../src/domain/index.js';
import { setLang } from '../../src/i18n/index.js';
import { ProgressMeter, shareDone } from '../../src/ui/progress.js';

/** A clock the test moves by hand: nothing here depends on how fast the machine is. */
function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** `settled` of `started` plain requests (no pages of a list). */
const plain = (settled: number, started: number): CheckProgress => ({ started, settled, firstPages: 0, firstPagesSettled: 0, laterPages: 0 });

describe('shareDone: how far a check is, from its requests so far', () => {
  it('plain requests: the share answered', () => {
    expect(shareDone(plain(0, 0))).toBe(0);
    expect(shareDone(plain(1, 4))).toBe(0.25);
    expect(shareDone(plain(4, 4))).toBe(1);
  });

  it('a list whose first page is still out counts for the pages it may announce: at least 10, or as many as the lists so far had', () => {
    // The start of a check: the login and the office answered, the employers' page 1 still out.
    expect(shareDone({ started: 3, settled: 2, firstPages: 2, firstPagesSettled: 1, laterPages: 0 })).toBeCloseTo(2 / 13);
    // Two lists answered with 39 more pages each; a third list's page 1 still out is guessed at 39 too.
    expect(shareDone({ started: 82, settled: 41, firstPages: 3, firstPagesSettled: 2, laterPages: 78 })).toBeCloseTo(41 / (82 + 39));
  });
});

describe('ProgressMeter: "40% (nog ± 3 s)"', () => {
  afterEach(() => setLang('nl'));

  it('a share only at first, then the time left once a tenth is done and a second has passed', () => {
    const time = clock();
    const meter = new ProgressMeter(time.now);
    expect(meter.text(plain(0, 0))).toBe('');
    expect(meter.text(plain(0, 4))).toBe('0%');
    time.advance(400);
    expect(meter.text(plain(2, 10))).toBe('20%');
    time.advance(1_600);
    // 40% in 2 s: 3 s to go.
    expect(meter.text(plain(4, 10))).toBe('40% (nog ± 3 s)');
  });

  it('never goes back when the total grows (a list announcing its pages), and stays below 100% until the end', () => {
    const time = clock();
    const meter = new ProgressMeter(time.now);
    expect(meter.text(plain(3, 4))).toBe('75%');
    expect(meter.text(plain(3, 40))).toBe('75%');
    expect(meter.text(plain(39, 40))).toBe('97%');
    expect(meter.text(plain(40, 40))).toBe('99%');
  });

  it('a check of 10,000 employers (40 pages per list) does not leap to the end when its first answers come in', () => {
    const meter = new ProgressMeter(clock().now);
    // Login and office answered; employers and administrations still on page 1.
    expect(meter.text({ started: 4, settled: 2, firstPages: 3, firstPagesSettled: 1, laterPages: 0 })).toBe('8%');
    // Both announced 39 more pages, a few of them in.
    expect(meter.text({ started: 82, settled: 10, firstPages: 3, firstPagesSettled: 3, laterPages: 78 })).toBe('12%');
  });

  it('minutes for a long wait, and English in English mode', () => {
    const time = clock();
    const meter = new ProgressMeter(time.now);
    meter.text(plain(0, 100));
    time.advance(60_000);
    expect(meter.text(plain(20, 100))).toBe('20% (nog ± 4 min)');
    setLang('en');
    time.advance(30_000);
    // 50% in 90 s: 90 s to go, said in minutes.
    expect(meter.text(plain(50, 100))).toBe('50% (about 2 min left)');
    expect(meter.text(plain(90, 100))).toBe('90% (about 10 s left)');
  });
});
