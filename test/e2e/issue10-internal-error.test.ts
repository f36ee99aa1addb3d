/**
 * An error the tool did not expect is a bug (issue 10, item 11): exit 70, never 1 (drift) or 2, with
 * "please report" and the --debug hint, in the user's language, and in --json the error document.
 * The bug is planted from outside, as a real one would surface: a module loaded before the CLI
 * (NODE_OPTIONS=--import) makes a built-in the tool relies on throw.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: ReturnType<typeof tempDir>;
let env: Record<string, string>;
beforeEach(() => {
  dir = tempDir();
  const bug = join(dir.path, 'bug.mjs');
  // Object.freeze is how the progress store hands out a profile: every command that reads one fails.
  writeFileSync(bug, "Object.freeze = () => { throw new TypeError('simulated bug'); };\n");
  env = { NODE_OPTIONS: `--import=${bug}` };
});
afterEach(() => dir.remove());

describe('an unexpected error: exit 70 and how to report it', () => {
  it('Dutch: "Interne fout", "Meld dit alsjeblieft" and --debug; no stack without --debug', async () => {
    const r = await runCli(['status'], dir.path, { env });
    expect(r.code, r.stderr).toBe(70);
    expect(r.stderr).toContain('Fout: Interne fout (een fout in loket-asr-setup zelf): simulated bug');
    expect(r.stderr).toContain('Meld dit alsjeblieft (README, "Een fout melden")');
    expect(r.stderr).toContain('--debug');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(['status', '--debug'], dir.path, { env });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/TypeError: simulated bug\n\s+at /);
  });

  it('English, and --json: the error document says 70', async () => {
    const english = await runCli(['status', '--lang', 'en'], dir.path, { env });
    expect(english.code).toBe(70);
    expect(english.stderr).toContain('Internal error (a bug in loket-asr-setup itself): simulated bug');
    expect(english.stderr).toContain('Please report it');
    const json = await runCli(['status', '--json'], dir.path, { env });
    expect(json.code).toBe(70);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { exitCode: 70 } });
  });
});
