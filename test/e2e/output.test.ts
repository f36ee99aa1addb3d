/**
 * How results read for a person, through the built CLI: tables at the terminal's width (under a
 * pseudo-terminal of 80 and 120 columns), local times, the Excel export, Dutch status labels,
 * progress on long checks, readable phone numbers in tickets, and prose that breaks between words
 * at the terminal's width.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/cli/commands/employers.js';
import { t, type MessageKey } from '../../src/i18n/index.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { openStore, setStepState, type Profile } from '../../src/store/index.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';
import { englishWords, formalAddress, pluralHacks } from '../helpers/dutch.js';
import { ptyWrapper, startCli, stripAnsi } from '../helpers/spawn.js';

const USER = { LOKET_WEBSERVICE_USER: 'Webservice#01' };
const hasPty = ptyWrapper() !== undefined;

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** The lines between the first line matching `header` and the next blank line. */
function tableAfter(text: string, header: RegExp): string[] {
  const lines = stripAnsi(text).split('\n');
  const start = lines.findIndex((line) => header.test(line));
  expect(start, text).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start, end < 0 ? undefined : end);
}

describe.skipIf(!hasPty)('tables in a terminal of 80 and 120 columns (pseudo-terminal; skipped without `script` or python3)', () => {
  for (const columns of [80, 120]) {
    it(`${columns} columns: verify's and employers list's tables fit, no identifier is cut`, async () => {
      const verify = await startCli(['verify', '--sandbox', '--employers', 'all', '--no-color'], dir.path, { pty: true, columns, env: USER }).done;
      expect(verify.code).toBe(1);
      const table = tableAfter(verify.stdout, /^werkgever\s+nodig\s+gekoppeld/);
      for (const line of table) expect(line.length, line).toBeLessThanOrEqual(columns);
      expect(table.join('\n')).not.toContain('…');
      for (const number of [20002, 20008, 20023, 20034]) expect(table.some((line) => line.startsWith(`${number} `))).toBe(true);

      const list = await startCli(['employers', 'list', '--sandbox', '--no-color'], dir.path, { pty: true, columns }).done;
      expect(list.code).toBe(0);
      const rows = tableAfter(list.stdout, /^werkgever\s+loonheffingennummers/);
      for (const line of rows) expect(line.length, line).toBeLessThanOrEqual(columns);
      const numbers = rows.join('\n').match(/\b\d{9}L\d{2}\b/g) ?? [];
      // The default office: 12 employers, one with two payroll administrations, one without a number, one with an invalid one.
      expect(numbers).toHaveLength(11);
      expect(rows.some((line) => line.startsWith('20008 Installatiebedrijf'))).toBe(true);
    });
  }
});

/** Progress saved as a run at 19:30 UTC on 1 December 2026 (20:30 in Amsterdam, winter time) would leave it. */
function savedAt1930(mutate: (draft: Profile) => void = () => {}): void {
  const store = openStore({ dir: dir.path, profile: 'default', lock: true, warn: () => {} });
  store.update((draft) => {
    setStepState(draft, '1', 'done', new Date('2026-12-01T19:30:00.000Z'));
    setStepState(draft, '2', 'in-progress', new Date('2026-12-01T19:45:00.000Z'));
    draft.lastVerify = {
      checkedAt: '2026-12-01T23:30:00.000Z',
      ok: true,
      webserviceUser: 'Webservice#01',
      summary: { employers: 1, linked: 1, failed: 0, unverifiable: 0, warnings: 0 },
    };
    mutate(draft);
  });
  store.close();
}

