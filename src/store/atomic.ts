/**
 * Crash-safe file replacement: write a temp file in the same directory, fsync it, rename it over the
 * target. A kill at any moment leaves either the old or the new file, never a mix.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Read and write for the owner only, on POSIX. Windows keeps no such bits (Node maps them to the
 * read-only flag alone): there the file is as private as its folder, which for the progress and
 * token files is the user's profile (%APPDATA%), open to that user, administrators and SYSTEM.
 */
const FILE_MODE = 0o600;

/** The error codes with which Windows refuses a rename over a file another program holds open. */
const BRIEFLY_LOCKED = new Set(['EPERM', 'EACCES', 'EBUSY']);

export interface RenameOptions {
  platform?: NodeJS.Platform;
  rename?: (from: string, to: string) => void;
  sleep?: (ms: number) => void;
}

/**
 * fs.renameSync, retried on Windows: a virus scanner, the search indexer or an editor that has the
 * file open for a moment makes the rename fail with EPERM, EACCES or EBUSY. As graceful-fs and
 * write-file-atomic do, try again with growing pauses, here for about a second in all, then give up
 * with the last error.
 */
export function renameWithRetry(from: string, to: string, options: RenameOptions = {}): void {
  const platform = options.platform ?? process.platform;
  const rename = options.rename ?? fs.renameSync;
  const sleep = options.sleep ?? sleepSync;
  for (let pause = 10; ; pause *= 2) {
    try {
      rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (platform !== 'win32' || pause > 640 || code === undefined || !BRIEFLY_LOCKED.has(code)) throw error;
      sleep(pause);
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function writeFileAtomic(filePath: string, data: string): void {
  // Unique, not secret (it is created with O_EXCL): Math.random, because loading node:crypto would
  // cost every start of `status` a few milliseconds.
  const tempPath = `${filePath}.${process.pid}-${Math.random().toString(16).slice(2, 10)}.tmp`;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tempPath, 'wx', FILE_MODE);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // The rename also replaces an existing file that had a looser mode with our 0600 one.
    renameWithRetry(tempPath, filePath);
  } catch (error) {
    try {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(tempPath, { force: true });
    } catch {
      // The write error is the one worth reporting; a stray .tmp file is harmless.
    }
    throw error;
  }
  syncDirectory(path.dirname(filePath));
}

/** Makes the rename itself durable. Directories cannot be opened on Windows; skipping is fine there. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: the data is already safely in place under its final name.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Moves a corrupt file aside as `<name>.corrupt-<timestamp>` (no colons, so valid on Windows) and
 * returns the new path.
 */
export function moveAside(filePath: string, now: Date): string {
  const base = `${filePath}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  let target = base;
  for (let n = 2; fs.existsSync(target); n++) target = `${base}-${n}`;
  renameWithRetry(filePath, target);
  return target;
}
