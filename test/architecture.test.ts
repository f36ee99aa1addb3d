/** The layers of src/ (README "Layers"): scripts/architecture.mjs, run on the real tree and on known-bad ones. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without declarations
import { checkArchitecture, importGraph } from '../scripts/architecture.mjs';
import { tempDir } from './helpers/cli.js';

const check = checkArchitecture as (srcDir: string) => string[];
const graph = importGraph as (srcDir: string) => Map<string, string[]>;

function tree(files: Record<string, string>): { path: string; remove(): void } {
  const dir = tempDir('loket-asr-setup-arch-');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir.path, file)), { recursive: true });
    writeFileSync(join(dir.path, file), text);
  }
  return dir;
}

describe('architecture', () => {
  it('src/ has no import cycle, nothing outside src/cli/ imports it, and every import follows the table', () => {
    expect(check(join(import.meta.dirname, '..', 'src'))).toEqual([]);
  });

  it('the check sees static, type-only and dynamic imports', () => {
    const dir = tree({
      'cli/main.ts': "import type { A } from '../store/a.js';\nexport const load = () => import('./commands/x.js');\n",
      'cli/commands/x.ts': "import { b } from '../../store/b.js';\nexport { b };\n",
      'store/a.ts': 'export type A = 1;\n',
      'store/b.ts': 'export const b = 1;\n',
    });
    try {
      expect(graph(dir.path).get('cli/main.ts')).toEqual(['store/a.ts', 'cli/commands/x.ts']);
      expect(check(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('reports a cycle (also of types), an import of src/cli/ from below, a command importing a command, and a forbidden area', () => {
    const dir = tree({
      'steps/a.ts': "import type { B } from './b.js';\nexport type A = B;\n",
      'steps/b.ts': "import type { A } from './a.js';\nexport type B = A | 1;\n",
      'loket/client.ts': "import { run } from '../cli/run.js';\nimport { step } from '../steps/a.js';\nexport { run, step };\n",
      'cli/run.ts': 'export const run = 1;\n',
      'cli/commands/one.ts': "import { two } from './two.js';\nexport { two };\n",
      'cli/commands/two.ts': 'export const two = 2;\n',
    });
    try {
      const problems = check(dir.path);
      expect(problems).toEqual(
        expect.arrayContaining([
          'import cycle: steps/a.ts → steps/b.ts',
          'loket/client.ts imports cli/run.ts: nothing outside src/cli/ imports src/cli/',
          'loket/client.ts imports steps/a.ts: loket may not import steps (scripts/architecture.mjs ALLOWED)',
          'cli/commands/one.ts imports cli/commands/two.ts: a command does not import another command',
        ]),
      );
      expect(problems).toHaveLength(4);
    } finally {
      dir.remove();
    }
  });
});
