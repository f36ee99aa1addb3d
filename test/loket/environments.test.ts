import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { resolveEndpoints } from '../../src/loket/environments.js';

setLang('en');

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('resolveEndpoints', () => {
  it('defaults to production', () => {
    expect(resolveEndpoints()).toEqual({
      environment: 'production',
      apiUrl: 'https://api.loket.nl/v2',
      authUrl: 'https://oauth.loket.nl',
    });
  });

  it('knows acceptance', () => {
    expect(resolveEndpoints({ env: 'acceptance' })).toEqual({
      environment: 'acceptance',
      apiUrl: 'https://api.loket-acc.nl/v2',
      authUrl: 'https://oauth.loket-acc.nl',
    });
  });

  it('refuses an unknown environment with the choices', () => {
    const error = usageError(() => resolveEndpoints({ env: 'test' }));
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('production, acceptance');
  });

  it('takes custom https URLs, without a trailing slash', () => {
    expect(resolveEndpoints({ apiUrl: 'https://loket.proxy.example/v2/', authUrl: 'https://auth.example' })).toEqual({
      environment: 'custom',
      apiUrl: 'https://loket.proxy.example/v2',
      authUrl: 'https://auth.example',
    });
  });

  it('keeps the other URL of the chosen environment', () => {
    expect(resolveEndpoints({ env: 'acceptance', apiUrl: 'https://mirror.example/v2' }).authUrl).toBe('https://oauth.loket-acc.nl');
  });

  it.each(['http://127.0.0.1:4010/v2', 'http://localhost:4010/v2', 'http://[::1]:4010/v2'])('allows plain http on loopback: %s', (apiUrl) => {
    expect(resolveEndpoints({ apiUrl }).apiUrl).toBe(apiUrl);
  });

  it.each([
    ['apiUrl', '--api-url'],
    ['authUrl', '--auth-url'],
  ] as const)('refuses plain http elsewhere for %s, naming %s and the fix', (field, option) => {
    const error = usageError(() => resolveEndpoints({ [field]: 'http://api.loket.nl/v2' }));
    expect(error.message).toContain(option);
    expect(error.message).toContain('https://');
    expect(error.hint).toContain(option);
  });

  it('refuses credentials in the URL without repeating them', () => {
    const error = usageError(() => resolveEndpoints({ apiUrl: 'https://jan:geheim@api.example/v2' }));
    expect(error.message).toContain('--api-url');
    expect(error.message).not.toContain('geheim');
  });

  it('refuses something that is not a URL', () => {
    expect(usageError(() => resolveEndpoints({ authUrl: 'oauth.loket.nl' })).message).toContain('--auth-url');
  });
});
