/**
 * One writer per config file: `config.json.lock` says who holds it — PID, host name, when it
 * started, and what makes that PID this very process: the boot it ran in and the process's own
 * start time (Linux: the boot id and field 22 of /proc/<pid>/stat; elsewhere an estimate of the boot
 * time). A PID alone proves little: in a fresh container every run is PID 1, and after a reboot
 * any PID may be someone else's.
 *
 * A lock is stale, and taken over with a warning, when
 *  - it is unreadable (a crash while it was written, or not ours);
 *  - on this host: its boot is not ours, its process is gone, its PID is now a process that started
 *    at another time (PID reuse), or its PID is ours while this process does not hold it;
 *  - from a holder whose PID cannot be looked at from here — another host (a shared home directory)
 *    or another PID namespace (another container on this host) — once it has given no sign of life
 *    for UNSEEN_LOCK_TIMEOUT_MS. A holder touches the file every HEARTBEAT_MS while it runs, so a
 *    long wizard elsewhere keeps its lock, and a killed one loses it within minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import { LocalError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface Lock {
  release(): void;
}

/** What a lock file holds. Only `pid` is certain in locks of older versions. */
export interface LockHolder {
  pid: number;
  hostname?: string;
  startedAt?: string;
  /** Linux: /proc/sys/kernel/random/boot_id. */
  bootId?: string;
  /** When the holder's machine booted (ISO; an estimate from the uptime, to the second). */
  bootedAt?: string;
  /** Linux: the start time of the holder's process in clock ticks since boot (/proc/<pid>/stat). */
  processStart?: string;
  /** Linux: the holder's PID namespace (`pid:[4026531836]`); its PID means nothing in another one. */
  pidNamespace?: string;
}

/** The facts of this machine a lock is judged by; tests hand in their own. */
export interface LockSystem {
  pid: number;
  hostname(): string;
  bootId(): string | undefined;
  pidNamespace(): string | undefined;
  /** Milliseconds since the epoch. */
  bootedAt(): number;
  /** The start time of process `pid` as processStart records it; undefined where that cannot be read. */
  processStart(pid: number): string | undefined;
  isAlive(pid: number): boolean;
  /** The real clock (file times are real, whatever clock a command runs on). */
  now(): number;
}

const ATTEMPTS = 3;
export const HEARTBEAT_MS = 30_000;
export const UNSEEN_LOCK_TIMEOUT_MS = 5 * 60_000;
/** Two estimates of the same boot time differ by rounding and clock adjustments, not by minutes. */
const SAME_BOOT_TOLERANCE_MS = 5 * 60_000;

/** The lock contents this process holds right now (by path), to tell our own PID from a reused one. */
const held = new Map<string, string>();

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
function linuxProcessStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields?.[19];
  return start && /^\d+$/.test(start) ? start : undefined;
}

export const systemFacts: LockSystem = {
  pid: process.pid,
  hostname: () => os.hostname(),
  bootId: () => (process.platform === 'linux' ? readText('/proc/sys/kernel/random/boot_id') || undefined : undefined),
  pidNamespace() {
    if (process.platform !== 'linux') return undefined;
    try {
      return fs.readlinkSync('/proc/self/ns/pid');
    } catch {
      return undefined;
    }
  },
  bootedAt: () => Math.round((Date.now() - os.uptime() * 1000) / 1000) * 1000,
  processStart: (pid) => (process.platform === 'linux' ? linuxProcessStart(pid) : undefined),
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: the process exists but belongs to someone else.
      return errorCode(error) === 'EPERM';
    }
  },
  now: () => Date.now(),
};

export interface LockOptions {
  /** The clock of the command, for `startedAt`. */
  now: Date;
  /** Told when a stale lock is taken over. */
  warn?: (message: string) => void;
  system?: LockSystem;
}

/**
 * Throws LocalError (exit 5) naming the lock file and its holder when a live process holds it;
 * file-system errors (read-only directory…) are rethrown for the caller to fall back to memory.
 */
export function acquireLock(lockPath: string, options: LockOptions): Lock {
  const system = options.system ?? systemFacts;
  const content = JSON.stringify(describeSelf(system, options.now));
  let holder: LockHolder | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(lockPath, content)) return holdLock(lockPath, content, system);
    const found = readText(lockPath);
    if (found === undefined) continue;
    holder = parseHolder(found);
    const reason = holder ? staleReason(holder, lockPath, found, system) : 'unreadable';
    if (reason === undefined) break;
    // Only the lock judged stale goes: another process may have taken it over in the meantime.
    if (readText(lockPath) !== found) continue;
    fs.rmSync(lockPath, { force: true });
    options.warn?.(t('store.lockTakenOver', { lockPath, holder: holder ? holderText(holder) : '?', reason: t(`store.lockStale.${reason}`) }));
    holder = undefined;
  }
  if (!holder) throw new LocalError(t('store.lockContended', { lockPath }));
  throw new LocalError(t('store.locked', { lockPath, holder: holderText(holder) }), {
    hint: unseen(holder, system)
      ? t('store.lockedUnseenHint', { lockPath, minutes: UNSEEN_LOCK_TIMEOUT_MS / 60_000, lastSeen: new Date(lastSignOfLife(lockPath)).toISOString() })
      : t('store.lockedHint', { lockPath }),
  });
}

