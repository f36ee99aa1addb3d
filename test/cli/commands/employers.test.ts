import { describe, expect, it } from 'vitest';
import { csvCell, excelCell, EXPORT_COLUMNS, exportEmployers, exportRows, list, mark, select, toCsv } from '../../../src/cli/commands/employers.js';
import { run as verify } from '../../../src/cli/commands/verify.js';
import { UsageError } from '../../../src/errors.js';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/server.js';
import { emptyProfile, openStore, type EmployerRecord, type Profile } from '../../../src/store/index.js';
import { runCommand } from '../../helpers/context.js';
import { scriptedPrompter } from '../../helpers/prompter.js';
import { useSimulator } from '../../helpers/sandbox.js';
import { Capture } from '../../helpers/streams.js';

describe('CSV cells (RFC 4180 and formula injection)', () => {
  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('Bakkerij Jansen')).toBe('Bakkerij Jansen');
    expect(csvCell('Jansen, Kok & Zn')).toBe('"Jansen, Kok & Zn"');
    expect(csvCell('De "Vries" B.V.')).toBe('"De ""Vries"" B.V."');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('')).toBe('');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('leaves plain negative numbers alone', () => {
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('-')).toBe("'-");
  });
});

function record(overrides: Partial<EmployerRecord>): EmployerRecord {
  return { employerNumber: 1, companyName: 'X', payrollTaxNumbers: [], selected: false, history: [], ...overrides };
}

