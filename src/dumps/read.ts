/**
 * Reading a recorded `verify --dump` run (README "Recording a dump"; format 1 of src/loket/dump.ts),
 * shared by the replay server (src/sandbox/replay.ts) and `dump check` (./check.ts).
 *
 * A dump directory is the `loket-dump-…` directory of one run: numbered answer files
 * (`NNN-<method>-<path>.json`), and since `verify --dump` writes it, `verdicts.json`. Its parent is
 * accepted too when it holds exactly one such run, because that is the directory the user named
 * with `--dump`. Other files (a fixture's README.md and fixture.json) are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { LocalError, UsageError } from '../errors.js';
import { fileProblem, jsonProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';
import { DUMP_FORMAT, RUN_DIR_PREFIX, VERDICTS_FILE } from '../loket/dump.js';
import { ownRecord } from '../store/schema.js';

export { VERDICTS_FILE };
/** `001-get-providers-employers.json`: the number is the order in which the answers arrived. */
const ANSWER_FILE = /^(\d+)-[^/\\]*\.json$/;

const scalar = v.union([v.string(), v.number(), v.boolean()]);
const startsWithSlash = v.pipe(v.string(), v.startsWith('/'));

/** Fields are only ever added within a format (unknown ones are dropped here); a new layout bumps `format`. */
const answerFile = v.object({
  format: v.literal(DUMP_FORMAT),
  request: v.object({
    method: v.pipe(v.string(), v.minLength(1)),
    path: startsWithSlash,
    urlPath: v.optional(startsWithSlash),
    // Keys as recorded, `__proto__` too (ownRecord: valibot's v.record would skip it).
    query: v.optional(ownRecord(scalar), () => ({})),
    acceptVersion: v.nullable(v.string()),
  }),
  status: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599)),
  resourceVersion: v.optional(v.nullable(v.string()), null),
  body: v.unknown(),
});

export interface DumpEntry {
  /** The file name inside the dump directory. */
  file: string;
  sequence: number;
  method: string;
  /** Below the API base, as the client asked for it. */
  path: string;
  /** The URL's whole path as sent, when recorded (shows the `/v2` or `/v2/v2` form). */
  urlPath?: string;
  query: Record<string, string | number | boolean>;
  acceptVersion: string | null;
  status: number;
  resourceVersion: string | null;
  /** JSON as recorded (redacted); a string for a body that was not JSON; null for none. */
  body: unknown;
}

export interface Dump {
  dir: string;
  entries: DumpEntry[];
  /** `verdicts.json` (the verify document of the recorded run), when present. */
  verdicts?: unknown;
}

const isAnswerFile = (name: string): boolean => ANSWER_FILE.test(name);

function readDirNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(t('dumps.read.notFound', { dir }), { hint: t('dumps.read.hint') });
    throw new LocalError(t('dumps.read.unreadable', { dir, reason: fileProblem(code) }));
  }
}

/** The run directory to read: `dir` itself when it holds answer files, else its one `loket-dump-…` sub-directory. */
export function resolveDumpDir(dir: string): string {
  const absolute = path.resolve(dir);
  const names = readDirNames(absolute);
  if (names.some(isAnswerFile)) return absolute;
  const runs = names.filter((name) => name.startsWith(RUN_DIR_PREFIX) && fs.statSync(path.join(absolute, name), { throwIfNoEntry: false })?.isDirectory());
  if (runs.length === 1) return path.join(absolute, runs[0] as string);
  if (runs.length > 1) throw new UsageError(t('dumps.read.severalRuns', { dir: absolute, count: runs.length }), { hint: t('dumps.read.severalRunsHint') });
  throw new UsageError(t('dumps.read.empty', { dir: absolute }), { hint: t('dumps.read.hint') });
}

/** The answer files of a run directory, in recorded order. */
function answerFiles(dir: string): string[] {
  return readDirNames(dir)
    .filter(isAnswerFile)
    .sort((a, b) => sequenceOf(a) - sequenceOf(b) || a.localeCompare(b));
}

const sequenceOf = (name: string): number => Number(ANSWER_FILE.exec(name)?.[1] ?? Number.NaN);

