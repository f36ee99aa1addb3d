import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalError, UsageError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { configDir, configPath, getByPath, openStore, setByPath, setStepState, SCHEMA_VERSION, type Store, type StoreOptions } from '../../src/store/index.js';
import { renameWithRetry } from '../../src/store/atomic.js';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const BACKUP_SUFFIX = '.corrupt-2026-11-28T10-00-00-000Z';

let dir: string;
let file: string;
let warnings: string[];
const opened: Store[] = [];

function open(overrides: Partial<StoreOptions> = {}): Store {
  const store = openStore({ dir, profile: 'default', lock: true, warn: (m) => warnings.push(m), now: () => NOW, ...overrides });
  opened.push(store);
  return store;
}

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

beforeEach(() => {
  setLang('en');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-store-'));
  file = path.join(dir, 'config.json');
  warnings = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  for (const store of opened.splice(0)) store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  setLang('nl');
});

describe('round trip', () => {
  it('saves every update at once and reads it back in a new process', () => {
    const store = open();
    expect(store.persistent).toBe(true);
    expect(store.path).toBe(file);
    store.update((draft) => {
      draft.office.name = 'Administratiekantoor De Vries';
      draft.webserviceUser = 'Webservice#01';
      setStepState(draft, '1', 'done', NOW);
    });
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.profiles.default.office.name).toBe('Administratiekantoor De Vries');
    store.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);

    const again = open();
    expect(again.profile().webserviceUser).toBe('Webservice#01');
    expect(again.profile().steps['1']).toEqual({ state: 'done', updatedAt: NOW.toISOString(), completedAt: NOW.toISOString() });
    expect(again.profile().steps['2'].state).toBe('todo');
    expect(warnings).toEqual([]);
  });

  it('hands out a frozen copy of the profile', () => {
    const store = open();
    const profile = store.profile();
    expect(() => {
      (profile.office as { name?: string }).name = 'x';
    }).toThrow(TypeError);
    expect(store.profile().office.name).toBeUndefined();
  });

  it('drops fields the schema does not know, so no secret can be stored', () => {
    const store = open();
    store.update((draft) => {
      Object.assign(draft, { password: 'hunter2' });
      Object.assign(draft.office, { token: 'abc' });
    });
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/hunter2|token|password/);
  });

  it('resets the current profile only', () => {
    const store = open({ profile: 'sandbox' });
    store.update((draft) => void (draft.clientId = 'sandbox-client'));
    store.close();
    const main = open();
    main.update((draft) => void (draft.clientId = 'prod-client'));
    main.resetProfile();
    expect(main.profile().clientId).toBeUndefined();
    expect(main.profiles()).toEqual(['sandbox']);
  });
});

describe('profiles', () => {
  it('keeps offices apart', () => {
    const a = open({ profile: 'kantoor-a' });
    a.update((draft) => void (draft.office.email = 'a@kantoor-a.nl'));
    a.close();
    const b = open({ profile: 'kantoor-b' });
    expect(b.profile().office.email).toBeUndefined();
    b.update((draft) => void (draft.office.email = 'b@kantoor-b.nl'));
    expect(b.profiles()).toEqual(['kantoor-a', 'kantoor-b']);
    b.close();
    expect(open({ profile: 'kantoor-a' }).profile().office.email).toBe('a@kantoor-a.nl');
  });

  it('refuses a profile name that is not a plain word', () => {
    for (const name of ['', '../x', '__proto__', 'a b']) {
      expect(() => open({ profile: name })).toThrow(UsageError);
    }
  });
});

