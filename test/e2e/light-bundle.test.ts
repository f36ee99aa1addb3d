/**
 * dist/light.cjs (src/cli/light-entry.ts): status, config path/get/set, ticket and an unattended
 * verify run from one CommonJS file, without Node's ES module loader; every other command line goes
 * to dist/cli.js. The two must say the same: the light commands' output through dist/light.cjs
 * equals dist/cli.js's. And the launcher's code cache of that file: where, when and whose.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { unattendedVerify } from '../../src/cli/light-entry.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { EXAMPLE_ANSWERS, runCli, runNode as runNodeIn, tempDir, type RunResult } from '../helpers/cli.js';

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

/** Runs node with `args` in the tests' clean environment (with `env` over it), stdout and stderr collected. */
const runNode = (args: string[], env: Record<string, string | undefined> = {}, configDir = dir.path): Promise<RunResult> => runNodeIn(args, configDir, { env });

/** The same command line through dist/cli.js alone, as every command ran before dist/light.cjs. */
function throughEsm(args: string[], env: Record<string, string | undefined> = {}, configDir = dir.path): Promise<RunResult> {
  const runner = dir.write(
    'esm-runner.mjs',
    `import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'cli.js')).href)}).then((cli) => cli.main(process.argv));\n`,
  );
  return runNode([runner, ...args], env, configDir);
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
  ['ticket', 'omgevingscode', '--office-name', 'Kantoor Licht'],
  ['ticket', 'webservicepartij', '--answers', EXAMPLE_ANSWERS],
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

  it.each([
    ['employers', 'list'],
    ['config', 'reset'],
    ['status', '--bogus'],
    ['statsu'],
    ['--sandbox', 'verify', '--json'],
    ['--replay', 'some-dump', 'verify'],
  ])('leaves %s … to dist/cli.js', async (...args) => {
    const { dist } = await loadedBy(args);
    expect(dist).toContain('cli.js');
  });

  it.each([
    ['LOKET_ASR_SETUP_SANDBOX', '1'],
    ['LOKET_ASR_SETUP_SANDBOX', '0'],
    ['LOKET_ASR_SETUP_REPLAY', 'some-dump'],
  ])('leaves verify to dist/cli.js when %s=%s is set, whatever it says', async (name, value) => {
    const list = join(dir.path, `loads-${Math.random().toString(16).slice(2)}`);
    await runCli(['verify', '--json'], dir.path, { env: { NODE_OPTIONS: `--import ${hooks}`, BENCH_LOADS_FILE: list, [name]: value } });
    expect(readFileSync(list, 'utf8')).toContain(join(root, 'dist', 'cli.js'));
    rmSync(list, { force: true });
  });

  it('has no import(): vm.Script, through which the launcher runs it, gives import() no loader', () => {
    expect(readFileSync(join(root, 'dist', 'light.cjs'), 'utf8')).not.toMatch(/\bimport\(/);
  });
});

