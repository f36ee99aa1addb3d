/** Shared by the simulator's tests: HTTP against a running sandbox, and the spec fixtures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SandboxHandle } from '../../src/sandbox/server.js';

export const ACCEPT = 'application/json;version=2018-01-01';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface GetOptions {
  /** null: no Authorization header. */
  token?: string | null;
  accept?: string | null;
  method?: string;
}

export async function get<T = any>(handle: SandboxHandle, path: string, options: GetOptions = {}): Promise<Reply<T>> {
  const token = options.token === undefined ? handle.accessToken : options.token;
  const accept = options.accept === undefined ? ACCEPT : options.accept;
  const response = await fetch(`${handle.apiUrl}${path}`, {
    method: options.method ?? 'GET',
    headers: { ...(accept ? { Accept: accept } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: body as T };
}

/** A 200 answer's body; fails the test with the status otherwise. */
export async function ok<T = any>(handle: SandboxHandle, path: string, options?: GetOptions): Promise<T> {
  const reply = await get<T>(handle, path, options);
  if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${reply.text}`);
  return reply.body;
}

/** Every item of a paged list, page by page (pageSize 250). */
export async function all<T = any>(handle: SandboxHandle, path: string): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await ok<{ _embedded: T[]; totalPages: number }>(handle, `${path}${separator}pageNumber=${pageNumber}`);
    items.push(...page._embedded);
    if (pageNumber >= page.totalPages) return items;
  }
}

export interface Fixture {
  id: string;
  request: string;
  status: number;
  source: string;
  notes?: string;
  nullable: string[];
  types: Record<string, string>;
  body: unknown;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/loket-spec/', import.meta.url));

export function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')) as Fixture;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Where `actual` differs in shape from the fixture's body: keys missing or extra, another JSON
 * type, an integer where the fixture has one and actual has a fraction, null where the fixture
 * does not allow it. Arrays: every item against the fixture's first item; an empty fixture array
 * must stay empty.
 */
export function shapeProblems(actual: unknown, spec: Pick<Fixture, 'body' | 'nullable' | 'types'>): string[] {
  const nullable = new Set(spec.nullable);
  const problems: string[] = [];
  const at = (path: string) => path || '(root)';
  function compare(value: unknown, expected: unknown, path: string): void {
    if (expected === null) {
      if (value === null) return;
      const declared = spec.types[path];
      if (declared === undefined) problems.push(`${at(path)}: the fixture has only null, got ${jsonType(value)}`);
      else if (jsonType(value) !== declared) problems.push(`${at(path)}: expected ${declared} or null, got ${jsonType(value)}`);
      return;
    }
    if (value === null) {
      if (!nullable.has(path)) problems.push(`${at(path)}: null, but the spec does not allow null here`);
      return;
    }
    if (jsonType(value) !== jsonType(expected)) {
      problems.push(`${at(path)}: expected ${jsonType(expected)}, got ${jsonType(value)}`);
      return;
    }
    if (typeof expected === 'number' && Number.isInteger(expected) && !Number.isInteger(value)) {
      problems.push(`${at(path)}: expected an integer, got ${String(value)}`);
    }
    if (Array.isArray(expected)) {
      const items = value as unknown[];
      if (expected.length === 0) {
        if (items.length > 0) problems.push(`${at(path)}: expected an empty array, got ${items.length} items`);
        return;
      }
      items.forEach((item) => compare(item, expected[0], `${path}[]`));
      return;
    }
    if (typeof expected === 'object') {
      const want = expected as Record<string, unknown>;
      const got = value as Record<string, unknown>;
      const join = (key: string) => (path ? `${path}.${key}` : key);
      for (const key of Object.keys(want)) if (!(key in got)) problems.push(`${join(key)}: missing`);
      for (const key of Object.keys(got)) if (!(key in want)) problems.push(`${join(key)}: not in the spec`);
      for (const key of Object.keys(want)) if (key in got) compare(got[key], want[key], join(key));
    }
  }
  compare(actual, spec.body, '');
  // Report each path once, however many items share the problem.
  return [...new Set(problems)];
}

/** The 11-proef on the nine digits of a loonheffingennummer (weights 9…2, −1). */
export function elevenProof(wageTaxNumber: string): boolean {
  const match = /^(\d{9})L\d{2}$/.exec(wageTaxNumber);
  if (!match) return false;
  const digits = [...(match[1] as string)].map(Number);
  const sum = digits.reduce((total, digit, i) => total + digit * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}
