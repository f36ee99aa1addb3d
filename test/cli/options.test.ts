import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveGlobalOptions } from '../../src/cli/options.js';
import { UsageError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';

describe('resolveGlobalOptions', () => {
  beforeAll(() => setLang('en'));
  afterAll(() => setLang('nl'));
  it('applies defaults', () => {
    const o = resolveGlobalOptions({}, {});
    expect(o).toMatchObject({ profile: 'default', env: 'production', concurrency: 4, timeoutMs: 15000, lang: 'nl', json: false, color: true });
  });

  it('takes env twins, and flags win over env', () => {
    const env = { LOKET_ENV: 'acceptance', LOKET_ASR_SETUP_CONCURRENCY: '8', LOKET_ASR_SETUP_PROFILE: 'kantoor2' };
    expect(resolveGlobalOptions({}, env)).toMatchObject({ env: 'acceptance', concurrency: 8, profile: 'kantoor2' });
    expect(resolveGlobalOptions({ env: 'production', concurrency: '2' }, env)).toMatchObject({ env: 'production', concurrency: 2 });
  });

  it('an empty LOKET_API_URL counts as unset, like every empty variable', () => {
    expect(resolveGlobalOptions({}, { LOKET_API_URL: '' }).apiUrl).toBeUndefined();
  });

  it('--sandbox forces the sandbox profile', () => {
    expect(resolveGlobalOptions({ sandbox: true, profile: 'x' }, {}).profile).toBe('sandbox');
  });

  it('--replay <dir> (or LOKET_ASR_SETUP_REPLAY) is a simulator run: it implies --sandbox and its profile', () => {
    expect(resolveGlobalOptions({ replay: 'dump' }, {})).toMatchObject({ replay: 'dump', sandbox: true, profile: 'sandbox' });
    expect(resolveGlobalOptions({}, { LOKET_ASR_SETUP_REPLAY: 'env-dump' })).toMatchObject({ replay: 'env-dump', sandbox: true });
    expect(resolveGlobalOptions({}, {}).replay).toBeUndefined();
  });

  it('LANG=en* selects English, --lang wins', () => {
    expect(resolveGlobalOptions({}, { LANG: 'en_GB.UTF-8' }).lang).toBe('en');
    expect(resolveGlobalOptions({ lang: 'nl' }, { LANG: 'en_US' }).lang).toBe('nl');
    expect(resolveGlobalOptions({}, { LANG: 'de_DE' }).lang).toBe('nl');
  });

  it('colour is off for NO_COLOR, --no-color, --json and TERM=dumb', () => {
    expect(resolveGlobalOptions({}, { NO_COLOR: '1' }).color).toBe(false);
    expect(resolveGlobalOptions({ color: false }, {}).color).toBe(false);
    expect(resolveGlobalOptions({ json: true }, {}).color).toBe(false);
    expect(resolveGlobalOptions({}, { TERM: 'dumb' }).color).toBe(false);
  });

  const bad: Array<[string, Parameters<typeof resolveGlobalOptions>[0], NodeJS.ProcessEnv, string]> = [
    ['--concurrency 0', { concurrency: '0' }, {}, '--concurrency'],
    ['--concurrency 17', { concurrency: '17' }, {}, '--concurrency'],
    ['--concurrency abc', { concurrency: 'abc' }, {}, '--concurrency'],
    ['--timeout -5', { timeout: '-5' }, {}, '--timeout'],
    ['--env staging', { env: 'staging' }, {}, '--env'],
    ['--lang de', { lang: 'de' }, {}, '--lang'],
    ['--profile with a slash', { profile: '../x' }, {}, '--profile'],
    ['LOKET_ENV bad', {}, { LOKET_ENV: 'test' }, 'LOKET_ENV'],
    // Before, an empty --api-url silently meant production.
    ['--api-url ""', { apiUrl: '' }, {}, 'Invalid value for --api-url: "". Give a value, or leave the option out'],
    ['--auth-url "  "', { authUrl: '  ' }, {}, '--auth-url'],
    ['--answers ""', { answers: '' }, {}, '--answers'],
    ['LOKET_ASR_SETUP_CONCURRENCY bad', {}, { LOKET_ASR_SETUP_CONCURRENCY: '99' }, 'LOKET_ASR_SETUP_CONCURRENCY'],
  ];
  it.each(bad)('%s → UsageError naming the option', (_name, raw, env, label) => {
    let caught: unknown;
    try {
      resolveGlobalOptions(raw, env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).exitCode).toBe(2);
    expect((caught as UsageError).message).toContain(label);
  });
});
