/**
 * Where the Loket.nl login is kept between runs (SPEC §8): the OS keychain, or — only when the user
 * asks with `--insecure-storage` — a separate 0600 file next to config.json. No keychain is a normal
 * outcome, not an error: the login then lasts for this run only.
 *
 * Every keychain call runs under a time-out: a locked or absent Secret Service can block for a long
 * time. @napi-rs/keyring's AsyncEntry does its work on libuv's thread pool, so a hung call cannot
 * block the event loop and the race below really does return; the stuck thread is left behind and the
 * CLI's explicit process.exit() ends it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';
import { writeFileAtomic } from '../store/atomic.js';
import { errorCode } from '../store/lock.js';
import { redact, registerSecret } from '../loket/redact.js';

export const KEYCHAIN_SERVICE = 'loket-asr-setup';
const KEYCHAIN_TIMEOUT_MS = 5_000;
/**
 * Windows Credential Manager keeps at most 2,560 bytes per credential (CRED_MAX_CREDENTIAL_BLOB_SIZE),
 * and the keyring stores the text as UTF-16: 1,280 characters for the whole login. A long refresh token
 * (a JWT) can be more; it is then kept for this run only, and said so, instead of "no keychain".
 */
const WINDOWS_CREDENTIAL_CHARS = 1_280;
export const TOKEN_FILE = 'tokens.json';
const FILE_VERSION = 1;

/** What a later run needs to refresh without asking: the refresh token and the client it belongs to. */
export interface StoredLogin {
  refreshToken: string;
  clientId: string;
  clientSecret?: string;
}

export type PersistentStorage = 'keychain' | 'file';
export type TokenStorage = PersistentStorage | 'memory';

export interface KeychainBackend {
  get(account: string, signal: AbortSignal): Promise<string | undefined>;
  set(account: string, value: string, signal: AbortSignal): Promise<void>;
  /** False when there was nothing to delete. */
  delete(account: string, signal: AbortSignal): Promise<boolean>;
}

/** Resolves to undefined when this machine has no keychain module at all. */
export type KeychainLoader = () => Promise<KeychainBackend | undefined>;

/** The key under which a login is kept: `<profile>@<environment>`, or the API host for a custom URL. */
export function accountFor(profile: string, endpoints: { environment: string; apiUrl: string }): string {
  const where = endpoints.environment === 'custom' ? new URL(endpoints.apiUrl).host : endpoints.environment;
  return `${profile}@${where}`;
}

const NO_ENTRY = /no (matching )?entry|not found/i;

/** @napi-rs/keyring, loaded only when a login is read or written; missing or unloadable → no keychain. */
const napiKeychain: KeychainLoader = async () => {
  let keyring: typeof import('@napi-rs/keyring');
  try {
    keyring = await import('@napi-rs/keyring');
  } catch {
    return undefined;
  }
  const entry = (account: string) => new keyring.AsyncEntry(KEYCHAIN_SERVICE, account);
  return {
    async get(account, signal) {
      try {
        return (await entry(account).getPassword(signal)) ?? undefined;
      } catch (error) {
        if (NO_ENTRY.test(firstLine(error))) return undefined;
        throw error;
      }
    },
    set: (account, value, signal) => entry(account).setPassword(value, signal),
    async delete(account, signal) {
      try {
        return await entry(account).deleteCredential(signal);
      } catch (error) {
        if (NO_ENTRY.test(firstLine(error))) return false;
        throw error;
      }
    },
  };
};

export interface TokenStoreOptions {
  /** The config directory (store's configDir()); tokens.json lives next to config.json. */
  dir: string;
  /** `login --insecure-storage`: save to the file instead of the keychain. */
  insecureStorage?: boolean;
  keychain?: KeychainLoader;
  timeoutMs?: number;
  /** Default: process.platform (Windows limits a credential's size). */
  platform?: NodeJS.Platform;
  warn: (message: string) => void;
  info: (message: string) => void;
  debug?: (message: string) => void;
}

export interface TokenStore {
  readonly filePath: string;
  load(account: string): Promise<{ login: StoredLogin; storage: PersistentStorage } | undefined>;
  /** Saves where asked (default: file with insecureStorage, else keychain); 'memory' when that failed. */
  save(account: string, login: StoredLogin, storage?: PersistentStorage): Promise<TokenStorage>;
  /** Removes the login from the keychain and the file; says where it was found. */
  remove(account: string): Promise<PersistentStorage[]>;
}

interface TokenFile {
  version: number;
  logins: Record<string, StoredLogin>;
}

class KeychainTimeout extends Error {}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(message.split('\n', 1)[0] ?? '').slice(0, 120);
}

function asStoredLogin(value: unknown): StoredLogin | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { refreshToken, clientId, clientSecret } = value as Record<string, unknown>;
  if (typeof refreshToken !== 'string' || !refreshToken || typeof clientId !== 'string' || !clientId) return undefined;
  registerSecret(refreshToken);
  if (typeof clientSecret === 'string' && clientSecret) {
    registerSecret(clientSecret);
    return { refreshToken, clientId, clientSecret };
  }
  return { refreshToken, clientId };
}

