import { afterEach, beforeEach } from 'vitest';
/**
 * Auth code and the login commands are called directly, on the suite's command context
 * (test/helpers/context.ts) with streams a test can wait on.
 */
import type { CommandContext } from '../../src/cli/context.js';
import type { GlobalOptions } from '../../src/cli/options.js';
import type { SandboxHandle, SandboxOptions } from '../../src/sandbox/server.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { testContext } from '../helpers/context.js';
import { useSimulator } from '../helpers/sandbox.js';
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
  /** Default: no prompts (not interactive); a scriptedPrompter makes the run interactive. */
  prompter?: Prompter;
  /** Let `--sandbox` start this simulator instead of one of its own. */
  sandbox?: SandboxHandle;
}

export interface FakeContext {
  ctx: CommandContext;
  stdout: WatchedCapture;
  stderr: WatchedCapture;
  abort(reason?: unknown): void;
  /** Runs the cleanups the command registered, like run.ts does at the end. */
  finish(): Promise<void>;
}

/** The real session opening (auth decides where the token comes from), on captured streams. */
export function fakeContext(options: FakeContextOptions): FakeContext {
  const stdout = new WatchedCapture();
  const stderr = new WatchedCapture();
  const test = testContext({
    configDir: options.configDir,
    realSession: true,
    stdout,
    stderr,
    ...(options.env ? { env: options.env } : {}),
    ...(options.options ? { options: options.options } : {}),
    ...(options.local ? { local: options.local } : {}),
    ...(options.prompter ? { prompter: options.prompter } : {}),
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  });
  return { ctx: test.ctx, stdout, stderr, abort: (reason) => test.controller.abort(reason), finish: test.finish };
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
 * Per-test lifecycle for contexts on a simulator: the suite's simulator fixture (one per file, a
 * fresh config dir per test) plus an empty fake keychain before each test; afterwards every context
 * (and anything else registered with `finally`) is finished.
 */
export function simulatorContexts(keyringEntries: Map<string, string>, sandboxOptions: SandboxOptions = { scenario: 'default' }) {
  const sim = useSimulator(sandboxOptions);
  const finishers: Array<() => Promise<void>> = [];
  beforeEach(() => keyringEntries.clear());
  afterEach(async () => {
    while (finishers.length) await finishers.pop()?.();
  });
  return {
    sandbox: sim.sandbox,
    dir: sim.dir,
    /** Runs `fn` after the current test (in reverse order of registration). */
    finally: (fn: () => Promise<void>) => finishers.push(fn),
    /** A context for the simulator as a custom environment (--api-url / --auth-url). */
    context(extra: Partial<FakeContextOptions> = {}): FakeContext {
      const fake = fakeContext({
        configDir: sim.dir(),
        ...extra,
        options: { apiUrl: sim.sandbox().apiUrl, authUrl: sim.sandbox().authUrl, ...extra.options },
      });
      finishers.push(fake.finish);
      return fake;
    },
  };
}
