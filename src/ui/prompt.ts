/**
 * Prompting. `canPrompt()` is the single decision (SPEC §4, style habit 3); every prompt checks it
 * again and throws a named error instead of hanging when there is no terminal.
 */
import { InterruptedError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isTruthy } from '../env.js';

export interface PromptPolicyInput {
  nonInteractive: boolean;
  env: NodeJS.ProcessEnv;
  stdinIsTTY: boolean | undefined;
  stdoutIsTTY: boolean | undefined;
}

/** `--non-interactive`, then a truthy `CI`, then both stdin and stdout must be terminals. */
export function canPrompt({ nonInteractive, env, stdinIsTTY, stdoutIsTTY }: PromptPolicyInput): boolean {
  if (nonInteractive) return false;
  if (isTruthy(env.CI)) return false;
  return stdinIsTTY === true && stdoutIsTTY === true;
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
}

function isExitPromptError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** inquirer, loaded on first use; Ctrl+C inside a prompt becomes exit 130 like a signal would. */
export function createInquirerPrompter(allowed: boolean, output: NodeJS.WritableStream = process.stderr): Prompter {
  const load = async () => {
    if (!allowed) throw new NoTtyError();
    return import('@inquirer/prompts');
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
  const context = { output };
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
          },
          context,
        ),
      );
    },
    async secret(options) {
      const { password } = await load();
      return guard(() => password({ message: options.message, mask: '•' }, context));
    },
    async confirm(options) {
      const { confirm } = await load();
      return guard(() =>
        confirm(
          {
            message: options.message,
            default: options.default ?? false,
            // inquirer answers "Yes"/"No"; show the answer in the user's language (keys stay y/n).
            transformer: (yes) => t(yes ? 'core.prompt.yes' : 'core.prompt.no'),
          },
          context,
        ),
      );
    },
    async select(options) {
      const { select } = await load();
      return guard(() =>
        select(
          {
            message: options.message,
            choices: options.choices,
            pageSize: options.pageSize ?? 10,
            ...(options.default !== undefined ? { default: options.default } : {}),
          },
          context,
        ),
      );
    },
    async search(options) {
      const { search } = await load();
      return guard(() => search({ message: options.message, source: async (term) => options.source(term), pageSize: options.pageSize ?? 12 }, context));
    },
  };
}
