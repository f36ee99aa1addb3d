import { describe, expect, it } from 'vitest';
import { plain, renderTable, terminalWidth, visibleWidth, wrapText, type Column } from '../../src/ui/table.js';

const RED = '\x1b[31m';
const RESET = '\x1b[39m';

/** The shape of `employers list`: an identifier, a name, identifiers again, short labels and a text. */
const COLUMNS: Column[] = [
  { header: 'nummer', align: 'right' },
  { header: 'naam', wrap: 'text', minWidth: 14 },
  { header: 'loonheffingennummers', wrap: 'words' },
  { header: 'status' },
  { header: 'laatste controle', wrap: 'text', minWidth: 12 },
];
const ROWS = [
  ['20002', 'Hoveniersbedrijf Van den Berg & Zonen B.V.', '630189791L01 249566758L01', 'aangemeld', 'gekoppeld (01-12-2026)'],
  ['20008', 'Installatiebedrijf Vermeulen & Zonen B.V.', '483254642L01', '', 'niet gekoppeld (01-12-2026)'],
];

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

  it('without a width (a file or a pipe) every row stays on one line', () => {
    const lines = renderTable(COLUMNS, ROWS).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('Hoveniersbedrijf Van den Berg & Zonen B.V.  630189791L01 249566758L01  aangemeld  gekoppeld (01-12-2026)');
  });

  it('at 120 columns the whole table fits on one line per row', () => {
    const lines = renderTable(COLUMNS, ROWS, { maxWidth: 120 }).split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(120);
  });

  it('at 80 columns long text wraps inside its column and no identifier is cut', () => {
    const text = renderTable(COLUMNS, ROWS, { maxWidth: 80 });
    expect(text.split('\n')).toEqual([
      'nummer  naam                     loonheffingennummers  status     laatste',
      '                                                                  controle',
      '──────  ───────────────────────  ────────────────────  ─────────  ──────────────',
      ' 20002  Hoveniersbedrijf Van     630189791L01          aangemeld  gekoppeld',
      '        den Berg & Zonen B.V.    249566758L01                     (01-12-2026)',
      ' 20008  Installatiebedrijf       483254642L01                     niet gekoppeld',
      '        Vermeulen & Zonen B.V.                                    (01-12-2026)',
    ]);
    for (const line of text.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(80);
  });

  it('a header wraps between its words before a column is widened for it', () => {
    const text = renderTable([{ header: 'nr' }, { header: 'laatste controle', wrap: 'text', minWidth: 8 }], [['1', 'gekoppeld']], { maxWidth: 14 });
    expect(text.split('\n')).toEqual(['nr  laatste', '    controle', '──  ──────────', '1   gekoppeld']);
  });

  it('a terminal too narrow for the columns gets one block per row, with every value whole', () => {
    const text = renderTable(COLUMNS, ROWS, { maxWidth: 40 });
    expect(text).not.toContain('─');
    const blocks = text.split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.split('\n')[0]).toBe('nummer                20002');
    expect(blocks[0]).toContain('loonheffingennummers  630189791L01');
    expect(blocks[0]).toMatch(/\n {22}249566758L01/);
    // An empty cell is left out of its block.
    expect(blocks[1]).not.toContain('status');
    for (const line of text.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(40);
  });

  it('a very narrow terminal puts each value under its label', () => {
    const text = renderTable(COLUMNS, ROWS, { maxWidth: 30 });
    expect(text.split('\n').slice(0, 4)).toEqual(['nummer', '  20002', 'naam', '  Hoveniersbedrijf Van den']);
  });

  it('wrapText: between words; a word longer than the width is split only when allowed', () => {
    expect(wrapText('Bakkerij Jansen en Zonen', 10, true)).toEqual(['Bakkerij', 'Jansen en', 'Zonen']);
    expect(wrapText('Transportonderneming B.V.', 10, true)).toEqual(['Transporto', 'nderneming', 'B.V.']);
    expect(wrapText('123456782L01 249566758L01', 8, false)).toEqual(['123456782L01', '249566758L01']);
    expect(wrapText('kort', 10, true)).toEqual(['kort']);
    // Spaces inside a line stay; at a break they go.
    expect(wrapText('Status:  aangemeld  bij a.s.r.', 20, true)).toEqual(['Status:  aangemeld', 'bij a.s.r.']);
  });

  it('wrapText closes a colour at a line break and opens it again on the next line', () => {
    const lines = wrapText(`${RED}niet gekoppeld aan het team${RESET}`, 15, true);
    expect(lines).toEqual([`${RED}niet gekoppeld\x1b[0m`, `${RED}aan het team${RESET}`]);
    expect(lines.map(visibleWidth)).toEqual([14, 12]);
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
