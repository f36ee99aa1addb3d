/**
 * Brings a parsed config file up to the current schema. Our own function rather than conf's
 * `migrations`: those key on the package version and run inside conf's constructor, while we need
 * to refuse a newer file without touching it and to tell a corrupt file apart from an old one.
 */
import { LocalError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isPlainObject, setOwnEntry } from './keys.js';
import { parseProfile, parseStoreRoot, PROFILE_FIELDS, SCHEMA_VERSION, StoreShapeError, type StoreRoot } from './schema.js';

/**
 * A JSON file in our place that is not one of ours: no `schemaVersion`, and not the single-profile
 * layout of version 1 either (a key no profile ever had). The store moves it aside like a corrupt
 * file, so someone else's settings are never taken for an old store and overwritten.
 */
export class ForeignFileError extends Error {}

/** A file written by a newer loket-asr-setup: refused by writers (exit 5), read as far as possible by readers. */
export class NewerSchemaError extends LocalError {
  readonly version: number;
  constructor(message: string, version: number, hint: string) {
    super(message, { hint });
    this.version = version;
  }
}

export interface Upgraded {
  root: StoreRoot;
  /** Set when the input was an older layout. */
  upgradedFrom?: number;
}

/**
 * Throws a LocalError (exit 5) for a file written by a newer loket-asr-setup, a ForeignFileError for
 * a file that is not ours, and a StoreShapeError for anything else that is not a valid store of a known
 * version (the caller moves both of the last aside).
 */
export function upgrade(raw: unknown, filePath = 'config.json'): Upgraded {
  const fields = isPlainObject(raw) ? raw : undefined;
  const version = fields?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new NewerSchemaError(t('store.newerSchema', { path: filePath, version, known: SCHEMA_VERSION }), version, t('store.newerSchemaHint'));
  }
  // Version 1 (early development builds, some without a schemaVersion at all) kept a single
  // profile's fields at the top level.
  if (fields !== undefined && (version === undefined || version === 1)) {
    const { schemaVersion: _old, ...profile } = fields;
    const keys = Object.keys(profile);
    // `{}` without a version says nothing either way; keeping it aside costs nothing.
    if (keys.some((key) => !PROFILE_FIELDS.has(key)) || (version === undefined && keys.length === 0)) throw new ForeignFileError();
    return { root: parseStoreRoot({ schemaVersion: SCHEMA_VERSION, profiles: { default: fromV2(profile) } }), upgradedFrom: 1 };
  }
  if (fields !== undefined && version === 2) {
    const profiles = isPlainObject(fields.profiles) ? fields.profiles : {};
    const upgraded = Object.fromEntries(Object.entries(profiles).map(([name, profile]) => [name, fromV2(profile)]));
    return { root: parseStoreRoot({ ...fields, schemaVersion: SCHEMA_VERSION, profiles: upgraded }), upgradedFrom: 2 };
  }
  return { root: parseStoreRoot(raw) };
}

/**
 * What this version can read of a newer file, for commands that only look (status, config get):
 * every profile that still fits the schema it knows (unknown fields dropped); the names of those
 * that do not. Nothing of it is ever written back.
 */
export function readableFromNewer(raw: unknown): { root: StoreRoot; unreadable: string[] } {
  const profiles = isPlainObject(raw) && isPlainObject(raw.profiles) ? raw.profiles : {};
  const root: StoreRoot = { schemaVersion: SCHEMA_VERSION, profiles: {} };
  const unreadable: string[] = [];
  for (const [name, profile] of Object.entries(profiles)) {
    try {
      setOwnEntry(root.profiles, name, parseProfile(profile));
    } catch (error) {
      if (!(error instanceof StoreShapeError)) throw error;
      unreadable.push(name);
    }
  }
  return { root, unreadable };
}

/**
 * Version 2 judged the webservice user's rights per employer (contract v1). Those entity results and
 * the hand confirmations of them mean nothing in v3 (Loket authorizes per webservicepartij): they go,
 * as do the v1 shape of the logged-in user ({ userName }) and the summary's `authorized` count.
 * Everything the user did (answers, tickets, selection, statuses, other confirmations) stays.
 */
function fromV2(profile: unknown): unknown {
  if (!isPlainObject(profile)) return profile;
  const { user: _user, ...rest } = profile;
  const confirmations = Array.isArray(rest.confirmations)
    ? rest.confirmations.filter((c) => !(isPlainObject(c) && c.subject === 'entities'))
    : rest.confirmations;
  const employers = isPlainObject(rest.employers)
    ? Object.fromEntries(
        Object.entries(rest.employers).map(([id, record]) => {
          if (!isPlainObject(record) || !isPlainObject(record.lastCheck)) return [id, record];
          const { entities: _entities, ...check } = record.lastCheck;
          const problems = Array.isArray(check.problems) ? check.problems.filter((code) => !/^ENTIT/.test(String(code))) : check.problems;
          return [id, { ...record, lastCheck: { ...check, problems } }];
        }),
      )
    : rest.employers;
  return { ...rest, confirmations, employers };
}
