/**
 * Output that cannot be written, through the built CLI: a full disk behind `> file` (ENOSPC, shown
 * with /dev/full) and a reader that went away (EPIPE). One line and exit 5, or a quiet exit 0 —
 * never a stack trace (before: Node's uncaught-exception dump and exit 1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseEnv, BIN, tempDir } from '../helpers/cli.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs the CLI with stdout on `fd` (closed here once the child has it); resolves with exit code and stderr. */
function runWithStdout(args: string[], fd: number, closeAlso: number[] = []): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: baseEnv(dir.path), stdio: ['ignore', fd, 'pipe'] });
    for (const other of [fd, ...closeAlso]) closeSync(other);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stderr });
    });
  });
}

describe.runIf(existsSync('/dev/full'))('stdout on a full disk (/dev/full: every write is ENOSPC)', () => {
  /** The office's facts saved, so that the webservicepartij ticket can be made. */
  const saveOffice = (): void => {
    for (const [key, value] of [
      ['office.name', 'Kantoor X'],
      ['office.contactName', 'Anna de Vries'],
      ['office.email', 'anna@kantoor-x.nl'],
    ]) {
      const r = spawnSync(process.execPath, [BIN, 'config', 'set', key!, value!], { env: baseEnv(dir.path), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  };

  it.each([[['--help']], [['status']], [['status', '--json']], [['ticket', 'webservicepartij']]])(
    '%j: one line naming ENOSPC, exit 5, no stack trace',
    async (args) => {
      if (args[0] === 'ticket') saveOffice();
      const r = await runWithStdout([...args, '--lang', 'en'], openSync('/dev/full', 'w'));
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('loket-asr-setup: cannot write the output (ENOSPC); is the disk full, or the target not writable?');
      expect(r.stderr).not.toMatch(STACK_FRAME);
    },
  );
});

describe.runIf(existsSync('/dev/full'))('a run that writes nothing on stdout', () => {
  it('a ticket that cannot be made yet says so with exit 2, whatever stdout is (nothing was to be written there)', async () => {
    const r = await runWithStdout(['ticket', 'webservicepartij', '--lang', 'en'], openSync('/dev/full', 'w'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The webservicepartij ticket cannot be made yet');
    expect(r.stderr).not.toContain('cannot write the output');
  });
});

describe.runIf(process.platform !== 'win32')('stdout whose reader has gone (EPIPE)', () => {
  it('--help into a pipe nobody reads any more: exit 0, nothing on stderr', async () => {
    const fifo = join(dir.path, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The read end is opened (so the write end can be) and closed before the CLI writes a byte.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const r = await runWithStdout(['--help'], writer, [reader]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
