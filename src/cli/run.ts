/**
 * Runs one command: resolves the global options, builds the context, maps every failure to its
 * exit code (SPEC §6) and handles Ctrl+C / SIGTERM. Loaded only once a command actually runs.
 */
import { setMaxListeners } from 'node:events';
import type { Command } from 'commander';
import { CliError, ExitCode, InterruptedError, MissingInputsError, exitCodeOf } from '../errors.js';
import { setLang, t } from '../i18n/index.js';
import { redact } from '../loket/redact.js';
import type { LoketSession, SessionOptions } from '../loket/session.js';
import { openStore, type Store } from '../store/index.js';
import { Output } from '../ui/output.js';
import { canPrompt, createInquirerPrompter, type Prompter } from '../ui/prompt.js';
import { resolveGlobalOptions, type GlobalOptions, type RawGlobalOptions } from './options.js';

export interface CommandContext {
  options: GlobalOptions;
  /**
   * The command's options, including those commander parsed at the program level: an option that
   * the program also knows (the wizard's answer flags, --allow-unverifiable) is consumed there even
   * when typed after the command name.
   */
  local: Record<string, unknown>;
  out: Output;
  env: NodeJS.ProcessEnv;
  prompter: Prompter;
  interactive: boolean;
  /** Aborted on Ctrl+C / SIGTERM and at the end of the run. */
  signal: AbortSignal;
  /** Opens the progress store once; read-only commands pass `lock: false`. Closed at the end. */
  store(options?: { lock?: boolean }): Store;
  /**
   * The Loket.nl connection for this run (opened once: endpoints, token, simulator for --sandbox).
   * Without a token: offers `login` when interactive, else exit 3 naming LOKET_ACCESS_TOKEN.
   */
  loket(options?: SessionOptions): Promise<LoketSession>;
  /** Runs at the end of the command, also after an error or a signal (reverse order). */
  onCleanup(fn: () => void | Promise<void>): void;
}

export type CommandFn = (ctx: CommandContext, args: unknown[]) => Promise<void>;
export type CommandModule = { run: CommandFn } | CommandFn;

export async function execute(command: Command, load: () => Promise<CommandModule>, args: unknown[]): Promise<void> {
  const env = process.env;
  let out = new Output({ json: false, color: false, debug: false, redact });
  const cleanups: Array<() => void | Promise<void>> = [];
  const controller = new AbortController();
  // Every request in flight and every retry pause listens to this signal; that is not a leak.
  setMaxListeners(0, controller.signal);
  const runCleanups = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()?.();
      } catch (error) {
        out.debug(String(error));
      }
    }
  };

  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    controller.abort(new InterruptedError(t(signal === 'SIGINT' ? 'core.err.interrupted' : 'core.err.terminated'), signal));
    process.stderr.write(`\n${t(signal === 'SIGINT' ? 'core.err.interrupted' : 'core.err.terminated')}\n`);
    void runCleanups().finally(() => process.exit(signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated));
  };
  const sigint = () => onSignal('SIGINT');
  const sigterm = () => onSignal('SIGTERM');
  process.once('SIGINT', sigint);
  process.once('SIGTERM', sigterm);

  let exitCode: number = ExitCode.ok;
  try {
    const options = resolveGlobalOptions(command.optsWithGlobals<RawGlobalOptions>(), env);
    setLang(options.lang);
    out = new Output({ json: options.json, color: options.color, debug: options.debug, redact });
    const interactive = canPrompt({
      nonInteractive: options.nonInteractive,
      env,
      stdinIsTTY: process.stdin.isTTY,
      stdoutIsTTY: process.stdout.isTTY,
    });
    let store: Store | undefined;
    let session: Promise<LoketSession> | undefined;
    const ctx: CommandContext = {
      options,
      local: command.optsWithGlobals(),
      out,
      env,
      prompter: createInquirerPrompter(interactive),
      interactive,
      signal: controller.signal,
      store(storeOptions = {}) {
        if (!store) {
          const opened = openStore({ profile: options.profile, lock: storeOptions.lock ?? true, warn: (m) => out.warn(m) });
          store = opened;
          cleanups.push(() => opened.close());
        }
        return store;
      },
      loket(sessionOptions = {}) {
        session ??= import('../loket/session.js').then(async ({ openSession }) => {
          const opened = await openSession(ctx, sessionOptions);
          cleanups.push(() => opened.close());
          return opened;
        });
        return session;
      },
      onCleanup(fn) {
        cleanups.push(fn);
      },
    };
    const loaded = await load();
    await (typeof loaded === 'function' ? loaded : loaded.run)(ctx, args);
  } catch (error) {
    exitCode = exitCodeOf(error);
    out.endProgress();
    out.error(error);
    if (out.json && !out.wroteJson) {
      out.document({
        ok: false,
        error: {
          exitCode,
          message: redact(error instanceof Error ? error.message : String(error)),
          ...(error instanceof CliError && error.hint ? { hint: redact(error.hint) } : {}),
          ...(error instanceof MissingInputsError ? { missing: error.missing } : {}),
        },
      });
    }
  } finally {
    controller.abort();
    await runCleanups();
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
  }
  // Flush stdout before exiting: open keep-alive sockets or a simulator must not keep us alive.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(exitCode || process.exitCode || 0);
}
