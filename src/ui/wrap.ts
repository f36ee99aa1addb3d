/**
 * Prose for a terminal: each line longer than the width breaks between words, never inside one, so
 * a terminal does not cut "loonheffingennummer" in two at its edge. A continuation line keeps the
 * line's indentation, and under a list item ("- ", "✔ ", "1. ", the overview's "● 2. ") it starts
 * below the text, not the marker; under an aligned "Label:   value" line, below the value. Spaces
 * inside a line stay as they are. A URL is one word; so is a command to type ("loket-asr-setup step 3 --sandbox"): it moves
 * to the next line whole, so a copied hint still runs. A word or command longer than the width keeps
 * a line of its own, which the terminal then folds (most copy such a line back as one).
 */
import { stripVTControlCharacters } from 'node:util';
import { pieces, SGR, visibleWidth, wrapText } from './table.js';

/** A list item's marker, or a step line of the overview ("● 2. ", "◐ 3. "). */
const MARKER = /^(?:[●◐○▲] \d{1,2}\. |[-*•✔✖⚠→] |\d{1,2}[.)] )/;
/** An aligned "Label:   value" line (a checklist, a form summary): it continues under the value. */
const ALIGNED = /^[^\s:][^:]*: {2,}(?=\S)/;
/** Holds the words of a command together while the line is wrapped (a private-use character). */
const GLUE = '\ue000';
/** The program's name as a word of its own: where a command to type begins. */
const COMMAND_START = /^["'(`]?loket-asr-setup$/;
/** A word that ends the sentence's command: a closing quote or bracket, or punctuation. */
const COMMAND_END = /["'`),.;:]$/;
/** Below this many columns beside the marker, continuation lines start at the left edge instead. */
const MIN_HANGING_ROOM = 20;

/** `text` with every line that is wider than `width` broken between words (see above). */
export function wrapProse(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  const visible = stripVTControlCharacters(line);
  if (visibleWidth(visible) <= width) return line;
  const indent = /^ */.exec(visible)![0].length;
  const rest = visible.slice(indent);
  const marker = [...(MARKER.exec(rest) ?? ALIGNED.exec(rest) ?? [''])[0]].length;
  const hanging = width - indent - marker >= MIN_HANGING_ROOM ? indent + marker : 0;
  const [head, tail] = splitVisible(line, hanging);
  // Colours opened in the head go on in the tail (wrapText carries them over each break).
  const lines = wrapText((head.match(SGR) ?? []).join('') + glueCommands(tail), width - hanging, false);
  return lines
    .map((part, index) => (index === 0 ? head : ' '.repeat(hanging)) + part)
    .join('\n')
    .replaceAll(GLUE, ' ');
}

/** The first `count` visible characters of `text` (with the colour codes among them), and the rest. */
function splitVisible(text: string, count: number): [string, string] {
  const { list, trailing } = pieces(text);
  const join = (part: typeof list): string => part.map((piece) => piece.codes + piece.char).join('');
  return [join(list.slice(0, count)), join(list.slice(count)) + trailing];
}

/** Joins the words of each command with GLUE, from `loket-asr-setup` to the word that ends it. */
function glueCommands(text: string): string {
  const out: string[] = [];
  let open = false;
  for (const word of text.split(' ')) {
    const bare = stripVTControlCharacters(word);
    if (open && bare !== '' && !bare.startsWith('(')) {
      out[out.length - 1] += GLUE + word;
      open = !COMMAND_END.test(bare);
    } else {
      out.push(word);
      open = COMMAND_START.test(bare);
    }
  }
  return out.join(' ');
}
