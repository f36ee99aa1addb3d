import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * End-to-end tests spawn the built CLI: build it once, fresh, before any test runs. The launcher's
 * code caches of this run go to one folder of its own (test/helpers/cli.ts, TEST_COMPILE_CACHE),
 * removed at the end: each build has caches of its own, and none is worth keeping.
 */
export default function setup(): () => void {
  const cache = mkdtempSync(join(tmpdir(), 'loket-asr-setup-tests-compile-cache-'));
  process.env.LOKET_ASR_SETUP_TEST_COMPILE_CACHE = cache;
  const teardown = () => rmSync(cache, { recursive: true, force: true });
  // Unit-test loops while dist/ is known to be fresh: LOKET_ASR_SETUP_TEST_NO_BUILD=1 npx vitest …
  if (process.env.LOKET_ASR_SETUP_TEST_NO_BUILD === '1') return teardown;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/tsup/dist/cli-default.js', import.meta.url))], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return teardown;
}
