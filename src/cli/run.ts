/**
 * The lifecycle of one command: resolve the global options, build the context (context.ts), run the
 * command, map every failure to its exit code (SPEC §6), handle Ctrl+C / SIGTERM and clean up.
 * Loaded only once a command actually runs.
 */
import { setMaxListeners } from 'node:events';
import { ENV, isTruthy } from '../env.js';
import { ExitCode, InterruptedError, exitCodeOf } from '../errors.js';
import { setLang, t } from '../i18n/index.js';
import { redact } from '../loket/redact.js';
import { errorDocument } from '../ui/error-document.js';
import { Output } from '../ui/output.js';
import { flushStdout, stderr } from '../ui/stdio.js';
import { createCommandContext, type CommandContext } from './context.js';
import { resolveGlobalOptions, type RawGlobalOptions } from './options.js';

export type { CommandContext } from './context.js';

export type CommandFn = (ctx: CommandContext, args: unknown[]) => Promise<void>;
export type CommandModule = { run: CommandFn } | CommandFn;

export async function execute(parsed: Record<string, unknown>, load: () => Promise<CommandModule>, args: unknown[]): Promise<void> {
  const raw = parsed as RawGlobalOptions;
  // Until the options are resolved: a --json run promises its document also when they are wrong.
  let out = new Output({ json: raw.json === true || isTruthy(process.env[ENV.json]), color: false, debug: false, redact });
  let ctx: CommandContext | undefined;
  const controller = new AbortController();
  // Every request in flight and every retry pause listens to this signal; that is not a leak.
  setMaxListeners(0, controller.signal);

  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    const message = t(signal === 'SIGINT' ? 'core.err.interrupted' : 'core.err.terminated');
    const interrupted = new InterruptedError(message, signal);
    controller.abort(interrupted);
    stderr().write(`\n${message}\n`);
    // Written now, not when the command unwinds: the exit below may come first.
    if (out.json && !out.wroteJson) out.document(errorDocument(interrupted));
    void (ctx?.close() ?? Promise.resolve()).finally(() => flushStdout().finally(() => process.exit(interrupted.exitCode)));
  };
  const sigint = () => onSignal('SIGINT');
  const sigterm = () => onSignal('SIGTERM');
  process.once('SIGINT', sigint);
  process.once('SIGTERM', sigterm);

  let exitCode: number = ExitCode.ok;
  try {
    const options = resolveGlobalOptions(raw, process.env);
    setLang(options.lang);
    ctx = createCommandContext({ options, local: parsed, env: process.env, signal: controller.signal });
    out = ctx.out;
    const loaded = await load();
    await (typeof loaded === 'function' ? loaded : loaded.run)(ctx, args);
  } catch (error) {
    exitCode = exitCodeOf(error);
    out.error(error);
    if (out.json && !out.wroteJson) out.document(errorDocument(error, exitCode, (text) => out.complete(text)));
  } finally {
    controller.abort();
    await ctx?.close();
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
  }
  // Flush stdout before exiting: open keep-alive sockets or a simulator must not keep us alive.
  await flushStdout();
  process.exit(exitCode || process.exitCode || 0);
}