describe('an unattended verify (dist/light.cjs)', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'default' });
  });
  afterAll(() => sandbox.close());

  /** What does not repeat from one run to the next: when, and how long. */
  const steady = (stdout: string): unknown => {
    const doc = JSON.parse(stdout) as Record<string, unknown>;
    delete doc.checkedAt;
    delete doc.stats;
    return doc;
  };

  it.each([[['verify', '--json']], [['verify', '--employers', 'all', '--lang', 'en']], [['verify', '--json', '--answers', EXAMPLE_ANSWERS]]])(
    '%j runs from it alone and says what dist/cli.js says',
    async (args) => {
      const env = { LOKET_ACCESS_TOKEN: sandbox.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' };
      const [lightDir, esmDir] = [tempDir(), tempDir()];
      try {
        const list = join(lightDir.path, 'loads');
        const light = await runCli([...args, '--api-url', sandbox.apiUrl], lightDir.path, {
          env: { ...env, NODE_OPTIONS: `--import ${hooks}`, BENCH_LOADS_FILE: list },
          timeoutMs: 60_000,
        });
        const esm = await throughEsm([...args, '--api-url', sandbox.apiUrl], env, esmDir.path);
        const dist = join(root, 'dist');
        const loaded = [
          ...new Set(
            readFileSync(list, 'utf8')
              .split('\n')
              .filter((file) => file.startsWith(dist)),
          ),
        ];
        expect(loaded).toEqual([join(dist, 'light.cjs')]);
        expect(light.code, light.stderr).toBe(esm.code);
        expect(light.stderr).toBe(esm.stderr);
        if (args.includes('--json')) expect(steady(light.stdout)).toEqual(steady(esm.stdout));
        else expect(light.stdout.replace(/\d+(\.\d+)? ?m?s\b/g, 'T')).toBe(esm.stdout.replace(/\d+(\.\d+)? ?m?s\b/g, 'T'));
      } finally {
        lightDir.remove();
        esmDir.remove();
      }
    },
  );

  it('only without a terminal or a simulator (unattendedVerify)', () => {
    const quick = (options: Record<string, unknown>) => ({ path: 'verify' as const, options, args: [] });
    const none = () => false;
    expect(unattendedVerify(quick({ json: true }), {}, none)).toBe(true);
    expect(unattendedVerify(quick({}), {}, (fd) => fd === 1)).toBe(false);
    expect(unattendedVerify(quick({}), {}, (fd) => fd === 2)).toBe(false);
    expect(unattendedVerify(quick({ sandbox: true }), {}, none)).toBe(false);
    expect(unattendedVerify(quick({ replay: 'd' }), {}, none)).toBe(false);
    expect(unattendedVerify(quick({ answers: 'a.json' }), {}, none)).toBe(true);
    expect(unattendedVerify(quick({}), { LOKET_ASR_SETUP_SANDBOX: '0' }, none)).toBe(false);
    expect(unattendedVerify(quick({}), { LOKET_ASR_SETUP_SANDBOX: '' }, none)).toBe(true);
  });
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

describe('the code cache of dist/light.cjs (bin/loket-asr-setup.js, requireLight)', () => {
  const bin = join(root, 'bin', 'loket-asr-setup.js');
  const key = /\/\/# cache-key=([0-9a-f]{16})\n$/.exec(readFileSync(join(root, 'dist', 'light.cjs'), 'utf8'))![1];
  const cacheName = (word: string): string => `light-${key}-${word}-${process.version}-${process.arch}.v8`;
  let place: string;
  beforeEach(() => {
    place = mkdtempSync(join(tmpdir(), 'loket-asr-setup-compile-cache-'));
  });
  afterEach(() => rmSync(place, { recursive: true, force: true }));
  const folder = (): string => join(place, 'loket-asr-setup');
  const run = (args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> =>
    runNode([bin, ...args], { NODE_COMPILE_CACHE: place, ...env });
  const said = (r: RunResult) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

  it('is written by a run that had none, one per command word, the user’s own (0600), and read by the next, which says the same', async () => {
    const first = await run(['status']);
    expect(first.code, first.stderr).toBe(0);
    const file = join(folder(), cacheName('status'));
    expect(readdirSync(folder())).toEqual([cacheName('status')]);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file);
    const second = await run(['status']);
    expect(said(second)).toEqual(said(first));
    // Taken, not written again.
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(statSync(file).ino).toBe(written.ino);
    await run(['ticket', 'omgevingscode']);
    await run(['config', 'get', 'office.name']);
    expect(readdirSync(folder()).sort()).toEqual([cacheName('config'), cacheName('status'), cacheName('ticket')]);
  });

  it('a damaged cache is turned down by V8: the run says what it always says, and writes a good one', async () => {
    const clean = await run(['status'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    mkdirIn(folder());
    const file = join(folder(), cacheName('status'));
    writeFileSync(file, Buffer.alloc(4096, 7), { mode: 0o600 });
    const r = await run(['status']);
    expect(said(r)).toEqual(said(clean));
    expect(readFileSync(file).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('a cache someone else may write is never read, and is replaced by one of the user’s own', async () => {
    await run(['status']);
    const file = join(folder(), cacheName('status'));
    chmodSync(file, 0o666);
    const r = await run(['status']);
    expect(r.code, r.stderr).toBe(0);
    // A cache V8 would have taken: had it been read, nothing would have been written.
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('a folder someone else may write is neither read nor written', async () => {
    mkdirIn(folder());
    chmodSync(folder(), 0o777);
    const r = await run(['status']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(folder())).toEqual([]);
  });

  it('a run that dist/light.cjs leaves to dist/cli.js writes no cache (it would hold the top level only)', async () => {
    const r = await run(['config', 'reset', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(folder(), cacheName('config')))).toBe(false);
  });

  it('a verify with the simulator does not even load dist/light.cjs', async () => {
    const { dist } = await loadedBy(['--sandbox', 'verify', '--json']);
    expect(dist).toContain('cli.js');
    expect(dist).not.toContain('light.cjs');
  });

  it('a light.cjs changed since its cache was made, even to the same length, runs as it is now', async () => {
    const installed = mkdtempSync(join(tmpdir(), 'loket-asr-setup-patched-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(installed, part), { recursive: true });
      const lightFile = join(installed, 'dist', 'light.cjs');
      const first = await runNode([join(installed, 'bin', 'loket-asr-setup.js'), 'status'], { NODE_COMPILE_CACHE: place });
      expect(first.code, first.stderr).toBe(0);
      // A patch of the same length (V8 checks no more than the length): every run now ends with exit 7.
      const code = readFileSync(lightFile, 'utf8');
      const exit = 'process.exit(exitCode||process.exitCode||0)';
      expect(code).toContain(exit);
      writeFileSync(lightFile, code.replace(exit, exit.replace('||0)', '||7)')));
      const patched = await runNode([join(installed, 'bin', 'loket-asr-setup.js'), 'status'], { NODE_COMPILE_CACHE: place });
      expect(patched.code).toBe(7);
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 (as Node.js spells it) writes nothing', async () => {
    const r = await run(['status'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(folder())).toBe(false);
  });

  it('drops the caches of other builds written more than 30 days ago when it writes, and nothing else', async () => {
    mkdirIn(folder());
    const stale = join(folder(), `light-0123456789abcdef-status-${process.version}-${process.arch}.v8`);
    const recent = join(folder(), `light-fedcba9876543210-status-${process.version}-${process.arch}.v8`);
    const other = join(folder(), 'notes.txt');
    for (const file of [stale, recent, other]) writeFileSync(file, 'old', { mode: 0o600 });
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(stale, longAgo, longAgo);
    utimesSync(other, longAgo, longAgo);
    await run(['status']);
    expect(existsSync(stale)).toBe(false);
    // Another install's, in use: two versions taking turns must not throw out each other's.
    expect(existsSync(recent)).toBe(true);
    expect(readFileSync(other, 'utf8')).toBe('old');
  });

  it('a place that cannot be written costs only the saving: same output, exit 0', async () => {
    const clean = await run(['config', 'get', 'office.name'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    const blocker = join(place, 'a-file');
    writeFileSync(blocker, '');
    const r = await runNode([bin, 'config', 'get', 'office.name'], { NODE_COMPILE_CACHE: join(blocker, 'below') });
    expect(said(r)).toEqual(said(clean));
  });

  it.skipIf(process.platform !== 'linux')('by default lives in the user’s cache folder ($XDG_CACHE_HOME, else ~/.cache)', async () => {
    await runNode([bin, 'status'], { NODE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: join(place, 'xdg') });
    expect(readdirSync(join(place, 'xdg', 'loket-asr-setup'))).toEqual([cacheName('status')]);
    await runNode([bin, 'status'], { NODE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: undefined, HOME: join(place, 'home') });
    expect(readdirSync(join(place, 'home', '.cache', 'loket-asr-setup'))).toEqual([cacheName('status')]);
    // A relative XDG_CACHE_HOME is ignored (as the XDG spec says), never a folder below where the command runs.
    await runNode([bin, 'status'], { NODE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: 'relative', HOME: join(place, 'home2') });
    expect(readdirSync(join(place, 'home2', '.cache', 'loket-asr-setup'))).toEqual([cacheName('status')]);
    expect(existsSync(join(root, 'relative'))).toBe(false);
  });
});

function mkdirIn(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
}