describe('upgrade', () => {
  const v1 = { office: { name: 'Kantoor' }, webserviceUser: 'WS01', steps: { '1': { state: 'done' } } };

  it.each([
    ['schemaVersion 1', { schemaVersion: 1, ...v1 }],
    ['no schemaVersion', v1],
  ])('moves a single-profile file (%s) under profiles.default', (_name, content) => {
    fs.writeFileSync(file, JSON.stringify(content));
    const store = open();
    expect(store.profile().office.name).toBe('Kantoor');
    expect(store.profile().webserviceUser).toBe('WS01');
    expect(store.profile().steps['1'].state).toBe('done');
    expect(store.profile().steps['3'].state).toBe('todo');
    store.update((draft) => void (draft.route = 'ak-team'));
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: SCHEMA_VERSION, profiles: { default: { route: 'ak-team' } } });
    expect(onDisk.office).toBeUndefined();
  });

  it('refuses a file from a newer version and leaves it untouched', () => {
    const bytes = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, profiles: { default: { future: true } } });
    fs.writeFileSync(file, bytes);
    let thrown: unknown;
    try {
      open();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LocalError);
    expect((thrown as LocalError).exitCode).toBe(5);
    expect((thrown as LocalError).message).toContain('newer');
    expect(fs.readFileSync(file, 'utf8')).toBe(bytes);
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('a file of a newer version, opened to read (status, config get)', () => {
  it('shows every profile this version can read, keeps nothing, writes nothing, and says so', () => {
    const bytes = JSON.stringify({
      schemaVersion: SCHEMA_VERSION + 1,
      profiles: { default: { office: { name: 'Toekomst' }, future: true }, broken: { route: 42 } },
    });
    fs.writeFileSync(file, bytes);
    const store = open({ lock: false });
    expect(store.persistent).toBe(false);
    expect(store.profile().office.name).toBe('Toekomst');
    expect(store.profiles()).toEqual(['default']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(warnings[0]).toContain('profile broken');
    store.update((draft) => void (draft.office.name = 'Oud'));
    expect(fs.readFileSync(file, 'utf8')).toBe(bytes);
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('corrupt file', () => {
  it.each([
    ['empty', Buffer.alloc(0)],
    ['truncated JSON', Buffer.from('{"schemaVersion":2,"profiles":{"default":{"office":{"na')],
    ['binary', Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x80, 0x81, 0x00, 0x22])],
    ['schema-invalid', Buffer.from(JSON.stringify({ schemaVersion: 2, profiles: { default: { route: 'per-fax' } } }))],
    ['not an object', Buffer.from('[1,2,3]')],
  ])('moves a %s file aside and starts fresh', (_name, bytes) => {
    fs.writeFileSync(file, bytes);
    const store = open();
    const backup = `${file}${BACKUP_SUFFIX}`;
    expect(fs.readFileSync(backup).equals(bytes)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(backup);
    expect(store.persistent).toBe(true);
    expect(store.profile().steps['1'].state).toBe('todo');
    store.update((draft) => void (draft.office.name = 'Nieuw'));
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).profiles.default.office.name).toBe('Nieuw');
  });

  it('moves a JSON file that is not ours aside too, saying so, instead of taking it for an old store', () => {
    const bytes = Buffer.from(JSON.stringify({ theme: 'dark', recentFiles: ['offerte.docx'] }));
    fs.writeFileSync(file, bytes);
    const store = open();
    const backup = `${file}${BACKUP_SUFFIX}`;
    expect(fs.readFileSync(backup).equals(bytes)).toBe(true);
    expect(warnings).toEqual([
      `${file} is not a loket-asr-setup progress file (no schemaVersion, an unknown layout). It was not overwritten but moved aside as ${backup}; progress starts afresh.`,
    ]);
    store.update((draft) => void (draft.office.name = 'Nieuw'));
    expect(fs.readFileSync(backup).equals(bytes)).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).profiles.default.office.name).toBe('Nieuw');
  });

  it('never overwrites an earlier backup', () => {
    fs.writeFileSync(`${file}${BACKUP_SUFFIX}`, 'first');
    fs.writeFileSync(file, 'second{');
    open();
    expect(fs.readFileSync(`${file}${BACKUP_SUFFIX}`, 'utf8')).toBe('first');
    expect(fs.readFileSync(`${file}${BACKUP_SUFFIX}-2`, 'utf8')).toBe('second{');
  });
});