function readJsonFile(file: string, display: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new LocalError(t('dumps.read.unreadable', { dir: display, reason: fileProblem((error as NodeJS.ErrnoException).code) }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(t('dumps.read.notJson', { file: display, reason: jsonProblem(text) ?? '' }), { hint: t('dumps.read.hint') });
  }
}

/** Reads and validates every answer file; a file of another format or shape stops with its name and the field. */
export function readDump(dir: string): Dump {
  const runDir = resolveDumpDir(dir);
  const entries = answerFiles(runDir).map((file): DumpEntry => {
    const display = path.join(runDir, file);
    const raw = readJsonFile(display, display);
    const format = (raw as { format?: unknown } | null)?.format;
    if (format !== DUMP_FORMAT) {
      throw new UsageError(t('dumps.read.format', { file: display, format: JSON.stringify(format ?? null), supported: DUMP_FORMAT }), {
        hint: t('dumps.read.formatHint'),
      });
    }
    const parsed = v.safeParse(answerFile, raw);
    if (!parsed.success) {
      const field = v.getDotPath(parsed.issues[0]) || '(root)';
      throw new UsageError(t('dumps.read.invalid', { file: display, field }), { hint: t('dumps.read.hint') });
    }
    const { request, status, resourceVersion, body } = parsed.output;
    return {
      file,
      sequence: sequenceOf(file),
      method: request.method.toUpperCase(),
      path: request.path,
      ...(request.urlPath !== undefined ? { urlPath: request.urlPath } : {}),
      query: request.query,
      acceptVersion: request.acceptVersion,
      status,
      resourceVersion,
      body: body ?? null,
    };
  });
  if (entries.length === 0) throw new UsageError(t('dumps.read.empty', { dir: runDir }), { hint: t('dumps.read.hint') });
  const verdictsFile = path.join(runDir, VERDICTS_FILE);
  const verdicts = fs.existsSync(verdictsFile) ? readJsonFile(verdictsFile, verdictsFile) : undefined;
  return { dir: runDir, entries, ...(verdicts !== undefined ? { verdicts } : {}) };
}

/**
 * The URL path an answer was recorded for: `urlPath` when it has the API's `/v2` (so the `/v2/v2`
 * fallback of loket-api.md §2 replays as it happened), else `/v2` + `path` (dumps recorded against
 * a custom `--api-url` with another prefix, or written without `urlPath`).
 */
export function recordedUrlPath(entry: Pick<DumpEntry, 'path' | 'urlPath'>): string {
  if (entry.urlPath !== undefined && /^\/v2(\/|$)/i.test(entry.urlPath)) return entry.urlPath;
  return `/v2${entry.path}`;
}

/** Percent-decoded, without trailing slashes, lower-case: Loket's paths (and UUIDs) are case-insensitive. */
function normalisePath(urlPath: string): string {
  let decoded = urlPath;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // A malformed escape is compared as it was sent.
  }
  return decoded.replace(/\/+$/, '').toLowerCase() || '/';
}

/** Order-insensitive, values compared as strings (a recording keeps `pageNumber: 1` as a number). */
export function normaliseQuery(query: Record<string, unknown> | URLSearchParams): string {
  const pairs: [string, string][] = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query).map(([key, value]) => [key, String(value)]);
  return pairs
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** The Accept header's `version=` parameter, or null (none: Loket's newest). */
export function acceptVersionOf(accept: string | undefined): string | null {
  const found = /;\s*version\s*=\s*"?([^;,"\s]*)"?/i.exec(accept ?? '');
  return found?.[1] ? found[1] : null;
}

/** What identifies a recorded request, apart from its Accept version. */
export function requestKey(method: string, urlPath: string, query: Record<string, unknown> | URLSearchParams): string {
  return `${method.toUpperCase()} ${normalisePath(urlPath)}?${normaliseQuery(query)}`;
}

const versionKey = (version: string | null): string => (version === null ? '' : version.toLowerCase());

export interface DumpIndex {
  /**
   * The recordings of one request in recorded order: those with the same Accept version when the
   * request was recorded with several versions, else all of them. Undefined: not recorded (or only
   * with other versions).
   */
  lookup(method: string, urlPath: string, query: Record<string, unknown> | URLSearchParams, version: string | null): DumpEntry[] | undefined;
}

export function indexDump(entries: readonly DumpEntry[]): DumpIndex {
  const byRequest = new Map<string, Map<string, DumpEntry[]>>();
  for (const entry of entries) {
    const key = requestKey(entry.method, recordedUrlPath(entry), entry.query);
    const versions = byRequest.get(key) ?? new Map<string, DumpEntry[]>();
    byRequest.set(key, versions);
    const version = versionKey(entry.acceptVersion);
    versions.set(version, [...(versions.get(version) ?? []), entry]);
  }
  return {
    lookup(method, urlPath, query, version) {
      const versions = byRequest.get(requestKey(method, urlPath, query));
      if (!versions) return undefined;
      const exact = versions.get(versionKey(version));
      if (exact) return exact;
      // Only one version recorded: the version sent is not what the recording is about.
      return versions.size === 1 ? [...versions.values()][0] : undefined;
    },
  };
}
