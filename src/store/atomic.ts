/**
 * Crash-safe file replacement: write a temp file in the same directory, fsync it, rename it over the
 * target. A kill at any moment leaves either the old or the new file, never a mix.
 */
import fs from 'node:fs';
import path from 'node:path';

const FILE_MODE = 0o600;

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
    fs.renameSync(tempPath, filePath);
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
  fs.renameSync(filePath, target);
  return target;
}
