/**
 * `dump check` (src/dumps/check.ts, src/cli/commands/dump.ts): finds a planted token wherever it
 * is, never prints it, exits 1 for it; lists personal data as a warning; --strip-personal blanks
 * it in place, keeps every shape, and the stripped dump still replays to the same verdicts.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { checkDump, looksRandom, mask, maskLetters, stripPersonal } from '../../src/dumps/check.js';
import { startReplay } from '../../src/sandbox/replay.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { FIXTURES, fixtureMeta, fixtureNames, fixtureVerdicts, readJson, withoutVolatile } from './helpers.js';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => setLang('en'));
beforeEach(() => {
  dir = tempDir('loket-dump-check-');
});
afterEach(() => dir.remove());

const copyFixture = (name: string): string => {
  const target = join(dir.path, name);
  cpSync(join(FIXTURES, name), target, { recursive: true });
  return target;
};
const editJson = (file: string, edit: (json: any) => void) => {
  const json = readJson(file);
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
};
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Recognisable fake credentials of the shapes a real one has.
const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJqLmRldnJpZXMiLCJleHAiOjE3OTk5OTk5OTl9.c2lnbmF0dXJlLXBsYW50ZWQtaW4tdGhlLWR1bXA';
const OPAQUE = 'Qm9vS2V5LTdmM2E5YzFkLXJhbmRvbS1Ub2tlbg7Zx';
const KNOWN = 'env-access-token-0f9e8d7c6b5a';

describe('dump check finds what must not be shared', () => {
  it('every fixture holds no token or secret (the dump writer redacted them), only personal data', () => {
    for (const name of fixtureNames()) {
      const report = checkDump(join(FIXTURES, name));
      expect(
        report.findings.filter((finding) => finding.severity === 'error'),
        name,
      ).toEqual([]);
      expect(report.kept).toContain('Webservice#01');
    }
    const report = checkDump(join(FIXTURES, 'default'));
    expect(new Set(report.findings.map((finding) => finding.kind))).toEqual(new Set(['email', 'name', 'phone', 'user-name']));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ file: '002-get-user.json', path: '$.body.content.personalDetails.lastName', kind: 'name', severity: 'warning', masked: 'V…' }),
    );
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'verdicts.json', path: '$.user.email', kind: 'email' }));
  });

  it('a planted token: JWT, Bearer, an opaque token under any key, a secret-looking key, a known token; each with file, path and kind', () => {
    const dump = copyFixture('all-good');
    editJson(join(dump, '002-get-user.json'), (json) => {
      json.body.messages = [{ type: 'Warning', description: `Echo: Authorization: Bearer ${OPAQUE}`, code: 1 }];
      json.body.content.photo = null;
      json.body.content.sessionId = OPAQUE;
      json.body.content.client_secret = 'hunter2-but-longer';
    });
    editJson(join(dump, '003-get-providers.json'), (json) => {
      json.body._embedded[0].note = `see ${JWT}`;
      json.body._embedded[0].ref = KNOWN;
    });
    writeFileSync(join(dump, 'notes.txt'), `copied from the terminal:\ncurl -H "Authorization: Bearer ${JWT}"\n`);

    const report = checkDump(dump, { knownSecrets: [KNOWN] });
    const errors = report.findings.filter((finding) => finding.severity === 'error').map(({ file, path, kind, rule }) => ({ file, path, kind, rule }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: '002-get-user.json', path: '$.body.messages[0].description', kind: 'token', rule: 'bearer' },
        { file: '002-get-user.json', path: '$.body.content.sessionId', kind: 'token', rule: 'random' },
        { file: '002-get-user.json', path: '$.body.content.client_secret', kind: 'secret', rule: 'key' },
        { file: '003-get-providers.json', path: '$.body._embedded[0].note', kind: 'token', rule: 'jwt' },
        { file: '003-get-providers.json', path: '$.body._embedded[0].ref', kind: 'token', rule: 'known' },
        { file: 'notes.txt', path: 'line 2', kind: 'token', rule: 'bearer' },
      ]),
    );
    // The masked form shows at most four characters of a secret.
    for (const finding of report.findings.filter((f) => f.severity === 'error')) expect(finding.masked.replace('…', '').length).toBeLessThanOrEqual(4);
  });

  it('the CLI: exit 1, each finding named, the secret itself never printed (also not with --json)', async () => {
    const dump = copyFixture('default');
    editJson(join(dump, '002-get-user.json'), (json) => {
      json.body.content.contactInformation.website = `https://x.example/?access_token=${OPAQUE}`;
    });
    const text = await runCli(['dump', 'check', dump], dir.path, { env: { LOKET_ACCESS_TOKEN: KNOWN } });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/FOUT — 1 token of geheim gevonden/);
    expect(text.stdout).toContain('002-get-user.json  $.body.content.contactInformation.website  token  Qm…Zx (41 tekens)');
    expect(text.stdout).toMatch(/Let op — \d+ persoonsgegevens/);
    expect(text.stderr).toContain('De dump bevat 1 token of geheim.');
    const json = await runCli(['dump', 'check', dump, '--json'], dir.path);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { ok: boolean; errors: number; findings: unknown[] };
    expect(doc).toMatchObject({ ok: false, errors: 1 });
    for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) expect(output).not.toContain(OPAQUE.slice(2, -2));
  });

  it('no false alarms on ids, paths, dates, numbers and names of things', () => {
    for (const value of [
      '3a9be464-e336-49dd-ac05-3ddc80e1129d',
      '/v2/providers/467cd5c0-dcb6-4ee8-a69e-74ed84520789/users',
      '2024-09-16T10:12:00+02:00',
      '483254642L01',
      'Webservicegebruiker-Benefits-Plaza',
      'DEB20002',
    ]) {
      expect(looksRandom(value), value).toBe(false);
    }
    expect(looksRandom(OPAQUE)).toBe(true);
    expect(mask('j.devries@kantoor.example', false)).toBe('j…');
    expect(mask(OPAQUE)).toBe('Qm…Zx');
    expect(maskLetters('J. de Vries')).toBe('X. xx Xxxxx');
  });

  it('a directory that is not a dump: exit 2', async () => {
    const r = await runCli(['dump', 'check', join(dir.path, 'nothing-here')], dir.path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bestaat niet');
  });
});

describe('dump check --strip-personal', () => {
  /** Keys and value types, recursively: what "the same shape" means. */
  const shape = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(shape)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : value === null
          ? null
          : typeof value;

  it('blanks names, e-mail addresses, phone numbers and user names in place; keeps shapes, the webservice user and --keep', async () => {
    const dump = copyFixture('default');
    const before = Object.fromEntries(
      readdirSync(dump)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f, readJson(join(dump, f))]),
    );
    const r = await runCli(['dump', 'check', dump, '--strip-personal', '--keep', 'p.jansen'], dir.path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Persoonsgegevens onherkenbaar gemaakt in \d+ bestand/);
    expect(r.stdout).toContain('Bewust laten staan: Webservice#01, p.jansen.');
    const all = readdirSync(dump)
      .map((f) => readFileSync(join(dump, f), 'utf8'))
      .join('\n');
    expect([...new Set(all.match(EMAIL))]).toEqual(['x@x.example']);
    for (const gone of ['"Vries"', '"Jan"', 'K. de Boer', '030-2345678']) expect(all).not.toContain(gone);
    expect(all).toContain('"userName": "Webservice#01"');
    expect(all).toContain('"userName": "p.jansen"');
    for (const [file, json] of Object.entries(before)) expect(shape(readJson(join(dump, file))), file).toEqual(shape(json));
    // Business data stays: the verdicts name the employers and the office.
    expect(all).toContain('Administratiekantoor De Vries & Partners (fictief)');
    expect(checkDump(dump, { keep: ['p.jansen'] }).findings).toEqual([]);
  });

  it.each(['default', 'werkgevergebruiker', 'hidden-user'])('%s, stripped, still replays to the same verdicts (names normalised)', async (name) => {
    const dump = copyFixture(name);
    const result = stripPersonal(dump);
    expect(result.rewritten.length).toBeGreaterThan(0);
    expect(result.findings.filter((finding) => finding.kind !== 'token')).toEqual([]);
    const handle = await startReplay({ dir: dump });
    const config = tempDir();
    try {
      const meta = fixtureMeta(name);
      const r = await runCli(['verify', '--json', '--api-url', handle.apiUrl, ...meta.args], config.path, {
        env: { LOKET_ACCESS_TOKEN: handle.accessToken },
        timeoutMs: 60_000,
      });
      expect(handle.unrecorded()).toEqual([]);
      expect(r.code).toBe(meta.exitCode);
      const replayed = withoutVolatile(JSON.parse(r.stdout));
      // The stripped verdicts.json was stripped the same way as the answers it came from.
      expect(replayed).toEqual(withoutVolatile(readJson(join(dump, 'verdicts.json'))));
      const normalised = (doc: Record<string, any>) => ({ ...doc, user: { ...doc.user, name: 'N', email: 'E' } });
      expect(normalised(replayed)).toEqual(normalised(withoutVolatile(fixtureVerdicts(name))));
      expect(replayed.user).toEqual({ name: 'X. xx Xxxxx', email: 'x@x.example', role: 'Salarisadministrateur' });
    } finally {
      config.remove();
      await handle.close();
    }
  });
});
