/**
 * What a terminal of `width` columns shows after a run (with its scrollback): the text a pseudo-
 * terminal received, played like a terminal plays it — prompts that redraw themselves (cursor up,
 * erase line), spinners that rewrite their line, and lines longer than the width folded at the edge.
 * Only what the CLI and its prompt library send is understood: CSI cursor moves (A B C D G), erase in
 * line (K) and below (J); colours and modes are ignored.
 */

export interface Screen {
  lines: string[];
  /** Rows the terminal started itself because a line was longer than the width (0-based). */
  folded: number[];
}

export function renderScreen(raw: string, width: number): Screen {
  const rows: string[][] = [[]];
  const folded = new Set<number>();
  let row = 0;
  let col = 0;
  const line = (): string[] => {
    while (rows.length <= row) rows.push([]);
    return rows[row]!;
  };
  const csi = (params: string, command: string): void => {
    const n = Number(params.replace('?', '').split(';')[0] || '0');
    switch (command) {
      case 'A':
        row = Math.max(0, row - (n || 1));
        break;
      case 'B':
        row += n || 1;
        line();
        break;
      case 'C':
        col = Math.min(width - 1, col + (n || 1));
        break;
      case 'D':
        col = Math.max(0, col - (n || 1));
        break;
      case 'G':
        col = Math.max(0, (n || 1) - 1);
        break;
      case 'K': {
        const current = line();
        if (n === 2) current.length = 0;
        else if (n === 1) for (let i = 0; i <= col && i < current.length; i++) current[i] = ' ';
        else current.length = Math.min(current.length, col);
        break;
      }
      case 'J':
        if (n === 0) {
          line().length = Math.min(line().length, col);
          rows.length = row + 1;
        }
        break;
      default:
      // Colours (m), modes (h, l) and anything else: no change to the text.
    }
  };
  for (let i = 0; i < raw.length;) {
    const char = raw[i]!;
    if (char === '\x1b') {
      const sequence = /^\x1b\[([?0-9;]*)([A-Za-z])|^\x1b\][^\x07]*\x07|^\x1b./.exec(raw.slice(i, i + 64));
      if (sequence?.[2] !== undefined) csi(sequence[1]!, sequence[2]);
      i += sequence ? sequence[0].length : 1;
      continue;
    }
    i += 1;
    if (char === '\r') col = 0;
    else if (char === '\n') {
      row += 1;
      col = 0;
      line();
    } else if (char === '\b') col = Math.max(0, col - 1);
    else if (char < ' ') continue;
    else {
      const point = String.fromCodePoint(raw.codePointAt(i - 1)!);
      i += point.length - 1;
      if (col >= width) {
        row += 1;
        col = 0;
        folded.add(row);
      }
      const current = line();
      while (current.length < col) current.push(' ');
      current[col] = point;
      col += 1;
    }
  }
  return { lines: rows.map((cells) => cells.join('').trimEnd()), folded: [...folded].sort((a, b) => a - b) };
}

const bare = (token: string): string => token.replace(/^[("'“[]+|[)"'”\],.;:!?]+$/g, '');

/**
 * Words cut at the right edge: a line that fills the width and a next line that starts with a
 * character, whose last and first words together make a word that exists (on the screen or in
 * `words`) — "De Vrie|s", "LKT-2026-|10501", "perso|on". A line broken between two words joins into
 * no word and is not reported.
 */
export function cutWords(screen: Screen, width: number, words: Iterable<string> = []): string[] {
  const known = new Set([...words].map(bare));
  for (const token of screen.lines.join('\n').split(/\s+/)) known.add(bare(token));
  const cuts: string[] = [];
  screen.lines.forEach((text, index) => {
    const next = screen.lines[index + 1];
    if ([...text].length !== width || next === undefined || !/^\S/.test(next)) return;
    const joined = bare(`${text.split(' ').at(-1)}${next.split(' ')[0]}`);
    if (known.has(joined)) cuts.push(`${text}⏎${next}`);
  });
  return cuts;
}
