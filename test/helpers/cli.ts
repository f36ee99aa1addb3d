/** Spawns the built CLI (bin → dist) the way a user or a CI job would. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/loket-asr-setup.js', import.meta.url));
/** examples/answers.json: the simulator's default office answered, for a wizard run unattended. */
export const EXAMPLE_ANSWERS = fileURLToPath(new URL('../../examples/answers.json', import.meta.url));

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  cwd?: string;
}

/**
 * Where the launcher keeps its code cache in tests (bin/loket-asr-setup.js, requireLight): one folder
 * for all of them, as a user has one, and not the home of whoever runs the tests (test/global-setup.ts
 * makes it for the run and removes it after).
 */
export const TEST_COMPILE_CACHE = process.env.LOKET_ASR_SETUP_TEST_COMPILE_CACHE ?? join(tmpdir(), 'loket-asr-setup-tests-compile-cache');

/** A clean environment: no inherited Loket variables, a throw-away config dir, CI on, Dutch. */
export function baseEnv(configDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(LOKET_|NO_COLOR|FORCE_COLOR|CI$|LANG$|LC_|NODE_COMPILE_CACHE$|NODE_DISABLE_COMPILE_CACHE$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, LOKET_ASR_SETUP_CONFIG_DIR: configDir, CI: 'true', LANG: 'nl_NL.UTF-8', NODE_COMPILE_CACHE: TEST_COMPILE_CACHE };
}

export function runCli(args: string[], configDir: string, options: RunOptions = {}): Promise<RunResult> {
  return runNode([BIN, ...args], configDir, options);
}

/** Node with `nodeArgs` (a script and its arguments) in the tests' clean environment, `options.env` over it (undefined: removed). */
export function runNode(nodeArgs: string[], configDir: string, options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env = { ...baseEnv(configDir), ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, nodeArgs, { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export function tempDir(prefix = 'loket-asr-setup-test-'): { path: string; remove(): void; write(name: string, content: string): string } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => rmSync(path, { recursive: true, force: true }),
    /** Writes a file in the directory; returns its path. */
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
  };
}
