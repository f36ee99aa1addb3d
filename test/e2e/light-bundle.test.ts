/**
 * dist/light.cjs (src/cli/light-entry.ts): status, config path/get/set and ticket run from one
 * CommonJS file, without Node's ES module loader; every other command line goes to dist/cli.js. The
 * two must say the same: the light commands' output through dist/light.cjs equals dist/cli.js's.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, EXAMPLE_ANSWERS, runCli, tempDir, type RunResult } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hooks = pathToFileURL(join(root, 'scripts', 'load-hooks.mjs')).href;

let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  // Saved progress to read: the wizard against the simulator, unattended.
  const made = await runCli(['--sandbox', '--non-interactive', '--answers', EXAMPLE_ANSWERS], dir.path, { timeoutMs: 60_000 });
  expect(made.code, made.stderr).toBe(0);
});
afterAll(() => dir.remove());

/** The files of dist/ a run loaded (scripts/load-hooks.mjs), relative to dist/. */
async function loadedBy(args: string[]): Promise<{ result: RunResult; dist: string[] }> {
  const list = join(dir.path, `loads-${Math.random().toString(16).slice(2)}`);
  const result = await runCli(args, dir.path, { env: { NODE_OPTIONS: `--import ${hooks}`, BENCH_LOADS_FILE: list } });
  let lines: string[] = [];
  try {
    lines = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  } catch {
    // nothing loaded from a file
  }
  rmSync(list, { force: true });
  const dist = join(root, 'dist');
  return { result, dist: [...new Set(lines.filter((file) => file.startsWith(dist)).map((file) => file.slice(dist.length + 1)))] };
}

/** Runs node with `args` in the tests' clean environment, stdout and stderr collected. */
function runNode(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: baseEnv(dir.path), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The same command line through dist/cli.js alone, as every command ran before dist/light.cjs. */
function throughEsm(args: string[]): Promise<RunResult> {
  const runner = dir.write(
    'esm-runner.mjs',
    `import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'cli.js')).href)}).then((cli) => cli.main(process.argv));\n`,
  );
  return runNode([runner, ...args]);
}

const LIGHT = [
  ['status'],
  ['status', '--json'],
  ['--lang', 'en', 'status'],
  ['config', 'path'],
  ['config', 'get', 'office.name'],
  ['config', 'get', 'no.such.key'],
  ['ticket', 'omgevingscode'],
  ['ticket', 'autorisatie', '--json'],
  ['ticket', 'nonsense'],
];

describe('dist/light.cjs', () => {
  it.each(LIGHT)('runs %s … without dist/cli.js, saying what dist/cli.js says', async (...args) => {
    const { result, dist } = await loadedBy(args);
    expect(dist).toEqual(['light.cjs']);
    const esm = await throughEsm(args);
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ code: esm.code, stdout: esm.stdout, stderr: esm.stderr });
  });

  it('is strict code, as dist/cli.js is (a write to the frozen profile throws in both)', () => {
    expect(readFileSync(join(root, 'dist', 'light.cjs'), 'utf8').startsWith("'use strict';")).toBe(true);
  });

  it('config set runs from it too, and saves', async () => {
    const { result, dist } = await loadedBy(['config', 'set', 'office.name', 'Kantoor Licht']);
    expect(result.code, result.stderr).toBe(0);
    expect(dist).toEqual(['light.cjs']);
    expect((await runCli(['config', 'get', 'office.name'], dir.path)).stdout.trim()).toBe('Kantoor Licht');
  });

  it.each([['employers', 'list'], ['config', 'reset'], ['status', '--bogus'], ['statsu'], ['--sandbox', 'verify', '--json']])(
    'leaves %s … to dist/cli.js',
    async (...args) => {
      const { dist } = await loadedBy(args);
      expect(dist).toContain('cli.js');
    },
  );
});

describe('dist/messages/<lang>/<area>.json', () => {
  it('a missing one is a damaged install (exit 70, in plain words), for dist/light.cjs and dist/cli.js alike', async () => {
    const installed = mkdtempSync(join(tmpdir(), 'loket-asr-setup-damaged-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(installed, part), { recursive: true });
      rmSync(join(installed, 'dist', 'messages', 'nl', 'core.json'));
      for (const args of [['status'], ['employers', 'list']]) {
        const r = await runNode([join(installed, 'bin', 'loket-asr-setup.js'), ...args]);
        expect(r.code, args.join(' ')).toBe(70);
        expect(r.stderr).toContain(`the installation is damaged: ${join(installed, 'dist', 'messages', 'nl', 'core.json')} cannot be read (ENOENT)`);
        expect(r.stderr).not.toMatch(/^\s+at /m);
      }
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  });
});
