/** Small dumps written by hand, and the fixture directories of test/fixtures/dumps. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/dumps/', import.meta.url));

export interface FixtureMeta {
  scenario: string;
  edit?: string;
  args: string[];
  exitCode: number;
  sameVerdictsAs?: string;
  expect: Record<string, unknown>;
}

/** Every fixture directory (those with a fixture.json). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => readdirSync(join(FIXTURES, name)).includes('fixture.json'))
    .sort();
}

export const readJson = <T = Record<string, any>>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
export const fixtureMeta = (name: string): FixtureMeta => readJson<FixtureMeta>(join(FIXTURES, name, 'fixture.json'));
export const fixtureVerdicts = (name: string) => readJson(join(FIXTURES, name, 'verdicts.json'));

/** What differs between two runs of the same answers: the time, the environment name, the HTTP counts, where the dump went. */
export function withoutVolatile(document: Record<string, any>): Record<string, any> {
  // `changes` compare with the machine's last check (issue 11), not with the recording: not in verdicts.json.
  const { checkedAt: _time, stats: _stats, environment: _environment, dump: _dump, changes: _changes, ...rest } = document;
  return rest;
}

export interface HandAnswer {
  method?: string;
  path: string;
  urlPath?: string;
  query?: Record<string, string | number>;
  acceptVersion?: string | null;
  status?: number;
  body?: unknown;
}

/** Writes answers as a `verify --dump` run would (format 1, numbered in order). */
export function writeDump(dir: string, answers: HandAnswer[], verdicts?: unknown): string {
  mkdirSync(dir, { recursive: true });
  answers.forEach((answer, index) => {
    const record = {
      format: 1,
      request: {
        method: answer.method ?? 'GET',
        path: answer.path,
        ...(answer.urlPath ? { urlPath: answer.urlPath } : {}),
        query: answer.query ?? {},
        acceptVersion: answer.acceptVersion === undefined ? '2018-01-01' : answer.acceptVersion,
      },
      status: answer.status ?? 200,
      resourceVersion: '2018-01-01',
      body: answer.body === undefined ? null : answer.body,
    };
    const slug = answer.path.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'root';
    writeFileSync(join(dir, `${String(index + 1).padStart(3, '0')}-get-${slug}.json`), `${JSON.stringify(record, null, 2)}\n`);
  });
  if (verdicts !== undefined) writeFileSync(join(dir, 'verdicts.json'), JSON.stringify(verdicts));
  return dir;
}

export const list = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  totalSize: items.length,
  pageSize: 250,
  totalPages: items.length ? 1 : 0,
  currentPage: 1,
  version: { obsoleteDate: null, resourceVersion: '2018-01-01' },
  messages: [],
  _embedded: items,
  ...extra,
});
