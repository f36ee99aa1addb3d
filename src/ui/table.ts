/**
 * Tables for results on stdout, fitted to the terminal: identifiers are never cut, long text wraps
 * inside its column, and when even that does not fit, every row becomes a block of "label value"
 * lines. Colour codes (SGR) may appear in cells: they take no width and are carried over a line
 * break. Wide (CJK) characters count as one column; company names in Loket are Latin script, and a
 * slightly ragged row is better than a dependency.
 */
import { stdout } from './stdio.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /**
   * How a cell gives up width when the table must fit: `none` (the default) keeps it on one line
   * (identifiers, short labels); `words` wraps between words and never splits one (a list of
   * loonheffingennummers); `text` wraps between words and splits only a word longer than the column
   * (names, messages).
   */
  wrap?: 'none' | 'words' | 'text';
  /** A `text` column is not made narrower than this (default 12): below it the rows become blocks. */
  minWidth?: number;
}

export interface TableOptions {
  /** Fit the table to this many columns (the terminal's width); undefined means one line per row. */
  maxWidth?: number;
  /** Spaces between columns (default 2). */
  gap?: number;
}

/** A colour code (SGR), everywhere in a text. */
export const SGR = /\x1b\[[0-9;]*m/g;
const SGR_AT = /\x1b\[[0-9;]*m/y;
/** Codes that end a style (reset, normal intensity, not italic/underlined/…, default colours). */
const CLOSE = /^\x1b\[(0|22|23|24|25|27|28|29|39|49)?m$/;
const CONTROL = /[\x00-\x1f\x7f-\x9f]+/g;
const RESET = '\x1b[0m';
/** A block's value is put under its label when less room than this is left beside it. */
const MIN_BLOCK_VALUE = 16;

/** Text from outside (Loket, the store) made safe for one cell: no control characters, one line. */
export function plain(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function visibleWidth(text: string): number {
  // Most cells are plain ASCII: no copy needed to count them.
  if (PLAIN_ASCII.test(text)) return text.length;
  return [...text.replace(SGR, '')].length;
}

/** The width to fit results to: the terminal's, or undefined when stdout is a file or pipe. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = stdout()): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}

/** Visible characters and colour codes, each code kept with the character that follows it. */
export interface Piece {
  codes: string;
  char: string;
}

export function pieces(text: string): { list: Piece[]; trailing: string } {
  const list: Piece[] = [];
  let codes = '';
  for (let i = 0; i < text.length;) {
    SGR_AT.lastIndex = i;
    const match = SGR_AT.exec(text);
    if (match) {
      codes += match[0];
      i += match[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    list.push({ codes, char });
    codes = '';
    i += char.length;
  }
  return { list, trailing: codes };
}

/**
 * Breaks `text` into lines of at most `width` visible characters, between words; a word longer than
 * the width is split when `split` (else it keeps its own, longer line). A colour that is open at a
 * line break is closed there and opened again on the next line.
 */
export function wrapText(text: string, width: number, split: boolean): string[] {
  if (visibleWidth(text) <= width) return [text];
  const { list, trailing } = pieces(text);
  // Words as runs of pieces, each with the spaces before it: kept inside a line (an aligned
  // "Label:   value" stays aligned), dropped at a break.
  const words: Array<{ pieces: Piece[]; gap: number }> = [];
  let current: Piece[] = [];
  let gap = 0;
  for (const piece of list) {
    if (piece.char === ' ') {
      if (current.some((p) => p.char !== '')) {
        words.push({ pieces: current, gap });
        current = [];
        gap = 0;
      }
      gap++;
      if (piece.codes) current.push({ codes: piece.codes, char: '' });
    } else current.push(piece);
  }
  if (current.length) words.push({ pieces: current, gap });

  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let used = 0;
  const size = (word: Piece[]) => word.filter((p) => p.char !== '').length;
  const flush = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const { pieces: whole, gap: spaces } of words) {
    let word = whole;
    let length = size(word);
    if (used > 0 && used + spaces + length > width) flush();
    while (split && length > width) {
      if (used > 0) flush();
      let taken = 0;
      let cut = 0;
      while (cut < word.length && (taken < width || word[cut]!.char === '')) {
        if (word[cut]!.char !== '') taken++;
        cut++;
      }
      line = word.slice(0, cut);
      flush();
      word = word.slice(cut);
      length = size(word);
    }
    if (word.length === 0) continue;
    if (used > 0) {
      for (let i = 0; i < spaces; i++) line.push({ codes: '', char: ' ' });
      used += spaces;
    }
    line.push(...word);
    used += length;
  }
  if (line.length || lines.length === 0) lines.push(line);

  // Colour across breaks: what was opened before a line is opened again at its start.
  let open = '';
  return lines.map((pieceLine, index) => {
    let out = open;
    for (const piece of pieceLine) {
      out += piece.codes + piece.char;
      for (const code of piece.codes.match(SGR) ?? []) open = CLOSE.test(code) ? '' : open + code;
    }
    if (index === lines.length - 1) return out + trailing;
    return open ? out + RESET : out;
  });
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

const longestWord = (text: string): number =>
  Math.max(
    0,
    ...text
      .replace(SGR, '')
      .split(' ')
      .map((word) => [...word].length),
  );

/** Gives `room` to the columns below `target`, in proportion to what each lacks; returns what is left. */
function share(widths: number[], target: number[], room: number): number {
  const lack = target.map((w, i) => Math.max(0, w - widths[i]!));
  const total = lack.reduce((sum, w) => sum + w, 0);
  if (total === 0 || room === 0) return room;
  if (total <= room) {
    lack.forEach((w, i) => (widths[i] = widths[i]! + w));
    return room - total;
  }
  const given = lack.map((w) => Math.floor((room * w) / total));
  given.forEach((w, i) => (widths[i] = widths[i]! + w));
  let left = room - given.reduce((sum, w) => sum + w, 0);
  // What the rounding left over goes to the columns that still lack the most.
  const order = lack.map((_, i) => i).sort((a, b) => target[b]! - widths[b]! - (target[a]! - widths[a]!));
  for (const i of order) {
    if (left === 0) break;
    if (widths[i]! < target[i]!) {
      widths[i] = widths[i]! + 1;
      left--;
    }
  }
  return left;
}

/** A `text` column is never made so narrow that a word of up to this many characters must be split. */
const UNSPLIT_WORD = 20;
/** At most this many rows are measured to share the room (spread over the table). */
const SAMPLE_ROWS = 100;

/**
 * The width of each column for `maxWidth`, or undefined when the table cannot fit: `none` columns
 * keep their width, `words` columns their longest word, `text` columns their minimum but never so
 * narrow that a word (of up to 20 characters) must be split; no header word is split either. The
 * room left goes, a step at a time, to the column (or columns) whose widening saves the most lines
 * per character (the rows' total height, measured on a sample); what is left after that to the
 * columns that would still wrap.
 */
function fitWidths(columns: Column[], rows: string[][], natural: number[], maxWidth: number, gap: number): number[] | undefined {
  const widths = columns.map((column, i) => {
    const wrap = column.wrap ?? 'none';
    if (wrap === 'none') return natural[i]!;
    const words = Math.max(longestWord(column.header), ...rows.map((row) => longestWord(row[i] ?? '')));
    if (wrap === 'words') return Math.max(1, words);
    return Math.max(1, Math.min(natural[i]!, column.minWidth ?? 12), Math.min(words, UNSPLIT_WORD));
  });
  let room = maxWidth - gap * (columns.length - 1) - widths.reduce((sum, w) => sum + w, 0);
  if (room < 0) return undefined;

  const step = Math.max(1, Math.ceil(rows.length / SAMPLE_ROWS));
  const sample = rows.filter((_, r) => r % step === 0);
  const flexible = columns.flatMap((column, i) => ((column.wrap ?? 'none') === 'none' ? [] : [i]));
  const memo = new Map<string, number[]>();
  const linesAt = (i: number, width: number): number[] => {
    const key = `${i}:${width}`;
    let lines = memo.get(key);
    if (!lines) {
      lines = sample.map((row) => wrapText(row[i] ?? '', width, columns[i]!.wrap === 'text').length);
      memo.set(key, lines);
    }
    return lines;
  };
  const height = (candidate: number[]): number => sample.reduce((sum, _, r) => sum + Math.max(1, ...flexible.map((i) => linesAt(i, candidate[i]!)[r]!)), 0);

  // Moves: one column wider, or every column as wide as it takes to make one row a line shorter
  // (a row is as high as its highest cell, so that may need several columns at once).
  const candidates = (): number[][] => {
    const moves: number[][] = [];
    for (const i of flexible) {
      for (let width = widths[i]! + 1; width <= Math.min(natural[i]!, widths[i]! + room); width++) moves.push(widths.map((w, j) => (j === i ? width : w)));
    }
    sample.forEach((_, r) => {
      const target = Math.max(1, ...flexible.map((i) => linesAt(i, widths[i]!)[r]!)) - 1;
      if (target < 1) return;
      const move = [...widths];
      for (const i of flexible) {
        while (move[i]! < natural[i]! && linesAt(i, move[i]!)[r]! > target) move[i]!++;
        if (linesAt(i, move[i]!)[r]! > target) return;
      }
      const cost = move.reduce((sum, w, i) => sum + w - widths[i]!, 0);
      if (cost > 0 && cost <= room) moves.push(move);
    });
    return moves;
  };
  for (let current = height(widths); room > 0;) {
    let best: { move: number[]; cost: number; saved: number; rate: number } | undefined;
    for (const move of candidates()) {
      const cost = move.reduce((sum, w, i) => sum + w - widths[i]!, 0);
      const saved = current - height(move);
      const rate = saved / cost;
      if (saved > 0 && (!best || rate > best.rate || (rate === best.rate && cost < best.cost))) best = { move, cost, saved, rate };
    }
    if (!best) break;
    room -= best.cost;
    best.move.forEach((w, i) => (widths[i] = w));
    current -= best.saved;
  }
  const cells = columns.map((_, i) => Math.max(0, ...rows.map((row) => visibleWidth(row[i] ?? ''))));
  room = share(widths, cells, room);
  share(widths, natural, room);
  return widths;
}

/** One block per row: "label  value" lines, the value wrapped beside (or under) its label; empty cells left out. */
function renderBlocks(columns: Column[], rows: string[][], maxWidth: number): string {
  const labelWidth = Math.max(...columns.map((column) => visibleWidth(column.header)));
  const beside = maxWidth - labelWidth - 2 >= MIN_BLOCK_VALUE;
  const valueWidth = beside ? maxWidth - labelWidth - 2 : Math.max(1, maxWidth - 2);
  const blocks = rows.map((row) =>
    columns
      .flatMap((column, i) => {
        const cell = row[i] ?? '';
        if (cell.replace(SGR, '').trim() === '') return [];
        const lines = wrapText(cell, valueWidth, column.wrap === 'text');
        if (!beside) return [column.header, ...lines.map((line) => `  ${line}`)];
        return lines.map((line, n) => `${n === 0 ? pad(column.header, labelWidth, 'left') : ' '.repeat(labelWidth)}  ${line}`);
      })
      .join('\n'),
  );
  return blocks.join('\n\n');
}

export function renderTable(columns: Column[], rows: string[][], options: TableOptions = {}): string {
  const gap = options.gap ?? 2;
  const natural = columns.map((column, i) => Math.max(visibleWidth(column.header), ...rows.map((row) => visibleWidth(row[i] ?? ''))));
  let widths = natural;
  if (options.maxWidth !== undefined && natural.reduce((sum, w) => sum + w, 0) + gap * (columns.length - 1) > options.maxWidth) {
    const fitted = fitWidths(columns, rows, natural, options.maxWidth, gap);
    if (!fitted) return renderBlocks(columns, rows, options.maxWidth);
    widths = fitted;
  }

  const lines = (cells: string[], header = false): string[] => {
    const wrapped = columns.map((column, i) => {
      const cell = cells[i] ?? '';
      return (column.wrap ?? 'none') === 'none' ? [cell] : wrapText(cell, widths[i]!, header || column.wrap === 'text');
    });
    const height = Math.max(...wrapped.map((cell) => cell.length));
    return Array.from({ length: height }, (_, n) =>
      columns
        .map((column, i) => pad(wrapped[i]![n] ?? '', widths[i]!, column.align ?? 'left'))
        .join(' '.repeat(gap))
        // No trailing spaces after the last column (nor after empty cells at the end of a line).
        .trimEnd(),
    );
  };

  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [
    ...lines(
      columns.map((c) => c.header),
      true,
    ),
    rule,
    ...rows.flatMap((row) => lines(row)),
  ].join('\n');
}
