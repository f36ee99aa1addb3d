/**
 * Paged lists (loket-api.md §4, src/loket/paginate.ts): page 1 first, then pages 2…N at once under
 * the HTTP layer's limiter; never beyond the first answer's totalPages; incoherent or repeating
 * servers are errors, not loops.
 */
import nock from 'nock';
import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ApiError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { createHttp } from '../../src/loket/http.js';
import { fetchList, MAX_PAGES, PAGE_SIZE } from '../../src/loket/paginate.js';
import { API, fakeTokens, instantRetry } from './helpers.js';
import { fakeLoket, type SeenRequest, useNock } from './fake-loket.js';

useNock();
beforeAll(() => setLang('en'));

const item = v.object({ id: v.string() });
const byId = (entry: { id: string }) => entry.id;
const http = (concurrency = 4) => createHttp({ apiUrl: API, tokens: fakeTokens(), retry: instantRetry(), env: {}, concurrency });

function page(currentPage: number, totalPages: number, ids: string[], extra: Record<string, unknown> = {}) {
  return {
    totalSize: totalPages * PAGE_SIZE,
    pageSize: PAGE_SIZE,
    totalPages,
    currentPage,
    version: { obsoleteDate: null, resourceVersion: '2018-12-31' },
    messages: [],
    _embedded: ids.map((id) => ({ id, extra: 'dropped' })),
    ...extra,
  };
}

const pageNumber = (request: SeenRequest | undefined) => Number(request?.query.get('pageNumber'));

