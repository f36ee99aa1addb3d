/** `employers list | select | mark | export` through the built CLI, against the simulator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/cli/commands/employers.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';

describe('built CLI: employers', () => {
  let sandbox: SandboxHandle;
  let dir: ReturnType<typeof tempDir>;
  let run: (args: string[]) => ReturnType<typeof runCli>;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'default' });
    dir = tempDir();
    const env = { LOKET_ACCESS_TOKEN: sandbox.accessToken, LOKET_WEBSERVICE_USER: 'Webservice#01' };
    run = (args) => runCli([...args, '--api-url', sandbox.apiUrl], dir.path, { env });
    // Stores every employer with its check (exit 1: two of the default office's employers are not linked).
    expect((await run(['verify', '--employers', 'all'])).code).toBe(1);
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  it('parseCsv (the test helper) reads quoted commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","d ""e""","f\r\ng"\r\n,\r\n')).toEqual([
      ['a', 'b,c', 'd "e"', 'f\r\ng'],
      ['', ''],
    ]);
  });

  it('export --format csv: a header and one parsable row per employer', async () => {
    const r = await run(['employers', 'export']);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(sandbox.employerCount);
    for (const row of rows) expect(row).toHaveLength(EXPORT_COLUMNS.length);
    const linked = rows.map((row) => row[EXPORT_COLUMNS.indexOf('linked')]);
    expect(linked.filter((value) => value === 'fail')).toHaveLength(2);
  });

  it('select, mark and export --format json --out tell the same story', async () => {
    const list = JSON.parse((await run(['employers', 'list', '--json'])).stdout) as Array<{
      id: string;
      employerNumber: number;
      lastCheck: { linked: string };
    }>;
    const passing = list.find((e) => e.lastCheck.linked === 'pass')!;
    const failing = list.find((e) => e.lastCheck.linked === 'fail')!;
    // Signing up also needs Loket's confirmation of the authorization (step 3), recorded with who confirmed it.
    const step3 = await run([
      'step',
      '3',
      '--route',
      'ak-team',
      '--route-confirmed',
      '--omgevingscode',
      'X1',
      '--authorization-reference',
      'LKT-1',
      '--contact-name',
      'Jan de Vries',
    ]);
    expect(step3.code).toBe(0);

    expect((await run(['employers', 'select', String(passing.employerNumber), failing.id])).code).toBe(0);
    const refused = await run(['employers', 'mark', failing.id, 'signed-up']);
    expect(refused.code).toBe(2);
    expect((await run(['employers', 'mark', String(passing.employerNumber), 'signed-up', '--date', '2026-01-15'])).code).toBe(0);
    const forced = await run(['employers', 'mark', failing.id, 'signed-up', '--force']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('--reason');

    const file = join(dir.path, 'werkgevers.json');
    const exported = await run(['employers', 'export', '--format', 'json', '--out', file]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(sandbox.employerCount);
    expect(rows.find((row) => row.id === passing.id)).toMatchObject({ selected: true, status: 'signed-up', signedUpAt: '2026-01-15T00:00:00.000Z' });
    expect(rows.find((row) => row.id === failing.id)).toMatchObject({ selected: true, status: null, signedUpAt: null });
    expect(rows.filter((row) => row.selected)).toHaveLength(2);
  });

  it('select with nothing to select in CI exits 2 and shows how', async () => {
    const r = await run(['employers', 'select']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('employers select');
  });
});
