/**
 * The simulator + temp-dir set-up of the suite, in one place: a simulator per file (started once),
 * a fresh config dir per test, and a Loket session on the simulator with its ready token.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { LoketSession } from '../../src/auth/session.js';
import { createLoketClient } from '../../src/loket/client.js';
import { clearSecrets } from '../../src/loket/redact.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/server.js';
import { tempDir } from './cli.js';

/** A Loket session on a running simulator, with its ready token and no waiting between retries. */
export function sandboxSession(handle: SandboxHandle): LoketSession {
  const token = async () => handle.accessToken;
  const client = createLoketClient({ apiUrl: handle.apiUrl, tokens: { getAccessToken: token, refreshAccessToken: token }, retry: { sleep: async () => {} } });
  return {
    client,
    environment: 'sandbox',
    apiUrl: handle.apiUrl,
    authUrl: handle.authUrl,
    tokenOrigin: 'sandbox',
    close: async () => client.close(),
  };
}

export interface SimulatorFixture {
  /** The file's simulator (started in beforeAll). */
  sandbox(): SandboxHandle;
  /** This test's config dir (fresh in beforeEach, removed afterwards). */
  dir(): string;
}

/**
 * Registers the hooks of a test file on a simulator: `scenario` (or any SandboxOptions) once per
 * file, a fresh config dir per test, and secrets registered for redaction cleared after each test.
 * Pass `sandbox: false` for tests that need only the config dir.
 */
export function useSimulator(options: SandboxOptions | false = { scenario: 'default' }): SimulatorFixture {
  let handle: SandboxHandle | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  if (options !== false) {
    beforeAll(async () => {
      handle = await startSandbox(options);
    });
    afterAll(async () => {
      await handle?.close();
    });
  }
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir?.remove();
    clearSecrets();
  });
  return {
    sandbox() {
      if (!handle) throw new Error('this test file has no simulator');
      return handle;
    },
    dir() {
      if (!dir) throw new Error('no config dir outside a test');
      return dir.path;
    },
  };
}
