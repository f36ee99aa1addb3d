/** Reading a recorded dump (src/dumps/read.ts): which directory, which format, and how requests are matched. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { acceptVersionOf, indexDump, normaliseQuery, readDump, recordedUrlPath, resolveDumpDir } from '../../src/dumps/read.js';
import { tempDir } from '../helpers/cli.js';
import { list, writeDump } from './helpers.js';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => setLang('en'));
beforeEach(() => {
  dir = tempDir('loket-dump-read-');
});
afterEach(() => dir.remove());

const usageError = (fn: () => unknown): UsageError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
};

describe('which directory is the dump', () => {
  it('the run directory itself, or the --dump directory holding exactly one run', () => {
    const run = writeDump(join(dir.path, 'loket-dump-2026-12-01T10-00-00-000Z-abcdef'), [{ path: '/user', body: { content: {} } }]);
    expect(resolveDumpDir(run)).toBe(run);
    expect(resolveDumpDir(dir.path)).toBe(run);
  });

  it('two runs, none, or no directory at all: a usage error that says which', () => {
    writeDump(join(dir.path, 'loket-dump-a'), [{ path: '/user' }]);
    writeDump(join(dir.path, 'loket-dump-b'), [{ path: '/user' }]);
    expect(usageError(() => resolveDumpDir(dir.path)).message).toContain('2 recordings');
    mkdirSync(join(dir.path, 'empty'));
    expect(usageError(() => resolveDumpDir(join(dir.path, 'empty'))).message).toContain('holds no recording');
    expect(usageError(() => resolveDumpDir(join(dir.path, 'missing'))).message).toContain('does not exist');
  });
});

describe('format 1', () => {
  it('reads the answers in recorded order, with verdicts.json, ignoring other files', () => {
    writeDump(
      dir.path,
      [
        { path: '/user', body: { content: { a: 1 } } },
        { path: '/providers', status: 500 },
      ],
      { ok: true },
    );
    writeFileSync(join(dir.path, 'README.md'), '# notes\n');
    const dump = readDump(dir.path);
    expect(dump.entries.map((entry) => [entry.sequence, entry.path, entry.status, entry.body])).toEqual([
      [1, '/user', 200, { content: { a: 1 } }],
      [2, '/providers', 500, null],
    ]);
    expect(dump.verdicts).toEqual({ ok: true });
  });

  it('another format, a broken file or a missing field stops with the file named', () => {
    writeDump(dir.path, [{ path: '/user' }]);
    const file = join(dir.path, '001-get-user.json');
    writeFileSync(file, JSON.stringify({ format: 2, request: {}, status: 200, body: null }));
    expect(usageError(() => readDump(dir.path)).message).toMatch(/001-get-user\.json has dump format 2; this version reads format 1/);
    writeFileSync(file, '{ not json');
    expect(usageError(() => readDump(dir.path)).message).toContain(
      "001-get-user.json is not valid JSON (line 1, column 3: expected something other than 'n' here)",
    );
    writeFileSync(file, JSON.stringify({ format: 1, request: { method: 'GET', query: {}, acceptVersion: null }, status: 200, body: null }));
    expect(usageError(() => readDump(dir.path)).message).toContain('(field request.path)');
  });
});

describe('matching a request to its recording', () => {
  it('the URL path: urlPath when it has /v2 (so /v2/v2 stays /v2/v2), else /v2 + path', () => {
    expect(recordedUrlPath({ path: '/providers/employers', urlPath: '/v2/v2/providers/employers' })).toBe('/v2/v2/providers/employers');
    expect(recordedUrlPath({ path: '/providers/employers', urlPath: '/loket/api/providers/employers' })).toBe('/v2/providers/employers');
    expect(recordedUrlPath({ path: '/user' })).toBe('/v2/user');
  });

  it('the query in any order, numbers and strings alike', () => {
    expect(normaliseQuery({ pageSize: 250, pageNumber: 1, filter: "userName eq 'X'" })).toBe(
      normaliseQuery(new URLSearchParams("pageNumber=1&filter=userName+eq+'X'&pageSize=250")),
    );
  });

  it('the Accept version: by version when several were recorded, whatever was sent when only one was', () => {
    const dump = writeDump(dir.path, [
      { path: '/providers/p/users', query: { pageNumber: 1 }, acceptVersion: '2018-01-01', status: 400, body: 'bad version' },
      { path: '/providers/p/users', query: { pageNumber: 1 }, acceptVersion: null, body: list([]) },
      { path: '/user', acceptVersion: '2018-01-01', body: { content: {} } },
    ]);
    const index = indexDump(readDump(dump).entries);
    const query = new URLSearchParams('pageNumber=1');
    expect(index.lookup('GET', '/v2/providers/P/users/', query, '2018-01-01')?.map((entry) => entry.status)).toEqual([400]);
    expect(index.lookup('GET', '/v2/providers/p/users', query, null)?.map((entry) => entry.status)).toEqual([200]);
    expect(index.lookup('GET', '/v2/providers/p/users', query, 'SSO_gebruiker')).toBeUndefined();
    expect(index.lookup('GET', '/v2/user', {}, null)?.map((entry) => entry.path)).toEqual(['/user']);
    expect(index.lookup('GET', '/v2/user', { pageNumber: 1 }, null)).toBeUndefined();
    expect(index.lookup('POST', '/v2/user', {}, null)).toBeUndefined();
  });

  it('reads the version from an Accept header', () => {
    expect(acceptVersionOf('application/json;version=2018-01-01')).toBe('2018-01-01');
    expect(acceptVersionOf('application/json; version="SSO_gebruiker"')).toBe('SSO_gebruiker');
    expect(acceptVersionOf('application/json')).toBeNull();
    expect(acceptVersionOf(undefined)).toBeNull();
  });
});
