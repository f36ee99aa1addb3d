/** Paged lists (loket-api.md §4), streamed: one page in memory at a time. */
import type { z } from 'zod';
import { ApiError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { LoketHttp } from './http.js';
import { pageOf, parseAnswer } from './schemas.js';

export const PAGE_SIZE = 250;

/**
 * Every item of a paged list, page by page. Stops at `currentPage >= totalPages` or an empty page, and
 * never asks for more pages than the first answer announced, so a server that keeps raising
 * `totalPages` cannot keep us reading. A server that ignores `pageNumber` is an error, not a loop.
 */
export async function* paginate<T extends z.ZodType>(
  http: LoketHttp,
  path: string,
  item: T,
): AsyncGenerator<z.output<T>, void, undefined> {
  const schema = pageOf(item);
  const source = { host: http.host, method: 'GET', path };
  let lastPage = 1;
  let previousFirst: string | undefined;
  for (let pageNumber = 1; pageNumber <= lastPage; pageNumber++) {
    const page = parseAnswer(schema, await http.get(path, { pageNumber, pageSize: PAGE_SIZE }), source);
    if (pageNumber === 1) lastPage = page.totalPages;
    const items: z.output<T>[] = page._embedded;
    // Same first item as the page before: the server echoed pageNumber but served the same page.
    const first = items.length > 0 ? JSON.stringify(items[0]) : undefined;
    if (page.currentPage !== pageNumber || (first !== undefined && first === previousFirst)) {
      throw new ApiError(
        t('loket.page.repeated', { path, asked: pageNumber, got: page.currentPage }),
        { method: 'GET', path },
        { hint: t('loket.page.repeatedHint') },
      );
    }
    if (items.length === 0) return;
    yield* items;
    if (page.currentPage >= page.totalPages) return;
    previousFirst = first;
  }
}
