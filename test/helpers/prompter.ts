/**
 * The one scripted prompter of the suite (like gh's PrompterMock): answers prompts whose message
 * matches a pattern, each entry used once, in any order. Input answers go through the prompt's
 * validator like a user's would: a rejected answer is recorded and the next matching entry is
 * tried. A prompt nobody scripted fails the test, and so does an answer left unused at the end.
 */
import { afterEach, expect } from 'vitest';
import type { Choice, PickOptions, Prompter } from '../../src/ui/prompt.js';
import { initialPickerState, pickerKey, searchIndex, selectedValues, type PickerKey } from '../../src/ui/selection.js';

/**
 * A scripted answer: a value, or a function that gets what the prompt got — the choices of a
 * select/search/pick, the options of an input/secret/confirm — and returns (or resolves to) the answer.
 * A pick takes the keys a person would type, as a string: ⏎ Enter, ␣ Space, ↑ ↓, ⎋ Esc, ⌫ Backspace,
 * anything else typed (e.g. '20005⏎⏎': type 20005, Enter toggles the single match, Enter confirms).
 */
export type Answer = string | boolean | ((arg: PromptArgument) => unknown);

/** What an answer function gets: typed as both, since one script mixes prompt kinds. */
type PromptArgument = Array<Choice<unknown>> & { message?: string; default?: string; validate?: (value: string) => true | string };

export interface ScriptedPrompter extends Prompter {
  /** Every prompt message, in order. */
  asked: string[];
  /** Validation messages an input prompt showed before accepting an answer. */
  rejected: string[];
  /** The scripted answers nobody asked for (checked after each test). */
  unused(): RegExp[];
}

const live = new Set<ScriptedPrompter>();
afterEach(() => {
  const left = [...live].flatMap((prompter) => prompter.unused());
  live.clear();
  expect(left, 'scripted answers that no prompt used').toEqual([]);
});

export function scriptedPrompter(script: Array<[RegExp, Answer]>): ScriptedPrompter {
  const entries = script.map(([pattern, answer]) => ({ pattern, answer, used: false }));
  const asked: string[] = [];
  const rejected: string[] = [];
  const next = (message: string): Answer => {
    const entry = entries.find((e) => !e.used && e.pattern.test(message));
    if (!entry) throw new Error(`unexpected prompt: ${message}`);
    entry.used = true;
    return entry.answer;
  };
  const prompter: ScriptedPrompter = {
    interactive: true,
    asked,
    rejected,
    unused: () => entries.filter((e) => !e.used).map((e) => e.pattern),
    async input(options) {
      const { message, default: fallback, validate } = options;
      asked.push(message);
      for (;;) {
        const answer = next(message);
        const given = typeof answer === 'function' ? await answer(options as unknown as PromptArgument) : answer;
        const value = given === '' && fallback !== undefined ? fallback : String(given);
        const verdict = validate ? validate(value) : true;
        if (verdict === true) return value;
        rejected.push(verdict);
      }
    },
    async secret(options) {
      asked.push(options.message);
      const answer = next(options.message);
      return String(typeof answer === 'function' ? await answer(options as unknown as PromptArgument) : answer);
    },
    async confirm(options) {
      asked.push(options.message);
      const answer = next(options.message);
      return (typeof answer === 'function' ? await answer(options as unknown as PromptArgument) : answer) === true;
    },
    async select({ message, choices }) {
      asked.push(message);
      const answer = next(message);
      return (typeof answer === 'function' ? await answer(choices as PromptArgument) : answer) as never;
    },
    async search({ message, source }) {
      asked.push(message);
      const answer = next(message);
      return (typeof answer === 'function' ? await answer((await source(undefined)) as PromptArgument) : answer) as never;
    },
    async pick(options) {
      asked.push(options.message);
      const answer = next(options.message);
      if (typeof answer === 'function') return (await answer(options.choices as PromptArgument)) as never;
      return typeKeys(options, String(answer));
    },
  };
  live.add(prompter);
  return prompter;
}

const KEYS: Record<string, PickerKey['kind']> = { '⏎': 'enter', '␣': 'space', '↑': 'up', '↓': 'down', '⎋': 'escape' };

/** Drives the picker's own key handling (src/ui/selection.ts) with the keys of a script. */
function typeKeys<T>(options: PickOptions<T>, keys: string): T[] {
  const matchesOf = searchIndex(options.choices);
  let state = initialPickerState(options.selected);
  const typed = [...keys];
  for (const [i, key] of typed.entries()) {
    const kind = KEYS[key];
    const event: PickerKey = kind === undefined ? { kind: 'line', line: key === '⌫' ? state.term.slice(0, -1) : state.term + key } : ({ kind } as PickerKey);
    const result = pickerKey(matchesOf, state, event);
    if (result.toggled) options.onToggle?.(result.toggled.value, result.toggled.selected);
    state = result.state;
    if (state.done) {
      if (i < typed.length - 1) throw new Error(`the picker "${options.message}" closed before the keys ${typed.slice(i + 1).join('')}`);
      return selectedValues(options.choices, state.selected);
    }
  }
  throw new Error(`the picker "${options.message}" is still open after the keys ${keys}${state.notice ? ` (it says: ${state.notice.text})` : ''}`);
}

/** For runs that must not ask anything: every prompt fails the test. */
export const noPrompts: Prompter = {
  interactive: false,
  input: () => Promise.reject(new Error('no prompt expected')),
  secret: () => Promise.reject(new Error('no prompt expected')),
  confirm: () => Promise.reject(new Error('no prompt expected')),
  select: () => Promise.reject(new Error('no prompt expected')),
  search: () => Promise.reject(new Error('no prompt expected')),
  pick: () => Promise.reject(new Error('no prompt expected')),
};
