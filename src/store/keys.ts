/**
 * Fields addressed by dotted path (`office.email`): the profile's for `config get|set`, and the
 * answers file's for the inputs catalogue (src/steps/inputs.ts) — one implementation for both.
 */

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
