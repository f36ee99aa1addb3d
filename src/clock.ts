/**
 * Milliseconds on a monotonic clock, for durations (`--debug`'s timings, `stats.networkMs`, the
 * progress meter). Not the `performance` global: its first read loads node:perf_hooks and eight
 * modules more before a run's first request.
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
