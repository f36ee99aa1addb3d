/**
 * Files the user asked for (`--out`: a ticket, an export, a report). Written where they said, but
 * never through a symlink someone planted there, and never into a directory anyone may write to
 * (unless it is sticky, like /tmp, where others cannot replace our file).
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { LocalError } from '../errors.js';
import { t } from '../i18n/index.js';

function refuse(file: string, code: string): never {
  throw new LocalError(t('commands.file.writeFailed', { file, code }), { hint: t('commands.file.writeFailedHint') });
}

/** Writes `text` to `file` (created 0644 unless `mode` says otherwise, or truncated); returns the absolute path. */
export function writeResultFile(file: string, text: string, options: { append?: boolean; mode?: number } = {}): string {
  const target = nodePath.resolve(file);
  try {
    const existing = fs.lstatSync(target, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink()) refuse(target, 'ELOOP');
    if (existing?.isDirectory()) refuse(target, 'EISDIR');
    const parent = fs.statSync(nodePath.dirname(target));
    if (process.platform !== 'win32' && (parent.mode & 0o002) !== 0 && (parent.mode & 0o1000) === 0) refuse(target, 'EACCES');
    // O_NOFOLLOW closes the gap between the check above and the open (where the platform has it).
    const flags =
      fs.constants.O_WRONLY | fs.constants.O_CREAT | (options.append ? fs.constants.O_APPEND : fs.constants.O_TRUNC) | (fs.constants.O_NOFOLLOW ?? 0);
    const fd = fs.openSync(target, flags, options.mode ?? 0o644);
    try {
      fs.writeSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (error instanceof LocalError) throw error;
    refuse(target, (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  return target;
}
