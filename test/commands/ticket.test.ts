import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run as ticket } from '../../src/cli/commands/ticket.js';
import { run as verify } from '../../src/cli/commands/verify.js';
import { UsageError } from '../../src/errors.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { openStore, type Profile } from '../../src/store/index.js';
import { tempDir } from '../helpers/cli.js';
import { runCommand } from './helpers.js';

function seed(dir: string, mutate: (draft: Profile) => void): void {
  const store = openStore({ dir, profile: 'default', lock: true, warn: () => {} });
  store.update(mutate);
  store.close();
}

const OFFICE = (draft: Profile) => {
  draft.office = { name: 'Administratiekantoor Jansen', contactName: 'Petra Jansen', email: 'petra@jansen.example', phone: '0201234567' };
  draft.webserviceUser = 'Webservice#01';
};

describe('ticket (command function)', () => {
  let sandbox: SandboxHandle;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'default' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('an unknown kind is a usage error listing the kinds', async () => {
    const r = await runCommand(ticket, ['pensioen'], { dir: dir.path });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toContain('webservicepartij, omgevingscode, autorisatie');
  });

  it('missing facts: a usage error naming each one and where it is filled in; nothing recorded', async () => {
    const r = await runCommand(ticket, ['webservicepartij'], { dir: dir.path });
    expect(r.error).toBeInstanceOf(UsageError);
    const error = r.error as UsageError;
    expect(error.message).toContain('office.name');
    expect(error.message).toContain('office.contactName');
    expect(error.message).toContain('office.email');
    expect(error.hint).toContain('loket-asr-setup step 1');
    expect(r.profile.tickets.webservicepartij).toBeUndefined();

    seed(dir.path, (d) => {
      d.office.name = 'Administratiekantoor Jansen';
    });
    const partly = await runCommand(ticket, ['webservicepartij'], { dir: dir.path });
    expect((partly.error as Error).message).not.toContain('office.name');
    expect((partly.error as Error).message).toContain('office.email');
    expect((await runCommand(ticket, ['omgevingscode'], { dir: dir.path })).error).toBeUndefined();
  });

  it('prints the ticket with the facts, records generatedAt, and gives the same text every time', async () => {
    seed(dir.path, OFFICE);
    const first = await runCommand(ticket, ['webservicepartij'], { dir: dir.path });
    expect(first.error).toBeUndefined();
    for (const fact of ['Administratiekantoor Jansen', 'Petra Jansen', 'petra@jansen.example']) expect(first.stdout).toContain(fact);
    expect(first.profile.tickets.webservicepartij?.generatedAt).toBeDefined();
    const again = await runCommand(ticket, ['webservicepartij'], { dir: dir.path });
    expect(again.stdout).toBe(first.stdout);
  });

  it('--json gives {kind, lang, subject, body}; --lang en gives English', async () => {
    seed(dir.path, OFFICE);
    const r = await runCommand(ticket, ['omgevingscode'], { dir: dir.path, json: true, lang: 'en' });
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['kind', 'lang', 'subject', 'body']);
    expect(doc).toMatchObject({ kind: 'omgevingscode', lang: 'en' });
    expect(doc.body).toContain('Administratiekantoor Jansen');
    const nl = await runCommand(ticket, ['omgevingscode'], { dir: dir.path, json: true });
    expect(JSON.parse(nl.stdout).subject).not.toBe(doc.subject);
  });

  it('--out writes the file and says where instead of printing', async () => {
    seed(dir.path, OFFICE);
    const file = join(dir.path, 'ticket.txt');
    const r = await runCommand(ticket, ['omgevingscode'], { dir: dir.path, local: { out: file } });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toContain('Administratiekantoor Jansen');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o644);

    const bad = await runCommand(ticket, ['omgevingscode'], { dir: dir.path, local: { out: join(dir.path, 'no-such-dir', 'x.txt') } });
    expect((bad.error as { exitCode?: number }).exitCode).toBe(5);
    expect(existsSync(join(dir.path, 'no-such-dir'))).toBe(false);
  });

  it('autorisatie without stored checks runs them, lists the employers missing an entity and keeps the checks', async () => {
    seed(dir.path, OFFICE);
    const r = await runCommand(ticket, ['autorisatie'], { dir: dir.path, sandbox });
    expect(r.error).toBeUndefined();
    expect(r.requests).toBeGreaterThan(sandbox.employerCount);
    const missing = Object.values(r.profile.employers).filter((e) => e.lastCheck?.entities.verlof === 'fail');
    expect(missing.length).toBeGreaterThan(0);
    for (const employer of missing) expect(r.stdout).toContain(`${employer.employerNumber}`);
    expect(r.stdout).toContain('Webservice#01');

    // The second time the stored checks are used: no network at all.
    const again = await runCommand(ticket, ['autorisatie'], { dir: dir.path, sandbox });
    expect(again.requests).toBe(0);
    expect(again.stdout).toBe(r.stdout);
  });

  it('autorisatie with nothing missing says so and exits 0 without a ticket', async () => {
    const good = await startSandbox({ scenario: 'all-good' });
    try {
      seed(dir.path, OFFICE);
      await runCommand(verify, [], { dir: dir.path, sandbox: good });
      const r = await runCommand(ticket, ['autorisatie'], { dir: dir.path, sandbox: good });
      expect(r.error).toBeUndefined();
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('geen autorisaties');
      const doc = JSON.parse((await runCommand(ticket, ['autorisatie'], { dir: dir.path, json: true })).stdout);
      expect(doc).toMatchObject({ kind: 'autorisatie', subject: null, body: null });
    } finally {
      await good.close();
    }
  });

  it('autorisatie without checks and without a webservice user names where to give one', async () => {
    const r = await runCommand(ticket, ['autorisatie'], { dir: dir.path, sandbox });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as UsageError).hint).toContain('LOKET_WEBSERVICE_USER');
  });
});
