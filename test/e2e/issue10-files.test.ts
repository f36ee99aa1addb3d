/**
 * The smaller things of issue 10's item 14, in Dutch through the built CLI (the English side and
 * every shape error are in test/faults/input.test.ts): file problems in words (no raw ENOENT or
 * EISDIR), a JSON mistake with its line and column, every invalid value of an answers file in one
 * run, and dates as people write them (DD-MM-JJJJ, "gisteren").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const RAW = /ENOENT|EISDIR|EACCES|ENOTDIR|errno|syscall/;
const OFFICE = { name: 'Kantoor B', contactName: 'Bea Bos', email: 'bea@kantoorb.example', phone: '0201234567' };

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const file = (name: string, content: string): string => dir.write(name, content);

describe('file problems in Dutch words', () => {
  it('an answers file that does not exist, and one with a trailing comma: what is wrong, where; exit 2, nothing written', async () => {
    const missing = join(dir.path, 'bestaat-niet.json');
    const absent = await runCli(['--answers', missing], dir.path);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain(`Fout: Kan het antwoordenbestand ${missing} niet lezen: het bestand bestaat niet.`);
    expect(absent.stderr).not.toMatch(RAW);

    const comma = file('antwoorden.json', '{\n  "office": {"name": "Kantoor B"},\n}');
    const broken = await runCli(['--answers', comma], dir.path);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`Het antwoordenbestand ${comma} is geen geldige JSON: regel 3, kolom 1: een komma te veel vóór '}'`);
    expect(broken.stderr).not.toMatch(/Unexpected token|SyntaxError|position \d/);
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });

  it('--out into a folder that does not exist, or onto a folder: exit 5, in words, with what to do', async () => {
    const nowhere = join(dir.path, 'geen', 'map', 'werkgevers.csv');
    const exported = await runCli(['--sandbox', 'employers', 'export', '--out', nowhere], dir.path);
    expect(exported.code).toBe(5);
    expect(exported.stderr).toContain(`Fout: Kan ${nowhere} niet schrijven: de map waarin het moet komen bestaat niet.`);
    expect(exported.stderr).toContain('Oplossing: ');
    expect(exported.stderr).not.toMatch(RAW);

    for (const [key, value] of Object.entries({ 'office.name': OFFICE.name, 'office.contactName': OFFICE.contactName, 'office.email': OFFICE.email })) {
      expect((await runCli(['config', 'set', key, value], dir.path)).code).toBe(0);
    }
    const ticket = await runCli(['ticket', 'omgevingscode', '--out', dir.path], dir.path);
    expect(ticket.code).toBe(5);
    expect(ticket.stderr).toContain(`Kan ${dir.path} niet schrijven: dat is een map, geen bestand.`);
    expect(ticket.stderr).not.toMatch(RAW);
  });
});

describe('answers files as people write them', () => {
  it('every invalid value at once, in Dutch, each with its field: exit 2, nothing written', async () => {
    const answers = file(
      'antwoorden.json',
      JSON.stringify({ office: { ...OFFICE, email: 'bea-at-kantoorb', phone: '12' }, asr: { submittedAt: '31-02-2026' }, environmentCode: 'A B' }),
    );
    const r = await runCli(['--answers', answers], dir.path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Fout: Het antwoordenbestand ${answers} klopt niet:`);
    for (const field of ['office.email', 'office.phone', 'asr.submittedAt', 'environmentCode'])
      expect(r.stderr).toMatch(new RegExp(`^  - ${field.replace('.', '\\.')} \\(`, 'm'));
    expect(r.stderr).toMatch(/asr\.submittedAt \(.*\): die dag staat niet in de kalender/);
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });

  it('dates as DD-MM-JJJJ and "gisteren", in the answers file and as a flag', async () => {
    const answers = file(
      'antwoorden.json',
      JSON.stringify({ office: OFFICE, tickets: { webservicepartij: { sentAt: '05-10-2020', answeredAt: '12/10/2020' } } }),
    );
    const r = await runCli(['--sandbox', 'step', '1', '--answers', answers], dir.path);
    expect(r.code, r.stderr).toBe(0);
    const saved = () => JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8')).profiles.sandbox;
    expect(saved().tickets.webservicepartij).toMatchObject({ sentAt: '2020-10-05T00:00:00.000Z', answeredAt: '2020-10-12T00:00:00.000Z' });

    // "gisteren" is the calendar day before today in the system's time zone (taken before and after
    // the run, so a run across midnight still has its day among them).
    const yesterday = () => {
      const date = new Date();
      date.setDate(date.getDate() - 1);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}T00:00:00.000Z`;
    };
    expect((await runCli(['--sandbox', 'employers', 'list', '--refresh'], dir.path)).code).toBe(0);
    const before = yesterday();
    const marked = await runCli(['--sandbox', 'employers', 'mark', '20002', 'requested', '--date', 'gisteren'], dir.path);
    const after = yesterday();
    expect(marked.code, marked.stderr).toBe(0);
    const employer = Object.values(saved().employers as Record<string, { employerNumber: number; history: Array<{ at: string }> }>).find(
      (e) => e.employerNumber === 20002,
    )!;
    expect([before, after]).toContain(employer.history.at(-1)!.at);
  });
});
