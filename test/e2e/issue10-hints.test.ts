/**
 * Hints that work (issue 10, item 2): the "Volgende:" line names the command with the options of
 * this run — the profile, the API the run talked to, the simulator — and that command, typed as
 * printed, continues the same set-up instead of landing in an empty profile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: ReturnType<typeof tempDir>;
let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'all-good' });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** Step 1 sent but not answered yet: it waits on Loket.nl, and its hint says how to go on. */
function answersFile(): string {
  const file = join(dir.path, 'answers.json');
  const office = { name: 'Kantoor B', contactName: 'Bea Bos', email: 'bea@kantoorb.example', phone: '0201234567' };
  writeFileSync(file, JSON.stringify({ office, tickets: { webservicepartij: { sentAt: '2020-10-05' } } }));
  return file;
}

/** The command of the "Volgende:" line, as words (none of them holds a space here). */
function nextCommand(stdout: string): string[] {
  const line = /^Volgende: stap 1 — .*\((loket-asr-setup [^)]*)\)$/m.exec(stdout);
  expect(line, stdout).not.toBeNull();
  return line![1]!.split(' ');
}

const steps = (configDir: string, profile: string) => JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')).profiles[profile]?.steps;

describe('the next command carries the options of the run, and runs as printed', () => {
  it('--profile and --api-url/--auth-url: the printed command continues the same profile at the same Loket.nl', async () => {
    const env = { LOKET_ACCESS_TOKEN: sandbox.accessToken };
    const options = ['--profile', 'kantoor-b', '--api-url', sandbox.apiUrl, '--auth-url', sandbox.authUrl];
    const first = await runCli([...options, 'step', '1', '--answers', answersFile()], dir.path, { env });
    expect(first.code, first.stderr).toBe(1);
    const command = nextCommand(first.stdout);
    expect(command.join(' ')).toBe(`loket-asr-setup --profile kantoor-b --api-url ${sandbox.apiUrl} --auth-url ${sandbox.authUrl} step 1`);

    // Loket.nl answered: the command as printed, with the flag the hint names.
    const again = await runCli([...command.slice(1), '--webservicepartij-added', '2020-10-12'], dir.path, { env });
    expect(again.code, again.stderr).toBe(0);
    expect(steps(dir.path, 'kantoor-b')['1'].state).toBe('done');
    expect(steps(dir.path, 'default')).toBeUndefined();
  });

  it('--sandbox: the printed command keeps --sandbox, so it finds the simulator profile (not an empty one, exit 2)', async () => {
    const first = await runCli(['--sandbox', 'step', '1', '--answers', answersFile()], dir.path);
    expect(first.code, first.stderr).toBe(1);
    const command = nextCommand(first.stdout);
    expect(command.join(' ')).toBe('loket-asr-setup --sandbox step 1');
    const again = await runCli([...command.slice(1), '--webservicepartij-added', '2020-10-12'], dir.path);
    expect(again.code, again.stderr).toBe(0);
    expect(steps(dir.path, 'sandbox')['1'].state).toBe('done');
  });
});
