/**
 * The one builder of a command's context (like gh's iostreams.Test()): run.ts builds it for a real
 * run, the tests build it with captured streams, a fixed clock and a simulator. Everything a command
 * needs — options, output, prompts, the store, the Loket session, the simulator — comes from here;
 * its narrower views (auth's AuthDeps, a step's StepContext in step-context.ts) are satisfied by it or
 * made from it. It imports nothing that a command may not need: `status` loads it too.
 */
import type { AuthDeps } from '../auth/deps.js';
import type { LoketSession, SessionOptions } from '../auth/session.js';
import { t } from '../i18n/index.js';
import { redact } from '../loket/redact.js';
import type { SandboxHandle } from '../sandbox/server.js';
import { configDir, openStore, type Store } from '../store/index.js';
import { commandLine, completeCommands, type Invocation } from '../ui/command-line.js';
import { canOpenBrowser, openBrowser } from '../ui/browser.js';
import { Output } from '../ui/output.js';
import { canPrompt, createInquirerPrompter, type Prompter } from '../ui/prompt.js';
import { stdout as stdoutStream, type OutStream } from '../ui/stdio.js';
import { terminalWidth } from '../ui/table.js';
import type { GlobalOptions } from './options.js';

export interface CommandContext extends AuthDeps {
  options: GlobalOptions;
  /**
   * The command's options, including those commander parsed at the program level: an option that
   * the program also knows (the wizard's answer flags, --allow-unverifiable) is consumed there even
   * when typed after the command name.
   */
  local: Record<string, unknown>;
  out: Output;
  prompter: Prompter;
  now(): Date;
  /** The terminal's width for tables, or undefined when stdout is not a terminal. */
  width: number | undefined;
  /** Opens the progress store once; read-only commands pass `lock: false`. Closed at the end. */
  store(options?: { lock?: boolean }): Store;
  /** The in-process simulator of `--sandbox`, started on first use and stopped at the end. */
  sandbox(): Promise<SandboxHandle>;
  /**
   * The Loket.nl connection for this run (opened once): with `--sandbox` the simulator's, else a
   * token from the environment, the stored login, or — interactively — a login now.
   */
  loket(options?: SessionOptions): Promise<LoketSession>;
  /** The desktop's browser: whether this session has one, and opening a page in it (its child gets no secrets). */
  browser: { available: boolean; open(url: string): boolean };
  /** Runs at the end of the command, also after an error or a signal (reverse order). */
  onCleanup(fn: () => void | Promise<void>): void;
  /** Runs the cleanups (run.ts at the end of the command; tests after it). */
  close(): Promise<void>;
}

export interface ContextDeps {
  options: GlobalOptions;
  local?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  stdout?: OutStream;
  stderr?: OutStream;
  stdinIsTTY?: boolean;
  /** Default: inquirer, allowed when canPrompt() says so. */
  prompter?: Prompter;
  signal?: AbortSignal;
  now?: () => Date;
  /** Default: the simulator in this process (`--sandbox`). Tests hand in one that is running. */
  startSandbox?: () => Promise<SandboxHandle>;
  /** Default: the desktop's browser. Tests hand in one that records what it was asked to open. */
  browser?: { available: boolean; open(url: string): boolean };
  /** Default: src/auth's openSession. Tests hand in a session on a running simulator. */
  openLoket?: (ctx: CommandContext, options: SessionOptions) => Promise<LoketSession>;
}

export function createCommandContext(deps: ContextDeps): CommandContext {
  const { options } = deps;
  const env = deps.env ?? process.env;
  const stdout = deps.stdout ?? stdoutStream();
  const invocation: Invocation = { profile: options.profile, sandbox: options.sandbox, env: options.env, apiUrl: options.apiUrl, authUrl: options.authUrl };
  const out = new Output({
    json: options.json,
    color: options.color,
    debug: options.debug,
    redact,
    commands: completeCommands(invocation),
    stdout,
    ...(deps.stderr ? { stderr: deps.stderr } : {}),
  });
  const interactive =
    deps.prompter?.interactive ??
    canPrompt({ nonInteractive: options.nonInteractive, env, stdinIsTTY: deps.stdinIsTTY ?? (() => process.stdin.isTTY), stdoutIsTTY: stdout.isTTY });
  const prompter = deps.prompter ?? createInquirerPrompter(interactive);
  const cleanups: Array<() => void | Promise<void>> = [];
  let store: Store | undefined;
  let sandbox: Promise<SandboxHandle> | undefined;
  let session: Promise<LoketSession> | undefined;

  const ctx: CommandContext = {
    options,
    local: deps.local ?? {},
    out,
    env,
    prompter,
    interactive,
    signal: deps.signal ?? new AbortController().signal,
    now: deps.now ?? (() => new Date()),
    width: terminalWidth(stdout),
    commandLine: (...args) => commandLine(invocation, ...args),
    browser: deps.browser ?? { available: canOpenBrowser({ env }), open: (url) => openBrowser(url, { env }) },
    store(storeOptions = {}) {
      if (!store) {
        const opened = openStore({ dir: configDir(env), profile: options.profile, lock: storeOptions.lock ?? true, warn: (m) => out.warn(m), now: ctx.now });
        store = opened;
        cleanups.push(() => opened.close());
      }
      return store;
    },
    savedClientId() {
      // Read without the lock: the command itself may open the store with one afterwards.
      if (store) return store.profile().clientId;
      const peek = openStore({ dir: configDir(env), profile: options.profile, lock: false, warn: (m) => out.warn(m) });
      try {
        return peek.profile().clientId;
      } finally {
        peek.close();
      }
    },
    sandbox() {
      sandbox ??= (deps.startSandbox ?? (() => startRunSandbox(ctx)))().then((handle) => {
        const replay = ctx.options.replay;
        out.info(replay ? t('dumps.replay.started', { dir: replay, url: handle.url }) : t('auth.session.sandbox', { url: handle.url }));
        cleanups.push(() => handle.close());
        return handle;
      });
      return sandbox;
    },
    loket(sessionOptions = {}) {
      session ??= (async () => {
        const opened = deps.openLoket ? await deps.openLoket(ctx, sessionOptions) : await openRunSession(ctx, sessionOptions);
        cleanups.push(() => opened.close());
        return opened;
      })();
      return session;
    },
    onCleanup(fn) {
      cleanups.push(fn);
    },
    async close() {
      while (cleanups.length) {
        try {
          await cleanups.pop()?.();
        } catch (error) {
          out.debug(String(error));
        }
      }
    },
  };
  return ctx;
}

/**
 * `--sandbox`: the simulator on a free loopback port, for this run only; with `--replay` a recorded
 * run instead of the simulator's world (src/sandbox/replay.ts), unrecorded requests warned about.
 */
async function startRunSandbox(ctx: CommandContext): Promise<SandboxHandle> {
  const replay = ctx.options.replay;
  if (replay) return (await import('../sandbox/replay.js')).startReplay({ dir: replay, log: (line) => ctx.out.warn(line) });
  return (await import('../sandbox/server.js')).startSandbox();
}

/** The session of a real run: the simulator's ready login with `--sandbox`, else auth decides. */
async function openRunSession(ctx: CommandContext, options: SessionOptions): Promise<LoketSession> {
  const { openSession } = await import('../auth/session.js');
  if (!ctx.options.sandbox) return openSession(ctx, options);
  const handle = await ctx.sandbox();
  const endpoints = { environment: 'sandbox', apiUrl: handle.apiUrl, authUrl: handle.authUrl };
  return openSession(ctx, { ...options, preset: { endpoints, clientId: handle.clientId, refreshToken: handle.refreshToken } });
}
