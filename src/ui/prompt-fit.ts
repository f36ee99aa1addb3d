/**
 * Prompt lines that fit the terminal, for src/ui/prompt.ts and the picker (src/ui/picker.ts).
 */
import { visibleWidth, wrapText } from './table.js';

/**
 * Prompt lines that break between words at the terminal's width. inquirer breaks a line that is too
 * long at the last column, inside a word or an identifier ("De Vrie|s", "LKT-2026-|10501",
 * "483254642L|01"); these texts reach it already broken, with continuation lines indented under the
 * text. One per prompt: `beside` remembers how much of the message's last line is taken.
 */
export interface PromptFit {
  /** The terminal's width now (inquirer's own fallback, 80, when it does not say). */
  width(): number;
  /** The question, broken to fit after the "? " and `reserve` columns kept free on its last line. */
  message(text: string, reserve?: number): string;
  /** Text that follows the message on its last line (a default, an answer, a count), or under it when it does not fit. */
  beside(text: string): string;
  /** A choice or a notice, broken to fit after `indent` columns (a cursor, a mark), continuing under its text. */
  block(text: string, indent: number): string;
}

export function promptFit(width: () => number): PromptFit {
  let used = 0;
  const lines = (text: string, room: number) => text.split('\n').flatMap((line) => wrapText(line, Math.max(room, 20), false));
  return {
    width,
    message(text, reserve = 0) {
      const broken = lines(text, width() - 2 - reserve);
      used = 2 + visibleWidth(broken.at(-1) ?? '');
      return broken.join('\n  ');
    },
    beside(text) {
      const size = visibleWidth(text);
      if (used + 1 + size <= width()) {
        used += 1 + size;
        return text;
      }
      const broken = lines(text, width() - 2);
      used = 2 + visibleWidth(broken.at(-1) ?? '');
      return `\n  ${broken.join('\n  ')}`;
    },
    block(text, indent) {
      return lines(text, width() - indent).join(`\n${' '.repeat(indent)}`);
    },
  };
}
