/**
 * Prompting. `canPrompt()` is the single decision (SPEC §4, style habit 3); every prompt checks it
 * again and throws a named error instead of hanging when there is no terminal.
 */
import { styleText } from 'node:util';
import { InterruptedError, UsageError } from '../errors.js';
import { t, type MessageKey } from '../i18n/index.js';
import { isTruthy } from '../env.js';
import type { PickChoice } from './selection.js';
import { promptFit, type PromptFit } from './prompt-fit.js';
import { wrapProse } from './wrap.js';

export type { PickChoice } from './selection.js';

export interface PromptPolicyInput {
  nonInteractive: boolean;
  env: NodeJS.ProcessEnv;
  /**
   * Or a function, asked only when everything else allows a prompt: the first read of process.stdin
   * creates it, and for a file or a pipe that loads stream modules a run like `status > file` never needs.
   */
  stdinIsTTY: boolean | undefined | (() => boolean | undefined);
  stdoutIsTTY: boolean | undefined;
}

/** `--non-interactive`, then a truthy `CI`, then both stdin and stdout must be terminals. */
export function canPrompt({ nonInteractive, env, stdinIsTTY, stdoutIsTTY }: PromptPolicyInput): boolean {
  if (nonInteractive) return false;
  if (isTruthy(env.CI)) return false;
  if (stdoutIsTTY !== true) return false;
  return (typeof stdinIsTTY === 'function' ? stdinIsTTY() : stdinIsTTY) === true;
}

