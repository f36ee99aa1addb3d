/**
 * Text that comes from outside (Loket's answers, files the user hands us) is untrusted: a company
 * name could carry terminal escape sequences that clear the screen or retitle the window, a carriage
 * return that overwrites its own line, or bidi controls that reorder what a person reads. It is made
 * safe once, where it enters (the Loket client's parse step), so every later use — terminal, ticket,
 * export, report — sees plain text.
 */

/** CSI (`ESC [ … final`) and OSC (`ESC ] … BEL|ST`) sequences, and any other lone ESC + one character. */
const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[\s\S]?|\x9b[0-?]*[ -/]*[@-~]/g;
/** C0 and C1 control characters (tab, CR and LF included) and DEL. */
const CONTROL = /[\x00-\x1f\x7f-\x9f]/g;
/** Bidi embeddings, overrides and isolates, and the invisible direction marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What sanitizeLine would change: a control character (ESC and CSI are among them), a bidi control,
 * white space other than a single space between words, or space at either end. Most of Loket's
 * texts have none; they are returned as they are, without five replacements each.
 */
const NOT_PLAIN_LINE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[^\S ]|  |^ | $/;

/** One line of plain text: escape sequences and bidi controls removed, control characters and runs of white space folded to one space. */
export function sanitizeLine(text: string): string {
  return NOT_PLAIN_LINE.test(text) ? foldLine(text) : text;
}

/** sanitizeLine without the shortcut for plain text (exported for the test that holds the two equal). */
export function foldLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(BIDI, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Like sanitizeLine, but keeps line breaks (a multi-line message); other controls go. */
export function sanitizeText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(BIDI, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(CONTROL, ' ').replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
}
