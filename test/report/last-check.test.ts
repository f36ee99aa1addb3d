import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepLastCheck, lastCheckPath, loadComparableCheck, loadLastCheck, saveLastCheck } from '../../src/report/last-check.js';
import { tempDir } from '../helpers/cli.js';
import { document, employer, notLinked } from './fixtures.js';

describe('the last check beside the progress file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('one file per profile, mode 0600, read back as written', () => {
    const doc = document([employer(1), notLinked(2)]);
    const file = saveLastCheck(dir.path, 'kantoor-a', doc);
    expect(file).toBe(join(dir.path, 'last-verify.kantoor-a.json'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadLastCheck(dir.path, 'kantoor-a')).toEqual(doc);
    expect(loadComparableCheck(dir.path, 'kantoor-a')?.employers.map((e) => e.linked)).toEqual(['pass', 'fail']);
    expect(loadLastCheck(dir.path, 'kantoor-b')).toBeUndefined();
  });

  it('creates the directory when it is not there yet', () => {
    const nested = join(dir.path, 'new', 'config');
    saveLastCheck(nested, 'default', document([]));
    expect(loadLastCheck(nested, 'default')?.employers).toEqual([]);
  });

  it.each([
    ['not JSON', '{ half'],
    ['some other JSON', '{"hello":"world"}'],
  ])('%s: undefined, never a crash', (_, content) => {
    writeFileSync(lastCheckPath(dir.path, 'default'), content);
    expect(loadLastCheck(dir.path, 'default')).toBeUndefined();
    expect(loadComparableCheck(dir.path, 'default')).toBeUndefined();
  });

  it('a field of the wrong type: no report from it, though the comparison (which does not read it) still can', () => {
    writeFileSync(lastCheckPath(dir.path, 'default'), JSON.stringify({ ...document([employer(1)]), summary: { employers: 'many' } }));
    expect(loadLastCheck(dir.path, 'default')).toBeUndefined();
    expect(loadComparableCheck(dir.path, 'default')?.employers).toHaveLength(1);
  });

  it('keepLastCheck: a store in memory writes nothing; a write that fails is a warning', () => {
    const warnings: string[] = [];
    keepLastCheck({ path: join(dir.path, 'config.json'), profileName: 'default', persistent: false }, document([]), (m) => warnings.push(m));
    expect(loadLastCheck(dir.path, 'default')).toBeUndefined();
    expect(warnings).toEqual([]);

    // A file where the directory should be: the save fails, the run goes on.
    const blocked = join(dir.path, 'blocked');
    writeFileSync(blocked, 'x');
    keepLastCheck({ path: join(blocked, 'config.json'), profileName: 'default', persistent: true }, document([]), (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('last-verify.default.json');
    expect(readFileSync(blocked, 'utf8')).toBe('x');
  });
});
