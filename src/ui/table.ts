/**
 * A small table renderer for results on stdout. Colour codes (SGR) may appear in cells: they take no
 * width, survive truncation and are closed after a cut. Wide (CJK) characters count as one column;
 * company names in Loket are Latin script, and a slightly ragged row is better than a dependency.
 */

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be cut (with `…`) to make the table fit; when no column says so, the last one may. */
  shrink?: boolean;
  /** A shrinking column keeps at least this many characters (default 8). */
  minWidth?: number;
}

export interface TableOptions {
  /** Fit the table to this many columns (the terminal's width); undefined means never cut. */
  maxWidth?: number;
  /** Spaces between columns (default 2). */
  gap?: number;
}

const SGR = /\x1b\[[0-9;]*m/g;
const SGR_AT = /\x1b\[[0-9;]*m/y;
const CONTROL = /[\x00-\x1f\x7f-\x9f]+/g;
const ELLIPSIS = '…';

/** Text from outside (Loket, the store) made safe for one cell: no control characters, one line. */
export function plain(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

export function visibleWidth(text: string): number {
  return [...text.replace(SGR, '')].length;
}

/** Cuts to `width` visible characters, ending in `…`; colour codes are kept and closed. */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  let styled = false;
  for (let i = 0; i < text.length;) {
    SGR_AT.lastIndex = i;
    const code = SGR_AT.exec(text);
    if (code) {
      out += code[0];
      styled = true;
      i += code[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (used === width - 1) break;
    out += char;
    used++;
    i += char.length;
  }
  return `${out}${ELLIPSIS}${styled ? '\x1b[0m' : ''}`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The width to fit results to: the terminal's, or undefined when stdout is a file or pipe. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}

export function renderTable(columns: Column[], rows: string[][], options: TableOptions = {}): string {
  const gap = options.gap ?? 2;
  const widths = columns.map((column) => visibleWidth(column.header));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i]!, visibleWidth(row[i] ?? ''));
  }

  if (options.maxWidth !== undefined) {
    const flexible = columns.some((c) => c.shrink) ? columns.map((c) => c.shrink === true) : columns.map((_, i) => i === columns.length - 1);
    let excess = widths.reduce((sum, w) => sum + w, 0) + gap * (columns.length - 1) - options.maxWidth;
    // Take from the widest shrinkable column first, so short columns keep their text the longest.
    while (excess > 0) {
      let widest = -1;
      for (let i = 0; i < columns.length; i++) {
        const floor = columns[i]!.minWidth ?? 8;
        if (flexible[i] && widths[i]! > floor && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      }
      if (widest < 0) break;
      widths[widest] = widths[widest]! - 1;
      excess--;
    }
  }

  const line = (cells: string[]): string => {
    const text = columns
      .map((column, i) => {
        const cell = truncate(cells[i] ?? '', widths[i]!);
        // No trailing spaces after the last column.
        return i === columns.length - 1 && column.align !== 'right' ? cell : pad(cell, widths[i]!, column.align ?? 'left');
      })
      .join(' '.repeat(gap));
    return options.maxWidth !== undefined ? truncate(text, options.maxWidth) : text;
  };

  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [line(columns.map((c) => c.header)), options.maxWidth !== undefined ? truncate(rule, options.maxWidth) : rule, ...rows.map(line)].join('\n');
}
