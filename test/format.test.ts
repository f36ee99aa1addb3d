/**
 * One style for every line (issue 9): the sources are as Prettier writes them with the repository's
 * .prettierrc.json. `npm run format` fixes what this test finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const FORMATTED = /\.(ts|mjs|cjs|js|json)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return FORMATTED.test(entry.name) ? [path] : [];
  });
}

describe('formatting', () => {
  it('every source file is formatted (npm run format)', async () => {
    const candidates = [
      ...['src', 'test', 'scripts', 'bin'].flatMap((dir) => files(join(root, dir))),
      ...readdirSync(root)
        .filter((name) => FORMATTED.test(name))
        .map((name) => join(root, name)),
    ];
    const unformatted: string[] = [];
    for (const file of candidates) {
      const info = await prettier.getFileInfo(file, { ignorePath: join(root, '.prettierignore') });
      if (info.ignored || !info.inferredParser) continue;
      const options = await prettier.resolveConfig(file);
      if (!(await prettier.check(readFileSync(file, 'utf8'), { ...options, filepath: file }))) unformatted.push(relative(root, file));
    }
    expect(unformatted, 'run `npm run format`').toEqual([]);
    // Prettier over the whole tree (fixtures included) takes ~13 s of CPU: on a busy 2-core runner
    // that is more than vitest's 30 s default of wall time.
  }, 180_000);
});
