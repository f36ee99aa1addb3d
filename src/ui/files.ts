/**
 * Files the user asked for (`--out`: a ticket, an export, a report). Written where they said, but
 * never through a symlink someone planted there, and never into a directory anyone may write to
 * (unless it is sticky, like /tmp, where others cannot replace our file). And files the user hands
 * us (`--answers`): read only when they are regular files of a sane size.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { LocalError } from '../errors.js';
import { fileProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';

function refuse(file: string, code: string): never {
  throw new LocalError(t('commands.file.writeFailed', { file, reason: fileProblem(code, 'write') }), { hint: t('commands.file.writeFailedHint') });
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

/** Why readInputFile would not read: not a regular file (a FIFO, a device, a directory), or too large; else the errno. */
export class InputFileError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/**
 * The text of a file the user gave us, without a UTF-8 byte-order mark (Windows editors write one).
 * Only a regular file is read: a FIFO would block the read until someone writes to it, and a device
 * like /dev/zero never ends. Throws InputFileError with `ENOTREG`, `EFBIG` or the errno.
 */
export function readInputFile(file: string, maxBytes: number): string {
  let fd: number | undefined;
  try {
    if (!fs.statSync(file).isFile()) throw new InputFileError('ENOTREG');
    // O_NONBLOCK: a file swapped for a FIFO after the check still does not make the open wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const info = fs.fstatSync(fd);
    if (!info.isFile()) throw new InputFileError('ENOTREG');
    if (info.size > maxBytes) throw new InputFileError('EFBIG');
    return fs.readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError((error as NodeJS.ErrnoException).code ?? 'EIO');
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
