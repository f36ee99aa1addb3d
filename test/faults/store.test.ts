/**
 * Faults around the progress store, through the built CLI. "Nothing lost" here means: the config
 * file is either the old or a new valid document, a corrupt one is kept aside byte for byte, a
 * newer one is never touched, and the exit code is SPEC §6's (0 for recovered, 5 for refused).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { runCli, tempDir } from '../helpers/cli.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const posix = process.platform !== 'win32';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  if (posix) chmodSync(dir.path, 0o755);
  dir.remove();
});

const configFile = () => join(dir.path, 'config.json');
const backups = () => readdirSync(dir.path).filter((f) => f.startsWith('config.json.corrupt-'));

describe('corrupt or foreign config files', () => {
  const corrupt: Array<[string, Buffer]> = [
    ['0 bytes', Buffer.alloc(0)],
    ['truncated JSON', Buffer.from(`{"schemaVersion":${SCHEMA_VERSION},"profiles":{"default":{"office":{"name":"Kan`)],
    ['binary', Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a])],
    ['schema-invalid', Buffer.from(JSON.stringify({ schemaVersion: SCHEMA_VERSION, profiles: { default: { steps: { '1': { state: 'bogus' } } } } }))],
    // An older layout goes through the upgrade first; what the upgrade cannot make valid is corrupt too.
    [
      'schema-invalid, of the previous schemaVersion',
      Buffer.from(JSON.stringify({ schemaVersion: SCHEMA_VERSION - 1, profiles: { default: { steps: { '1': { state: 'bogus' } } } } })),
    ],
  ];

  it.each(corrupt)('%s: moved aside byte for byte, reported, fresh start, exit 0', async (_name, bytes) => {
    writeFileSync(configFile(), bytes);
    const status = await runCli(['status', '--json'], dir.path);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).steps).toEqual({ '1': 'todo', '2': 'todo', '3': 'todo', '4': 'todo', '5': 'todo' });
    expect(backups()).toHaveLength(1);
    expect(readFileSync(join(dir.path, backups()[0]!))).toEqual(bytes);
    expect(status.stderr).toContain(backups()[0]);
    // The next run writes a new, valid file and the backup stays.
    const set = await runCli(['config', 'set', 'office.name', 'Kantoor Nieuw'], dir.path);
    expect(set.code).toBe(0);
    expect(JSON.parse(readFileSync(configFile(), 'utf8')).profiles.default.office.name).toBe('Kantoor Nieuw');
    expect(backups()).toHaveLength(1);
  });

  // Before, a JSON file without schemaVersion was read as a version-1 store and overwritten at the first save.
  it('a JSON file that is not ours (no schemaVersion, not our shape): moved aside byte for byte with a warning, never overwritten', async () => {
    const theirs = Buffer.from(`${JSON.stringify({ theme: 'dark', recentFiles: ['offerte.docx'], window: { width: 800 } }, null, 2)}\n`);
    writeFileSync(configFile(), theirs);
    const set = await runCli(['config', 'set', 'office.name', 'Kantoor Nieuw'], dir.path, { env: { LANG: 'en_GB.UTF-8' } });
    expect(set.code, set.stderr).toBe(0);
    expect(backups()).toHaveLength(1);
    expect(readFileSync(join(dir.path, backups()[0]!))).toEqual(theirs);
    expect(set.stderr).toContain(`${configFile()} is not a loket-asr-setup progress file`);
    expect(set.stderr).toContain(backups()[0]);
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      profiles: { default: { office: { name: 'Kantoor Nieuw' } } },
    });
  });

  it('a file of the previous schemaVersion is upgraded, not moved aside: nothing the user entered is lost', async () => {
    // Contract v1's shape of the logged-in user ({ userName }) has no place in the current schema.
    const older = JSON.stringify({
      schemaVersion: SCHEMA_VERSION - 1,
      profiles: { default: { office: { name: 'Kantoor Oud' }, user: { userName: 'j.devries' } } },
    });
    writeFileSync(configFile(), older);
    const status = await runCli(['status', '--json'], dir.path);
    expect(status.code, status.stderr).toBe(0);
    expect(backups()).toHaveLength(0);
    const office = await runCli(['config', 'get', 'office.name'], dir.path);
    expect(office.stdout.trim()).toBe('Kantoor Oud');
    const set = await runCli(['config', 'set', 'office.contactName', 'Jan de Vries'], dir.path);
    expect(set.code, set.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(configFile(), 'utf8'));
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.profiles.default.office).toMatchObject({ name: 'Kantoor Oud', contactName: 'Jan de Vries' });
    expect(doc.profiles.default.user?.userName).toBeUndefined();
    expect(backups()).toHaveLength(0);
  });

  it('a file from a newer schemaVersion: writers refuse it (exit 5), status shows what it can (exit 0, as the README promises), nobody touches it', async () => {
    const newer = JSON.stringify({
      schemaVersion: 99,
      profiles: { default: { office: { name: 'Toekomst' }, hologram: { on: true } }, later: { steps: { '1': { state: 'teleported' } } } },
    });
    writeFileSync(configFile(), newer);
    const set = await runCli(['config', 'set', 'office.name', 'Oud'], dir.path);
    expect(set.code).toBe(5);
    expect(set.stderr).toMatch(/nieuwere/);
    expect(readFileSync(configFile(), 'utf8')).toBe(newer);
    // Before: status exited 5 too.
    const status = await runCli(['status', '--json'], dir.path, { env: { LANG: 'en_GB.UTF-8' } });
    expect(status.code, status.stderr).toBe(0);
    const doc = JSON.parse(status.stdout);
    expect(doc.office.name).toBe('Toekomst');
    expect(doc.persistent).toBe(false);
    expect(status.stderr).toContain(
      `${configFile()} was written by a newer version of loket-asr-setup (schema version 99; this version knows up to ${SCHEMA_VERSION}). This shows what this version can read of it; nothing in it is changed.`,
    );
    expect(status.stderr).toContain('Not readable for this version: profile later.');
    expect(status.stderr).toContain('Update loket-asr-setup');
    const human = await runCli(['status'], dir.path);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Toekomst');
    expect(readFileSync(configFile(), 'utf8')).toBe(newer);
    expect(backups()).toHaveLength(0);
  });
});

describe.runIf(posix)('unwritable places', () => {
  // As root, permissions do not bite; run the CLI as `nobody` instead, like a real other user.
  const asOtherUser = isRoot ? { uid: 65534, gid: 65534 } : undefined;
  // `nobody` may not be able to reach the checkout at all (a clone inside a 0700 `mktemp -d`
  // directory): run a copy of the built CLI from a place every user can read instead.
  let installed: string;
  beforeAll(() => {
    installed = mkdtempSync(join(tmpdir(), 'loket-asr-setup-cli-'));
    const root = fileURLToPath(new URL('../../', import.meta.url));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(installed, part), { recursive: true });
    // As npm installs it: folders 0755 (dist/messages/<lang>/ too), files 0644.
    const readable = (path: string): void => {
      chmodSync(path, 0o755);
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (entry.isDirectory()) readable(join(path, entry.name));
        else chmodSync(join(path, entry.name), 0o644);
      }
    };
    chmodSync(installed, 0o755);
    for (const part of ['bin', 'dist']) readable(join(installed, part));
  });
  afterAll(() => rmSync(installed, { recursive: true, force: true }));

  function runAs(args: string[]) {
    const r = spawnSync(process.execPath, [join(installed, 'bin', 'loket-asr-setup.js'), ...args], {
      env: { PATH: process.env.PATH, HOME: dir.path, LOKET_ASR_SETUP_CONFIG_DIR: dir.path, CI: 'true', LANG: 'en_GB.UTF-8' },
      encoding: 'utf8',
      ...(asOtherUser ?? {}),
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('read-only directory: the store carries on in memory with a warning; `config set`, whose one job is saving, says it did not (exit 5, never "saved")', () => {
    chmodSync(dir.path, isRoot ? 0o755 : 0o555);
    const r = runAs(['config', 'set', 'office.name', 'Kantoor']);
    expect(r.stderr).toMatch(/will not be kept/);
    // Before: exit 0 and "office.name saved."
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`office.name was not saved: ${configFile()} cannot be written.`);
    expect(r.stderr).toContain('LOKET_ASR_SETUP_CONFIG_DIR');
    expect(r.stderr).not.toContain('saved.');
    expect(existsSync(configFile())).toBe(false);
    const reset = runAs(['config', 'reset', '--yes']);
    expect(reset.code).toBe(5);
    expect(reset.stderr).toContain('was not erased');
  });

  it('config file owned by someone else: warning, exit 0, file untouched', () => {
    const original = JSON.stringify({ schemaVersion: SCHEMA_VERSION, profiles: { default: { office: { name: 'Van een ander' } } } });
    writeFileSync(configFile(), original, { mode: 0o600 });
    if (isRoot) {
      chmodSync(dir.path, 0o777);
      chownSync(configFile(), 0, 0);
    } else {
      chmodSync(configFile(), 0o000);
    }
    const r = runAs(['status', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).persistent).toBe(false);
    expect(r.stderr).toContain('config.json');
    if (!isRoot) chmodSync(configFile(), 0o600);
    expect(readFileSync(configFile(), 'utf8')).toBe(original);
  });
});

describe('locks', () => {
  it('a lock held by a live process refuses a second writer (exit 5) and leaves the file alone', async () => {
    await runCli(['config', 'set', 'office.name', 'Eerste'], dir.path);
    const before = readFileSync(configFile(), 'utf8');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir.path, 'config.json.lock'), JSON.stringify({ pid: holder.pid, startedAt: new Date().toISOString() }));
      const r = await runCli(['config', 'set', 'office.name', 'Tweede'], dir.path);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(String(holder.pid));
      expect(readFileSync(configFile(), 'utf8')).toBe(before);
      // Reading needs no lock.
      const status = await runCli(['status', '--json'], dir.path);
      expect(status.code).toBe(0);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a stale lock (dead PID) is taken over and released', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']);
    writeFileSync(join(dir.path, 'config.json.lock'), JSON.stringify({ pid: dead.pid, startedAt: '2026-01-01T00:00:00.000Z' }));
    const r = await runCli(['config', 'set', 'office.name', 'Na crash'], dir.path);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir.path, 'config.json.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(configFile(), 'utf8')).profiles.default.office.name).toBe('Na crash');
  });
});

describe('locks left behind where a PID proves nothing (src/store/lock.ts)', () => {
  const lockFile = () => join(dir.path, 'config.json.lock');
  const readProc = (file: string): string | undefined => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  const pid1Start = readProc('/proc/1/stat')?.split(') ')[1]?.split(' ')[19];

  // A killed container run left PID 1's lock; in the next run PID 1 is alive again, but it is
  // another process: it started at another time. Before, this blocked every later run (exit 5).
  it.runIf(process.platform === 'linux' && pid1Start !== undefined)(
    'PID 1 of a killed run, PID 1 alive again with another start time: taken over (exit 0) with a warning naming the lock',
    async () => {
      const pidNamespace = (() => {
        try {
          return readlinkSync('/proc/self/ns/pid');
        } catch {
          return undefined;
        }
      })();
      writeFileSync(
        lockFile(),
        JSON.stringify({
          pid: 1,
          hostname: hostname(),
          startedAt: '2026-11-28T09:00:00.000Z',
          bootId: readProc('/proc/sys/kernel/random/boot_id'),
          pidNamespace,
          processStart: String(Number(pid1Start) + 1),
        }),
      );
      const r = await runCli(['config', 'set', 'office.name', 'Na de container'], dir.path, { env: { LANG: 'en_GB.UTF-8' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        `Took over a lock left behind: ${lockFile()} (PID 1 on ${hostname()}, started 2026-11-28T09:00:00.000Z): that PID now belongs to another process (another start time).`,
      );
      expect(JSON.parse(readFileSync(configFile(), 'utf8')).profiles.default.office.name).toBe('Na de container');
      expect(existsSync(lockFile())).toBe(false);
    },
  );

  it('a lock of another host: refused while fresh (exit 5, host named, when it counts as left behind), taken over once silent', async () => {
    const theirs = JSON.stringify({ pid: 4711, hostname: 'laptop-van-jan', startedAt: '2026-11-28T09:00:00.000Z' });
    writeFileSync(lockFile(), theirs);
    const refused = await runCli(['config', 'set', 'office.name', 'Hier'], dir.path, { env: { LANG: 'en_GB.UTF-8' } });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`(PID 4711 on laptop-van-jan, started 2026-11-28T09:00:00.000Z; lock file ${lockFile()})`);
    expect(refused.stderr).toMatch(/counts as left behind after 5 minutes without a sign of life/);
    expect(readFileSync(lockFile(), 'utf8')).toBe(theirs);
    expect(existsSync(configFile())).toBe(false);

    const silentSince = new Date(Date.now() - 6 * 60_000);
    utimesSync(lockFile(), silentSince, silentSince);
    const taken = await runCli(['config', 'set', 'office.name', 'Hier'], dir.path, { env: { LANG: 'en_GB.UTF-8' } });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toMatch(/Took over a lock left behind: .*\(PID 4711 on laptop-van-jan.*no sign of life for too long/);
    expect(JSON.parse(readFileSync(configFile(), 'utf8')).profiles.default.office.name).toBe('Hier');
  });
});

describe('SIGKILL in the middle of saving', () => {
  let writer: string;
  beforeEach(async () => {
    const { build } = await import('esbuild');
    writer = join(dir.path, 'store-writer.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/store-writer.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: writer,
      define: { __VERSION__: '"0.0.0-test"' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'silent',
    });
  });

  it('the config file always parses, whatever moment the kill lands (many rounds)', async () => {
    const configDir = join(dir.path, 'cfg');
    for (let round = 0; round < 25; round++) {
      const child = spawn(process.execPath, [writer], { env: { ...process.env, LOKET_ASR_SETUP_CONFIG_DIR: configDir }, stdio: ['ignore', 'pipe', 'ignore'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      // Let it save for a varying while, then kill without warning.
      await new Promise((resolve) => setTimeout(resolve, 5 + ((round * 37) % 60)));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const text = readFileSync(join(configDir, 'config.json'), 'utf8');
      const doc = JSON.parse(text);
      expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
      expect(Object.keys(doc.profiles.default.employers)).toHaveLength(400);
    }
  });
});
