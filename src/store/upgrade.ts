/**
 * Brings a parsed config file up to the current schema. Our own function rather than conf's
 * `migrations`: those key on the package version and run inside conf's constructor, while we need
 * to refuse a newer file without touching it and to tell a corrupt file apart from an old one.
 */
import { LocalError } from '../errors.js';
import { t } from '../i18n/index.js';
import { SCHEMA_VERSION, StoreRootSchema, type StoreRoot } from './schema.js';

export interface Upgraded {
  root: StoreRoot;
  /** Set when the input was an older layout. */
  upgradedFrom?: number;
}

/**
 * Throws a LocalError (exit 5) for a file written by a newer loket-asr-setup, and a ZodError for
 * anything that is not a valid store of a known version (the caller treats that as corrupt).
 */
export function upgrade(raw: unknown, filePath = 'config.json'): Upgraded {
  const fields = isPlainObject(raw) ? raw : undefined;
  const version = fields?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new LocalError(t('store.newerSchema', { path: filePath, version, known: SCHEMA_VERSION }), {
      hint: t('store.newerSchemaHint'),
    });
  }
  // Version 1 (early development builds, some without a schemaVersion at all) kept a single
  // profile's fields at the top level.
  if (fields !== undefined && (version === undefined || version === 1)) {
    const { schemaVersion: _old, ...profile } = fields;
    return {
      root: StoreRootSchema.parse({ schemaVersion: SCHEMA_VERSION, profiles: { default: profile } }),
      upgradedFrom: 1,
    };
  }
  return { root: StoreRootSchema.parse(raw) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
