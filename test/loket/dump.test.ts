/**
 * `verify --dump DIR` (loket-api.md §7, src/loket/dump.ts): one redacted file per answer in a fresh
 * `loket-dump-…` sub-directory of DIR; nothing already there is followed or overwritten.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { createLoketClient, type LoketClientOptions } from '../../src/loket/client.js';
import { createDumper, DUMP_FORMAT, dumpFileName, prepareDumpDir, type DumpRecord } from '../../src/loket/dump.js';
import { API, fakeTokens, instantRetry, listPage, specFixture } from './helpers.js';
import { fakeLoket, useNock } from './fake-loket.js';

const posix = process.platform !== 'win32';
let root: string;

useNock();
beforeAll(() => setLang('en'));
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'loket-dump-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function client(options: Partial<LoketClientOptions> = {}) {
  return createLoketClient({ apiUrl: API, tokens: fakeTokens(), retry: { ...instantRetry(), sleep: async () => {} }, env: {}, ...options });
}

const modeOf = async (file: string) => (await stat(file)).mode & 0o7777;

/** The one run directory below `parent`, and its files in order. */
async function runDir(parent: string): Promise<{ dir: string; files: string[] }> {
  const entries = await readdir(parent);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatch(/^loket-dump-\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f]{6}$/);
  const dir = path.join(parent, entries[0] ?? '');
  return { dir, files: (await readdir(dir)).sort() };
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('--dump through the client', () => {
  it('writes one file per answer into a fresh 0700 sub-directory, files 0600, redacted', async () => {
    const user = specFixture('E1').body as Record<string, unknown> & { messages: Array<{ description: string }> };
    user.messages[0] = { ...user.messages[0], description: 'echo of access-token-1 and Bearer eyJhbGciOi.payload.sig' } as { description: string };
    user.refresh_token = 'rt-should-not-land-9f8e2c';
    let providersAsked = 0;
    fakeLoket(({ path: asked }) => {
      if (asked === '/v2/user') return [200, user];
      if (asked === '/v2/providers') {
        return providersAsked++ === 0
          ? [502, '<html>Bad gateway for access-token-1</html>', { 'Content-Type': 'text/html' }]
          : [200, listPage([{ id: 'p-1', name: 'Kantoor' }])];
      }
      if (asked === '/v2/providers/employers') return [404];
      return [200, listPage([])];
    });
    const dumps = path.join(root, 'dumps');
    const loket = client({ dumpDir: dumps });
    await loket.getUser();
    await loket.providers();
    await loket.employers();

    const { dir, files } = await runDir(dumps);
    expect(files).toEqual([
      '001-get-user.json',
      '002-get-providers.json',
      '003-get-providers.json',
      '004-get-providers-employers.json',
      '005-get-providers-employers.json',
    ]);
    if (posix) {
      expect(await modeOf(dumps)).toBe(0o700);
      expect(await modeOf(dir)).toBe(0o700);
      for (const file of files) expect(await modeOf(path.join(dir, file))).toBe(0o600);
    }

    const first = await readJson(path.join(dir, '001-get-user.json'));
    expect(first).toMatchObject({
      format: DUMP_FORMAT,
      request: { method: 'GET', path: '/user', urlPath: '/v2/user', query: {}, acceptVersion: '2018-01-01' },
      status: 200,
      resourceVersion: '2018-12-31',
    });
    expect(Object.keys(first)).toEqual(['format', 'request', 'status', 'resourceVersion', 'body']);
    const body = first.body as { refresh_token: string; messages: Array<{ description: string }>; content: { contactInformation: { emailAddress: string } } };
    expect(body.refresh_token).toBe('[redacted]');
    expect(body.messages[0]?.description).toBe('echo of [redacted] and Bearer [redacted]');
    expect(body.content.contactInformation.emailAddress).toBe('info@loket.nl');

    expect(await readJson(path.join(dir, '002-get-providers.json'))).toEqual({
      format: DUMP_FORMAT,
      request: { method: 'GET', path: '/providers', urlPath: '/v2/providers', query: { pageNumber: 1, pageSize: 250 }, acceptVersion: '2018-01-01' },
      status: 502,
      resourceVersion: null,
      body: '<html>Bad gateway for [redacted]</html>',
    });
    expect(await readJson(path.join(dir, '003-get-providers.json'))).toMatchObject({ status: 200, body: { _embedded: [{ id: 'p-1', name: 'Kantoor' }] } });
    expect(await readJson(path.join(dir, '004-get-providers-employers.json'))).toMatchObject({ status: 404, resourceVersion: null, body: null });
    expect(await readJson(path.join(dir, '005-get-providers-employers.json'))).toMatchObject({ status: 200 });

    // A token in a body never reaches the disk, in any file.
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8');
      expect(text).not.toContain('access-token-1');
      expect(text).not.toContain('rt-should-not-land');
      expect(text).not.toContain('eyJhbGciOi');
    }
  });

  it('records the Accept version that was sent (null for none) and the filter', async () => {
    fakeLoket(({ accept }) => (accept === 'application/json;version=2018-01-01' ? [406, ''] : [200, listPage([])]));
    const dumps = path.join(root, 'dumps');
    const loket = client({ dumpDir: dumps });
    await loket.employerUsers('e-1');
    const { dir, files } = await runDir(dumps);
    expect(files).toEqual(['001-get-providers-employers-e-1-users.json', '002-get-providers-employers-e-1-users.json']);
    expect(await readJson(path.join(dir, files[0] ?? ''))).toMatchObject({ request: { acceptVersion: '2018-01-01' }, status: 406, body: null });
    expect(await readJson(path.join(dir, files[1] ?? ''))).toMatchObject({ request: { acceptVersion: null }, status: 200 });

    nock.cleanAll();
    fakeLoket(() => [200, listPage([])]);
    await loket.teamUsers('t-1');
    const third = await readJson(path.join(dir, '003-get-providers-authorizationgroups-t-1-users.json'));
    expect(third.request).toEqual({
      method: 'GET',
      path: '/providers/authorizationgroups/t-1/users',
      urlPath: '/v2/providers/authorizationgroups/t-1/users',
      query: { filter: 'isLinked eq true', pageNumber: 1, pageSize: 250 },
      acceptVersion: '2018-01-01',
    });
  });

  it.skipIf(!posix)('refuses a DIR that is a symbolic link, with a LocalError, and writes nothing', async () => {
    const real = path.join(root, 'real');
    await mkdir(real, { mode: 0o700 });
    const link = path.join(root, 'link');
    await symlink(real, link);
    fakeLoket(() => [200, specFixture('E1').body]);
    const error = await client({ dumpDir: link })
      .getUser()
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(LocalError);
    expect((error as LocalError).exitCode).toBe(5);
    expect((error as LocalError).message).toBe(`${link} is not a plain directory (or is a symbolic link); --dump does not write there.`);
    expect(await readdir(real)).toEqual([]);
  });
});

