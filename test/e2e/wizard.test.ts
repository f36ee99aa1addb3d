import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';

describe('built CLI: the wizard and `step <n>`', () => {
  let dir: ReturnType<typeof tempDir>;
  let allGood: SandboxHandle;
  beforeAll(async () => {
    allGood = await startSandbox({ scenario: 'all-good' });
  });
  afterAll(async () => allGood.close());
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  /** A Loket.nl where everything is in order: the simulator's all-good office, reached like a real API. */
  const loket = () => ({ LOKET_API_URL: allGood.apiUrl, LOKET_AUTH_URL: allGood.authUrl, LOKET_ACCESS_TOKEN: allGood.accessToken });

  it('runs all five steps unattended from an empty config with examples/answers.json', async () => {
    const run = await runCli(['--answers', EXAMPLE, '--json'], dir.path, { env: loket() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.steps).toEqual({ '1': 'done', '2': 'done', '3': 'done', '4': 'done', '5': 'done' });
    expect(doc.results).toHaveLength(5);
    expect(doc.next).toBeNull();

    const status = await runCli(['status', '--json'], dir.path);
    expect(status.code).toBe(0);
    expect(Object.values(JSON.parse(status.stdout).steps)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('--sandbox (default scenario) with the example answers walks all five steps, warning about the shared team', async () => {
    const run = await runCli(['--sandbox', '--answers', EXAMPLE], dir.path);
    expect(run.code).toBe(0);
    for (const n of [1, 2, 3, 4, 5]) expect(run.stderr).toContain(`Stap ${n} van 5`);
    expect(run.stderr).toContain('Webservice#01 gevonden bij de gebruikers van de provider');
    expect(run.stderr).toContain('één apart team per webservicepartij');
    expect(run.stderr).toContain('Bevestiging van Loket.nl vastgelegd (ticket LKT-2026-10501, door Jan de Vries)');
    expect(run.stdout).toContain('● 5. Aanmelden werkgevers');
    const status = JSON.parse((await runCli(['--sandbox', 'status', '--json'], dir.path)).stdout);
    expect(status.steps).toEqual({ '1': 'done', '2': 'done', '3': 'done', '4': 'done', '5': 'done' });
  });

  it("--sandbox without Loket's reply to the autorisatie ticket: stops at step 3 with the ticket, exit 1", async () => {
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    delete answers.authorization;
    const file = join(dir.path, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    const run = await runCli(['--sandbox', '--answers', file], dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Stap 3 van 5 — Gegevens instellen');
    expect(run.stdout).toContain('Onderwerp: Verzoek bevestiging autorisatie webservicepartij Benefits-Plaza');
    expect(run.stdout).toContain('voor webservicegebruiker Webservice#01');
    expect(run.stdout).toContain('◐ 3. Gegevens instellen');
    const status = JSON.parse((await runCli(['--sandbox', 'status', '--json'], dir.path)).stdout);
    expect(status.steps).toEqual({ '1': 'done', '2': 'done', '3': 'in-progress', '4': 'todo', '5': 'todo' });
  });

  it('missing inputs: exit 2 listing every one with its flag, and nothing written', async () => {
    const run = await runCli(['--sandbox', '--non-interactive'], dir.path);
    expect(run.code).toBe(2);
    for (const flag of [
      '--office-name',
      '--contact-name',
      '--contact-email',
      '--contact-phone',
      '--webservice-user',
      '--route',
      '--asr-company-name',
      '--asr-email',
      '--asr-username',
      '--omgevingscode',
    ]) {
      expect(run.stderr).toContain(flag);
    }
    expect(run.stderr).toContain('office.email');
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });

  it('an invalid loonheffingennummer key in the answers file is exit 2 naming it, before anything runs', async () => {
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, JSON.stringify({ employers: { '123456789L01': { status: 'requested' } } }));
    const run = await runCli(['--sandbox', '--answers', answers], dir.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('employers.123456789L01');
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });

  it('resumes: after `step 1` alone, the wizard continues at step 2', async () => {
    const first = await runCli(['step', '1', '--answers', EXAMPLE], dir.path, { env: loket() });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Stap 1 van 5');
    const saved = JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8'));
    expect(saved.profiles.default.steps['1'].state).toBe('done');

    const rest = await runCli(['--answers', EXAMPLE], dir.path, { env: loket() });
    expect(rest.code).toBe(0);
    expect(rest.stderr).not.toContain('Stap 1 van 5');
    expect(rest.stderr).toContain('Stap 2 van 5');
    expect(rest.stderr).toContain('Stap 5 van 5');
  });

  it('`step <n>` rejects a step that does not exist (exit 2) and exits 1 when the step is not done', async () => {
    const bad = await runCli(['step', '6'], dir.path);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"6"');
    const gated = await runCli(['step', '5', '--json'], dir.path, { env: loket() });
    expect(gated.code).toBe(1);
    expect(JSON.parse(gated.stdout).results[0]).toMatchObject({ step: '5', state: 'todo' });
  });
});
