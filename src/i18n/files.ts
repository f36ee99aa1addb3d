/**
 * File problems in words. A user who gave us a path should read "het bestand bestaat niet", not
 * `ENOENT`, and a JSON mistake should come with its line and column — in their language, not V8's
 * English (whose wording also changes between Node versions, so it is not parsed here).
 */
import { t, type MessageKey } from './index.js';

const WORDS = new Set(['EISDIR', 'EEXIST', 'ENOTDIR', 'ENOTREG', 'ELOOP', 'ENOSPC', 'EROFS', 'EBUSY', 'ENAMETOOLONG', 'EMFILE', 'EILSEQ']);

/** Why a file could not be read (`read`) or written (`write`): words for the usual errno codes. */
export function fileProblem(code: string | undefined, mode: 'read' | 'write' = 'read'): string {
  const known = code ?? 'EIO';
  if (known === 'ENOENT' || known === 'EACCES') return t(`core.file.${known}.${mode}` as MessageKey);
  if (known === 'EPERM') return t(`core.file.EACCES.${mode}`);
  if (known === 'ENFILE') return t('core.file.EMFILE');
  if (WORDS.has(known)) return t(`core.file.${known}` as MessageKey);
  return t('core.file.other', { code: known.replace(/[^A-Z0-9_]/gi, '').slice(0, 32) || 'EIO' });
}

/** Whether `prefix` can still grow into valid JSON: it parses, or it only lacks an ending. */
function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input/i.test(message)) return true;
    const at = /at position (\d+)/.exec(message);
    return at !== null && Number(at[1]) >= prefix.length;
  }
}

/** A character shown safely: printable ones quoted, the rest as an escape. */
function shown(char: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `'${char}'` : JSON.stringify(char);
}

/**
 * Where `text` stops being JSON, as "regel 3, kolom 9: …" — or undefined when it is valid JSON.
 * The place is found without reading V8's message: the longest prefix that could still become
 * valid JSON ends just before the first wrong character (a binary search; prefixes stay viable
 * until the first mistake and never again after it).
 */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    // Not JSON: find where.
  }
  let offset: number;
  if (viablePrefix(text)) {
    // Viable but unfinished: it ends too early.
    offset = text.length;
  } else {
    // Invariant: text.slice(0, good) is viable, text.slice(0, bad) is not.
    let good = 0;
    let bad = text.length;
    while (bad - good > 1) {
      const middle = (good + bad) >>> 1;
      if (viablePrefix(text.slice(0, middle))) good = middle;
      else bad = middle;
    }
    offset = bad - 1;
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return t('core.json.at', { line, column, what: describe(text, offset) });
}

function describe(text: string, offset: number): string {
  if (text.trim() === '') return t('core.json.empty');
  if (offset >= text.length) return t('core.json.end');
  const char = text[offset]!;
  const previous = text.slice(0, offset).trimEnd().at(-1);
  if ((char === '}' || char === ']') && previous === ',') return t('core.json.trailingComma', { char: shown(char) });
  if (char === "'") return t('core.json.singleQuote');
  // Outside a text these are white space; where they are the mistake, they stand inside one.
  if (/[\t\n\r]/.test(char)) return t('core.json.control');
  try {
    // Everything before this character is a complete value: something follows the end.
    JSON.parse(text.slice(0, offset));
    return t('core.json.afterEnd', { char: shown(char) });
  } catch {
    return t('core.json.unexpected', { char: shown(char) });
  }
}
