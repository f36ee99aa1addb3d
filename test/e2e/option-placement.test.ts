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
    // The user is in no list; --team makes verify look in that team, and only
    // --allow-unverifiable makes the run pass.
    sandbox = await startSandbox({ scenario: 'hidden-user' });
  });
  afterAll(() => sandbox.close());

  it.each([
    ['after the command', ['verify', '--json', '--employers', 'all', '--webservice-user', 'Webservice#01', '--team', 'Benefits-Plaza', '--allow-unverifiable']],
    [
      'before the command',
      ['--webservice-user', 'Webservice#01', '--team', 'Benefits-Plaza', '--allow-unverifiable', 'verify', '--employers', 'all', '--json'],
    ],
  ])('verify sees --webservice-user, --team and --allow-unverifiable %s', async (_where, args) => {
    const dir = tempDir();
    try {
      const r = await runCli([...args, '--api-url', sandbox.apiUrl], dir.path, { env: { LOKET_ACCESS_TOKEN: sandbox.accessToken } });
      const doc = JSON.parse(r.stdout);
      expect(doc.webserviceUser).toMatchObject({ userName: 'Webservice#01', found: 'unverifiable' });
      expect(doc.allowUnverifiable).toBe(true);
      expect(doc.summary.unverifiable).toBe(12);
      // --team was seen: the named team was looked in.
      expect(doc.teams).toEqual([expect.objectContaining({ description: 'Benefits-Plaza', member: false })]);
      expect(doc.ok).toBe(true);
      expect(r.code).toBe(0);
    } finally {
      dir.remove();
    }
  });
});
