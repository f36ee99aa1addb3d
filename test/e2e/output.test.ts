/**
 * How results read for a person, through the built CLI: tables at the terminal's width (under a
 * pseudo-terminal of 80 and 120 columns), local times, the Excel export, Dutch status labels,
 * progress on long checks and readable phone numbers in tickets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
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