describe("local times: the system's time zone wherever a person reads a time, ISO in JSON", () => {
  it('status: a step completed at 19:30Z reads "afgerond 01-12-2026, 20:30" with TZ=Europe/Amsterdam, 19:30 in UTC; --json keeps ISO', async () => {
    savedAt1930();
    const amsterdam = await runCli(['status'], dir.path, { env: { TZ: 'Europe/Amsterdam' } });
    expect(amsterdam.code).toBe(0);
    expect(amsterdam.stdout).toMatch(/1\. .*\[klaar\] afgerond 01-12-2026, 20:30$/m);
    expect(amsterdam.stdout).toMatch(/2\. .*\[bezig\] sinds 01-12-2026, 20:45$/m);
    // 23:30Z is already the next day in Amsterdam.
    expect(amsterdam.stdout).toContain('Laatste controle: 02-12-2026, 00:30');

    const utc = await runCli(['status'], dir.path, { env: { TZ: 'UTC' } });
    expect(utc.stdout).toMatch(/afgerond 01-12-2026, 19:30$/m);

    const english = await runCli(['status', '--lang', 'en'], dir.path, { env: { TZ: 'Europe/Amsterdam' } });
    expect(english.stdout).toMatch(/\[done\] completed 01\/12\/2026, 20:30$/m);

    const json = JSON.parse((await runCli(['status', '--json'], dir.path, { env: { TZ: 'Europe/Amsterdam' } })).stdout);
    expect(json.stepDetails[0].completedAt).toBe('2026-12-01T19:30:00.000Z');
    expect(json.lastVerify.checkedAt).toBe('2026-12-01T23:30:00.000Z');
  });

  it('employers list and the report show the check in local time', async () => {
    const env = { ...USER, TZ: 'Pacific/Kiritimati' };
    const verify = await runCli(['verify', '--sandbox', '--json'], dir.path, { env });
    expect(verify.code).toBe(0);
    const checkedAt = new Date(JSON.parse(verify.stdout).checkedAt as string);
    // UTC+14: the local hour is never UTC's, whatever the hour the test runs at.
    const at = (timeZone: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('nl-NL', { ...options, timeZone }).format(checkedAt);
    const local = (options: Intl.DateTimeFormatOptions) => at('Pacific/Kiritimati', options);

    const list = await runCli(['employers', 'list', '--sandbox'], dir.path, { env });
    expect(list.stdout).toContain(`gekoppeld (${local({ dateStyle: 'short' })})`);

    const report = await runCli(['report', '--sandbox', '--format', 'markdown', '--out', '-'], dir.path, { env });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(local({ dateStyle: 'short', timeStyle: 'short' }));
    expect(report.stdout).not.toContain(at('UTC', { dateStyle: 'short', timeStyle: 'short' }));
  });
});

describe('employers export --format xlsx-csv: a file Dutch Excel opens in columns, with every number intact', () => {
  it('BOM, ";", CRLF, identifiers as ="…" text, local times; plain csv stays RFC 4180 with commas', async () => {
    const env = { ...USER, TZ: 'Europe/Amsterdam' };
    expect((await runCli(['verify', '--sandbox'], dir.path, { env })).code).toBe(0);
    const file = join(dir.path, 'werkgevers.csv');
    const exported = await runCli(['employers', 'export', '--sandbox', '--format', 'xlsx-csv', '--out', file], dir.path, { env });
    expect(exported.code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'), ';');
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(12);
    const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
    const first = rows[0]!;
    expect(first[column('employerNumber')]).toBe('="20002"');
    expect(first[column('chamberOfCommerceNumber')]).toMatch(/^="\d{8}"$/);
    expect(first[column('payrollTaxNumbers')]).toMatch(/^\d{9}L\d{2}( \d{9}L\d{2})*$/);
    // The check's time in Amsterdam time, as Excel reads a date and time.
    const checkedAt = new Date(JSON.parse((await runCli(['status', '--sandbox', '--json'], dir.path, { env })).stdout).lastVerify.checkedAt);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(checkedAt);
    expect(first[column('lastCheckAt')]).toBe(local);

    const plain = await runCli(['employers', 'export', '--sandbox'], dir.path, { env });
    expect(plain.stdout.charCodeAt(0)).not.toBe(0xfeff);
    expect(plain.stdout.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(plain.stdout).toMatch(/\r\n[^,\r\n]+,20002,/);
  });
});

describe('employer statuses in words: Dutch in Dutch mode, English in English mode, the keys in JSON', () => {
  it('status and employers list', async () => {
    savedAt1930((draft) => {
      draft.employers = {
        'emp-1': { employerNumber: 20002, companyName: 'Hoveniersbedrijf De Groot', payrollTaxNumbers: [], selected: true, status: 'signed-up', history: [] },
        'emp-2': { employerNumber: 20006, companyName: 'Adviesbureau Mulder', payrollTaxNumbers: [], selected: true, status: 'requested', history: [] },
        'emp-3': { employerNumber: 20013, companyName: 'Bakkerij Meijer', payrollTaxNumbers: [], selected: false, status: 'excluded', history: [] },
      };
    });
    const dutch = await runCli(['status'], dir.path);
    expect(dutch.stdout).toMatch(/^ {2}aangevraagd: 1$/m);
    expect(dutch.stdout).toMatch(/^ {2}aangemeld: 1$/m);
    expect(dutch.stdout).toMatch(/^ {2}uitgesloten: 1$/m);
    expect(dutch.stdout).not.toMatch(/signed-up|requested|excluded/);
    const english = await runCli(['status', '--lang', 'en'], dir.path);
    expect(english.stdout).toMatch(/^ {2}signed up: 1$/m);
    expect(english.stdout).toMatch(/^ {2}excluded: 1$/m);
    const json = JSON.parse((await runCli(['status', '--json'], dir.path)).stdout);
    expect(json.employers.byStatus).toEqual({ requested: 1, 'signed-up': 1, confirmed: 0, excluded: 1 });

    const list = await runCli(['employers', 'list'], dir.path);
    expect(list.stdout).toMatch(/^20002 Hoveniersbedrijf De Groot +ja +aangemeld +–$/m);
    expect(list.stdout).toMatch(/^20013 Bakkerij Meijer +uitgesloten +–$/m);
    const listed = await runCli(['employers', 'list', '--lang', 'en'], dir.path);
    expect(listed.stdout).toMatch(/^20002 Hoveniersbedrijf De Groot +yes +signed up +–$/m);
    const records = JSON.parse((await runCli(['employers', 'list', '--json'], dir.path)).stdout) as Array<{ status: string }>;
    expect(records.map((r) => r.status)).toEqual(['signed-up', 'requested', 'excluded']);
  });
});

describe('tickets keep a phone number readable', () => {
  it('a stored 0131234567 reads "013 123 4567", a mobile "06 12345678"; stored compact all the same', async () => {
    const facts = { 'office.name': 'Administratiekantoor Jansen', 'office.contactName': 'Petra Jansen', 'office.email': 'petra@jansen.example' };
    for (const [key, value] of Object.entries({ ...facts, 'office.phone': '013-123 45 67' })) {
      expect((await runCli(['config', 'set', key, value], dir.path)).code).toBe(0);
    }
    expect((await runCli(['config', 'get', 'office.phone'], dir.path)).stdout.trim()).toBe('0131234567');
    const dutch = await runCli(['ticket', 'webservicepartij'], dir.path);
    expect(dutch.code).toBe(0);
    expect(dutch.stdout).toContain('- Telefoon: 013 123 4567');
    const english = JSON.parse((await runCli(['ticket', 'webservicepartij', '--lang', 'en', '--json'], dir.path)).stdout);
    expect(english.body).toContain('- Phone: 013 123 4567');

    expect((await runCli(['config', 'set', 'office.phone', '+31 6 1234 5678'], dir.path)).code).toBe(0);
    expect((await runCli(['ticket', 'webservicepartij'], dir.path)).stdout).toContain('- Telefoon: +31 6 12345678');
    expect((await runCli(['config', 'set', 'office.phone', '0612345678'], dir.path)).code).toBe(0);
    expect((await runCli(['ticket', 'webservicepartij'], dir.path)).stdout).toContain('- Telefoon: 06 12345678');
  });
});

describe.skipIf(!hasPty)('progress on long checks: a share and the time left on a terminal, nothing of it elsewhere', () => {
  let sandbox: SandboxHandle;
  // 2,000 employers (8 pages per list, about 40 requests) at 60 ms per answer: seconds of checking,
  // long enough for the spinner to draw; a faster machine does not make the answers come sooner.
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'all-good', employers: 2000, latencyMs: 60 });
  });
  afterAll(async () => sandbox.close());
  const env = () => ({ ...USER, LOKET_ACCESS_TOKEN: sandbox.accessToken, CI: undefined });
  const api = () => ['--api-url', sandbox.apiUrl];

  it('verify on a terminal: "<stage>… 40%", rising from the start, never 100%; with --json on the same terminal, no spinner and no share', async () => {
    const shown = await startCli(['verify', ...api()], dir.path, { pty: true, columns: 100, env: env(), timeoutMs: 60_000 }).done;
    expect(shown.code).toBe(0);
    const shares = [...stripAnsi(shown.stdout).matchAll(/(?:ophalen|zoeken|lezen|controleren)… (\d{1,3})%/g)].map((match) => Number(match[1]));
    expect(shares.length).toBeGreaterThan(0);
    // The first answers (the login, the office) do not make the check look nearly done.
    expect(shares[0]).toBeLessThan(50);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(Math.max(...shares)).toBeLessThan(100);

    const json = await startCli(['verify', '--json', ...api()], dir.path, { pty: true, columns: 100, env: env(), timeoutMs: 60_000 }).done;
    expect(json.code).toBe(0);
    expect(stripAnsi(json.stdout)).not.toMatch(/\d%/);
    expect(JSON.parse(stripAnsi(json.stdout)).summary.employers).toBe(2000);
  }, 90_000);

  it('the time left once there is something to go on: "… 40% (nog ± 3 s)", never before a tenth is done', async () => {
    // Every answer takes at least 250 ms, so the check lasts seconds whatever the machine: past the
    // first second and the first tenth the spinner guesses the time left.
    const slow = await startSandbox({ scenario: 'all-good', employers: 2000, latencyMs: 250 });
    try {
      const args = ['verify', '--api-url', slow.apiUrl];
      const shown = await startCli(args, dir.path, { pty: true, columns: 100, env: { ...env(), LOKET_ACCESS_TOKEN: slow.accessToken }, timeoutMs: 90_000 })
        .done;
      expect(shown.code).toBe(0);
      const guesses = [...stripAnsi(shown.stdout).matchAll(/… (\d{1,2})% \(nog ± (\d+) (s|min)\)/g)];
      expect(guesses.length, stripAnsi(shown.stdout)).toBeGreaterThan(0);
      // The share with a guess is past the first tenth.
      for (const [, percent] of guesses) expect(Number(percent)).toBeGreaterThanOrEqual(10);
    } finally {
      await slow.close();
    }
  }, 120_000);

  it('a step\'s check on a terminal: "Loket.nl controleren… 40%"; not on a pipe', async () => {
    const args = ['step', '2', '--non-interactive', '--webservice-user', 'Webservice#01', ...api()];
    const shown = await startCli(args, dir.path, { pty: true, columns: 100, env: env(), timeoutMs: 60_000 }).done;
    expect(stripAnsi(shown.stdout)).toMatch(/Loket\.nl controleren… \d{1,2}%/);
    const piped = await runCli(args, dir.path, { env: env(), timeoutMs: 60_000 });
    expect(piped.stderr).toContain('Loket.nl controleren…');
    expect(piped.stderr).not.toMatch(/controleren… \d/);
  }, 90_000);
});

