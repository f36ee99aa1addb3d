import { describe, expect, it } from 'vitest';
import { canPrompt } from '../../src/ui/prompt.js';

describe('canPrompt', () => {
  const cases: Array<[string, { nonInteractive: boolean; ci?: string; stdin?: boolean; stdout?: boolean }, boolean]> = [
    ['both TTYs, no CI', { nonInteractive: false, stdin: true, stdout: true }, true],
    ['--non-interactive wins over TTYs', { nonInteractive: true, stdin: true, stdout: true }, false],
    ['CI=true', { nonInteractive: false, ci: 'true', stdin: true, stdout: true }, false],
    ['CI=TRUE (any case)', { nonInteractive: false, ci: 'TRUE', stdin: true, stdout: true }, false],
    ['CI=1', { nonInteractive: false, ci: '1', stdin: true, stdout: true }, false],
    ['CI=yes (truthy)', { nonInteractive: false, ci: 'yes', stdin: true, stdout: true }, false],
    ['CI=false', { nonInteractive: false, ci: 'false', stdin: true, stdout: true }, true],
    ['CI=0', { nonInteractive: false, ci: '0', stdin: true, stdout: true }, true],
    ['CI empty', { nonInteractive: false, ci: '', stdin: true, stdout: true }, true],
    ['stdin not a TTY', { nonInteractive: false, stdin: false, stdout: true }, false],
    ['stdout not a TTY (piped)', { nonInteractive: false, stdin: true, stdout: false }, false],
    ['isTTY undefined', { nonInteractive: false }, false],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const env: NodeJS.ProcessEnv = input.ci === undefined ? {} : { CI: input.ci };
    expect(canPrompt({ nonInteractive: input.nonInteractive, env, stdinIsTTY: input.stdin, stdoutIsTTY: input.stdout })).toBe(expected);
  });

  it('asks a stdin function only when all else allows a prompt (the first read of process.stdin creates it)', () => {
    let asked = 0;
    const stdin = () => {
      asked++;
      return true;
    };
    expect(canPrompt({ nonInteractive: true, env: {}, stdinIsTTY: stdin, stdoutIsTTY: true })).toBe(false);
    expect(canPrompt({ nonInteractive: false, env: { CI: 'true' }, stdinIsTTY: stdin, stdoutIsTTY: true })).toBe(false);
    expect(canPrompt({ nonInteractive: false, env: {}, stdinIsTTY: stdin, stdoutIsTTY: false })).toBe(false);
    expect(asked).toBe(0);
    expect(canPrompt({ nonInteractive: false, env: {}, stdinIsTTY: stdin, stdoutIsTTY: true })).toBe(true);
    expect(canPrompt({ nonInteractive: false, env: {}, stdinIsTTY: () => false, stdoutIsTTY: true })).toBe(false);
    expect(asked).toBe(1);
  });
});
