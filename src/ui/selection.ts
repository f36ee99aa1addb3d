/**
 * The one selection behaviour of both employer pickers (`employers select` and step 5), without a
 * terminal: typing filters, Space toggles the highlighted choice, Enter toggles the single match (and
 * clears the search) or, with nothing typed, confirms. src/ui/picker.ts draws it; the suite's
 * scripted prompter drives the same function, so what the tests type is what a person types.
 */
import { sortedEmployers } from '../domain/employers.js';
import { t } from '../i18n/index.js';
import { plain } from './table.js';

export interface PickChoice<T> {
  /** The line shown in the list. */
  name: string;
  /** A few words for notices and the summary (e.g. employer number and name). */
  short: string;
  value: T;
  /** What typing searches in (default: `name`); spaces, dots and dashes do not count. */
  search?: string;
}

type SavedProfile = Parameters<typeof sortedEmployers>[0];
type SavedEmployer = ReturnType<typeof sortedEmployers>[number][1];

/**
 * Every saved employer as a choice of the picker, in the order of the employer tables, for both
 * pickers alike; `label` writes the line shown (step 5 adds the sign-up status). Number, name and
 * loonheffingennummers are all searchable.
 */
export function employerChoices(profile: SavedProfile, label: (id: string, employer: SavedEmployer) => string): Array<PickChoice<string>> {
  return sortedEmployers(profile).map(([id, e]) => ({
    name: label(id, e),
    short: `${e.employerNumber} ${plain(e.companyName)}`,
    value: id,
    search: `${e.employerNumber} ${e.companyName} ${e.payrollTaxNumbers.join(' ')}`,
  }));
}

export interface PickerState<T> {
  /** What was typed, without spaces (Space toggles). */
  term: string;
  /** The highlighted line among the matches. */
  active: number;
  selected: ReadonlySet<T>;
  /** What the last key did, shown under the list. */
  notice?: { kind: 'info' | 'error'; text: string };
  done: boolean;
}

export type PickerKey = { kind: 'line'; line: string } | { kind: 'space' } | { kind: 'enter' } | { kind: 'up' } | { kind: 'down' } | { kind: 'escape' };

export interface PickerResult<T> {
  state: PickerState<T>;
  /** Set when the key toggled a choice: the caller saves it at once (SPEC §7). */
  toggled?: { value: T; selected: boolean };
}

const compact = (text: string): string => text.toLowerCase().replace(/[\s.-]/g, '');

/** A search index built once: typing filters thousands of employers on every key press. */
export function searchIndex<T>(choices: ReadonlyArray<PickChoice<T>>): (term: string) => Array<PickChoice<T>> {
  const haystack = choices.map((choice) => compact(choice.search ?? choice.name));
  return (term) => {
    const needle = compact(term);
    return needle ? choices.filter((_, i) => haystack[i]!.includes(needle)) : [...choices];
  };
}

export function initialPickerState<T>(selected: Iterable<T>): PickerState<T> {
  return { term: '', active: 0, selected: new Set(selected), done: false };
}

function toggle<T>(state: PickerState<T>, choice: PickChoice<T>, clearTerm: boolean): PickerResult<T> {
  const selected = new Set(state.selected);
  const on = !selected.has(choice.value);
  if (on) selected.add(choice.value);
  else selected.delete(choice.value);
  const text = t(on ? 'prompt.pick.on' : 'prompt.pick.off', { name: choice.short });
  return {
    state: { ...state, selected, ...(clearTerm ? { term: '', active: 0 } : {}), notice: { kind: 'info', text } },
    toggled: { value: choice.value, selected: on },
  };
}

/** One key: the next state, and which choice it toggled, if any. */
export function pickerKey<T>(matchesOf: (term: string) => Array<PickChoice<T>>, state: PickerState<T>, key: PickerKey): PickerResult<T> {
  const { notice: _shown, ...rest } = state;
  const quiet: PickerState<T> = rest;
  const matches = matchesOf(state.term);
  switch (key.kind) {
    case 'line': {
      const term = key.line.replace(/\s/g, '');
      return { state: term === state.term ? state : { ...quiet, term, active: 0 } };
    }
    case 'escape':
      return { state: { ...quiet, term: '', active: 0 } };
    case 'up':
    case 'down': {
      if (matches.length === 0) return { state };
      const step = key.kind === 'up' ? -1 : 1;
      return { state: { ...quiet, active: (state.active + step + matches.length) % matches.length } };
    }
    case 'space': {
      const choice = matches[state.active];
      return choice ? toggle(state, choice, false) : { state };
    }
    case 'enter': {
      if (state.term === '') return { state: { ...quiet, done: true } };
      if (matches.length === 1) return toggle(state, matches[0]!, true);
      const text =
        matches.length === 0 ? t('prompt.pick.noMatch', { term: state.term }) : t('prompt.pick.several', { count: matches.length, term: state.term });
      return { state: { ...state, notice: { kind: 'error', text } } };
    }
  }
}

/** The selected values in the order of the choices. */
export function selectedValues<T>(choices: ReadonlyArray<PickChoice<T>>, selected: ReadonlySet<T>): T[] {
  return choices.filter((choice) => selected.has(choice.value)).map((choice) => choice.value);
}

const UNCHANGED_NAMES = 10;

/**
 * What a pick changed, for the line after the picker: counts, then every name added (+) and removed
 * (−), and the names that stayed selected (=), the first ten of them.
 */
export function selectionSummary<T>(choices: ReadonlyArray<PickChoice<T>>, before: Iterable<T>, after: Iterable<T>): string {
  const was = new Set(before);
  const now = new Set(after);
  const added = choices.filter((c) => now.has(c.value) && !was.has(c.value));
  const removed = choices.filter((c) => was.has(c.value) && !now.has(c.value));
  const unchanged = choices.filter((c) => was.has(c.value) && now.has(c.value));
  const counts = { selected: now.size, total: choices.length };
  const lines = [
    added.length + removed.length === 0
      ? t('prompt.pick.summaryUnchanged', counts)
      : t('prompt.pick.summary', { ...counts, added: added.length, removed: removed.length, unchanged: unchanged.length }),
    ...added.map((c) => `  + ${c.short}`),
    ...removed.map((c) => `  − ${c.short}`),
  ];
  if (unchanged.length > 0) {
    const names = unchanged
      .slice(0, UNCHANGED_NAMES)
      .map((c) => c.short)
      .join(', ');
    const more = unchanged.length - UNCHANGED_NAMES;
    lines.push(`  = ${more > 0 ? t('prompt.pick.more', { names, count: more }) : names}`);
  }
  return lines.join('\n');
}
