/**
 * The lock of the progress file (src/store/lock.ts): who holds it, and when a lock is left behind.
 * Most cases run on a described machine (LockSystem), so PID 1 in a fresh container, a reboot or
 * another host can be shown on any machine; the last ones use this machine's own facts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { acquireLock, HEARTBEAT_MS, systemFacts, UNSEEN_LOCK_TIMEOUT_MS, type Lock, type LockHolder, type LockSystem } from '../../src/store/lock.js';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const BOOT = '7c1a2f1e-0000-4000-8000-000000000001';
const NAMESPACE = 'pid:[4026531836]';

let dir: string;
let lockPath: string;
let warnings: string[];
const held: Lock[] = [];

beforeEach(() => {
  setLang('en');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-asr-setup-lock-'));
  lockPath = path.join(dir, 'config.json.lock');
  warnings = [];
});
afterEach(() => {
  while (held.length) held.pop()!.release();
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A machine "build-7" where we are PID 4242 and `alive` lists the other running processes with their start times. */
function machine(alive: Record<number, string> = {}, overrides: Partial<LockSystem> = {}): LockSystem {
  return {
    pid: 4242,
    hostname: () => 'build-7',
    bootId: () => BOOT,
    pidNamespace: () => NAMESPACE,
    bootedAt: () => Date.parse('2026-11-20T08:00:00.000Z'),
    processStart: (pid) => (pid === 4242 ? '900000' : alive[pid]),
    isAlive: (pid) => pid === 4242 || pid in alive,
    now: () => Date.now(),
    ...overrides,
  };
}

/** A lock as another run on build-7 (same boot, same namespace) would have left it. */
function leftBy(holder: Partial<LockHolder> & { pid: number }): LockHolder {
  return { hostname: 'build-7', startedAt: '2026-11-28T09:00:00.000Z', bootId: BOOT, pidNamespace: NAMESPACE, bootedAt: '2026-11-20T08:00:00.000Z', ...holder };
}

function plant(holder: unknown, ageMs = 0): void {
  fs.writeFileSync(lockPath, typeof holder === 'string' ? holder : JSON.stringify(holder));
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(lockPath, at, at);
}

function take(system: LockSystem): Lock {
  const lock = acquireLock(lockPath, { now: NOW, warn: (m) => warnings.push(m), system });
  held.push(lock);
  return lock;
}

function refusal(system: LockSystem): LocalError {
  try {
    take(system);
  } catch (error) {
    expect(error).toBeInstanceOf(LocalError);
    return error as LocalError;
  }
  throw new Error('expected the lock to be refused');
}

const lockFile = (): LockHolder => JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;

