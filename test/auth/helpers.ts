/** A CommandContext for calling auth code and commands directly, with captured output. */
import { afterEach, beforeEach } from 'vitest';
import type { CommandContext } from '../../src/cli/run.js';
import type { GlobalOptions } from '../../src/cli/options.js';
import { clearSecrets, redact } from '../../src/loket/redact.js';
import { openSession, type LoketSession } from '../../src/loket/session.js';
import { openStore, type Store } from '../../src/store/index.js';
import { Output } from '../../src/ui/output.js';
import type { Prompter } from '../../src/ui/prompt.js';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { tempDir } from '../helpers/cli.js';
import { Capture } from '../helpers/streams.js';

/** A Capture that says when something was written, so a test can wait for a line. */
export class WatchedCapture extends Capture {
  override _write(chunk: Buffer | string, encoding: BufferEncoding, done: () => void): void {
    super._write(chunk, encoding, done);
    this.emit('written');
  }
}

export interface FakeContextOptions {
  configDir: string;
  env?: Record<string, string>;
  options?: Partial<GlobalOptions>;
  local?: Record<string, unknown>;
  interactive?: boolean;
  prompter?: Partial<Prompter>;
}

export interface FakeContext {
  ctx: CommandContext;
  stdout: WatchedCapture;
  stderr: WatchedCapture;
  /** What the prompter was asked, in order. */
  asked: string[];
  abort(reason?: unknown): void;
  /** Runs the cleanups the command registered, like run.ts does at the end. */
  finish(): Promise<void>;
}

export function fakeContext(options: FakeContextOptions): FakeContext {
  const interactive = options.interactive ?? false;
  const global: GlobalOptions = {
    profile: 'default',
    env: 'production',
    sandbox: false,
    nonInteractive: !interactive,
    json: false,
    lang: 'nl',
    color: false,
    debug: false,
    concurrency: 4,
    timeoutMs: 5_000,
    ...options.options,
  };
  const stdout = new WatchedCapture();
  const stderr = new WatchedCapture();
  const out = new Output({ json: global.json, color: false, debug: global.debug, stdout, stderr, redact });
  const controller = new AbortController();
  const cleanups: Array<() => void | Promise<void>> = [];
  const asked: string[] = [];
  const scripted = options.prompter ?? {};
  /** Records the question, then answers from the script; an unscripted question fails the test. */
  const ask = <O extends { message: string }, R>(what: string, answer: ((o: O) => Promise<R>) | undefined) => async (o: O): Promise<R> => {
    asked.push(o.message);
    if (!answer) throw new Error(`unexpected prompt (${what}): ${o.message}`);
    return answer(o);
  };
  const prompter: Prompter = {
    interactive,
    input: ask('input', scripted.input),
    secret: ask('secret', scripted.secret),
    confirm: ask('confirm', scripted.confirm),
    select: ask('select', undefined) as Prompter['select'],
    search: ask('search', undefined) as Prompter['search'],
  };
  let store: Store | undefined;
  let session: Promise<LoketSession> | undefined;
  const ctx: CommandContext = {
    options: global,
    local: options.local ?? {},
    out,
    env: { LOKET_ASR_SETUP_CONFIG_DIR: options.configDir, ...options.env },
    prompter,
    interactive,
    signal: controller.signal,
    store(storeOptions = {}) {
      if (!store) {
        const opened = openStore({ dir: options.configDir, profile: global.profile, lock: storeOptions.lock ?? true, warn: (m) => out.warn(m) });
        store = opened;
        cleanups.push(() => opened.close());
      }
      return store;
    },
    loket(sessionOptions = {}) {
      session ??= openSession(ctx, sessionOptions).then((opened) => {
        cleanups.push(() => opened.close());
        return opened;
      });
      return session;
    },
    onCleanup(fn) {
      cleanups.push(fn);
    },
  };
  return {
    ctx,
    stdout,
    stderr,
    asked,
    abort: (reason) => controller.abort(reason),
    async finish() {
      controller.abort();
      while (cleanups.length) await cleanups.pop()?.();
    },
  };
}

/** Resolves with the first match of `pattern` once it appears in the captured stream. */
export function waitForText(stream: WatchedCapture, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve) => {
    const check = () => {
      const found = pattern.exec(stream.text);
      if (found) {
        stream.off('written', check);
        resolve(found);
      }
      return found;
    };
    if (!check()) stream.on('written', check);
  });
}

/**
 * What a browser does at the simulator: GET /authorize, which approves at once and redirects, then
 * follow that redirect to the CLI's own listener. Returns the listener's answer.
 */
export async function approveInBrowser(authorizeUrl: string): Promise<Response> {
  const approved = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = approved.headers.get('location');
  if (approved.status !== 302 || !location) throw new Error(`authorize answered ${approved.status}`);
  const answer = await fetch(location);
  await answer.text();
  return answer;
}

/**
 * Per-test lifecycle for contexts on a simulator: a fresh config dir and empty fake keychain before
 * each test; afterwards every context (and anything else registered with `finally`) is finished.
 */
export function simulatorContexts(sandbox: () => SandboxHandle, keyringEntries: Map<string, string>) {
  let dir: ReturnType<typeof tempDir>;
  const finishers: Array<() => Promise<void>> = [];
  beforeEach(() => {
    dir = tempDir();
    keyringEntries.clear();
  });
  afterEach(async () => {
    while (finishers.length) await finishers.pop()?.();
    dir.remove();
    clearSecrets();
  });
  return {
    dir: () => dir.path,
    /** Runs `fn` after the current test (in reverse order of registration). */
    finally: (fn: () => Promise<void>) => finishers.push(fn),
    /** A context for the simulator as a custom environment (--api-url / --auth-url). */
    context(extra: Partial<FakeContextOptions> = {}): FakeContext {
      const fake = fakeContext({
        configDir: dir.path,
        ...extra,
        options: { apiUrl: sandbox().apiUrl, authUrl: sandbox().authUrl, ...extra.options },
      });
      finishers.push(fake.finish);
      return fake;
    },
  };
}