class NoTtyError extends UsageError {
  constructor() {
    super(t('core.err.noTty'), { hint: t('core.err.noTtyHint') });
  }
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

/** What steps may ask. Tests pass a scripted implementation; the CLI passes inquirer's. */
export interface Prompter {
  readonly interactive: boolean;
  input(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  secret(options: { message: string }): Promise<string>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
  select<T>(options: { message: string; choices: Array<Choice<T>>; default?: T; pageSize?: number }): Promise<T>;
  search<T>(options: { message: string; source: (term: string | undefined) => Array<Choice<T>>; pageSize?: number }): Promise<T>;
  /**
   * Several of many (src/ui/selection.ts): typing filters, Space toggles, Enter toggles the single
   * match or confirms. `onToggle` hears every toggle, so the caller can save it at once.
   */
  pick<T>(options: PickOptions<T>): Promise<T[]>;
}

export interface PickOptions<T> {
  message: string;
  choices: Array<PickChoice<T>>;
  selected: T[];
  onToggle?: (value: T, selected: boolean) => void;
  pageSize?: number;
}

/** inquirer's key hints name their actions in English; these are ours, in the user's language. */
const KEY_ACTIONS: Record<string, MessageKey> = {
  navigate: 'prompt.key.navigate',
  select: 'prompt.key.select',
  submit: 'prompt.key.submit',
  all: 'prompt.key.all',
  invert: 'prompt.key.invert',
};

function keysHelpTip(keys: Array<[string, string]>): string {
  return keys
    .map(([key, action]) => {
      const shownKey = key === 'space' ? t('prompt.key.space') : key;
      const shownAction = KEY_ACTIONS[action] ? t(KEY_ACTIONS[action]) : action;
      return `${styleText('bold', shownKey)} ${styleText('dim', shownAction)}`;
    })
    .join(styleText('dim', ' • '));
}

/** The one English text inquirer's search prints without asking its theme; a message starts with a capital, as a sentence. */
function errorStyle(fit: PromptFit): (text: string) => string {
  return (text) => {
    const shown = text === 'No results found' ? t('prompt.noResults') : text;
    const sentence = shown.charAt(0).toUpperCase() + shown.slice(1);
    return fit
      .block(`> ${sentence}`, 2)
      .split('\n')
      .map((line) => styleText('red', line))
      .join('\n');
  };
}

/**
 * The theme every prompt gets: the key hints and messages in the user's language, and lines that
 * fit. A yes/no question draws its answer before its message, so it keeps room for "(J/n)" instead.
 */
function theme(fit: PromptFit, kind: 'default' | 'confirm' = 'default') {
  const style =
    kind === 'confirm'
      ? { message: (text: string) => styleText('bold', fit.message(text, 7)) }
      : {
          message: (text: string) => styleText('bold', fit.message(text)),
          answer: (text: string) => fit.beside(styleText('cyan', text)),
          defaultAnswer: (text: string) => fit.beside(styleText('dim', `(${text})`)),
        };
  return { style: { keysHelpTip, error: errorStyle(fit), ...style }, i18n: { disabledError: t('prompt.disabledError') } };
}

/** A disabled choice says why (inquirer's own word for it is "(disabled)"); a long one breaks between words under its text. */
const fitted = <T>(choices: Array<Choice<T>>, fit: PromptFit) =>
  choices.map((choice) => ({
    ...choice,
    name: fit.block(choice.name, 2),
    // The answer shown after the question: the choice on one line (fit.beside breaks it if need be).
    short: choice.name,
    ...(choice.description !== undefined ? { description: wrapProse(choice.description, fit.width()) } : {}),
    ...(choice.disabled === true ? { disabled: t('prompt.disabled') } : {}),
  }));

function isExitPromptError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** inquirer, loaded on first use; Ctrl+C inside a prompt becomes exit 130 like a signal would. */
export function createInquirerPrompter(allowed: boolean, given?: NodeJS.WritableStream): Prompter {
  // process.stderr only when a prompt draws: a run that never asks does not create it (stdio.ts).
  const stream = (): NodeJS.WritableStream => given ?? process.stderr;
  const load = async () => {
    if (!allowed) throw new NoTtyError();
    return import('./inquirer.js');
  };
  const guard = async <R>(ask: () => Promise<R>): Promise<R> => {
    try {
      return await ask();
    } catch (error) {
      if (isExitPromptError(error)) throw new InterruptedError(t('core.err.interrupted'));
      throw error;
    }
  };
  // Prompts talk on stderr so stdout stays clean for results (`status > file` still asks nothing).
  const context = {
    get output() {
      return stream();
    },
  };
  // inquirer reads the width at every drawing, 80 when the terminal does not say: so does the fit.
  const width = () => (stream() as { columns?: number }).columns || 80;
  const fit = () => promptFit(width);
  return {
    interactive: allowed,
    async input(options) {
      const { input } = await load();
      return guard(() =>
        input(
          {
            message: options.message,
            ...(options.default !== undefined ? { default: options.default } : {}),
            ...(options.validate ? { validate: options.validate } : {}),
            theme: theme(fit()),
          },
          context,
        ),
      );
    },
    async secret(options) {
      const { password } = await load();
      return guard(() => password({ message: options.message, mask: '•', theme: theme(fit()) }, context));
    },
    async confirm(options) {
      const { confirm } = await load();
      return guard(() =>
        confirm(
          {
            message: options.message,
            default: options.default ?? false,
            // The hint takes the first letters: (J/n) in Dutch; j, ja, n, nee (and y, yes, no) are accepted.
            theme: { ...theme(fit(), 'confirm'), keywords: { yes: t('core.prompt.yes'), no: t('core.prompt.no'), error: () => t('prompt.confirm.invalid') } },
          },
          context,
        ),
      );
    },
    async select(options) {
      const { select } = await load();
      const shape = fit();
      return guard(() =>
        select(
          {
            message: options.message,
            choices: fitted(options.choices, shape),
            pageSize: options.pageSize ?? 10,
            theme: theme(shape),
            ...(options.default !== undefined ? { default: options.default } : {}),
          },
          context,
        ),
      );
    },
    async search(options) {
      const { search } = await load();
      const shape = fit();
      return guard(() =>
        search(
          { message: options.message, source: async (term) => fitted(options.source(term), shape), pageSize: options.pageSize ?? 12, theme: theme(shape) },
          context,
        ),
      );
    },
    async pick(options) {
      if (!allowed) throw new NoTtyError();
      const { pick } = await import('./picker.js');
      const shape = fit();
      return guard(() => pick({ ...options, pageSize: options.pageSize ?? 10, keysHelpTip, fit: shape, theme: theme(shape) }, context));
    },
  };
}
