/**
 * "40% (nog ± 3 s)" for a spinner on a long check. A check does not know its number of requests in
 * advance: page 1 of a list says how many pages follow, and the teams are known only once the
 * webservice user is found. So the share is a guess from what the requests so far say, and the text
 * never goes back, stays below 100% until the work is done, and guesses the time left only once
 * there is something to go on. Only spinners use it: --json and output that is not a terminal never
 * show it.
 */
import type { CheckProgress } from '../domain/index.js';
import { t } from '../i18n/index.js';
import { monotonicMs } from '../clock.js';

/** No guess of the time left before this much is done and this long has passed. */
const MIN_SHARE = 0.1;
const MIN_ELAPSED_MS = 1_000;
/**
 * Pages still to come per list whose page 1 has not answered: at least this many, or as many as the
 * lists so far had on average. Guessing too many makes the share jump forward later; guessing too
 * few makes it stand still, which looks like a hang.
 */
const PAGES_PER_OPEN_LIST = 10;

/** The share of the check done, as far as its requests tell (0…1). */
export function shareDone(progress: CheckProgress): number {
  const open = progress.firstPages - progress.firstPagesSettled;
  const perList = Math.max(PAGES_PER_OPEN_LIST, progress.firstPagesSettled > 0 ? progress.laterPages / progress.firstPagesSettled : 0);
  const expected = progress.started + open * perList;
  return expected > 0 ? Math.min(1, progress.settled / expected) : 0;
}

export class ProgressMeter {
  private share = 0;
  private readonly started: number;

  /** `clock` in milliseconds; tests move it by hand. */
  constructor(private readonly clock: () => number = monotonicMs) {
    this.started = clock();
  }

  /** The text for the check's progress so far (empty while it has asked for nothing). */
  text(progress: CheckProgress): string {
    if (progress.started <= 0) return '';
    this.share = Math.max(this.share, shareDone(progress));
    const percent = Math.min(99, Math.floor(this.share * 100));
    const elapsed = this.clock() - this.started;
    if (this.share < MIN_SHARE || elapsed < MIN_ELAPSED_MS || this.share >= 1) return t('view.progress.percent', { percent });
    return t('view.progress.withTimeLeft', { percent, left: timeLeft((elapsed * (1 - this.share)) / this.share) });
  }
}

function timeLeft(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return t('view.progress.seconds', { seconds });
  return t('view.progress.minutes', { minutes: Math.round(seconds / 60) });
}
