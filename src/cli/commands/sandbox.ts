/** `sandbox`: the simulated Loket.nl API on loopback, until Ctrl+C / SIGTERM. */
import { DEFAULTS, SANDBOX_PROFILE } from '../../env.js';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { formatSandboxBanner } from '../../sandbox/banner.js';
import { startSandbox, type SandboxOptions, type ScenarioName } from '../../sandbox/server.js';
import type { CommandContext } from '../run.js';

interface RawSandboxOptions {
  port?: string;
  scenario?: string;
  employers?: string;
  latency?: string;
  failRate?: string;
  rateLimit?: string;
}

function number(option: string, raw: string | undefined, valid: (n: number) => boolean, range: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || !valid(value)) {
    throw new UsageError(t('core.err.invalidOption', { option, value: JSON.stringify(raw), reason: range }));
  }
  return value;
}

const integerIn = (min: number, max: number) => (n: number) => Number.isInteger(n) && n >= min && n <= max;

export function sandboxOptions(raw: RawSandboxOptions): SandboxOptions {
  const port = number('--port', raw.port, integerIn(0, 65535), t('core.err.intRange', { min: 0, max: 65535 }));
  const employers = number('--employers', raw.employers, integerIn(1, 10_000), t('core.err.intRange', { min: 1, max: 10_000 }));
  const latencyMs = number('--latency', raw.latency, integerIn(0, 10_000), t('core.err.intRange', { min: 0, max: 10_000 }));
  const failRate = number('--fail-rate', raw.failRate, (n) => n >= 0 && n <= 1, t('sandbox.cli.failRateRange'));
  const rateLimit = number('--rate-limit', raw.rateLimit, (n) => n > 0, t('sandbox.cli.rateLimitRange'));
  return {
    ...(port !== undefined ? { port } : {}),
    ...(raw.scenario !== undefined ? { scenario: raw.scenario as ScenarioName } : {}),
    ...(employers !== undefined ? { employers } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(failRate !== undefined ? { failRate } : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
  };
}

/** `sandbox --replay <dump-dir>`: a recorded run instead of a scenario; only --port goes with it. */
async function startReplayFor(ctx: CommandContext, dir: string) {
  const raw = ctx.local as RawSandboxOptions;
  const clash = (['scenario', 'employers', 'latency', 'failRate', 'rateLimit'] as const).find((name) => raw[name] !== undefined);
  if (clash) throw new UsageError(t('dumps.replay.optionClash', { option: `--${clash.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` }));
  const port = sandboxOptions({ ...(raw.port !== undefined ? { port: raw.port } : {}) }).port;
  const { startReplay } = await import('../../sandbox/replay.js');
  return startReplay({ dir, ...(port !== undefined ? { port } : {}), log: (line) => ctx.out.warn(line) });
}

export async function run(ctx: CommandContext): Promise<void> {
  const replayed = ctx.options.replay ? await startReplayFor(ctx, ctx.options.replay) : undefined;
  const handle = replayed ?? (await startSandbox(sandboxOptions(ctx.local as RawSandboxOptions)));
  ctx.onCleanup(() => handle.close());
  if (ctx.out.json) {
    const { url, apiUrl, authUrl, clientId, accessToken, refreshToken, scenario } = handle;
    ctx.out.document({ url, apiUrl, authUrl, clientId, accessToken, refreshToken, scenario, ...(replayed ? { dir: replayed.dir } : {}) });
  } else {
    const title = replayed ? t('dumps.replay.title', { dir: replayed.dir, answers: replayed.recorded, employers: replayed.employerCount }) : undefined;
    // The pasted command works in a profile of its own (sandbox, or replay for a recorded office), unless one was chosen.
    const profile = ctx.options.profile !== DEFAULTS.profile ? ctx.options.profile : replayed ? 'replay' : SANDBOX_PROFILE;
    ctx.out.result(formatSandboxBanner(handle, title, profile));
  }
  // Serve until a signal: run.ts's handler runs the cleanups (closing the server) and exits 130/143.
  await new Promise<never>(() => {});
}
