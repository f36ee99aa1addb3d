import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  ChecksFailedError,
  ExitCode,
  InterruptedError,
  LocalError,
  MissingInputsError,
  UsageError,
  exitCodeOf,
} from '../../src/errors.js';

describe('exit-code mapping (SPEC §6)', () => {
  it.each([
    [new ChecksFailedError('x'), 1],
    [new UsageError('x'), 2],
    [new MissingInputsError('x', [{ field: 'e-mail', flag: '--email' }]), 2],
    [new AuthError('x'), 3],
    [new ApiError('x'), 4],
    [new LocalError('x'), 5],
    [new InterruptedError('x'), 130],
    [new InterruptedError('x', 'SIGTERM'), 143],
    // Anything the tool did not expect is a bug: 70, never 1 (drift) in a CI log.
    [new Error('boom'), 70],
    ['a string', 70],
  ])('%s → %i', (error, code) => {
    expect(exitCodeOf(error)).toBe(code);
  });

  it('codes are the documented ones', () => {
    expect(ExitCode).toEqual({ ok: 0, checksFailed: 1, usage: 2, auth: 3, network: 4, local: 5, internal: 70, interrupted: 130, terminated: 143 });
  });
});
