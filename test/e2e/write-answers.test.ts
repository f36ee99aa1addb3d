/**
 * `--write-answers <file>` (issue 10, item 2): everything known so far as one answers file, which
 * replays to the same progress on a fresh machine — the answers file is the office's portable record.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';

/** The sandbox profile as saved, without what only says when this machine did something. */
function progress(configDir: string): Record<string, unknown> {
  const root = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8'));
  const profile = root.profiles.sandbox;
  for (const step of Object.values(profile.steps) as Array<Record<string, unknown>>) {
    delete step.updatedAt;
    delete step.completedAt;
  }
  for (const ticket of Object.values(profile.tickets) as Array<Record<string, unknown>>) delete ticket.generatedAt;
  for (const confirmation of profile.confirmations) if (confirmation.subject !== 'authorization') delete confirmation.at;
  for (const employer of Object.values(profile.employers) as Array<Record<string, any>>) {
    delete employer.lastCheck;
    for (const entry of employer.history) delete entry.at;
  }
  delete profile.webserviceUserFound;
  delete profile.lastVerify;
  return profile;
}

describe('built CLI: --write-answers', () => {
  let first: ReturnType<typeof tempDir>;
  let fresh: ReturnType<typeof tempDir>;
  beforeEach(() => {
    first = tempDir();
    fresh = tempDir();
  });
  afterEach(() => {
    first.remove();
    fresh.remove();
  });

  it('writes everything known so far (also what commands recorded), 0600, and it replays to the same progress on a fresh machine', async () => {
    expect((await runCli(['--sandbox', '--answers', EXAMPLE], first.path)).code).toBe(0);
    // Recorded outside the answers file: a status set by a command.
    expect((await runCli(['--sandbox', 'employers', 'mark', '20010', 'requested', '--date', '2026-11-30'], first.path)).code).toBe(0);
    const file = join(first.path, 'alles.json');
    const written = await runCli(['--sandbox', 'step', '5', '--write-answers', file], first.path);
    // 20010 waits for its sign-up, so step 5 is not done (exit 1): the file is written all the same.
    expect(written.code).toBe(1);
    expect(written.stderr).toContain(`Alle antwoorden tot nu toe staan in ${file}`);
    expect(written.stderr).toContain(`loket-asr-setup --sandbox step 5 --non-interactive --answers ${file}`);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const answers = JSON.parse(readFileSync(file, 'utf8'));
    expect(answers.employers['20010']).toEqual({ status: 'requested' });
    expect(JSON.stringify(answers)).not.toMatch(/token|secret|password/i);

    const replayed = await runCli(['--sandbox', '--non-interactive', '--answers', file], fresh.path);
    expect(replayed.code).toBe(1);
    expect(progress(fresh.path)).toEqual(progress(first.path));
  });

  it('--json names the file in the run document', async () => {
    const file = join(first.path, 'a.json');
    const r = await runCli(['--sandbox', '--json', '--answers', EXAMPLE, '--write-answers', file], first.path);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).answersFile).toBe(file);
  });
});