export function createTokenStore(options: TokenStoreOptions): TokenStore {
  const filePath = path.join(options.dir, TOKEN_FILE);
  const timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
  const loader = options.keychain ?? napiKeychain;
  let backend: Promise<KeychainBackend | undefined> | undefined;
  /** Set once the keychain failed in this run; it is not asked again. */
  let unusable: string | undefined;
  let toldNoKeychain = false;
  let warnedFile = false;

  function withTimeout<T>(operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new KeychainTimeout());
      }, timeoutMs);
    });
    return Promise.race([operation(controller.signal), timeout]).finally(() => clearTimeout(timer));
  }

  /** The keychain's answer, or `unavailable` (module missing, no Secret Service, error, time-out). */
  async function keychain<T>(call: (kc: KeychainBackend, signal: AbortSignal) => Promise<T>): Promise<{ value: T } | 'unavailable'> {
    if (unusable !== undefined) return 'unavailable';
    try {
      backend ??= withTimeout(() => loader());
      const kc = await backend;
      if (!kc) {
        unusable = t('auth.store.noKeychainModule');
        return 'unavailable';
      }
      return { value: await withTimeout((signal) => call(kc, signal)) };
    } catch (error) {
      unusable = error instanceof KeychainTimeout ? t('auth.store.keychainTimeout', { seconds: timeoutMs / 1000 }) : firstLine(error);
      options.debug?.(`keychain unavailable: ${unusable}`);
      return 'unavailable';
    }
  }

  function warnFile(): void {
    if (warnedFile) return;
    warnedFile = true;
    options.warn(t('auth.store.insecureWarning', { path: filePath }));
  }

  function readFile(): TokenFile {
    let text: string;
    try {
      text = fs.readFileSync(filePath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { version: FILE_VERSION, logins: {} };
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<TokenFile>;
      if (parsed && typeof parsed.logins === 'object' && parsed.logins !== null) {
        return { version: FILE_VERSION, logins: parsed.logins };
      }
    } catch {
      // Handled below like any other unusable content.
    }
    options.warn(t('auth.store.fileUnreadable', { path: filePath }));
    return { version: FILE_VERSION, logins: {} };
  }

  function writeFile(file: TokenFile): void {
    if (Object.keys(file.logins).length === 0) {
      fs.rmSync(filePath, { force: true });
      return;
    }
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(filePath, `${JSON.stringify(file, null, 2)}\n`);
  }

  /** The file side; file-system trouble is reported and otherwise treated like "not there". */
  function fromFile(account: string): StoredLogin | undefined {
    try {
      return asStoredLogin(readFile().logins[account]);
    } catch (error) {
      options.warn(t('auth.store.fileFailed', { path: filePath, reason: errorCode(error) ? fileProblem(errorCode(error), 'write') : firstLine(error) }));
      return undefined;
    }
  }

  function changeFile(mutate: (logins: Record<string, StoredLogin>) => boolean): boolean {
    try {
      const file = readFile();
      if (!mutate(file.logins)) return false;
      writeFile(file);
      return true;
    } catch (error) {
      options.warn(t('auth.store.fileFailed', { path: filePath, reason: errorCode(error) ? fileProblem(errorCode(error), 'write') : firstLine(error) }));
      return false;
    }
  }

  const removeFromFile = (account: string) =>
    changeFile((logins) => {
      if (!Object.hasOwn(logins, account)) return false;
      delete logins[account];
      return true;
    });

  return {
    filePath,

    async load(account) {
      const found = await keychain((kc, signal) => kc.get(account, signal));
      if (found !== 'unavailable' && found.value !== undefined) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(found.value);
        } catch {
          parsed = undefined;
        }
        const login = asStoredLogin(parsed);
        if (login) return { login, storage: 'keychain' };
        options.debug?.('keychain entry unusable; ignored');
      }
      const login = fromFile(account);
      if (!login) return undefined;
      warnFile();
      return { login, storage: 'file' };
    },

    async save(account, login, storage) {
      registerSecret(login.refreshToken);
      registerSecret(login.clientSecret);
      const where = storage ?? (options.insecureStorage ? 'file' : 'keychain');
      if (where === 'file') {
        warnFile();
        const written = changeFile((logins) => {
          logins[account] = login;
          return true;
        });
        if (!written) return 'memory';
        // A keychain entry would win over the file on the next run.
        await keychain((kc, signal) => kc.delete(account, signal));
        return 'file';
      }
      const secret = JSON.stringify(login);
      const tooLong = (options.platform ?? process.platform) === 'win32' && secret.length > WINDOWS_CREDENTIAL_CHARS;
      if (tooLong) {
        options.info(t('auth.store.tooLongForCredentialManager', { length: secret.length, limit: WINDOWS_CREDENTIAL_CHARS }));
        return 'memory';
      }
      const saved = await keychain((kc, signal) => kc.set(account, secret, signal));
      if (saved === 'unavailable') {
        if (!toldNoKeychain) {
          toldNoKeychain = true;
          options.info(t('auth.store.noKeychain', { reason: unusable ?? '' }));
        }
        return 'memory';
      }
      // An older --insecure-storage copy must not stay behind unencrypted.
      if (fs.existsSync(filePath)) removeFromFile(account);
      return 'keychain';
    },

    async remove(account) {
      const removed: PersistentStorage[] = [];
      const deleted = await keychain((kc, signal) => kc.delete(account, signal));
      if (deleted !== 'unavailable' && deleted.value) removed.push('keychain');
      if (removeFromFile(account)) removed.push('file');
      return removed;
    },
  };
}