describe('not writable', () => {
  it('carries on in memory when the directory cannot be created', () => {
    fs.writeFileSync(path.join(dir, 'plain-file'), '');
    const store = open({ dir: path.join(dir, 'plain-file', 'config') });
    expect(store.persistent).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('will not be kept');
    store.update((draft) => void (draft.environmentCode = 'ABC123'));
    expect(store.profile().environmentCode).toBe('ABC123');
    expect(warnings).toHaveLength(1);
  });

  it('carries on in memory when the file cannot be read, without writing over it', () => {
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 2, profiles: { default: { clientId: 'theirs' } } }));
    const before = fs.readFileSync(file, 'utf8');
    const realRead = fs.readFileSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((target: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (target === file) throw errnoError('EACCES');
      return (realRead as (...args: unknown[]) => unknown)(target, ...rest);
    }) as typeof fs.readFileSync);
    const store = open();
    expect(store.persistent).toBe(false);
    expect(warnings[0]).toContain('you have no permission to read it');
    store.update((draft) => void (draft.clientId = 'mine'));
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('switches to memory with one warning when a save fails, keeping the old file whole', () => {
    const store = open();
    store.update((draft) => void (draft.office.name = 'Oud'));
    const before = fs.readFileSync(file, 'utf8');
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw errnoError('ENOSPC');
    });
    store.update((draft) => void (draft.office.name = 'Nieuw'));
    store.update((draft) => void (draft.office.phone = '0201234567'));
    expect(store.persistent).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the disk is full');
    expect(store.profile().office).toEqual({ name: 'Nieuw', phone: '0201234567' });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('survives the directory turning into something else between saves', () => {
    const store = open();
    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, 'not a directory');
    store.update((draft) => void (draft.office.name = 'X'));
    expect(store.persistent).toBe(false);
    expect(warnings).toHaveLength(1);
    fs.rmSync(dir);
  });
});

describe('lock', () => {
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    return child.pid as number;
  }

  it('refuses when a live process holds the lock', () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const pid = child.pid as number;
      fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid, startedAt: NOW.toISOString() }));
      let thrown: unknown;
      try {
        open();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(LocalError);
      expect((thrown as LocalError).exitCode).toBe(5);
      expect((thrown as LocalError).message).toContain(`PID ${pid}`);
      expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(pid);
      // Read-only commands do not take the lock.
      expect(open({ lock: false }).persistent).toBe(true);
    } finally {
      child.kill();
    }
  });

  it('refuses a second writer in the same process until the first closes', () => {
    const first = open();
    expect(() => open()).toThrow(LocalError);
    first.close();
    expect(() => open()).not.toThrow();
  });

  it('takes over a lock whose process has gone', async () => {
    const pid = await deadPid();
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid, startedAt: NOW.toISOString() }));
    const store = open();
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    store.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it.each([
    ['garbage', 'not json at all'],
    ['empty', ''],
    ['pid 0', '{"pid":0}'],
  ])('takes over an unreadable lock (%s)', (_name, content) => {
    fs.writeFileSync(`${file}.lock`, content);
    open();
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
  });

  it('does not remove a lock that another process took over', () => {
    const store = open();
    const theirs = JSON.stringify({ pid: 1, startedAt: NOW.toISOString() });
    fs.writeFileSync(`${file}.lock`, theirs);
    store.close();
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(theirs);
  });
});