describe('what a lock records', () => {
  it("PID, host, startedAt (the command's clock), boot id, boot time, process start time and PID namespace", () => {
    take(machine());
    expect(lockFile()).toEqual({
      pid: 4242,
      hostname: 'build-7',
      startedAt: NOW.toISOString(),
      bootedAt: '2026-11-20T08:00:00.000Z',
      bootId: BOOT,
      processStart: '900000',
      pidNamespace: NAMESPACE,
    });
    if (process.platform !== 'win32') expect(fs.statSync(lockPath).mode & 0o777).toBe(0o600);
  });

  it('only what the OS offers: no boot id, start time or namespace where there is no /proc', () => {
    take(machine({}, { bootId: () => undefined, processStart: () => undefined, pidNamespace: () => undefined }));
    expect(Object.keys(lockFile()).sort()).toEqual(['bootedAt', 'hostname', 'pid', 'startedAt']);
  });

  it('is released, and then gone', () => {
    take(machine()).release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});

describe('a live holder on this machine keeps its lock', () => {
  it('refuses with a message naming the lock file and the holder (PID, host, start)', () => {
    plant(leftBy({ pid: 31337, processStart: '123456' }));
    const error = refusal(machine({ 31337: '123456' }));
    expect(error.exitCode).toBe(5);
    expect(error.message).toBe(
      `Another loket-asr-setup is busy with this configuration (PID 31337 on build-7, started 2026-11-28T09:00:00.000Z; lock file ${lockPath}). Wait for it to finish, or stop it.`,
    );
    expect(error.hint).toBe(`No loket-asr-setup running any more? Then delete the lock file ${lockPath}.`);
    expect(lockFile().pid).toBe(31337);
    expect(warnings).toEqual([]);
  });

  it('PID 1 is not special: a live PID 1 with the recorded start time holds the lock', () => {
    plant(leftBy({ pid: 1, processStart: '2' }));
    expect(refusal(machine({ 1: '2' })).message).toContain('PID 1 on build-7');
  });

  it('a lock of an older version ({ pid, startedAt } only) with a live PID is held', () => {
    plant({ pid: 31337, startedAt: '2026-11-28T09:00:00.000Z' });
    expect(refusal(machine({ 31337: '1' })).message).toContain('PID 31337 on ?');
  });

  it('where the start time cannot be read, a live PID holds the lock', () => {
    plant(leftBy({ pid: 31337, processStart: '123456' }));
    refusal(machine({ 31337: '123456' }, { processStart: () => undefined }));
  });

  it('the same process asking twice is refused until it releases', () => {
    const system = machine();
    const first = take(system);
    expect(refusal(system).message).toContain('PID 4242 on build-7');
    first.release();
    take(system);
  });
});

describe('a lock left behind is taken over, with a warning that says whose and why', () => {
  const cases: Array<[string, () => LockHolder | string, () => LockSystem, RegExp]> = [
    ['its process is gone', () => leftBy({ pid: 31337, processStart: '5' }), () => machine(), /that process no longer exists/],
    [
      'its PID now belongs to a process that started at another time (PID reuse)',
      () => leftBy({ pid: 31337, processStart: '5' }),
      () => machine({ 31337: '777' }),
      /another start time/,
    ],
    [
      'PID 1 of a killed container run, and PID 1 is now someone else (same namespace, other start time)',
      () => leftBy({ pid: 1, processStart: '5' }),
      () => machine({ 1: '8' }),
      /another start time/,
    ],
    [
      'its PID is ours, and this process does not hold it (a fresh container: we are PID 1 too)',
      () => leftBy({ pid: 4242, processStart: '5' }),
      () => machine(),
      /now belongs to this run/,
    ],
    [
      'its boot is not ours (the machine restarted; the PID may be alive again)',
      () => leftBy({ pid: 31337, bootId: 'an-earlier-boot' }),
      () => machine({ 31337: '5' }),
      /restarted since/,
    ],
    [
      'no boot id, but a boot time hours before ours',
      () => ({ pid: 31337, hostname: 'build-7', bootedAt: '2026-11-01T08:00:00.000Z' }),
      () => machine({ 31337: '5' }, { bootId: () => undefined }),
      /restarted since/,
    ],
    ['it is unreadable', () => 'not json at all', () => machine(), /unreadable/],
    ['it names no usable PID', () => '{"pid":0}', () => machine(), /unreadable/],
  ];

  it.each(cases)('%s', (_name, holder, system, reason) => {
    plant(holder());
    take(system());
    expect(lockFile().pid).toBe(4242);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^Took over a lock left behind: ${lockPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
    expect(warnings[0]).toMatch(reason);
  });

  it('a boot time that differs by seconds is the same boot (an estimate from the uptime)', () => {
    plant({ pid: 31337, hostname: 'build-7', bootedAt: '2026-11-20T08:00:03.000Z' });
    refusal(machine({ 31337: '5' }, { bootId: () => undefined }));
  });
});

describe('a holder whose process cannot be seen from here: another host, another container', () => {
  it('from another host: held while it shows signs of life, naming the host and when it counts as left behind', () => {
    plant(leftBy({ pid: 31337, hostname: 'laptop-jan' }), UNSEEN_LOCK_TIMEOUT_MS - 60_000);
    const error = refusal(machine());
    expect(error.message).toContain('PID 31337 on laptop-jan, started 2026-11-28T09:00:00.000Z');
    expect(error.hint).toMatch(/another computer or in another container/);
    expect(error.hint).toContain(`after ${UNSEEN_LOCK_TIMEOUT_MS / 60_000} minutes without a sign of life (last: `);
    expect(error.hint).toContain(lockPath);
  });

  it('from another host: taken over once it has been silent longer than the timeout', () => {
    plant(leftBy({ pid: 31337, hostname: 'laptop-jan' }), UNSEEN_LOCK_TIMEOUT_MS + 60_000);
    take(machine());
    expect(warnings[0]).toMatch(/PID 31337 on laptop-jan.*no sign of life for too long/);
  });

  it('another PID namespace on this machine (another container): its PID is not looked up here, the heartbeat decides', () => {
    const other = leftBy({ pid: 1, processStart: '5', pidNamespace: 'pid:[4026532999]' });
    plant(other, 60_000);
    // PID 1 here has another start time; that says nothing about PID 1 in the other container.
    refusal(machine({ 1: '8' }));
    plant(other, UNSEEN_LOCK_TIMEOUT_MS + 60_000);
    take(machine({ 1: '8' }));
    expect(warnings[0]).toMatch(/no sign of life for too long/);
  });

  it('a holder touches its lock every HEARTBEAT_MS, so others see it alive', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const later = Date.now() + 3_600_000;
    take(machine({}, { now: () => later }));
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(Math.abs(fs.statSync(lockPath).mtimeMs - later)).toBeLessThan(2_000);
  });
});

describe.runIf(process.platform === 'linux')('on this machine (Linux: /proc)', () => {
  it("records this process's own start time, boot id and namespace", () => {
    take(systemFacts);
    const recorded = lockFile();
    expect(recorded.pid).toBe(process.pid);
    expect(recorded.hostname).toBe(os.hostname());
    expect(recorded.processStart).toMatch(/^\d+$/);
    expect(recorded.bootId).toBe(fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    expect(recorded.pidNamespace).toMatch(/^pid:\[\d+\]$/);
  });

  it('a live process with its real start time holds the lock; the same PID with another start time does not', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const pid = child.pid as number;
      const start = systemFacts.processStart(pid);
      expect(start).toMatch(/^\d+$/);
      const holder = { pid, hostname: os.hostname(), startedAt: NOW.toISOString(), bootId: systemFacts.bootId(), pidNamespace: systemFacts.pidNamespace() };
      plant({ ...holder, processStart: start });
      refusal(systemFacts);
      plant({ ...holder, processStart: String(Number(start) + 1) });
      take(systemFacts);
      expect(lockFile().pid).toBe(process.pid);
    } finally {
      child.kill();
    }
  });
});
