import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** End-to-end tests spawn the built CLI: build it once, fresh, before any test runs. */
export default function setup(): void {
  // Unit-test loops while dist/ is known to be fresh: LOKET_ASR_SETUP_TEST_NO_BUILD=1 npx vitest …
  if (process.env.LOKET_ASR_SETUP_TEST_NO_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/tsup/dist/cli-default.js', import.meta.url))], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
