/**
 * Runs a command function the way run.ts would, with a real store in a temp dir, captured output,
 * and a Loket session on a real simulator (no network beyond loopback).
 */
import type { CommandContext, CommandFn } from '../../src/cli/run.js';
import { setLang, type Lang } from '../../src/i18n/index.js';
import type { LoketSession } from '../../src/loket/session.js';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { openStore, type Store } from '../../src/store/index.js';
import { Output } from '../../src/ui/output.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { noPrompts, sandboxSession } from '../helpers/sandbox.js';
import { Capture } from '../helpers/streams.js';

export interface RunOptions {
  dir: string;
  sandbox?: SandboxHandle;
  local?: Record<string, unknown>;
  json?: boolean;
  lang?: Lang;
  env?: NodeJS.ProcessEnv;
  prompter?: Prompter;
  /** Called with the store before the command runs (e.g. to count writes). */
  onStore?: (store: Store) => void;
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


export async function runCommand(fn: CommandFn, args: unknown[], options: RunOptions): Promise<RunOutcome> {
  const lang = options.lang ?? 'nl';
  setLang(lang);
  const stdout = new Capture();
  const stderr = new Capture();
  const json = options.json ?? false;
  const out = new Output({ json, color: false, debug: false, stdout, stderr });
  const controller = new AbortController();
  let store: Store | undefined;
  let writes = 0;
  let session: LoketSession | undefined;
  const requestsBefore = options.sandbox?.stats().requests ?? 0;
  const prompter = options.prompter ?? noPrompts;
  const ctx: CommandContext = {
    options: {
      profile: 'default',
      env: 'production',
      sandbox: false,
      nonInteractive: !prompter.interactive,
      json,
      lang,
      color: false,
      debug: false,
      concurrency: 4,
      timeoutMs: 15_000,
    },
    local: options.local ?? {},
    out,
    env: options.env ?? {},
    prompter,
    interactive: prompter.interactive,
    signal: controller.signal,
    store(storeOptions = {}) {
      if (!store) {
        const opened = openStore({ dir: options.dir, profile: 'default', lock: storeOptions.lock ?? true, warn: (m) => out.warn(m) });
        const update = opened.update.bind(opened);
        opened.update = (mutate) => {
          writes++;
          update(mutate);
        };
        options.onStore?.(opened);
        store = opened;
      }
      return store;
    },
    async loket() {
      const handle = options.sandbox;
      if (!handle) throw new Error('this test has no simulator');
      session ??= sandboxSession(handle);
      return session;
    },
    onCleanup() {},
  };
  let error: unknown;
  try {
    await fn(ctx, args);
  } catch (caught) {
    error = caught;
  } finally {
    controller.abort();
    session?.client.close();
  }
  const profile = ctx.store().profile();
  store?.close();
  setLang('nl');
  return {
    stdout: stdout.text,
    stderr: stderr.text,
    error,
    profile,
    writes,
    requests: (options.sandbox?.stats().requests ?? 0) - requestsBefore,
  };
}
