/**
 * The one place that decides whether to ask (style habit 2, SPEC §4): flag → env → answers file →
 * saved progress → prompt. A value that came from anywhere but the prompt is never asked for; an
 * invalid one is refused naming where it came from.
 */
import { MissingInputsError, UsageError, type MissingInput } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { localDay } from '../ui/time.js';
import type { Choice, PickOptions, Prompter } from '../ui/prompt.js';
import { validateDate, type Validation } from '../validate/index.js';
import type { AnswersFile } from './answers.js';
import { getByPath } from '../store/index.js';
import { INPUT_LIST, type InputDef } from './inputs.js';

/** A saved date as the prompt offers it: 28-10-2026 in Dutch (as the label asks), 2026-10-28 in English. */
function writtenDay(iso: string): string {
  // The person's day: a date saved as "vandaag" is a moment, and after midnight here UTC is still yesterday.
  const day = localDay(iso);
  return getLang() === 'nl' ? day.split('-').reverse().join('-') : day;
}

function describeMissing(input: InputDef): MissingInput {
  return { field: t(input.label), flag: input.flag.split(' ')[0]!, env: input.env, key: input.key };
}

export interface InputSources {
  /** The command's own options (commander camelCase names). */
  flags: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  answers?: AnswersFile;
}

interface Given {
  value: string;
  /** How the user spelled the source, for error messages: `--contact-email`, `LOKET_…`, `answers: office.email`. */
  source: string;
}