describe.skipIf(!hasPty)('prose at 80 columns: step intros, explanations, hints and tickets break between words', () => {
  const INTROS: MessageKey[] = ['steps.1.intro', 'steps.2.intro', 'steps.2.checklist', 'steps.3.intro', 'steps.5.intro'];
  /** A text as the catalogue has it, up to its first placeholder (a URL there is one word anyway). */
  const intro = (key: MessageKey) => t(key, { url: '\u0000' }, 'nl').split('\u0000')[0]!;
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  /** What stays on the screen of each line: the text after the last return to column 1 (a spinner's), without escape codes. */
  const screen = (raw: string) => raw.split(/\r?\n/).map((line) => stripAnsi(line.split(/\r|\x1b\[1?G/).at(-1)!));
  /** A line that is one word, URL or command to type may be longer: it is never split. */
  const unbreakable = (line: string) => /^\s*\(?(\S+|loket-asr-setup .*)$/.test(line);

  it('the wizard in Dutch, all five steps: every line fits 80 columns, every intro is there word for word, no English word, "je" and plural forms', async () => {
    const run = await startCli(['--sandbox', '--non-interactive', '--answers', EXAMPLE, '--no-color'], dir.path, { pty: true, columns: 80, timeoutMs: 60_000 })
      .done;
    expect(run.code).toBe(0);
    const lines = screen(run.stdout);
    for (const line of lines) if (!unbreakable(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
    // A word cut at the edge would put a break inside it: the intro would not be found.
    const shown = words(lines.join('\n'));
    for (const key of INTROS) expect(shown).toContain(words(intro(key)));
    // A list item's continuation starts below its text (step 5's problem with a loonheffingennummer).
    const item = lines.findIndex((line) => line.startsWith('  - Fietsenmakerij Jacobs B.V. (20028) heeft een ongeldig'));
    expect(item, lines.join('\n')).toBeGreaterThanOrEqual(0);
    expect(lines[item + 1]).toMatch(/^ {4}\S/);
    // Dutch all the way: no English word of ours, "je" outside the tickets, plural forms.
    const text = lines.join('\n');
    expect(englishWords(text)).toEqual([]);
    expect(formalAddress(text)).toEqual([]);
    expect(pluralHacks(text)).toEqual([]);
  }, 90_000);

  it('a ticket on the terminal fits 80 columns word for word; through a pipe it keeps its own lines', async () => {
    await runCli(['--sandbox', '--non-interactive', '--answers', EXAMPLE], dir.path, { timeoutMs: 60_000 });
    const shown = await startCli(['--sandbox', 'ticket', 'autorisatie', '--no-color'], dir.path, { pty: true, columns: 80 }).done;
    expect(shown.code).toBe(0);
    const lines = screen(shown.stdout);
    for (const line of lines) if (!unbreakable(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
    const piped = await runCli(['--sandbox', 'ticket', 'autorisatie'], dir.path);
    expect(words(lines.join('\n'))).toContain(words(piped.stdout));
    expect(piped.stdout.split('\n').some((line) => line.length > 80)).toBe(true);
  }, 90_000);
});
