/**
 * The progress store (SPEC §7): one JSON file per machine user, one profile per office/environment.
 *
 * Why not conf itself: its constructor reads the file at once, creates the directory, throws on
 * an unreadable file and on invalid JSON either throws or (clearInvalidConfig) silently drops the
 * data; it has no lock and it rereads the file on every access. We need to move a corrupt file
 * aside, refuse a newer one untouched, fall back to memory on a read-only directory and hold a
 * lock, so we keep conf's location (env-paths, exactly as conf resolves `cwd`) and do the
 * reading, atomic writing and locking here.
 */
import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import { ENV } from '../env.js';
import { UsageError } from '../errors.js';
import { fileProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';
import { moveAside, writeFileAtomic } from './atomic.js';
import { acquireLock, errorCode, type Lock } from './lock.js';
import { emptyProfile, parseProfile, SCHEMA_VERSION, StoreShapeError, type Profile, type StepId, type StepState, type StoreRoot } from './schema.js';
import { ownEntry, setOwnEntry } from './keys.js';
import { PROFILE_NAME } from './profile-name.js';
import { ForeignFileError, NewerSchemaError, readableFromNewer, upgrade } from './upgrade.js';

export * from './schema.js';
export { upgrade, type Upgraded } from './upgrade.js';
export { getByPath, setByPath } from './keys.js';

const PROJECT_NAME = 'loket-asr-setup';
const CONFIG_FILE = 'config.json';
const DIR_MODE = 0o700;

export interface StoreOptions {
  /** Default: `LOKET_ASR_SETUP_CONFIG_DIR`, else conf's per-user config directory. */
  dir?: string;
  profile: string;
  /** Writers take the lock; read-only commands (status, config get) open without it and never save. */
  lock: boolean;
  warn: (message: string) => void;
  now?: () => Date;
}

export interface Store {
  readonly path: string;
  /** False once progress can no longer be written; the store then carries on in memory. */
  readonly persistent: boolean;
  readonly profileName: string;
  /** A deep-frozen copy of the current profile. */
  profile(): Readonly<Profile>;
  profiles(): string[];
  /** Applies `mutate` to a copy, validates it (UsageError naming the field, nothing saved) and saves at once. */
  update(mutate: (draft: Profile) => void): void;
  resetProfile(): void;
  /** Releases the lock. */
  close(): void;
}

/** The directory conf would use (`~/.config/loket-asr-setup` on Linux), unless overridden by env. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[ENV.configDir];
  if (override) return path.resolve(override);
  return envPaths(PROJECT_NAME, { suffix: '' }).config;
}

export function configPath(dir?: string): string {
  return path.join(dir ?? configDir(), CONFIG_FILE);
}

/**
 * Throws LocalError (exit 5) when another process holds the lock, or when a writer (`lock: true`)
 * finds a file of a newer version; a reader shows what it can of such a file, in memory only.
 */
export function openStore(options: StoreOptions): Store {
  if (!PROFILE_NAME.test(options.profile)) throw new UsageError(t('store.badProfileName', { name: options.profile }));
  return new FileStore(options);
}

/** A state change also drops the step's note, which described the previous state. */
export function setStepState(draft: Profile, step: StepId, state: StepState, now: Date): void {
  const previous = draft.steps[step];
  const at = now.toISOString();
  const next: Profile['steps'][StepId] = { state, updatedAt: at };
  if (state === previous.state && previous.note !== undefined) next.note = previous.note;
  if (state === 'done') next.completedAt = previous.state === 'done' ? (previous.completedAt ?? at) : at;
  draft.steps[step] = next;
}

class FileStore implements Store {
  readonly path: string;
  readonly profileName: string;
  readonly #dir: string;
  readonly #warn: (message: string) => void;
  readonly #now: () => Date;
  #persistent = true;
  readonly #readOnly: boolean;
  #lock: Lock | undefined;
  #root: StoreRoot;
  #profile: Profile;

  constructor(options: StoreOptions) {
    this.#dir = options.dir ?? configDir();
    this.path = configPath(this.#dir);
    this.profileName = options.profile;
    this.#warn = options.warn;
    this.#now = options.now ?? (() => new Date());
    this.#readOnly = !options.lock;
    if (options.lock) this.#takeLock();
    try {
      this.#root = this.#load();
    } catch (error) {
      this.close();
      throw error;
    }
    // Own entries only: `--profile constructor` is a name like any other, not Object's constructor.
    this.#profile = ownEntry(this.#root.profiles, this.profileName) ?? emptyProfile();
  }

  get persistent(): boolean {
    return this.#persistent;
  }

  profile(): Readonly<Profile> {
    // No copy: the profile is never changed in place (update() works on a clone and replaces it), so
    // freezing it is enough to hand it out; copying 10,000 employers at every read was not free.
    return deepFreeze(this.#profile);
  }

  profiles(): string[] {
    return Object.keys(this.#root.profiles).sort();
  }

  update(mutate: (draft: Profile) => void): void {
    const draft = structuredClone(this.#profile);
    mutate(draft);
    let profile: Profile;
    try {
      profile = parseProfile(draft);
    } catch (error) {
      if (error instanceof StoreShapeError) throw new UsageError(t('store.invalidValue', { problems: error.message }));
      throw error;
    }
    this.#replaceProfile(profile);
  }

  resetProfile(): void {
    delete this.#root.profiles[this.profileName];
    this.#profile = emptyProfile();
    this.#save();
  }

  close(): void {
    this.#lock?.release();
    this.#lock = undefined;
  }

  #replaceProfile(profile: Profile): void {
    this.#profile = profile;
    setOwnEntry(this.#root.profiles, this.profileName, profile);
    this.#save();
  }

  #takeLock(): void {
    try {
      fs.mkdirSync(this.#dir, { recursive: true, mode: DIR_MODE });
      this.#lock = acquireLock(`${this.path}.lock`, { now: this.#now(), warn: this.#warn });
    } catch (error) {
      if (errorCode(error) === undefined) throw error;
      this.#goInMemory(t('store.notPersistent', { path: this.path, reason: fileProblem(errorCode(error), 'write') }));
    }
  }

  #load(): StoreRoot {
    const fresh = (): StoreRoot => ({ schemaVersion: SCHEMA_VERSION, profiles: {} });
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.path);
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined) throw error;
      if (code !== 'ENOENT') this.#goInMemory(t('store.notPersistent', { path: this.path, reason: fileProblem(code) }));
      return fresh();
    }
    let foreign = false;
    let raw: unknown;
    try {
      // fatal: binary garbage must count as corrupt, not be read with replacement characters.
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      return upgrade(raw, this.path).root;
    } catch (error) {
      // A reader (status, config get) shows what it can of a newer file, and never writes to it.
      if (error instanceof NewerSchemaError && this.#readOnly) return this.#readNewer(raw, error);
      foreign = error instanceof ForeignFileError;
      if (!(foreign || error instanceof SyntaxError || error instanceof TypeError || error instanceof StoreShapeError)) throw error;
    }
    try {
      const backup = moveAside(this.path, this.#now());
      this.#warn(foreign ? t('store.foreign', { path: this.path, backup }) : t('store.corrupt', { backup }));
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined) throw error;
      // Never write over a corrupt file we could not keep a copy of.
      const message = t('store.corruptNotMoved', { path: this.path, reason: fileProblem(code, 'write') });
      if (this.#persistent) this.#goInMemory(message);
      else this.#warn(message);
    }
    return fresh();
  }

  #readNewer(raw: unknown, error: NewerSchemaError): StoreRoot {
    const { root, unreadable } = readableFromNewer(raw);
    const left = unreadable.length > 0 ? ` ${t('store.newerUnreadable', { profiles: unreadable.join(', ') })}` : '';
    this.#goInMemory(`${t('store.newerShown', { path: this.path, version: error.version, known: SCHEMA_VERSION })}${left} ${error.hint ?? ''}`.trim());
    return root;
  }

  #save(): void {
    if (!this.#persistent) return;
    try {
      fs.mkdirSync(this.#dir, { recursive: true, mode: DIR_MODE });
      writeFileAtomic(this.path, `${JSON.stringify(this.#root, null, 2)}\n`);
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined) throw error;
      this.#goInMemory(t('store.saveFailed', { path: this.path, reason: fileProblem(code, 'write') }));
    }
  }

  /** From here on nothing is written (not even over a file we could not read); one warning. */
  #goInMemory(message: string): void {
    if (!this.#persistent) return;
    this.#persistent = false;
    this.close();
    this.#warn(message);
  }
}

function deepFreeze<T>(value: T): T {
  // Frozen already means frozen through and through here: only deepFreeze freezes.
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
