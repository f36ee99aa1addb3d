/**
 * The one scripted prompter of the suite (like gh's PrompterMock): answers prompts whose message
 * matches a pattern, each entry used once, in any order. Input answers go through the prompt's
 * validator like a user's would: a rejected answer is recorded and the next matching entry is
 * tried. A prompt nobody scripted fails the test, and so does an answer left unused at the end.
 */
import { afterEach, expect } from 'vitest';
import type { Choice, Prompter } from '../../src/ui/prompt.js';

/**
 * A scripted answer: a value, or a function that gets what the prompt got — the choices of a
 * select/search, the options of an input/secret/confirm — and returns (or resolves to) the answer.
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
  };
  live.add(prompter);
  return prompter;
}

/** For runs that must not ask anything: every prompt fails the test. */
export const noPrompts: Prompter = {
  interactive: false,
  input: () => Promise.reject(new Error('no prompt expected')),
  secret: () => Promise.reject(new Error('no prompt expected')),
  confirm: () => Promise.reject(new Error('no prompt expected')),
  select: () => Promise.reject(new Error('no prompt expected')),
  search: () => Promise.reject(new Error('no prompt expected')),
};
