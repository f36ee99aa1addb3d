import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSecrets, redact } from '../../src/loket/redact.js';
import { accountFor, createTokenStore, TOKEN_FILE, type KeychainBackend, type KeychainLoader, type TokenStoreOptions } from '../../src/auth/token-store.js';
import { tempDir } from '../helpers/cli.js';

/** An in-memory keychain that records what it was asked. */
function memoryKeychain() {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const backend: KeychainBackend = {
    async get(account) {
      calls.push(`get ${account}`);
      return entries.get(account);
    },
    async set(account, value) {
      calls.push(`set ${account}`);
      entries.set(account, value);
    },
    async delete(account) {
      calls.push(`delete ${account}`);
      return entries.delete(account);
    },
  };
  return { entries, calls, loader: (async () => backend) as KeychainLoader };
}

const login = { refreshToken: 'refresh-token-1234', clientId: 'client-1' };

describe('token store', () => {
  let dir: ReturnType<typeof tempDir>;
  let warnings: string[];
  let infos: string[];
  const options = (extra: Partial<TokenStoreOptions>): TokenStoreOptions => ({
    dir: dir.path,
    warn: (m) => warnings.push(m),
    info: (m) => infos.push(m),
    ...extra,
  });

  beforeEach(() => {
    dir = tempDir();
    warnings = [];
    infos = [];
  });
  afterEach(() => {
    dir.remove();
    clearSecrets();
  });

  it('keys a login by profile and environment, or by API host for a custom URL', () => {
    expect(accountFor('default', { environment: 'production', apiUrl: 'https://api.loket.nl/v2' })).toBe('default@production');
    expect(accountFor('acc', { environment: 'custom', apiUrl: 'http://127.0.0.1:8080/v2' })).toBe('acc@127.0.0.1:8080');
  });

  it('keychain: save, load and remove round trip; nothing on disk, nothing said', async () => {
    const keychain = memoryKeychain();
    const store = createTokenStore(options({ keychain: keychain.loader }));
    expect(await store.save('default@production', login)).toBe('keychain');
    expect(await store.load('default@production')).toEqual({ login, storage: 'keychain' });
    expect(await store.load('other@production')).toBeUndefined();
    expect(existsSync(join(dir.path, TOKEN_FILE))).toBe(false);
    // A loaded refresh token is redacted from then on.
    expect(redact('refresh-token-1234')).toBe('[redacted]');
    expect(await store.remove('default@production')).toEqual(['keychain']);
    expect(await store.remove('default@production')).toEqual([]);
    expect(warnings).toEqual([]);
    expect(infos).toEqual([]);
  });

  it('Windows: a login larger than Credential Manager keeps is kept for this run, and says so (not "no keychain")', async () => {
    const keychain = memoryKeychain();
    const store = createTokenStore(options({ keychain: keychain.loader, platform: 'win32' }));
    const long = { refreshToken: `eyJ${'x'.repeat(1400)}`, clientId: 'client-1' };
    expect(await store.save('default@production', long)).toBe('memory');
    expect(keychain.calls).toEqual([]);
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatch(/Referentiebeheer|Credential Manager/);
    expect(infos[0]).toContain('1280');
    expect(infos[0]).toContain('--insecure-storage');
    // A login that fits is stored as anywhere else.
    expect(await store.save('default@production', login)).toBe('keychain');
  });

  it('no keychain module: kept in memory, one info line that suggests --insecure-storage', async () => {
    const store = createTokenStore(options({ keychain: async () => undefined }));
    expect(await store.save('default@production', login)).toBe('memory');
    expect(await store.save('default@acceptance', login)).toBe('memory');
    expect(await store.load('default@production')).toBeUndefined();
    expect(infos).toHaveLength(1);
    expect(infos[0]).toContain('--insecure-storage');
  });

  it('a throwing keychain (no Secret Service) is the same normal outcome, and is not asked again', async () => {
    let calls = 0;
    const store = createTokenStore(
      options({
        keychain: async () => ({
          get: async () => {
            calls++;
            throw new Error('Platform secure storage failure: DBus error\nStack backtrace: …');
          },
          set: async () => {
            calls++;
            throw new Error('unreachable');
          },
          delete: async () => false,
        }),
      }),
    );
    expect(await store.load('default@production')).toBeUndefined();
    expect(await store.save('default@production', login)).toBe('memory');
    expect(calls).toBe(1);
    expect(infos).toHaveLength(1);
    expect(infos[0]).toContain('DBus error');
    expect(infos[0]).not.toContain('backtrace');
  });

  it('a hanging keychain hits the time-out instead of blocking', async () => {
    const never = () => new Promise<never>(() => {});
    const store = createTokenStore(options({ keychain: async () => ({ get: never, set: never, delete: never }), timeoutMs: 20 }));
    expect(await store.load('default@production')).toBeUndefined();
    expect(await store.save('default@production', login)).toBe('memory');
    expect(infos[0]).toMatch(/0\.02 s/);
  });

  it('a keychain module that hangs while loading hits the time-out too', async () => {
    const store = createTokenStore(options({ keychain: () => new Promise<never>(() => {}), timeoutMs: 20 }));
    expect(await store.save('default@production', login)).toBe('memory');
  });

  it('--insecure-storage: tokens.json, mode 0600, round trip, a warning each run that uses it', async () => {
    const keychain = memoryKeychain();
    const first = createTokenStore(options({ keychain: keychain.loader, insecureStorage: true }));
    const withSecret = { ...login, clientSecret: 'client-secret-1' };
    expect(await first.save('default@production', withSecret)).toBe('file');
    const file = join(dir.path, TOKEN_FILE);
    expect(first.filePath).toBe(file);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).logins['default@production']).toEqual(withSecret);
    expect(keychain.entries.size).toBe(0);
    expect(warnings).toHaveLength(1);

    // A later run (no flag) still finds it, and warns again.
    const later = createTokenStore(options({ keychain: keychain.loader }));
    expect(await later.load('default@production')).toEqual({ login: withSecret, storage: 'file' });
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain(file);

    expect(await later.remove('default@production')).toEqual(['file']);
    expect(existsSync(file)).toBe(false);
  });

  it('saving to the keychain removes an older unencrypted copy', async () => {
    const keychain = memoryKeychain();
    await createTokenStore(options({ keychain: keychain.loader, insecureStorage: true })).save('default@production', login);
    await createTokenStore(options({ keychain: keychain.loader, insecureStorage: true })).save('default@acceptance', login);
    const store = createTokenStore(options({ keychain: keychain.loader }));
    expect(await store.save('default@production', { ...login, refreshToken: 'refresh-token-5678' })).toBe('keychain');
    const file = JSON.parse(readFileSync(join(dir.path, TOKEN_FILE), 'utf8'));
    expect(Object.keys(file.logins)).toEqual(['default@acceptance']);
  });

  it('an unreadable tokens.json is reported and ignored, never a crash', async () => {
    writeFileSync(join(dir.path, TOKEN_FILE), '{ not json');
    const store = createTokenStore(options({ keychain: async () => undefined }));
    expect(await store.load('default@production')).toBeUndefined();
    expect(warnings[0]).toContain(TOKEN_FILE);
  });

  it('a keychain entry that is not ours is ignored', async () => {
    const keychain = memoryKeychain();
    keychain.entries.set('default@production', 'plain text');
    const store = createTokenStore(options({ keychain: keychain.loader }));
    expect(await store.load('default@production')).toBeUndefined();
  });
});
