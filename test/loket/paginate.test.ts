import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { createHttp } from '../../src/loket/http.js';
import { PAGE_SIZE, paginate } from '../../src/loket/paginate.js';
import { API, HOST, fakeTokens, instantRetry } from './helpers.js';

beforeAll(() => {
  nock.disableNetConnect();
  setLang('en');
});
afterEach(() => {
  nock.cleanAll();
});

const item = z.object({ id: z.string() });
const http = () => createHttp({ apiUrl: API, tokens: fakeTokens(), retry: instantRetry(), env: {} });

function page(pageNumber: number, totalPages: number, ids: string[]) {
  return { _embedded: ids.map((id) => ({ id, extra: 'dropped' })), currentPage: pageNumber, totalPages };
}

function servePage(pageNumber: number, body: object) {
  return nock(HOST).get('/v2/things').query({ pageNumber: String(pageNumber), pageSize: String(PAGE_SIZE) }).reply(200, body);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const entry of items) all.push(entry);
  return all;
}

describe('paginate', () => {
  it('reads every page with pageNumber (1-based) and pageSize 250, keeping item order', async () => {
    servePage(1, page(1, 3, ['a', 'b']));
    servePage(2, page(2, 3, ['c']));
    servePage(3, page(3, 3, ['d']));
    const client = http();
    expect(await collect(paginate(client, '/things', item))).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]);
    expect(client.stats().requests).toBe(3);
  });

  it('stops at an empty page even if more were announced', async () => {
    servePage(1, page(1, 5, ['a']));
    servePage(2, page(2, 5, []));
    const client = http();
    expect(await collect(paginate(client, '/things', item))).toEqual([{ id: 'a' }]);
    expect(client.stats().requests).toBe(2);
  });

  it('handles an empty list', async () => {
    servePage(1, page(1, 0, []));
    expect(await collect(paginate(http(), '/things', item))).toEqual([]);
  });

  it('streams: the first page is yielded before the second is asked for', async () => {
    servePage(1, page(1, 2, ['a']));
    const second = servePage(2, page(2, 2, ['b']));
    const iterator = paginate(http(), '/things', item);
    expect((await iterator.next()).value).toEqual({ id: 'a' });
    expect(second.isDone()).toBe(false);
    expect((await iterator.next()).value).toEqual({ id: 'b' });
    expect(second.isDone()).toBe(true);
  });

  it('never fetches more pages than the first answer announced', async () => {
    // A server whose totalPages keeps growing.
    servePage(1, page(1, 2, ['a']));
    servePage(2, page(2, 3, ['b']));
    const third = servePage(3, page(3, 4, ['c']));
    const client = http();
    expect(await collect(paginate(client, '/things', item))).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(third.isDone()).toBe(false);
    expect(client.stats().requests).toBe(2);
  });

  it('stops with an error when the server answers the same page again', async () => {
    servePage(1, page(1, 3, ['a']));
    servePage(2, page(1, 3, ['a']));
    const error = await collect(paginate(http(), '/things', item)).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Loket.nl returned page 1 of /things when page 2 was asked; stopped rather than read on forever.');
  });

  it('stops with an error when the server echoes pageNumber but serves the same items', async () => {
    servePage(1, page(1, 3, ['a']));
    servePage(2, page(2, 3, ['a']));
    await expect(collect(paginate(http(), '/things', item))).rejects.toBeInstanceOf(ApiError);
  });

  it('reports a page of the wrong shape with the endpoint and the field', async () => {
    servePage(1, { items: [{ id: 'a' }], currentPage: 1, totalPages: 1 });
    servePage(1, { _embedded: [{ id: 7 }], currentPage: 1, totalPages: 1 });
    await expect(collect(paginate(http(), '/things', item))).rejects.toThrow(
      'Unexpected answer from api.loket.test to GET /things: the structure does not match (_embedded).',
    );
    await expect(collect(paginate(http(), '/things', item))).rejects.toThrow('(_embedded.0.id)');
  });
});
