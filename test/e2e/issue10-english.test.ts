/**
 * English complete in English mode (issue 10, item 5): the whole wizard, status, employers list and
 * verify with --lang en say nothing of ours in Dutch (the Dutch prompts and help are covered in
 * issue10-walk.test.ts and help.test.ts; the English yes/no question in prompts.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';
import { dutchWords } from '../helpers/dutch.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('--lang en', () => {
  it('the wizard through all five steps, status, employers list and verify: no Dutch word of ours', async () => {
    const runs = [
      await runCli(['--sandbox', '--lang', 'en', '--answers', EXAMPLE], dir.path),
      await runCli(['--sandbox', '--lang', 'en', 'status'], dir.path),
      await runCli(['--sandbox', '--lang', 'en', 'employers', 'list'], dir.path),
      await runCli(['--sandbox', '--lang', 'en', 'verify', '--employers', 'all'], dir.path),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 1]);
    const text = runs.map((r) => r.stdout + r.stderr).join('\n');
    // It is English indeed: the steps and the verdict in English words.
    expect(text).toContain('Step 5 of 5');
    expect(text).toContain('Check failed');
    expect(dutchWords(text)).toEqual([]);
  });
});