function describeSelf(system: LockSystem, now: Date): LockHolder {
  const self: LockHolder = { pid: system.pid, hostname: system.hostname(), startedAt: now.toISOString(), bootedAt: new Date(system.bootedAt()).toISOString() };
  const bootId = system.bootId();
  const processStart = system.processStart(system.pid);
  const pidNamespace = system.pidNamespace();
  if (bootId) self.bootId = bootId;
  if (processStart) self.processStart = processStart;
  if (pidNamespace) self.pidNamespace = pidNamespace;
  return self;
}

/**
 * Creates the lock with its content in one step: a hard link of a finished temp file, so nobody
 * ever reads a half-written lock. Where the file system has no hard links, an exclusive create.
 */
function createExclusive(lockPath: string, content: string): boolean {
  const temp = `${lockPath}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
    try {
      fs.linkSync(temp, lockPath);
      return true;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(error) ?? '')) throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
    fs.writeFileSync(lockPath, content, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

type StaleReason = 'otherBoot' | 'gone' | 'reused' | 'ownPid' | 'silent';

/** Another host, or another PID namespace of this one: its PID cannot be looked at from here. */
function unseen(holder: LockHolder, system: LockSystem): boolean {
  if (holder.hostname !== undefined && holder.hostname !== system.hostname()) return true;
  const namespace = system.pidNamespace();
  return holder.pidNamespace !== undefined && namespace !== undefined && holder.pidNamespace !== namespace && !otherBoot(holder, system);
}

function staleReason(holder: LockHolder, lockPath: string, content: string, system: LockSystem): StaleReason | undefined {
  if (unseen(holder, system)) return system.now() - lastSignOfLife(lockPath) > UNSEEN_LOCK_TIMEOUT_MS ? 'silent' : undefined;
  if (otherBoot(holder, system)) return 'otherBoot';
  if (holder.pid === system.pid) return held.get(lockPath) === content ? undefined : 'ownPid';
  if (!system.isAlive(holder.pid)) return 'gone';
  const now = holder.processStart === undefined ? undefined : system.processStart(holder.pid);
  if (now !== undefined && now !== holder.processStart) return 'reused';
  return undefined;
}

function otherBoot(holder: LockHolder, system: LockSystem): boolean {
  const bootId = system.bootId();
  if (holder.bootId !== undefined && bootId !== undefined) return holder.bootId !== bootId;
  const recorded = holder.bootedAt === undefined ? Number.NaN : Date.parse(holder.bootedAt);
  return Number.isFinite(recorded) && Math.abs(recorded - system.bootedAt()) > SAME_BOOT_TOLERANCE_MS;
}

function lastSignOfLife(lockPath: string): number {
  try {
    return fs.statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

function holdLock(lockPath: string, content: string, system: LockSystem): Lock {
  held.set(lockPath, content);
  const stillOurs = () => readText(lockPath) === content;
  // A sign of life for runs on other hosts that share this directory; never keeps the process alive.
  const heartbeat = setInterval(() => {
    try {
      if (stillOurs()) {
        const now = new Date(system.now());
        fs.utimesSync(lockPath, now, now);
      }
    } catch {
      // A missed heartbeat only makes the lock look older to other hosts.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = (): void => {
    process.off('exit', release);
    clearInterval(heartbeat);
    if (held.get(lockPath) === content) held.delete(lockPath);
    try {
      // Only remove the lock if it is still ours: it may have been taken over as stale.
      if (stillOurs()) fs.unlinkSync(lockPath);
    } catch {
      // Best effort: a lock left behind is stale and will be taken over.
    }
  };
  // 'exit' handlers must be synchronous; covers process.exit() paths that skip close().
  process.on('exit', release);
  return { release };
}

function parseHolder(text: string): LockHolder | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== 'object') return undefined;
  const fields = raw as Record<string, unknown>;
  const pid = fields.pid;
  // pid 0 and negative pids address process groups in kill(); never treat them as a holder.
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
  const holder: LockHolder = { pid };
  for (const key of ['hostname', 'startedAt', 'bootId', 'bootedAt', 'processStart', 'pidNamespace'] as const) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '') holder[key] = value;
  }
  return holder;
}

function holderText(holder: LockHolder): string {
  return t('store.lockHolder', { pid: holder.pid, host: holder.hostname ?? '?', startedAt: holder.startedAt ?? '?' });
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