/** A list of `totalPages` pages, one item `p<n>` each. */
function pagedLoket(totalPages: number) {
  return fakeLoket(({ query }) => {
    const n = Number(query.get('pageNumber'));
    return [200, page(n, totalPages, [`p${n}`])];
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a failure');
}

describe('fetchList', () => {
  it('asks page 1, then every page 2…N, with pageNumber and pageSize 250; items in page order, unknown fields dropped', async () => {
    const seen = pagedLoket(4);
    const client = http();
    const list = await fetchList(client, '/things', item);
    expect(list).toEqual({ items: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }, { id: 'p4' }], totalSize: 4 * PAGE_SIZE });
    expect(seen[0]?.url).toBe('/v2/things?pageNumber=1&pageSize=250');
    expect(seen.map(pageNumber).sort()).toEqual([1, 2, 3, 4]);
    for (const request of seen) expect(request.query.get('pageSize')).toBe('250');
    expect(client.stats().requests).toBe(4);
  });

  it('asks pages 2…N in parallel once page 1 has answered', async () => {
    // Pages 2, 3 and 4 are held until all three have been asked for: only a parallel fetch gets there.
    const held: Array<() => void> = [];
    let inFlight = 0;
    let peak = 0;
    const seen = fakeLoket(async ({ query }) => {
      const n = Number(query.get('pageNumber'));
      if (n > 1) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise<void>((resolve) => {
          held.push(resolve);
          if (held.length === 3) for (const release of held.splice(0)) release();
        });
        inFlight--;
      }
      return [200, page(n, 4, [`p${n}`])];
    });
    const list = await fetchList(http(4), '/things', item);
    expect(list.items.map(byId)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(pageNumber(seen[0])).toBe(1);
    expect(peak).toBe(3);
  });

  it('keeps at most `concurrency` pages in flight: 2 of 6', async () => {
    const held: Array<() => void> = [];
    let inFlight = 0;
    let peak = 0;
    let later = 0;
    const seen = fakeLoket(async ({ query }) => {
      const n = Number(query.get('pageNumber'));
      if (n > 1) {
        later++;
        inFlight++;
        peak = Math.max(peak, inFlight);
        // Released two at a time (or the last one alone): a limiter letting through more than two
        // would show up in `peak`; one letting through fewer would never get released.
        await new Promise<void>((resolve) => {
          held.push(resolve);
          if (held.length === 2 || later === 5) for (const release of held.splice(0)) release();
        });
        inFlight--;
      }
      return [200, page(n, 6, [`p${n}`])];
    });
    const client = http(2);
    const list = await fetchList(client, '/things', item);
    expect(list.items.map(byId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(peak).toBe(2);
    expect(seen.map(pageNumber).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(client.stats().requests).toBe(6);
  });

  it("never asks beyond the first answer's totalPages, even when later pages raise it", async () => {
    const seen = fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      // Page 1 announces two pages (and a size that fits); later pages claim more.
      return [200, page(n, n + 1, [`p${n}`], { totalSize: (n + 1) * PAGE_SIZE })];
    });
    const list = await fetchList(http(), '/things', item);
    expect(list.items.map(byId)).toEqual(['p1', 'p2']);
    expect(seen.map(pageNumber).sort()).toEqual([1, 2]);
  });

  it("trusts the answer's pageSize over the one asked for (a server that caps it)", async () => {
    const seen = fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return [200, page(n, 7, [`p${n}`], { totalSize: 650, pageSize: 100 })];
    });
    const list = await fetchList(http(), '/things', item);
    expect(list.items).toHaveLength(7);
    expect(seen).toHaveLength(7);
  });

  it('a page answering another currentPage is a repeated page: an ApiError, not a loop', async () => {
    fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return [200, page(n === 2 ? 1 : n, 3, [`p${n}`])];
    });
    const error = await failure(fetchList(http(), '/things', item));
    expect(error.message).toBe('Loket.nl returned page 1 of /things when page 2 was asked; stopped rather than read on forever.');
    expect(error.details).toEqual({ method: 'GET', path: '/things' });
    expect(error.hint).toContain('api@loket.nl');
  });

  it('a non-empty first page that says currentPage 0 is a repeated page too', async () => {
    fakeLoket(() => [200, page(0, 1, ['a'])]);
    await expect(fetchList(http(), '/things', item)).rejects.toThrow('returned page 0 of /things when page 1 was asked');
  });

  it('totalPages larger than ceil(totalSize / pageSize) is an ApiError, and nothing more is asked', async () => {
    const seen = fakeLoket(() => [200, page(1, 5, ['a'], { totalSize: 300 })]);
    const error = await failure(fetchList(http(), '/things', item));
    expect(error.message).toBe('Loket.nl announced 5 pages of /things for 300 items (at most 2 expected); stopped rather than read on forever.');
    expect(seen).toHaveLength(1);
  });

  it('totalPages smaller than ceil(totalSize / pageSize) is an ApiError: the list would be silently short', async () => {
    const seen = fakeLoket(() => [200, page(1, 1, ['a'], { totalSize: 600 })]);
    const error = await failure(fetchList(http(), '/things', item));
    expect(error.message).toBe('Loket.nl announced 1 pages of /things for 600 items, where 3 are needed; the list would be incomplete.');
    expect(seen).toHaveLength(1);
  });

  it(`more than MAX_PAGES (${MAX_PAGES}) pages is an ApiError`, async () => {
    const seen = fakeLoket(() => [200, page(1, MAX_PAGES + 1, ['a'], { totalSize: null })]);
    const error = await failure(fetchList(http(), '/things', item));
    expect(error.message).toBe(
      `Loket.nl announced ${MAX_PAGES + 1} pages of /things for ? items (at most ${MAX_PAGES} expected); stopped rather than read on forever.`,
    );
    // Even when the totals agree with it.
    nock.cleanAll();
    fakeLoket(() => [200, page(1, MAX_PAGES + 1, ['a'])]);
    await expect(fetchList(http(), '/things', item)).rejects.toThrow(`(at most ${MAX_PAGES} expected)`);
    expect(seen).toHaveLength(1);
  });

  it('a duplicate key across pages is an ApiError for a list with a key', async () => {
    fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return [200, page(n, 3, n === 3 ? ['p3', 'p1'] : [`p${n}`])];
    });
    const error = await failure(fetchList(http(), '/things', item, { key: byId }));
    expect(error.message).toBe('Loket.nl returned item p1 of /things twice (again on page 3); the list cannot be trusted.');
  });

  it('a page that repeats an earlier one under its own page number (1, 2, 1) is an ApiError, also for a list without a key', async () => {
    // Before, the later copy passed the currentPage check and its items were counted twice.
    fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return [200, { ...page(n === 3 ? 1 : n, 3, n === 3 ? ['p1'] : [`p${n}`]), currentPage: n }];
    });
    const error = await failure(fetchList(http(), '/things', item));
    expect(error.message).toBe('Loket.nl returned the items of page 1 of /things again as page 3; stopped rather than count them twice.');
    expect(error.hint).toContain('api@loket.nl');
    // With a key, the same page is named as such rather than as one duplicate item.
    nock.cleanAll();
    fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return [200, { ...page(n === 3 ? 1 : n, 3, n === 3 ? ['p1'] : [`p${n}`]), currentPage: n }];
    });
    await expect(fetchList(http(), '/things', item, { key: byId })).rejects.toThrow('returned the items of page 1 of /things again as page 3');
  });

  it('a list without a key keeps equal items on pages that differ (E12 rows, administrations without an id)', async () => {
    fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return [200, page(n, 2, ['same', `p${n}`])];
    });
    expect((await fetchList(http(), '/things', item)).items).toEqual([{ id: 'same' }, { id: 'p1' }, { id: 'same' }, { id: 'p2' }]);
  });

  it('an item without an identity (key gives undefined) is not taken for a duplicate', async () => {
    fakeLoket(({ query }) => [200, page(Number(query.get('pageNumber')), 2, ['none', `p${query.get('pageNumber')}`])]);
    const list = await fetchList(http(), '/things', item, { key: (entry) => (entry.id === 'none' ? undefined : entry.id) });
    expect(list.items.map(byId)).toEqual(['none', 'p1', 'none', 'p2']);
  });

  it('an empty page ends the list, whatever the totals said', async () => {
    fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return [200, page(n, 4, n === 2 ? [] : [`p${n}`])];
    });
    expect((await fetchList(http(), '/things', item, { key: byId })).items).toEqual([{ id: 'p1' }]);
  });

  it.each([
    ['totalPages 0', { totalSize: 0, pageSize: 250, totalPages: 0, currentPage: 1, _embedded: [] }],
    ['no _embedded', { totalSize: 0, pageSize: 250, totalPages: 0, currentPage: 1 }],
    ['currentPage 0', { totalSize: 0, pageSize: 250, totalPages: 0, currentPage: 0, _embedded: [] }],
    ['no totals', { totalPages: 0, currentPage: 1, _embedded: [] }],
  ])('an empty list (%s) is one request and no items', async (_label, body) => {
    const seen = fakeLoket(() => [200, body]);
    const list = await fetchList(http(), '/things', item);
    expect(list.items).toEqual([]);
    expect(list.totalSize).toBe('totalSize' in body ? 0 : null);
    expect(seen).toHaveLength(1);
  });

  it('reads _embedded given as one object as a one-item list', async () => {
    fakeLoket(() => [200, { totalSize: 1, pageSize: 250, totalPages: 1, currentPage: 1, _embedded: { id: 'only' } }]);
    expect((await fetchList(http(), '/things', item)).items).toEqual([{ id: 'only' }]);
  });

  it('sends the extra query and the Accept version on every page', async () => {
    const seen = pagedLoket(2);
    await fetchList(http(), '/things', item, { query: { filter: 'isLinked eq true' }, version: null });
    expect(seen.map((request) => [request.query.get('filter'), request.accept])).toEqual([
      ['isLinked eq true', 'application/json'],
      ['isLinked eq true', 'application/json'],
    ]);
  });

  it('reports a page of the wrong shape with the path and the field', async () => {
    fakeLoket(() => [200, { items: [{ id: 'a' }], currentPage: 1 }]);
    await expect(fetchList(http(), '/things', item)).rejects.toThrow(
      'Unexpected answer from api.loket.test to GET /things: the structure does not match (totalPages).',
    );
    nock.cleanAll();
    fakeLoket(() => [200, page(1, 1, [], { _embedded: [{ id: 7 }] })]);
    await expect(fetchList(http(), '/things', item)).rejects.toThrow('(_embedded.0.id)');
  });

  it('a failing later page fails the list', async () => {
    fakeLoket(({ query }) => {
      const n = Number(query.get('pageNumber'));
      return n === 3 ? [403, { message: 'no' }] : [200, page(n, 3, [`p${n}`])];
    });
    const error = await failure(fetchList(http(), '/things', item));
    expect(error.details).toMatchObject({ status: 403, path: '/things' });
  });
});
