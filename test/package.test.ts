/**
 * What `npm pack` puts in the tarball (README "Releasing"): the built CLI, the licence notices of
 * everything bundled, and nothing of the sources, tests or source maps. Read with `npm pack
 * --dry-run` on the build of the global setup; nothing is timed.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function packedFiles(): string[] {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    shell: process.platform === 'win32',
  });
  const [info] = JSON.parse(json) as Array<{ files: Array<{ path: string }> }>;
  return info!.files.map((file) => file.path);
}

describe('the packed package', () => {
  it('holds the CLI and THIRD_PARTY_LICENSES, and no sources, tests or source maps', () => {
    const files = packedFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        'THIRD_PARTY_LICENSES',
        'LICENSE',
        'README.md',
        'package.json',
        'bin/loket-asr-setup.js',
        'dist/cli.js',
        'dist/grammar.json',
        'dist/help.nl.json',
        'dist/help.en.json',
      ]),
    );
    expect(files.filter((file) => /\.map$|^src\/|^test\/|^scripts\/|metafile|\.ts$/.test(file))).toEqual([]);
  });
});