describe('prepareDumpDir', () => {
  it.skipIf(!posix)('refuses a world-writable DIR without the sticky bit, accepts one with it', async () => {
    const open = path.join(root, 'open');
    await mkdir(open);
    await chmod(open, 0o777);
    const error = await prepareDumpDir(open).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(LocalError);
    expect((error as LocalError).message).toBe(`Anyone may write in ${open}; --dump does not write there, because others could plant files in it.`);
    expect(await readdir(open)).toEqual([]);
    await chmod(open, 0o1777);
    const dir = await prepareDumpDir(open);
    expect(path.dirname(dir)).toBe(open);
    expect(await modeOf(dir)).toBe(0o700);
  });

  it('refuses a DIR that is a file', async () => {
    const file = path.join(root, 'file');
    await writeFile(file, 'x');
    await expect(prepareDumpDir(file)).rejects.toBeInstanceOf(Error);
    const dumper = createDumper(file);
    await expect(dumper({ method: 'GET', path: '/user', query: {}, version: null, status: 200, body: '{}' })).rejects.toBeInstanceOf(LocalError);
  });

  it('gives every run its own sub-directory', async () => {
    const first = await prepareDumpDir(root);
    const second = await prepareDumpDir(root);
    expect(first).not.toBe(second);
    expect((await readdir(root)).sort()).toEqual([path.basename(first), path.basename(second)].sort());
  });
});

describe('createDumper', () => {
  const record = (status: number, body = '{}'): DumpRecord => ({ method: 'GET', path: '/user', query: {}, version: '2018-01-01', status, body });

  it('creates nothing before the first answer', async () => {
    const dumper = createDumper(root);
    expect(dumper.dir()).toBeUndefined();
    expect(await readdir(root)).toEqual([]);
    await dumper(record(200));
    expect(path.dirname(dumper.dir() ?? '')).toBe(root);
  });

  it('never overwrites an existing file, nor follows a planted symlink', async () => {
    const dumper = createDumper(root);
    await dumper(record(200));
    const dir = dumper.dir() ?? '';
    expect(await readdir(dir)).toEqual(['001-get-user.json']);
    await writeFile(path.join(dir, '002-get-user.json'), 'planted');
    const outside = path.join(root, 'outside.txt');
    await writeFile(outside, 'precious');
    if (posix) await symlink(outside, path.join(dir, '003-get-user.json'));

    const error = await dumper(record(201)).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(LocalError);
    expect((error as LocalError).message).toBe(`Cannot save the answer in ${root}: a file of that name is already there.`);
    if (posix) await expect(dumper(record(202))).rejects.toBeInstanceOf(LocalError);
    expect(await readFile(path.join(dir, '002-get-user.json'), 'utf8')).toBe('planted');
    expect(await readFile(outside, 'utf8')).toBe('precious');
    // The next answer gets the next number, in a file of its own.
    await dumper(record(203));
    expect(await readJson(path.join(dir, posix ? '004-get-user.json' : '003-get-user.json'))).toMatchObject({ status: 203 });
  });

  it('keeps a non-JSON body as a (redacted) string and an empty body as null', async () => {
    const dumper = createDumper(root);
    await dumper(record(400, 'This is an SSL-only API. client_secret=abc123'));
    await dumper(record(404, ''));
    const dir = dumper.dir() ?? '';
    expect((await readJson(path.join(dir, '001-get-user.json'))).body).toBe('This is an SSL-only API. client_secret=[redacted]');
    expect((await readJson(path.join(dir, '002-get-user.json'))).body).toBeNull();
  });
});

describe('dumpFileName', () => {
  it('numbers the answers and names them after the path', () => {
    const id = '0b7c1d1e-8f2a-4c55-9e0f-3a1b2c3d4e5f';
    expect(dumpFileName(7, 'GET', `/providers/employers/${id}/users`)).toBe(`007-get-providers-employers-${id}-users.json`);
    expect(dumpFileName(12, 'GET', '/a b/../c%2F')).toBe('012-get-a-b-..-c-2F.json');
    expect(dumpFileName(1, 'GET', '/')).toBe('001-get-root.json');
  });
});
