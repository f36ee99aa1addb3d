/** The three tickets from the built CLI, in Dutch and English, with facts set through `config set`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';

const FACTS = {
  'office.name': 'Administratiekantoor Jansen & Zn',
  'office.contactName': 'Petra Jansen',
  'office.email': 'petra@jansen.example',
  webserviceUser: 'Webservice#01',
};

describe('built CLI: tickets', () => {
  let sandbox: SandboxHandle;
  let dir: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'default' });
    dir = tempDir();
    env = { LOKET_ACCESS_TOKEN: sandbox.accessToken };
    for (const [key, value] of Object.entries(FACTS)) {
      const r = await runCli(['config', 'set', key, value], dir.path);
      expect(r.code).toBe(0);
    }
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  const ticket = (kind: string, lang: string, extra: string[] = []) =>
    runCli(['ticket', kind, '--lang', lang, '--api-url', sandbox.apiUrl, ...extra], dir.path, { env });

  for (const lang of ['nl', 'en']) {
    it(`webservicepartij (${lang}) carries the office, the contact and the e-mail address`, async () => {
      const r = await ticket('webservicepartij', lang);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(lang === 'nl' ? /^Onderwerp: / : /^Subject: /);
      for (const value of [FACTS['office.name'], FACTS['office.contactName'], FACTS['office.email']]) expect(r.stdout).toContain(value);
      expect(r.stdout + r.stderr).not.toContain(sandbox.accessToken);
    });

    it(`omgevingscode (${lang}) names the office`, async () => {
      const r = await ticket('omgevingscode', lang, ['--json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({ kind: 'omgevingscode', lang });
      expect(`${doc.subject}\n${doc.body}`).toContain(FACTS['office.name']);
      expect(r.stdout + r.stderr).not.toContain(sandbox.accessToken);
    });

    it(`autorisatie (${lang}) asks Loket to confirm Benefits-Plaza's access for the office and the webservice user`, async () => {
      await runCli(['verify', '--api-url', sandbox.apiUrl], dir.path, { env });
      const r = await ticket('autorisatie', lang);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Webservice#01');
      expect(r.stdout).toMatch(/werkgever.*persoon.*verlof/);
      expect(r.stdout).toContain(FACTS['office.name']);
      // The employers the check showed linked, for reference: ten of them.
      const listed = r.stdout.split('\n').filter((line) => /^- .*\((werkgevernummer|employer number) \d+\)$/.test(line));
      expect(listed).toHaveLength(10);
      expect(r.stdout + r.stderr).not.toContain(sandbox.accessToken);
    });
  }

  it('the same facts give the same text; --out writes it; nothing on disk holds the token', async () => {
    const first = await ticket('webservicepartij', 'nl');
    const second = await ticket('webservicepartij', 'nl');
    expect(second.stdout).toBe(first.stdout);
    const file = join(dir.path, 'webservicepartij.txt');
    const written = await ticket('webservicepartij', 'nl', ['--out', file]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(first.stdout);
    for (const name of readdirSync(dir.path)) expect(readFileSync(join(dir.path, name), 'utf8')).not.toContain(sandbox.accessToken);
  });

  it('--copy without a clipboard program: a warning, and the text still on stdout', async () => {
    const r = await runCli(['ticket', 'omgevingscode', '--copy'], dir.path, { env: { PATH: join(dir.path, 'empty-path') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Let op: .*klembord/);
    expect(r.stdout).toContain(FACTS['office.name']);
  });

  it('an unknown kind exits 2 listing the kinds; missing facts exit 2 naming the config key', async () => {
    const unknown = await runCli(['ticket', 'pensioen'], dir.path);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('webservicepartij, omgevingscode, autorisatie');
    const empty = tempDir();
    try {
      const missing = await runCli(['ticket', 'webservicepartij'], empty.path);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('office.name');
      expect(missing.stderr).toContain('loket-asr-setup step 1');
    } finally {
      empty.remove();
    }
  });
});

describe('built CLI: step 3 on a fresh profile (issue 10, item 3)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('prints the omgevingscode ticket only with every fact: the office from Loket, the contact given now; the autorisatie ticket says what is missing', async () => {
    const bare = await runCli(['--sandbox', 'step', '3', '--route', 'ak-team'], dir.path);
    // A confirmation needs a person, so the preflight asks for the contact first.
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--contact-name');

    const r = await runCli(['--sandbox', 'step', '3', '--route', 'ak-team', '--contact-name', 'Jan de Vries'], dir.path);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Onderwerp: Vraag: welke omgevingscode geldt voor Administratiekantoor De Vries & Partners \(fictief\)\?/);
    expect(r.stdout).toMatch(/Met vriendelijke groet,\nJan de Vries\nAdministratiekantoor De Vries & Partners \(fictief\)/);
    // No ticket with a hole in it: the autorisatie ticket needs the webservice user's name.
    expect(r.stdout.match(/^Onderwerp:/gm)).toHaveLength(1);
    expect(r.stderr).toContain('Het ticket autorisatie kan nog niet worden gemaakt; er ontbreekt: de naam van de webservicegebruiker (--webservice-user');
  });
});
