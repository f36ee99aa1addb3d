/**
 * Options the program also knows (the wizard's answer flags, --allow-unverifiable) are parsed by
 * commander at the program level; commands must still see them when typed after the command name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('option placement', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'all-good' });
    // One employer unverifiable: only --allow-unverifiable makes the run pass.
    let unverifiable: string | undefined;
    sandbox.setOverride('E6', ({ employerId }) => {
      unverifiable ??= employerId;
      return employerId === unverifiable ? { status: 404, body: { errors: [{ message: 'niet beschikbaar' }] } } : undefined;
    });
  });
  afterAll(() => sandbox.close());

  it.each([
    ['after the command', ['verify', '--json', '--webservice-user', 'Webservice#01', '--allow-unverifiable']],
    ['before the command', ['--webservice-user', 'Webservice#01', '--allow-unverifiable', 'verify', '--json']],
  ])('verify sees --webservice-user and --allow-unverifiable %s', async (_where, args) => {
    const dir = tempDir();
    try {
      const r = await runCli([...args, '--api-url', sandbox.apiUrl], dir.path, { env: { LOKET_ACCESS_TOKEN: sandbox.accessToken } });
      const doc = JSON.parse(r.stdout);
      expect(doc.webserviceUser).toBe('Webservice#01');
      expect(doc.allowUnverifiable).toBe(true);
      expect(doc.summary.unverifiable).toBe(1);
      expect(doc.ok).toBe(true);
      expect(r.code).toBe(0);
    } finally {
      dir.remove();
    }
  });
});
