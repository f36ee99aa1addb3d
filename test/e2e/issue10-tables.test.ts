/**
 * Step 5's selection table at the terminal's width (issue 10, item 4; verify's and employers list's
 * tables are in output.test.ts): at 120 columns one table whose long text wraps inside its column,
 * at 80 one block per employer — never a cut identifier, never a line the terminal has to fold.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';
import { renderScreen } from '../helpers/screen.js';
import { ptyWrapper, startCli } from '../helpers/spawn.js';

const REASON = 'webservicegebruiker Webservice#01 is niet aan deze werkgever gekoppeld';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** The example office, with 20008 (not linked to the webservice user) requested as well. */
function answers(): string {
  const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  doc.employers['20008'] = { status: 'requested' };
  const file = join(dir.path, 'answers.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** Step 5 of the wizard at `columns`, as the terminal shows it: its lines from the selection on. */
async function step5At(columns: number): Promise<{ lines: string[]; folded: number[] }> {
  const run = await startCli(['--sandbox', '--non-interactive', '--answers', answers(), '--no-color'], dir.path, { pty: true, columns, timeoutMs: 60_000 })
    .done;
  // 20008 waits for its sign-up: step 5 is not done.
  expect(run.code).toBe(1);
  const screen = renderScreen(run.stdout, columns);
  const start = screen.lines.findIndex((line) => line.startsWith('Stap 5 van 5'));
  expect(start, screen.lines.join('\n')).toBeGreaterThanOrEqual(0);
  return { lines: screen.lines.slice(start), folded: screen.folded.filter((row) => row > start) };
}

describe.skipIf(ptyWrapper() === undefined)("step 5's table at 120 and at 80 columns (pseudo-terminal; skipped without `script` or python3)", () => {
  it('120 columns: one table, the check wraps inside its column, every identifier whole', async () => {
    const { lines, folded } = await step5At(120);
    expect(folded).toEqual([]);
    const header = lines.findIndex((line) => /^Nummer {2}Werkgever +Loonheffingennummers +Status +Controle$/.test(line));
    expect(header, lines.join('\n')).toBeGreaterThan(0);
    const end = lines.findIndex((line, i) => i > header && line.trim() === '');
    const table = lines.slice(header, end);
    for (const line of table) expect([...line].length, line).toBeLessThanOrEqual(120);
    expect(table.join('\n')).not.toContain('…');
    // A list of loonheffingennummers breaks between the numbers, never inside one.
    expect(table.some((line) => /^ 20002 {2}Hoveniersbedrijf .* 630189791L01,? /.test(line))).toBe(true);
    expect(table.some((line) => / 255602297L02 /.test(line))).toBe(true);
    expect(table.join('\n').match(/\b\d{9}L\d{2}\b/g)).toEqual(['630189791L01', '255602297L02', '434338710L01', '483254642L01']);
    // The check of 20008 wraps in the last column: its lines there give the whole sentence.
    const column = table[0]!.indexOf('Controle');
    const row = table.findIndex((line) => line.startsWith(' 20008'));
    expect(row).toBeGreaterThan(0);
    const next = table.findIndex((line, i) => i > row && /^ \d{5}/.test(line));
    const check = table.slice(row, next < 0 ? undefined : next).map((line) => line.slice(column).trim());
    expect(check.length).toBeGreaterThan(1);
    expect(check.join(' ')).toBe(REASON);
  }, 90_000);

  it('80 columns: one block per employer, each line fitting, the numbers whole', async () => {
    const { lines, folded } = await step5At(80);
    expect(folded).toEqual([]);
    const first = lines.findIndex((line) => /^Nummer {16}20002$/.test(line));
    expect(first, lines.join('\n')).toBeGreaterThan(0);
    const blocks = lines.slice(
      first,
      lines.findIndex((line, i) => i > first && /^(bezig|klaar|aandacht nodig):/.test(line)),
    );
    for (const line of blocks) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(blocks).toContain('Loonheffingennummers  630189791L01, 255602297L02');
    expect(blocks).toContain('Nummer                20008');
    expect(blocks).toContain('Loonheffingennummers  483254642L01');
    expect(blocks.filter((line) => line.startsWith('Nummer '))).toHaveLength(4);
    const block = blocks.slice(blocks.indexOf('Nummer                20008'));
    const check = block.slice(0, block.indexOf(''));
    expect(
      check
        .slice(check.findIndex((line) => line.startsWith('Controle')))
        .map((line) => line.replace(/^Controle/, '').trim())
        .join(' ')
        .trim(),
    ).toBe(REASON);
  }, 90_000);
});
