/**
 * What authentication needs from the program around it — declared here, by the consumer, the way
 * gh's auth package declares its own Prompt and config interfaces. The CLI's CommandContext
 * satisfies it structurally; auth never imports the CLI.
 */
import type { Choice } from '../ui/prompt.js';

export interface AuthOptions {
  profile: string;
  env: string;
  apiUrl?: string;
  authUrl?: string;
  timeoutMs: number;
  concurrency: number;
  debug: boolean;
}

export interface AuthPrompter {
  input(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  secret(options: { message: string }): Promise<string>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
  select?<T>(options: { message: string; choices: Array<Choice<T>> }): Promise<T>;
}

export interface AuthOutput {
  readonly json: boolean;
  info(text: string): void;
  warn(text: string): void;
  debug(text: string): void;
}

export interface AuthDeps {
  options: AuthOptions;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl+C / SIGTERM and at the end of the run. */
  signal: AbortSignal;
  interactive: boolean;
  prompter: AuthPrompter;
  out: AuthOutput;
  /** The client id recorded at the last login of this profile (read without the lock). */
  savedClientId(): string | undefined;
  /** The command line to type for `args` in this run's profile and environment (for hints). */
  commandLine(...args: string[]): string;
}
