/** The profile fields `config get|set` may touch, addressed by dotted path. */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Profile } from './schema.js';

export const SETTABLE_KEYS = [
  'office.name',
  'office.contactName',
  'office.email',
  'office.phone',
  'webserviceUser',
  'team',
  'environmentCode',
  'route',
  'asr.companyName',
  'asr.requestEmail',
  'asr.userName',
  'clientId',
  'environment',
] as const;
export type SettableKey = (typeof SETTABLE_KEYS)[number];

export function isSettableKey(key: string): key is SettableKey {
  return (SETTABLE_KEYS as readonly string[]).includes(key);
}

function pathOf(key: string): string[] {
  if (!isSettableKey(key)) throw new UsageError(t('store.unknownKey', { key, keys: SETTABLE_KEYS.join(', ') }));
  return key.split('.');
}

export function getByPath(profile: Readonly<Profile>, key: string): string | undefined {
  let node: unknown = profile;
  for (const part of pathOf(key)) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/**
 * Sets (or with `undefined` removes) a settable field on a draft. The value is checked against the
 * schema by `Store.update`, which names the field when it is invalid.
 */
export function setByPath(draft: Profile, key: string, value: string | undefined): void {
  const parts = pathOf(key);
  const leaf = parts.pop() as string;
  let node = draft as unknown as Record<string, unknown>;
  // Every settable key's parent (office, asr) is always present in a parsed profile.
  for (const part of parts) node = node[part] as Record<string, unknown>;
  if (value === undefined) delete node[leaf];
  else node[leaf] = value;
}
