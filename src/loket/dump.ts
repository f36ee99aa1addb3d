/**
 * `verify --dump DIR`: every answer of one run as a file (loket-api.md §7), so the first real run on
 * acceptance can pin each [uncertain] shape. Bodies are redacted before they touch the disk; headers
 * and tokens are never written.
 *
 * Each run writes into a fresh sub-directory of DIR (`loket-dump-<time>-<random>`), created with
 * mode 0700, and every file with an exclusive create: nothing that was already there — a file, or a
 * symlink someone planted — is ever followed, overwritten or chmod-ed. DIR itself must not be a
 * symlink or writable by others.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LocalError } from '../errors.js';
import { fileProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';
import { redact, redactJson } from './redact.js';

/** Bumped when the layout of a dump file changes (README "Recording a dump"). */
export const DUMP_FORMAT = 1;

export interface DumpRecord {
  method: string;
  /** Below the API base, without query string. */
  path: string;
  /** The URL's whole path as sent (shows which `/v2` form was used, loket-api.md §2). */
  urlPath?: string;
  query: Record<string, string | number>;
  /** The Accept version sent; null = none. */
  version: string | null;
  status: number;
  body: string;
}

export interface Dumper {
  (record: DumpRecord): Promise<void>;
  /** The sub-directory of this run (created on the first answer). */
  readonly dir: () => string | undefined;
}

export function createDumper(parent: string): Dumper {
  let count = 0;
  let ready: Promise<string> | undefined;
  let created: string | undefined;
  const fail = (error: unknown): never => {
    if (error instanceof LocalError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new LocalError(t('loket.dump.failed', { dir: parent, reason: fileProblem(typeof code === 'string' ? code : 'EIO', 'write') }), {
      hint: t('loket.dump.failedHint'),
    });
  };
  const dumper = (async (record: DumpRecord) => {
    const sequence = ++count;
    try {
      ready ??= prepareDumpDir(parent).then((dir) => (created = dir));
      const dir = await ready;
      await writeFile(path.join(dir, dumpFileName(sequence, record.method, record.path)), dumpContent(record), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      fail(error);
    }
  }) as Dumper;
  Object.defineProperty(dumper, 'dir', { value: () => created });
  return dumper;
}

/** Next to the answers of a run: its verify document (README "Recording a dump"; src/dumps/read.ts reads it). */
export const VERDICTS_FILE = 'verdicts.json';
/** Each run's sub-directory of the --dump DIR starts with this (`loket-dump-<time>-<random>`); the replay looks for it. */
export const RUN_DIR_PREFIX = 'loket-dump-';

/**
 * `verify --dump` also keeps the verdict of the run it recorded, so the recording is a test: replay
 * the answers and the same document must come out. Written like the answers: exclusive create,
 * 0600, and every string redacted (known tokens, bearer values…). Not by key, as the answers are:
 * the document is the tool's own, and its `authorization` and `stats.refreshes` are no secrets.
 */
export async function writeVerdicts(runDir: string, document: unknown): Promise<string> {
  const file = path.join(runDir, VERDICTS_FILE);
  try {
    await writeFile(file, `${JSON.stringify(redactStrings(document), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new LocalError(t('loket.dump.failed', { dir: runDir, reason: fileProblem(typeof code === 'string' ? code : 'EIO', 'write') }), {
      hint: t('loket.dump.failedHint'),
    });
  }
  return file;
}

/** DIR (created 0700 when missing) must be a real directory nobody else may write to; returns a fresh sub-directory. */
export async function prepareDumpDir(parent: string): Promise<string> {
  await mkdir(parent, { recursive: true, mode: 0o700 });
  const info = await lstat(parent);
  if (info.isSymbolicLink() || !info.isDirectory()) {
    throw new LocalError(t('loket.dump.notADirectory', { dir: parent }), { hint: t('loket.dump.failedHint') });
  }
  // Mode bits mean little on Windows; elsewhere a world-writable directory lets others plant files.
  if (process.platform !== 'win32' && (info.mode & 0o002) !== 0 && (info.mode & 0o1000) === 0) {
    throw new LocalError(t('loket.dump.worldWritable', { dir: parent }), { hint: t('loket.dump.failedHint') });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(parent, `${RUN_DIR_PREFIX}${stamp}-${randomBytes(3).toString('hex')}`);
  // Not recursive: an existing entry of that name is an error, never reused.
  fs.mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/** `NNN-<method>-<path-slug>.json`, numbered in the order the answers arrived. */
export function dumpFileName(sequence: number, method: string, apiPath: string): string {
  const slug =
    apiPath
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'root';
  return `${String(sequence).padStart(3, '0')}-${method.toLowerCase()}-${slug}.json`;
}

/** A body that is not JSON (a proxy's HTML page, a text/plain 400) is kept as a string; no body is null. */
function dumpContent(record: DumpRecord): string {
  let body: unknown = null;
  let resourceVersion: string | null = null;
  if (record.body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(record.body);
      const version = (parsed as { version?: { resourceVersion?: unknown } } | null)?.version?.resourceVersion;
      if (typeof version === 'string') resourceVersion = version;
      body = redactJson(parsed);
    } catch {
      body = redact(record.body);
    }
  }
  const query = redactJson(record.query);
  const document = {
    format: DUMP_FORMAT,
    request: { method: record.method, path: record.path, ...(record.urlPath ? { urlPath: record.urlPath } : {}), query, acceptVersion: record.version },
    status: record.status,
    resourceVersion,
    body,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactStrings);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactStrings(inner)]));
  return value;
}
