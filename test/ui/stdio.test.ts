/**
 * src/ui/stdio.ts: a file, pipe or /dev/null is written straight to its descriptor, a terminal through
 * Node's stream. The descriptor's answers are faked here (node:fs and node:tty mocked); the real
 * ones are in test/faults/output.test.ts (/dev/full, a closed pipe) and every end-to-end test (pipes).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fsFake = vi.hoisted(() => ({
  kind: 'pipe' as 'pipe' | 'file' | 'devnull' | 'tty',
  writes: [] as Array<{ fd: number; text: string }>,
  /** Each call takes the next answer: a number of bytes it writes at most, or an error code it throws. */
  answers: [] as Array<number | string>,
}));

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const charDevice = (rdev: number) => ({ isCharacterDevice: () => true, rdev });
  return {
    ...real,
    fstatSync: () => (fsFake.kind === 'devnull' ? charDevice(259) : fsFake.kind === 'tty' ? charDevice(34816) : { isCharacterDevice: () => false, rdev: 0 }),
    statSync: (path: string) => (path === '/dev/null' ? charDevice(259) : real.statSync(path)),
    writeSync: (fd: number, bytes: Buffer, offset = 0) => {
      const answer = fsFake.answers.shift();
      if (typeof answer === 'string') throw Object.assign(new Error(answer), { code: answer });
      const n = Math.min(answer ?? Infinity, bytes.length - offset);
      fsFake.writes.push({ fd, text: bytes.subarray(offset, offset + n).toString('utf8') });
      return n;
    },
  };
});
vi.mock('node:tty', () => ({ isatty: () => fsFake.kind === 'tty' }));

type Stdio = typeof import('../../src/ui/stdio.js');
const load = async (): Promise<Stdio> => {
  vi.resetModules();
  return import('../../src/ui/stdio.js');
};

const streamWrites: string[] = [];
beforeEach(() => {
  Object.assign(fsFake, { kind: 'pipe', writes: [], answers: [] });
  streamWrites.length = 0;
  vi.spyOn(process.stdout, 'write').mockImplementation(((text: string | Uint8Array, cb?: () => void) => {
    streamWrites.push(Buffer.from(text).toString('utf8'));
    cb?.();
    return true;
  }) as typeof process.stdout.write);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.stdout.removeAllListeners('error');
});

describe('stdout on a file, a pipe or /dev/null', () => {
  it.each(['pipe', 'file', 'devnull'] as const)('%s: written straight to fd 1, not through process.stdout, and not a terminal', async (kind) => {
    fsFake.kind = kind;
    const { stdout } = await load();
    expect(stdout().isTTY).toBe(false);
    expect(stdout().columns).toBeUndefined();
    expect(stdout().write('één regel\n')).toBe(true);
    expect(fsFake.writes).toEqual([{ fd: 1, text: 'één regel\n' }]);
    expect(streamWrites).toEqual([]);
  });

  it('a short write is continued until every byte is out', async () => {
    fsFake.answers = [3, 2];
    const { stdout } = await load();
    stdout().write('abcdefgh');
    expect(fsFake.writes.map((w) => w.text)).toEqual(['abc', 'de', 'fgh']);
  });

  it('a full non-blocking pipe (EAGAIN) hands the rest to Node’s stream, which then takes everything after it', async () => {
    fsFake.answers = [4, 'EAGAIN'];
    const { stdout, flushStdout } = await load();
    stdout().write('abcdefgh');
    stdout().write('next\n');
    expect(fsFake.writes.map((w) => w.text)).toEqual(['abcd']);
    expect(streamWrites).toEqual(['efgh', 'next\n']);
    await flushStdout();
    expect(streamWrites.at(-1)).toBe('');
  });

  it('a write that fails goes to the handler guard-stdout gives, as the stream’s error event would', async () => {
    fsFake.answers = ['ENOSPC'];
    const { stdout, onStdoutFailure } = await load();
    const failures: string[] = [];
    onStdoutFailure((error) => failures.push(error.code ?? ''));
    expect(stdout().write('x')).toBe(false);
    expect(failures).toEqual(['ENOSPC']);
  });

  it('without a handler a failed write throws, as an unhandled stream error would', async () => {
    fsFake.answers = ['EIO'];
    const { stdout } = await load();
    expect(() => stdout().write('x')).toThrow('EIO');
  });

  it('stderr that cannot be written has nowhere to say it: the text is dropped, nothing thrown', async () => {
    fsFake.answers = ['EPIPE'];
    const { stderr } = await load();
    expect(stderr().write('x')).toBe(false);
  });

  it('flushStdout has nothing to wait for', async () => {
    const { flushStdout } = await load();
    await expect(flushStdout()).resolves.toBeUndefined();
  });
});

describe('stdout on a terminal, and commander’s path', () => {
  it('a terminal gets Node’s own stream, with the failure handler on it', async () => {
    fsFake.kind = 'tty';
    const { stdout, onStdoutFailure } = await load();
    const handler = () => {};
    onStdoutFailure(handler);
    expect(stdout()).toBe(process.stdout);
    expect(process.stdout.listeners('error')).toContain(handler);
    stdout().write('hallo');
    expect(streamWrites).toEqual(['hallo']);
    expect(fsFake.writes).toEqual([]);
  });

  it('useNodeStreams: Node’s streams whatever the descriptor is, one way of writing for the run', async () => {
    const { stdout, stderr, useNodeStreams, onStdoutFailure } = await load();
    const handler = () => {};
    onStdoutFailure(handler);
    useNodeStreams();
    expect(stdout()).toBe(process.stdout);
    expect(stderr()).toBe(process.stderr);
    expect(process.stdout.listeners('error')).toContain(handler);
  });
});
