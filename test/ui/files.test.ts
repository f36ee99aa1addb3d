/**
 * Files the user names (src/ui/files.ts): `--out` never writes through a planted symlink or into a
 * directory anyone may write to; `--answers` is read only from a regular file of a sane size.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { InputFileError, readInputFile, writeResultFile } from '../../src/ui/files.js';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(() => {
  setLang('en');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-asr-setup-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function refusal(write: () => unknown): LocalError {
  try {
    write();
  } catch (error) {
    expect(error).toBeInstanceOf(LocalError);
    return error as LocalError;
  }
  throw new Error('expected a refusal');
}

describe('writeResultFile (--out)', () => {
  it('writes the file (0644), replacing what was there, and returns its absolute path', () => {
    const file = path.join(dir, 'ticket.txt');
    fs.writeFileSync(file, 'old and longer text');
    expect(writeResultFile(file, 'new')).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  it.runIf(posix)('refuses a symlink planted at the name, and leaves its target alone', () => {
    const target = path.join(dir, 'target.txt');
    fs.writeFileSync(target, 'keep me');
    const link = path.join(dir, 'ticket.txt');
    fs.symlinkSync(target, link);
    const error = refusal(() => writeResultFile(link, 'ticket'));
    expect(error.message).toContain('it is a symbolic link, and we do not follow those');
    expect(error.message).toContain(link);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('refuses a directory', () => {
    expect(refusal(() => writeResultFile(dir, 'ticket')).message).toContain('that is a folder, not a file');
  });

  it.runIf(posix)('refuses a directory anyone may write to, unless it is sticky (like /tmp)', () => {
    const open = path.join(dir, 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    expect(refusal(() => writeResultFile(path.join(open, 'ticket.txt'), 'ticket')).message).toContain('you have no permission to write there');
    fs.chmodSync(open, 0o1777);
    expect(fs.readFileSync(writeResultFile(path.join(open, 'ticket.txt'), 'ticket'), 'utf8')).toBe('ticket');
  });
});

describe('readInputFile (--answers)', () => {
  const code = (read: () => unknown): string => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(InputFileError);
      return (error as InputFileError).code;
    }
    throw new Error('expected a refusal');
  };

  it('reads a regular file and drops a UTF-8 byte-order mark', () => {
    const file = path.join(dir, 'answers.json');
    fs.writeFileSync(file, '\uFEFF{"a":1}');
    expect(readInputFile(file, 1024)).toBe('{"a":1}');
  });

  it.runIf(posix)('refuses a FIFO at once (no writer needed), and a directory', () => {
    const fifo = path.join(dir, 'answers.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(code(() => readInputFile(fifo, 1024))).toBe('ENOTREG');
    expect(code(() => readInputFile(dir, 1024))).toBe('ENOTREG');
  });

  it('refuses a file over the limit, and names the errno of a file that is not there', () => {
    const file = path.join(dir, 'answers.json');
    fs.writeFileSync(file, 'x'.repeat(2048));
    expect(code(() => readInputFile(file, 1024))).toBe('EFBIG');
    expect(code(() => readInputFile(path.join(dir, 'missing.json'), 1024))).toBe('ENOENT');
  });
});
