/**
 * Fields addressed by dotted path (`office.email`): the profile's for `config get|set`, and the
 * answers file's for the inputs catalogue (src/steps/inputs.ts) — one implementation for both; and
 * the own entries of records keyed by ids from outside.
 */

/** An object, not null and not a list (JSON's `{ … }`). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dot path of a plain object, or undefined (own properties only). */
export function getByPath(source: unknown, key: string): unknown {
  let node: unknown = source;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Sets (or with `undefined` removes) a field, creating the objects on the way. On a profile draft
 * the value is checked against the schema by `Store.update`, which names the field when it is invalid.
 */
export function setByPath(target: object, key: string, value: unknown): void {
  const parts = key.split('.');
  const leaf = parts.pop() as string;
  let node = target as Record<string, unknown>;
  for (const part of parts) {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  if (value === undefined) delete node[leaf];
  else node[leaf] = value;
}

/**
 * A record's own entry, or undefined. Records keyed by ids from outside (Loket's employer ids, profile
 * names) must not see what every object inherits: `employers['constructor']` is a function otherwise.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets a record's own entry; `record['__proto__'] = value` would replace its prototype instead. */
export function setOwnEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
