/**
 * Loket's envelopes, paging and `filter` (loket-api.md §4): lists are lazy (size + item by index),
 * so a page of 10,000 employers generates 250 records and keeps nothing else.
 */

export interface LazyList<T> {
  readonly size: number;
  at(index: number): T;
}

export function listOf<T>(items: readonly T[]): LazyList<T> {
  return { size: items.length, at: (index) => items[index] as T };
}

export function mapList<T, U>(list: LazyList<T>, fn: (item: T, index: number) => U): LazyList<U> {
  return { size: list.size, at: (index) => fn(list.at(index), index) };
}

/** The resource version every answer reports (the only one the simulator has). */
export const RESOURCE_VERSION = '2018-01-01';
export const MAX_PAGE_SIZE = 250;

const version = () => ({ obsoleteDate: null, resourceVersion: RESOURCE_VERSION });

/** An API answer: undefined body means none at all (404, 500, 429). */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const single = (content: unknown): Answer => ({ status: 200, body: { version: version(), messages: [], content } });

/** Loket's badRequestCollection: paging, version, one BrokenBusinessRule message, no items. */
export function badRequest(description: string, code = 12): Answer {
  return {
    status: 400,
    body: {
      totalSize: 0,
      pageSize: 0,
      totalPages: 0,
      currentPage: 0,
      version: version(),
      messages: [{ type: 'BrokenBusinessRule', description, id: null, code, properties: [] }],
      _embedded: [],
    },
  };
}

export type FilterValue = string | number | boolean | null;
export interface Filter {
  /** Lower-cased field path, e.g. ['loginmethod', 'key']. */
  path: string[];
  value: FilterValue;
}

/**
 * `<field> eq '<value>'`, `<field> eq true|false|null|<integer>`; field names are case-insensitive
 * and may be nested with dots. Anything else (other operators, and/or) is not understood.
 */
export function parseFilter(raw: string): Filter | undefined {
  const match = /^\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s+eq\s+(.+?)\s*$/i.exec(raw);
  if (!match) return undefined;
  const path = (match[1] as string).toLowerCase().split('.');
  const literal = match[2] as string;
  const quoted = /^'((?:[^']|'')*)'$/.exec(literal);
  if (quoted) return { path, value: (quoted[1] as string).replace(/''/g, "'") };
  if (/^(true|false)$/i.test(literal)) return { path, value: literal.toLowerCase() === 'true' };
  if (/^null$/i.test(literal)) return { path, value: null };
  if (/^-?\d{1,9}$/.test(literal)) return { path, value: Number(literal) };
  return undefined;
}

const missing = Symbol('missing');

function field(item: unknown, path: readonly string[]): unknown {
  let current = item;
  for (const name of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return missing;
    const key = Object.keys(current).find((candidate) => candidate.toLowerCase() === name);
    if (key === undefined) return missing;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether the items of a list have this field at all (checked on a sample item). */
export function hasField(sample: unknown, filter: Filter): boolean {
  const value = field(sample, filter.path);
  return value !== missing && (value === null || typeof value !== 'object');
}

export function matches(item: unknown, filter: Filter): boolean {
  const value = field(item, filter.path);
  if (typeof value === 'string' && typeof filter.value === 'string') return value.toLowerCase() === filter.value.toLowerCase();
  return value === filter.value;
}

function pageParameter(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return fallback;
  return /^\d{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
}

/**
 * One page of a list. pageNumber defaults to 1, pageSize to 250 and is capped at 250 (the answer
 * says so in pageSize). A filter is applied before paging, in one pass that keeps only the page.
 */
export function page<T>(query: URLSearchParams, list: LazyList<T>, filter?: Filter): Answer {
  const currentPage = pageParameter(query, 'pageNumber', 1);
  const requestedSize = pageParameter(query, 'pageSize', MAX_PAGE_SIZE);
  if (currentPage === undefined) return badRequest('Invalid value for pageNumber');
  if (requestedSize === undefined) return badRequest('Invalid value for pageSize');
  const pageSize = Math.min(requestedSize, MAX_PAGE_SIZE);
  const first = (currentPage - 1) * pageSize;
  const embedded: T[] = [];
  let totalSize: number;
  if (filter) {
    if (list.size > 0 && !hasField(list.at(0), filter)) return badRequest(`Invalid filter: unknown field ${filter.path.join('.')}`);
    totalSize = 0;
    for (let index = 0; index < list.size; index++) {
      const item = list.at(index);
      if (!matches(item, filter)) continue;
      if (totalSize >= first && totalSize < first + pageSize) embedded.push(item);
      totalSize++;
    }
  } else {
    totalSize = list.size;
    for (let index = first; index < Math.min(first + pageSize, totalSize); index++) embedded.push(list.at(index));
  }
  return {
    status: 200,
    body: {
      totalSize,
      pageSize,
      totalPages: Math.ceil(totalSize / pageSize),
      currentPage,
      version: version(),
      messages: [],
      _embedded: embedded,
    },
  };
}
