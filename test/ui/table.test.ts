import { describe, expect, it } from 'vitest';
import { plain, renderTable, terminalWidth, truncate, visibleWidth } from '../../../src/ui/table.js';

const RED = '\x1b[31m';
const RESET = '\x1b[39m';

describe('table renderer', () => {
  it('pads columns to the widest cell, right-aligns when asked, and leaves no trailing spaces', () => {
    const text = renderTable(
      [{ header: 'nr', align: 'right' }, { header: 'naam' }, { header: 'status' }],
      [
        ['7', 'Bakkerij Jansen', 'ok'],
        ['20720', 'Kok', 'signed-up'],
      ],
    );
    expect(text.split('\n')).toEqual([
      '   nr  naam             status',
      '─────  ───────────────  ─────────',
      '    7  Bakkerij Jansen  ok',
      '20720  Kok              signed-up',
    ]);
  });

  it('does not count colour codes in the width', () => {
    const text = renderTable([{ header: 'a' }, { header: 'b' }], [[`${RED}FOUT${RESET}`, 'x']]);
    const [header, , row] = text.split('\n');
    expect(header).toBe('a     b');
    expect(row).toBe(`${RED}FOUT${RESET}  x`);
    expect(visibleWidth(row!)).toBe(visibleWidth(header!));
  });

  it('fits a maximum width by cutting the shrinkable columns, widest first', () => {
    const rows = [['20720', 'Transportbedrijf Hendriks & Zonen B.V.', 'Koppel Webservice#01 in Loket.nl aan deze werkgever, via het team van Benefits-Plaza.']];
    const text = renderTable([{ header: 'nr' }, { header: 'naam', shrink: true }, { header: 'oplossing', shrink: true }], rows, { maxWidth: 60 });
    const lines = text.split('\n');
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(60);
    expect(lines[2]).toContain('20720');
    // The long fix text gives up 61 characters, the name only 13: both end up equally wide.
    expect(lines[2]).toBe('20720  Transportbedrijf Hendrik…  Koppel Webservice#01 in L…');
  });

  it('without shrinkable columns only the last one is cut; a hopeless width cuts whole lines', () => {
    const text = renderTable([{ header: 'nr' }, { header: 'tekst' }], [['1', 'x'.repeat(50)]], { maxWidth: 20 });
    expect(text.split('\n')[2]).toBe(`1   ${'x'.repeat(15)}…`);
    const narrow = renderTable([{ header: 'nummer' }, { header: 'tekst', minWidth: 10 }], [['123456', 'y'.repeat(30)]], { maxWidth: 10 });
    for (const line of narrow.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(10);
  });

  it('truncate keeps colour codes, closes them after a cut and counts characters, not bytes', () => {
    expect(truncate(`${RED}abcdef${RESET}`, 4)).toBe(`${RED}abc…\x1b[0m`);
    expect(truncate('é'.repeat(5), 5)).toBe('ééééé');
    expect(truncate('abc', 0)).toBe('');
  });

  it('plain() removes control characters and line breaks from outside text', () => {
    expect(plain('Bakkerij\n\x1b[31mJansen\t B.V.\u0007')).toBe('Bakkerij [31mJansen B.V.');
  });

  it('terminalWidth: only for a TTY with a known width', () => {
    expect(terminalWidth({ isTTY: true, columns: 100 })).toBe(100);
    expect(terminalWidth({ isTTY: false, columns: 100 })).toBeUndefined();
    expect(terminalWidth({ isTTY: true })).toBeUndefined();
  });
});