describe.skipIf(process.platform === 'win32')('file mode', () => {
  it('writes the file 0600, also over an existing looser file', () => {
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 2, profiles: {} }), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const store = open();
    store.update((draft) => void (draft.office.name = 'Kantoor'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('update validation', () => {
  it('rejects invalid data naming the field, saving nothing', () => {
    const store = open();
    store.update((draft) => void (draft.route = 'ak-team'));
    const before = fs.readFileSync(file, 'utf8');
    let thrown: unknown;
    try {
      store.update((draft) => {
        draft.route = 'per-fax' as never;
        draft.office.name = 'Changed';
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).exitCode).toBe(2);
    expect((thrown as UsageError).message).toContain('route');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(store.profile().office.name).toBeUndefined();
  });

  it('names nested field paths', () => {
    const store = open();
    expect(() =>
      store.update((draft) => {
        draft.employers['0b6c…'] = { employerNumber: 1.5 } as never;
      }),
    ).toThrow(/employers\.0b6c…\.employerNumber/);
  });
});

describe('config keys', () => {
  it('gets and sets the allowed keys', () => {
    const store = open();
    store.update((draft) => {
      setByPath(draft, 'office.email', 'info@kantoor.nl');
      setByPath(draft, 'environment', 'acceptance');
    });
    expect(getByPath(store.profile(), 'office.email')).toBe('info@kantoor.nl');
    expect(getByPath(store.profile(), 'environment')).toBe('acceptance');
    store.update((draft) => setByPath(draft, 'office.email', undefined));
    expect(getByPath(store.profile(), 'office.email')).toBeUndefined();
  });

  it('validates set values against the schema', () => {
    const store = open();
    expect(() => store.update((draft) => setByPath(draft, 'route', 'per-fax'))).toThrow(/route/);
  });
});

describe('setStepState', () => {
  it('stamps completion and clears it when a step is reopened', () => {
    const store = open();
    const later = new Date('2026-11-29T08:00:00.000Z');
    store.update((draft) => {
      setStepState(draft, '3', 'attention', NOW);
      draft.steps['3'].note = 'verlof not authorised';
    });
    store.update((draft) => setStepState(draft, '3', 'done', later));
    expect(store.profile().steps['3']).toEqual({
      state: 'done',
      updatedAt: later.toISOString(),
      completedAt: later.toISOString(),
    });
    store.update((draft) => setStepState(draft, '3', 'done', new Date('2026-12-01T00:00:00.000Z')));
    expect(store.profile().steps['3'].completedAt).toBe(later.toISOString());
    store.update((draft) => setStepState(draft, '3', 'in-progress', NOW));
    expect(store.profile().steps['3'].completedAt).toBeUndefined();
  });
});

describe('configPath', () => {
  it('uses the override directory', () => {
    expect(configDir({ LOKET_ASR_SETUP_CONFIG_DIR: dir })).toBe(dir);
    expect(configPath(dir)).toBe(file);
  });

  it.runIf(process.platform === 'linux')('defaults to conf’s location without a suffix', () => {
    vi.stubEnv('LOKET_ASR_SETUP_CONFIG_DIR', '');
    vi.stubEnv('XDG_CONFIG_HOME', '/home/u/.config');
    expect(configPath()).toBe('/home/u/.config/loket-asr-setup/config.json');
  });
});

describe('renameWithRetry', () => {
  const locked = (code: string) => Object.assign(new Error(`${code}: operation not permitted, rename`), { code });

  it('on Windows, retries a rename refused while another program holds the file, then succeeds', () => {
    let calls = 0;
    const pauses: number[] = [];
    renameWithRetry('a', 'b', {
      platform: 'win32',
      rename: () => {
        if (++calls < 3) throw locked(calls === 1 ? 'EPERM' : 'EBUSY');
      },
      sleep: (ms) => pauses.push(ms),
    });
    expect(calls).toBe(3);
    expect(pauses).toEqual([10, 20]);
  });

  it('gives up after about a second with the last error, and never retries elsewhere or other errors', () => {
    const pauses: number[] = [];
    const always = (code: string) => () => {
      throw locked(code);
    };
    expect(() => renameWithRetry('a', 'b', { platform: 'win32', rename: always('EACCES'), sleep: (ms) => pauses.push(ms) })).toThrow(/EACCES/);
    expect(pauses.reduce((sum, ms) => sum + ms, 0)).toBe(1270);
    for (const [platform, code] of [
      ['linux', 'EPERM'],
      ['win32', 'ENOENT'],
    ] as const) {
      let calls = 0;
      expect(() =>
        renameWithRetry('a', 'b', {
          platform,
          rename: () => {
            calls++;
            throw locked(code);
          },
          sleep: () => {},
        }),
      ).toThrow(code);
      expect(calls).toBe(1);
    }
  });
});
