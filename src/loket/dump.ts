/**
 * `verify --dump DIR`: every answer body as a file, so the first real run against Loket.nl can replace
 * the [assumed] shapes in schemas.ts with recorded ones. Bodies are redacted before they touch the disk.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LocalError } from '../errors.js';
import { t } from '../i18n/index.js';
import { redact, redactJson } from './redact.js';

export type Dumper = (method: string, apiPath: string, body: string) => Promise<void>;

export function createDumper(dir: string): Dumper {
  let count = 0;
  let ready: Promise<unknown> | undefined;
  return async (method, apiPath, body) => {
    const file = path.join(dir, dumpFileName(++count, method, apiPath));
    try {
      ready ??= mkdir(dir, { recursive: true, mode: 0o700 });
      await ready;
      await writeFile(file, dumpContent(body), { mode: 0o600 });
      // writeFile's mode only applies to new files; an earlier dump in the same directory may be wider.
      await chmod(file, 0o600);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new LocalError(t('loket.dump.failed', { dir, code: typeof code === 'string' ? code : 'EIO' }), {
        hint: t('loket.dump.failedHint'),
      });
    }
  };
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

/** A body that is not JSON (a proxy's HTML page) is kept as a JSON string, so every file parses. */
function dumpContent(body: string): string {
  let value: unknown;
  try {
    value = redactJson(JSON.parse(body));
  } catch {
    value = redact(body);
  }
  return `${JSON.stringify(value, null, 2)}\n`;
}
