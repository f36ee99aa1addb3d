/**
 * Paged lists (loket-api.md §4). Page 1 says how many pages there are; pages 2…N are then asked for
 * at once — the HTTP layer's limiter keeps `--concurrency` of them in flight — and never more than
 * the first answer announced, so a server that keeps raising `totalPages` cannot keep us reading.
 * A server that ignores `pageNumber`, repeats a page (under any page number, also a later one),
 * repeats an item or announces an absurd number of pages is an error with a clear message, not a
 * loop and not a silent double count.
 */
import { createHash } from 'node:crypto';
import type * as v from 'valibot';
import { ApiError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { LoketHttp, Query } from './http.js';
import { pageOf, parseAnswer } from './schemas.js';

export const PAGE_SIZE = 250;
/** 500,000 items at Loket's default page size: far beyond any office, small enough to stop a runaway. */
export const MAX_PAGES = 2_000;

export interface ListResult<T> {
  items: T[];
  /** The list's `totalSize` as Loket gave it (null when absent). */
  totalSize: number | null;
}

export interface ListOptions<T> {
  query?: Query;
  version?: string | null;
  /** Identity of an item: the same key twice in one list is an error; undefined: this item has none. */
  key?: (item: T) => string | undefined;
  /** Wraps the request for page 1 (the client settles the `/v2` question on it). */
  first?: (load: () => Promise<unknown>) => Promise<unknown>;
}

export async function fetchList<S extends v.GenericSchema>(
  http: LoketHttp,
  path: string,
  item: S,
  options: ListOptions<v.InferOutput<S>> = {},
): Promise<ListResult<v.InferOutput<S>>> {
  type T = v.InferOutput<S>;
  const schema = pageOf(item);
  const source = { host: http.host, method: 'GET', path };
  const where = { method: 'GET', path };
  const get = async (pageNumber: number) => {
    const load = () =>
      http.get(path, { query: { ...options.query, pageNumber, pageSize: PAGE_SIZE }, ...(options.version !== undefined ? { version: options.version } : {}) });
    const raw = await (pageNumber === 1 && options.first ? options.first(load) : load());
    const page = parseAnswer(schema, raw, source);
    // An empty list may say currentPage 0 or 1 [uncertain]; any other page must be the one asked for.
    const emptyFirst = pageNumber === 1 && page.items.length === 0 && page.currentPage <= 1;
    if (page.currentPage !== pageNumber && !emptyFirst) {
      throw new ApiError(t('loket.page.repeated', { path, asked: pageNumber, got: page.currentPage }), where, { hint: t('loket.page.repeatedHint') });
    }
    return { ...page, fingerprint: fingerprintOf(raw, page.items) };
  };

  /**
   * What makes two pages one page sent twice. Items with an identity (every list of the client has
   * one): the same identities in the same order — cheap, where hashing the whole page was a tenth of
   * a large verify's time. Otherwise the page's items as Loket sent them, every field included.
   */
  const fingerprintOf = (raw: unknown, items: readonly T[]): string => {
    const ids = options.key ? items.map(options.key) : [];
    if (options.key && ids.every((id) => id !== undefined)) return `ids:${ids.join('\u0000')}`;
    return `sha256:${createHash('sha256')
      .update(JSON.stringify((raw as { _embedded?: unknown })._embedded ?? null))
      .digest('base64')}`;
  };

  const first = await get(1);
  const lastPage = first.items.length === 0 ? 1 : Math.max(1, first.totalPages);
  // The ceiling comes from the first answer's own totals; a larger totalPages is incoherent.
  const ceiling = first.totalSize !== null && first.pageSize !== null ? Math.max(1, Math.ceil(first.totalSize / first.pageSize)) : MAX_PAGES;
  if (lastPage > Math.min(ceiling, MAX_PAGES)) {
    throw new ApiError(t('loket.page.tooMany', { path, pages: first.totalPages, size: first.totalSize ?? '?', max: Math.min(ceiling, MAX_PAGES) }), where, {
      hint: t('loket.page.repeatedHint'),
    });
  }
  // Fewer pages announced than the list's own size needs: reading them would give a silently short list.
  if (first.items.length > 0 && first.totalPages < Math.min(ceiling, MAX_PAGES) && first.totalSize !== null && first.pageSize !== null) {
    throw new ApiError(t('loket.page.incomplete', { path, pages: first.totalPages, size: first.totalSize, needed: ceiling }), where, {
      hint: t('loket.page.repeatedHint'),
    });
  }
  const rest = lastPage > 1 ? await Promise.all(Array.from({ length: lastPage - 1 }, (_, i) => get(i + 2))) : [];
  const pages = [first, ...rest];

  const items: T[] = [];
  const seen = new Set<string>();
  // A page with the very items of an earlier one is that page again, whatever number it carries.
  const pagesSeen = new Map<string, number>();
  for (const [index, page] of pages.entries()) {
    // An empty page ends the list (§4), whatever the totals said.
    if (page.items.length === 0) break;
    const earlier = pagesSeen.get(page.fingerprint);
    if (earlier !== undefined) {
      throw new ApiError(t('loket.page.sameItems', { path, page: index + 1, earlier }), where, { hint: t('loket.page.repeatedHint') });
    }
    pagesSeen.set(page.fingerprint, index + 1);
    for (const entry of page.items) {
      const key = options.key?.(entry);
      if (key !== undefined) {
        if (seen.has(key)) {
          throw new ApiError(t('loket.page.duplicate', { path, id: key, page: index + 1 }), where, { hint: t('loket.page.repeatedHint') });
        }
        seen.add(key);
      }
      items.push(entry);
    }
  }
  return { items, totalSize: first.totalSize };
}