describe('export rows', () => {
  const profile: Profile = emptyProfile();
  profile.employers = {
    'id-b': record({
      employerNumber: 20720,
      companyName: '=Kwaadaardig, "B.V."',
      chamberOfCommerceNumber: '12345678',
      payrollTaxNumbers: ['123456782L01', '249566758L01'],
      selected: true,
      status: 'signed-up',
      history: [
        { status: 'requested', at: '2026-01-01T00:00:00.000Z' },
        { status: 'requested', at: '2026-01-05T00:00:00.000Z' },
        { status: 'signed-up', at: '2026-02-01T00:00:00.000Z', forced: true, reason: 'bevestigd door Loket' },
      ],
      lastCheck: { at: '2026-02-01T10:00:00.000Z', linked: 'pass', required: true, via: ['team:Benefits-Plaza'], problems: [] },
    }),
    'id-a': record({ employerNumber: 7, companyName: 'Bakkerij Jansen' }),
  };

  it('one row per employer in employer-number order, latest date per status, empty cells for the unknown', () => {
    const rows = exportRows(profile);
    expect(rows.map((r) => r.id)).toEqual(['id-a', 'id-b']);
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(rows[1]).toMatchObject({
      requestedAt: '2026-01-05T00:00:00.000Z',
      signedUpAt: '2026-02-01T00:00:00.000Z',
      confirmedAt: null,
      excludedAt: null,
      lastCheckAt: '2026-02-01T10:00:00.000Z',
      linked: 'pass',
      required: true,
      via: ['team:Benefits-Plaza'],
      payrollTaxNumbers: ['123456782L01', '249566758L01'],
    });
    expect(rows[0]).toMatchObject({ status: null, lastCheckAt: null, linked: null, required: null, via: [], selected: false });
  });

  it('CSV: header row, CRLF line ends, numbers joined with a space, hostile names defused', () => {
    const csv = toCsv(exportRows(profile));
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines[1]).toBe('id-a,7,Bakkerij Jansen,,,false,,,,,,,,,');
    expect(lines[2]).toBe(
      `id-b,20720,"'=Kwaadaardig, ""B.V.""",12345678,123456782L01 249566758L01,true,signed-up,2026-01-05T00:00:00.000Z,2026-02-01T00:00:00.000Z,,,2026-02-01T10:00:00.000Z,pass,true,team:Benefits-Plaza`,
    );
  });

  it('CSV for Excel: a byte order mark, ";" between cells, CRLF, numbers as ="…" text, local times, hostile names defused', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Europe/Amsterdam';
    try {
      const csv = toCsv(exportRows(profile), 'excel');
      expect(csv.startsWith('\uFEFFid;employerNumber;companyName;')).toBe(true);
      const lines = csv.slice(1).split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toBe(EXPORT_COLUMNS.join(';'));
      expect(lines[1]).toBe('id-a;"=""7""";Bakkerij Jansen;;;false;;;;;;;;;');
      expect(lines[2]).toBe(
        `id-b;"=""20720""";"'=Kwaadaardig, ""B.V.""";"=""12345678""";123456782L01 249566758L01;true;signed-up;2026-01-05;2026-02-01;;;2026-02-01 11:00;pass;true;team:Benefits-Plaza`,
      );
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("excelCell: whatever Excel would turn into a number or a date stays text; the rest gets csvCell's guard", () => {
    // Leading zeros (KvK), long numbers (Excel keeps 15 digits), and what Dutch Excel reads as a date or a time.
    expect(excelCell('chamberOfCommerceNumber', '01234567')).toBe('"=""01234567"""');
    expect(excelCell('companyName', '1234567890123456789')).toBe('"=""1234567890123456789"""');
    expect(excelCell('companyName', '1-3')).toBe('"=""1-3"""');
    expect(excelCell('companyName', '12:30')).toBe('"=""12:30"""');
    expect(excelCell('companyName', '3,5')).toBe('"=""3,5"""');
    expect(excelCell('companyName', '1E5')).toBe('"=""1E5"""');
    expect(excelCell('companyName', '-12')).toBe('"=""-12"""');
    // Text stays text; a formula in a name is defused as in plain CSV; ";" is quoted.
    expect(excelCell('companyName', 'Bakkerij 1-3')).toBe('Bakkerij 1-3');
    expect(excelCell('companyName', '=1+1')).toBe("'=1+1");
    expect(excelCell('companyName', '+31 (0)6 foo')).toBe("'+31 (0)6 foo");
    expect(excelCell('companyName', 'Jansen; Kok')).toBe('"Jansen; Kok"');
    expect(excelCell('companyName', 'Jansen, Kok')).toBe('Jansen, Kok');
    expect(excelCell('companyName', '')).toBe('');
    expect(excelCell('lastCheckAt', '')).toBe('');
  });
});

describe('employers commands against the simulator', () => {
  const sim = useSimulator({ scenario: 'default' });

  /** A verify run, and Loket's confirmation of the authorization recorded (as step 3 would). */
  const checked = async (handle: SandboxHandle = sim.sandbox()) => {
    const r = await runCommand(verify, [], { configDir: sim.dir(), sandbox: handle, env: { LOKET_WEBSERVICE_USER: 'Webservice#01' } });
    const store = openStore({ dir: sim.dir(), profile: 'default', lock: true, warn: () => {} });
    store.update((draft) => {
      draft.confirmations.push({ subject: 'authorization', step: '3', by: 'tester', at: '2026-03-01T00:00:00.000Z', reference: 'LKT-1' });
    });
    store.close();
    const entries = Object.entries(r.profile.employers);
    const find = (test: (e: EmployerRecord) => boolean, skip = 0) => entries.filter(([, e]) => test(e))[skip]!;
    return {
      passing: find((e) => e.lastCheck?.linked === 'pass' && e.payrollTaxNumbers.length > 0),
      alsoPassing: find((e) => e.lastCheck?.linked === 'pass' && e.payrollTaxNumbers.length > 0, 1),
      notLinked: find((e) => e.lastCheck?.linked === 'fail'),
      unverifiable: find((e) => e.lastCheck?.linked === 'unverifiable'),
    };
  };

  describe('list', () => {
    it('an empty store fetches the employers from Loket.nl first; --json gives records with their id', async () => {
      const r = await runCommand(list, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true });
      expect(r.error).toBeUndefined();
      const doc = JSON.parse(r.stdout) as Array<{ id: string; employerNumber: number; selected: boolean }>;
      expect(doc).toHaveLength(sim.sandbox().employerCount);
      expect(doc.every((e) => typeof e.id === 'string' && e.selected === false)).toBe(true);
      expect(doc.map((e) => e.employerNumber)).toEqual([...doc.map((e) => e.employerNumber)].sort((a, b) => a - b));
    });

    it('a table with the last check, and a count line; no network once the store knows the employers', async () => {
      await checked();
      const r = await runCommand(list, [], { configDir: sim.dir(), sandbox: sim.sandbox() });
      expect(r.error).toBeUndefined();
      expect(r.requests).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(sim.sandbox().employerCount + 3);
      expect(lines[0]).toMatch(/werkgever\s+loonheffingennummers\s+selectie\s+status\s+laatste controle/);
      expect(r.stdout).toContain('niet gekoppeld (');
      expect(r.stdout).toMatch(/  gekoppeld \(\d/);
      expect(lines.at(-1)).toBe(`${sim.sandbox().employerCount} werkgevers, waarvan 0 geselecteerd.`);
    });

    it('fits the terminal: 120 and 80 columns wrap names inside their column; 50 columns give one block per employer', async () => {
      await checked();
      const at = async (columns: number) =>
        (await runCommand(list, [], { configDir: sim.dir(), sandbox: sim.sandbox(), stdout: new Capture(true, columns) })).stdout;
      const numbers = (text: string) => [...text.matchAll(/\b\d{9}L\d{2}\b/g)].map((m) => m[0]);
      const everyNumber = numbers(await at(1000));
      expect(everyNumber.length).toBeGreaterThan(10);
      for (const columns of [120, 80]) {
        const text = await at(columns);
        for (const line of text.trimEnd().split('\n')) expect(line.length, line).toBeLessThanOrEqual(columns);
        // Every loonheffingennummer whole, and every employer's row starts with its number.
        expect(numbers(text)).toEqual(everyNumber);
        expect(text).toMatch(/^20008 Installatiebedrijf/m);
        expect(text).not.toContain('…');
      }
      const narrow = await at(50);
      for (const line of narrow.trimEnd().split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
      expect(narrow).not.toContain('──');
      expect(numbers(narrow)).toEqual(everyNumber);
      const blocks = narrow.trimEnd().split('\n\n');
      // One block per employer, and the count line after them.
      expect(blocks).toHaveLength(sim.sandbox().employerCount);
      expect(blocks[0]).toMatch(/^werkgever {13}20002 /);
      expect(blocks[0]).toMatch(/^loonheffingennummers  \d{9}L\d{2}/m);
      expect(blocks[0]).toMatch(/^laatste controle {6}gekoppeld \(/m);
    });
  });

  describe('select', () => {
    it('by employer number, loonheffingennummer (any spelling) or id; replaces the selection by default', async () => {
      const { passing, alsoPassing, notLinked } = await checked();
      const tax = passing[1].payrollTaxNumbers[0]!;
      const spaced = `${tax.slice(0, 4)} ${tax.slice(4, 6)}.${tax.slice(6, 9)}-${tax.slice(9).toLowerCase()}`;
      const r = await runCommand(select, [[String(notLinked[1].employerNumber), spaced, alsoPassing[0]]], { configDir: sim.dir(), json: true });
      expect(r.error).toBeUndefined();
      const ids = (JSON.parse(r.stdout).selected as Array<{ id: string }>).map((e) => e.id).sort();
      expect(ids).toEqual([passing[0], notLinked[0], alsoPassing[0]].sort());

      const replaced = await runCommand(select, [[passing[0]]], { configDir: sim.dir() });
      expect(
        Object.entries(replaced.profile.employers)
          .filter(([, e]) => e.selected)
          .map(([id]) => id),
      ).toEqual([passing[0]]);
      expect(replaced.stderr).toContain('0 toegevoegd, 2 verwijderd, 1 ongewijzigd; nu 1 van');
    });

    it('--add, --remove and --none change the selection; an unknown employer changes nothing', async () => {
      const { passing, notLinked } = await checked();
      const selectedIds = (r: Awaited<ReturnType<typeof runCommand>>) =>
        Object.entries(r.profile.employers)
          .filter(([, e]) => e.selected)
          .map(([id]) => id)
          .sort();
      await runCommand(select, [[passing[0]]], { configDir: sim.dir() });
      const added = await runCommand(select, [[notLinked[0]]], { configDir: sim.dir(), local: { add: true } });
      expect(selectedIds(added)).toEqual([passing[0], notLinked[0]].sort());
      const removed = await runCommand(select, [[passing[0]]], { configDir: sim.dir(), local: { remove: true } });
      expect(selectedIds(removed)).toEqual([notLinked[0]]);
      const unknown = await runCommand(select, [[passing[0], '99999999']], { configDir: sim.dir(), local: { add: true } });
      expect(unknown.error).toBeInstanceOf(UsageError);
      expect(selectedIds(unknown)).toEqual([notLinked[0]]);
      const none = await runCommand(select, [[]], { configDir: sim.dir(), local: { none: true } });
      expect(selectedIds(none)).toEqual([]);
    });

    it('usage errors: nothing to select without a terminal, conflicting switches', async () => {
      await checked();
      const bare = await runCommand(select, [[]], { configDir: sim.dir() });
      expect(bare.error).toBeInstanceOf(UsageError);
      expect((bare.error as UsageError).hint).toContain('employers select');
      expect((await runCommand(select, [['1']], { configDir: sim.dir(), local: { add: true, remove: true } })).error).toBeInstanceOf(UsageError);
      expect((await runCommand(select, [['1']], { configDir: sim.dir(), local: { none: true } })).error).toBeInstanceOf(UsageError);
    });

    it('interactively: typing filters, Enter toggles the single match, several matches do not end it, Enter with nothing typed confirms; the summary names what changed', async () => {
      const { passing, notLinked, alsoPassing } = await checked();
      await runCommand(select, [[alsoPassing[0]]], { configDir: sim.dir() });
      const [on, off] = [passing[1].employerNumber, notLinked[1].employerNumber];
      // passing on, notLinked on, "2000" matches several (stays open), Esc clears it,
      // passing off again, Space on the first of "${off}", alsoPassing off; then confirm.
      const prompter = scriptedPrompter([[/Kies de werkgevers/, `${on}⏎${off}⏎2000⏎⎋${on}⏎${off}␣⎋${alsoPassing[1].employerNumber}⏎⏎`]]);
      const r = await runCommand(select, [[]], { configDir: sim.dir(), prompter });
      expect(r.error).toBeUndefined();
      expect(
        Object.entries(r.profile.employers)
          .filter(([, e]) => e.selected)
          .map(([id]) => id),
      ).toEqual([]);
      expect(r.stderr).toContain('Selectie: 0 toegevoegd, 1 verwijderd, 0 ongewijzigd; nu 0 van');
      expect(r.stderr).toContain(`  − ${alsoPassing[1].employerNumber} ${alsoPassing[1].companyName}`);
      expect(r.stderr).toContain('loket-asr-setup employers select --none');
    });

    it('interactively: each toggle is saved at once, so an interrupted pick keeps what was chosen', async () => {
      const { passing } = await checked();
      const prompter = scriptedPrompter([[/Kies de werkgevers/, `${passing[1].employerNumber}⏎`]]);
      const r = await runCommand(select, [[]], { configDir: sim.dir(), prompter });
      expect(String(r.error)).toMatch(/still open/);
      expect(r.profile.employers[passing[0]]!.selected).toBe(true);
    });
  });

  describe('mark', () => {
    it('refuses signed-up for an employer whose check failed, naming the fix', async () => {
      const { notLinked } = await checked();
      const r = await runCommand(mark, [notLinked[0], 'signed-up'], { configDir: sim.dir() });
      expect(r.error).toBeInstanceOf(UsageError);
      expect(r.profile.employers[notLinked[0]]!.status).toBeUndefined();
      expect(r.profile.employers[notLinked[0]]!.history).toEqual([]);
    });

    it('--force needs --reason; with both it is recorded as forced, with the reason', async () => {
      const { notLinked } = await checked();
      const bare = await runCommand(mark, [notLinked[0], 'signed-up'], { configDir: sim.dir(), local: { force: true } });
      expect(bare.error).toBeInstanceOf(UsageError);
      expect((bare.error as Error).message).toContain('--reason');

      const forced = await runCommand(mark, [notLinked[0], 'signed-up'], {
        configDir: sim.dir(),
        local: { force: true, reason: 'Loket heeft de koppeling telefonisch bevestigd', date: '2026-03-02', note: 'ticket 4711' },
      });
      expect(forced.error).toBeUndefined();
      const employer = forced.profile.employers[notLinked[0]]!;
      expect(employer).toMatchObject({ status: 'signed-up', selected: true });
      expect(employer.history).toEqual([
        { status: 'signed-up', at: '2026-03-02T00:00:00.000Z', note: 'ticket 4711', forced: true, reason: 'Loket heeft de koppeling telefonisch bevestigd' },
      ]);
      expect(forced.stderr).toContain('--force');
    });

    it('allows signed-up for a passing employer, by employer number; requested needs no check', async () => {
      const { passing, notLinked } = await checked();
      const ok = await runCommand(mark, [String(passing[1].employerNumber), 'signed-up'], { configDir: sim.dir() });
      expect(ok.error).toBeUndefined();
      expect(ok.profile.employers[passing[0]]).toMatchObject({ status: 'signed-up', selected: true });
      expect(ok.profile.employers[passing[0]]!.history[0]!.forced).toBeUndefined();

      const requested = await runCommand(mark, [notLinked[0], 'requested'], { configDir: sim.dir() });
      expect(requested.error).toBeUndefined();
      expect(requested.profile.employers[notLinked[0]]!.status).toBe('requested');
    });

    it('an employer whose link the API cannot show counts only with a hand confirmation of that link', async () => {
      const failing = await startSandbox({ scenario: 'team-read-fails' });
      try {
        const { unverifiable } = await checked(failing);
        const refused = await runCommand(mark, [unverifiable[0], 'signed-up'], { configDir: sim.dir() });
        expect(refused.error).toBeInstanceOf(UsageError);
        expect((refused.error as Error).message).toContain('niet met de hand bevestigd');

        const store = openStore({ dir: sim.dir(), profile: 'default', lock: true, warn: () => {} });
        store.update((draft) => {
          draft.confirmations.push({ subject: 'link', step: '2', by: 'tester', at: '2026-03-01T00:00:00.000Z', employerId: unverifiable[0] });
        });
        store.close();
        const allowed = await runCommand(mark, [unverifiable[0], 'signed-up'], { configDir: sim.dir() });
        expect(allowed.error).toBeUndefined();
        expect(allowed.profile.employers[unverifiable[0]]!.status).toBe('signed-up');
      } finally {
        await failing.close();
      }
    });

    it('warns when an employer is signed up without having requested the salariskoppeling', async () => {
      const { passing } = await checked();
      const r = await runCommand(mark, [passing[0], 'signed-up'], { configDir: sim.dir() });
      expect(r.stderr).toContain('de salariskoppeling nog niet aangevraagd');
      const requested = await runCommand(mark, [passing[0], 'confirmed'], { configDir: sim.dir() });
      expect(requested.stderr).not.toContain('nog niet aangevraagd');
    });

    it('rejects an unknown status, a bad date and --reason without --force', async () => {
      const { passing } = await checked();
      const status = await runCommand(mark, [passing[0], 'done'], { configDir: sim.dir() });
      expect(status.error).toBeInstanceOf(UsageError);
      expect((status.error as Error).message).toContain('requested, signed-up, confirmed, excluded');
      expect((await runCommand(mark, [passing[0], 'requested'], { configDir: sim.dir(), local: { date: '2026-13-01' } })).error).toBeInstanceOf(UsageError);
      expect((await runCommand(mark, [passing[0], 'requested'], { configDir: sim.dir(), local: { reason: 'x' } })).error).toBeInstanceOf(UsageError);
    });
  });

  describe('export', () => {
    it('--out writes the file and says where; --json without --out prints the rows', async () => {
      await checked();
      const file = `${sim.dir()}/werkgevers.csv`;
      const r = await runCommand(exportEmployers, [], { configDir: sim.dir(), local: { format: 'csv', out: file } });
      expect(r.error).toBeUndefined();
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(file);
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(file, 'utf8').split('\r\n')).toHaveLength(sim.sandbox().employerCount + 2);

      const json = await runCommand(exportEmployers, [], { configDir: sim.dir(), json: true, local: { format: 'json' } });
      expect(JSON.parse(json.stdout)).toHaveLength(sim.sandbox().employerCount);
    });
  });
});