/** Resolves inputs for the steps; the one place that decides whether to ask. */
export class Inputs {
  constructor(
    private readonly sources: InputSources,
    private readonly prompter: Prompter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get interactive(): boolean {
    return this.prompter.interactive;
  }

  private raw(input: InputDef): Given | undefined {
    const flagValue = this.sources.flags[input.name];
    if (flagValue !== undefined && flagValue !== false) {
      return { value: flagValue === true ? 'true' : String(flagValue), source: input.flag.split(' ')[0]! };
    }
    const envValue = this.sources.env[input.env];
    if (envValue !== undefined && envValue !== '') return { value: envValue, source: input.env };
    const answer = this.sources.answers ? getAnswer(this.sources.answers, input.key) : undefined;
    if (answer !== undefined) return { value: String(answer), source: `--answers: ${input.key}` };
    return undefined;
  }

  private check(input: InputDef, raw: string): Validation {
    if (input.kind === 'date') return validateDate(raw, this.now());
    if (input.kind === 'flag') return { ok: true, value: /^(1|true|yes|ja|on)$/i.test(raw.trim()) ? 'true' : 'false' };
    return input.validate ? input.validate(raw) : { ok: true, value: raw.trim() };
  }

  /**
   * Every value of the answers file checked at once, before any step runs: one line per invalid value
   * (its key, the field, why), so a file with several mistakes is not fixed one run at a time.
   */
  answerProblems(): string[] {
    const answers = this.sources.answers;
    if (!answers) return [];
    return INPUT_LIST.flatMap((input) => {
      const answer = getAnswer(answers, input.key);
      if (answer === undefined) return [];
      const result = this.check(input, String(answer));
      return result.ok ? [] : [`  - ${input.key} (${t(input.label)}): ${result.reason}`];
    });
  }

  /** The value given by flag, env or answers file (validated), or undefined. Invalid → exit 2 naming the source. */
  given(input: InputDef): string | undefined {
    const raw = this.raw(input);
    if (!raw) return undefined;
    const result = this.check(input, raw.value);
    if (!result.ok) {
      throw new UsageError(t('steps.input.invalid', { field: t(input.label), source: raw.source, reason: result.reason }));
    }
    return result.value;
  }

  /** True when the input was given without prompting. */
  has(input: InputDef): boolean {
    return this.given(input) !== undefined;
  }

  /**
   * Fail fast (style habit 4): when nobody can be asked, list every input in `needed` that has no
   * value yet — all of them, in one error, before anything is written.
   */
  requireAll(needed: InputDef[]): void {
    if (this.interactive) return;
    const missing = needed.filter((input) => this.given(input) === undefined);
    if (missing.length) throw missingInputs(missing);
  }

  /** Given → saved → prompt (re-asked until valid) → MissingInputsError when nobody can be asked. */
  async text(input: InputDef, options: { saved?: string; default?: string; message?: string; reask?: boolean } = {}): Promise<string> {
    const given = this.given(input);
    if (given !== undefined) return given;
    if (options.saved !== undefined && !options.reask) return options.saved;
    if (!this.interactive) throw missingInputs([input]);
    const fallback = options.saved ?? options.default;
    const answer = await this.prompter.input({
      message: options.message ?? t(input.label),
      ...(fallback !== undefined ? { default: input.kind === 'date' ? writtenDay(fallback) : fallback } : {}),
      validate: (value) => {
        const result = this.check(input, value);
        return result.ok ? true : result.reason;
      },
    });
    const result = this.check(input, answer);
    if (!result.ok) throw new UsageError(t('steps.input.invalid', { field: t(input.label), source: t(input.label), reason: result.reason }));
    return result.value;
  }

  /** A yes/no that can also be given as a flag; `undefined` when nobody can be asked and nothing was given. */
  async confirm(input: InputDef | undefined, message: string, fallback = false): Promise<boolean | undefined> {
    const given = input ? this.given(input) : undefined;
    if (given !== undefined) return given === 'true';
    if (!this.interactive) return undefined;
    return this.prompter.confirm({ message, default: fallback });
  }

  /**
   * Like text(), for a value that may honestly be unknown (a ticket number nobody wrote down):
   * given → saved → prompt, where an empty answer means "not known" (undefined).
   */
  async optionalText(input: InputDef, options: { saved?: string; message?: string } = {}): Promise<string | undefined> {
    const given = this.given(input);
    if (given !== undefined) return given;
    if (options.saved !== undefined) return options.saved;
    if (!this.interactive) return undefined;
    const answer = await this.prompter.input({
      message: options.message ?? t(input.label),
      validate: (value) => {
        if (value.trim() === '') return true;
        const result = this.check(input, value);
        return result.ok ? true : result.reason;
      },
    });
    if (answer.trim() === '') return undefined;
    const result = this.check(input, answer);
    return result.ok ? result.value : undefined;
  }

  /** A question that has no flag of its own (a reason, a note); only asked interactively. */
  async ask(message: string, validate: (raw: string) => Validation): Promise<string> {
    const answer = await this.prompter.input({
      message,
      validate: (value) => {
        const result = validate(value);
        return result.ok ? true : result.reason;
      },
    });
    const result = validate(answer);
    if (!result.ok) throw new UsageError(result.reason);
    return result.value;
  }

  /** Menus and pickers without an answers key (the wizard's menu, step 5's employer picker). */
  select<T>(message: string, choices: Array<Choice<T>>, fallback?: T): Promise<T> {
    return this.prompter.select({ message, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
  }

  search<T>(message: string, source: (term: string | undefined) => Array<Choice<T>>): Promise<T> {
    return this.prompter.search({ message, source });
  }

  /** Several of many, the same way everywhere (src/ui/selection.ts): step 5's employer picker. */
  pick<T>(options: PickOptions<T>): Promise<T[]> {
    return this.prompter.pick(options);
  }

  /** Step 5's answers-file `employers` map, keys as the user wrote them. */
  employerAnswers(): NonNullable<AnswersFile['employers']> {
    return this.sources.answers?.employers ?? {};
  }

  /** A choice from a list; given values are validated against the choices. `preferred` is the prompt's default. */
  async choice<T extends string>(input: InputDef, choices: Array<{ value: T; name: string; description?: string }>, saved?: T, preferred?: T): Promise<T> {
    const given = this.given(input);
    if (given !== undefined) return given as T;
    if (saved !== undefined) return saved;
    if (!this.interactive) throw missingInputs([input]);
    return this.prompter.select({ message: t(input.label), choices, ...(preferred !== undefined ? { default: preferred } : {}) });
  }
}

/** The one error for inputs nobody can be asked for: each with its flag, env var and answers key. */
function missingInputs(inputs: InputDef[]): MissingInputsError {
  return new MissingInputsError(t('core.err.missingInputs', { count: inputs.length }), inputs.map(describeMissing), { hint: t('core.err.missingInputsHint') });
}

function getAnswer(answers: AnswersFile, key: string): string | boolean | undefined {
  const value = getByPath(answers, key);
  return typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}
