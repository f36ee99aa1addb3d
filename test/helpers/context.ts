/**
 * The one command-test context of the suite: src/cli/context.ts's createCommandContext with captured
 * streams, a fixed clock, a throw-away config dir, and (optionally) a session on a running simulator.
 * Commands, steps and auth code are all tested through it.
 */
import { createCommandContext, type CommandContext } from '../../src/cli/context.js';
import type { CommandFn } from '../../src/cli/run.js';
import type { GlobalOptions } from '../../src/cli/options.js';
import type { LoketSession } from '../../src/auth/session.js';
import { getLang, setLang } from '../../src/i18n/index.js';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import type { Store } from '../../src/store/index.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { noPrompts } from './prompter.js';
import { sandboxSession } from './sandbox.js';
import { Capture } from './streams.js';

/** The fixed clock of the suite: timestamps in the store are asserted exactly. */
export const NOW = '2026-12-01T10:00:00.000Z';

export interface TestContextOptions {
  configDir: string;
  options?: Partial<GlobalOptions>;
  local?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  prompter?: Prompter;
  /** A running simulator: ctx.loket() is a session on it with its ready token (no login, no retry pauses). */
  sandbox?: SandboxHandle;
  /** Let ctx.loket() open a real session (auth) instead of the ready one. */
  realSession?: boolean;
  now?: () => Date;
  /** The desktop's browser; default: none (nothing is ever opened from a test). */
  browser?: { available: boolean; open(url: string): boolean };
  stdout?: Capture;
  stderr?: Capture;
}

export interface TestContext {
  ctx: CommandContext;
  stdout: Capture;
  stderr: Capture;
  controller: AbortController;
  /** Runs the cleanups, like run.ts does at the end of a command. */
  finish(): Promise<void>;
}

export function testOptions(overrides: Partial<GlobalOptions> = {}): GlobalOptions {
  return {
    profile: 'default',
    env: 'production',
    sandbox: false,
    nonInteractive: true,
    json: false,
    lang: 'nl',
    color: false,
    debug: false,
    concurrency: 4,
    timeoutMs: 15_000,
    ...overrides,
  };
}

export function testContext(options: TestContextOptions): TestContext {
  const prompter = options.prompter ?? noPrompts;
  // The language is the test's (a file may switch to English in beforeAll) unless the options say.
  const global = testOptions({ nonInteractive: !prompter.interactive, lang: getLang(), ...options.options });
  if (options.options?.lang) setLang(options.options.lang);
  const stdout = options.stdout ?? new Capture();
  const stderr = options.stderr ?? new Capture();
  const controller = new AbortController();
  const { sandbox } = options;
  const ctx = createCommandContext({
    options: global,
    local: options.local ?? {},
    env: { LOKET_ASR_SETUP_CONFIG_DIR: options.configDir, ...options.env },
    stdout,
    stderr,
    prompter,
    signal: controller.signal,
    now: options.now ?? (() => new Date(NOW)),
    browser: options.browser ?? { available: false, open: () => false },
    ...(sandbox ? { startSandbox: async () => sandbox } : {}),
    ...(sandbox && !options.realSession ? { openLoket: async (): Promise<LoketSession> => sandboxSession(sandbox) } : {}),
  });
  return {
    ctx,
    stdout,
    stderr,
    controller,
    async finish() {
      controller.abort();
      await ctx.close();
    },
  };
}

export interface RunOutcome {
  stdout: string;
  stderr: string;
  error: unknown;
  /** The store's profile after the run. */
  profile: ReturnType<Store['profile']>;
  /** Calls of store.update during the run. */
  writes: number;
  /** Requests the command sent to the simulator. */
  requests: number;
}

/** Runs a command function the way run.ts would, and reports what it did. */
export async function runCommand(
  fn: CommandFn,
  args: unknown[],
  options: TestContextOptions & { json?: boolean; lang?: 'nl' | 'en'; onStore?: (store: Store) => void },
): Promise<RunOutcome> {
  const test = testContext({
    ...options,
    options: { ...(options.json ? { json: true } : {}), ...(options.lang ? { lang: options.lang } : {}), ...options.options },
  });
  const requestsBefore = options.sandbox?.stats().requests ?? 0;
  let writes = 0;
  const open = test.ctx.store.bind(test.ctx);
  let counted: Store | undefined;
  test.ctx.store = (storeOptions) => {
    const store = open(storeOptions);
    if (store !== counted) {
      counted = store;
      const update = store.update.bind(store);
      store.update = (mutate) => {
        writes++;
        update(mutate);
      };
      options.onStore?.(store);
    }
    return store;
  };
  let error: unknown;
  try {
    await fn(test.ctx, args);
  } catch (caught) {
    error = caught;
  }
  const profile = test.ctx.store({ lock: false }).profile();
  await test.finish();
  setLang('nl');
  return { stdout: test.stdout.text, stderr: test.stderr.text, error, profile, writes, requests: (options.sandbox?.stats().requests ?? 0) - requestsBefore };
}
