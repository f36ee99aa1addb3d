/**
 * One writer per config file: `config.json.lock` holds the holder's PID and start time. A lock
 * whose process is gone (or whose content is unreadable) is stale and taken over.
 */
import fs from 'node:fs';
import { LocalError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface Lock {
  release(): void;
}

const ATTEMPTS = 3;

/**
 * Throws LocalError (exit 5) when a live process holds the lock; file-system errors (read-only
 * directory…) are rethrown for the caller to fall back to memory.
 */
export function acquireLock(lockPath: string, now: Date): Lock {
  const content = JSON.stringify({ pid: process.pid, startedAt: now.toISOString() });
  let holder: number | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx', mode: 0o600 });
      return holdLock(lockPath, content);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    holder = readHolder(lockPath);
    if (holder !== undefined && isAlive(holder)) break;
    fs.rmSync(lockPath, { force: true });
    holder = undefined;
  }
  // Either a live holder, or other processes kept winning the race for a stale lock.
  throw new LocalError(t('store.locked', { pid: holder ?? '?' }), { hint: t('store.lockedHint', { lockPath }) });
}

function holdLock(lockPath: string, content: string): Lock {
  const release = (): void => {
    process.off('exit', release);
    try {
      // Only remove the lock if it is still ours: it may have been taken over as stale.
      if (fs.readFileSync(lockPath, 'utf8') === content) fs.unlinkSync(lockPath);
    } catch {
      // Best effort: a lock left behind is stale and will be taken over.
    }
  };
  // 'exit' handlers must be synchronous; covers process.exit() paths that skip close().
  process.on('exit', release);
  return { release };
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid: unknown = (JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown }).pid;
    // pid 0 and negative pids address process groups in kill(); never treat them as a holder.
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
