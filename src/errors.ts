/**
 * The tool's own errors. Every failure that reaches the user is one of these, so the exit code
 * (SPEC §6) and the fix ("hint") travel together. Messages are already translated.
 */
export const ExitCode = {
  ok: 0,
  checksFailed: 1,
  usage: 2,
  auth: 3,
  network: 4,
  local: 5,
  /** A bug: something the tool did not expect (SPEC §6). CI can tell it from drift (1). */
  internal: 70,
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliErrorOptions {
  hint?: string;
  cause?: unknown;
}

export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;
  constructor(message: string, exitCode: ExitCodeValue, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

/** Exit 1: a check failed or a step is not finished. */
export class ChecksFailedError extends CliError {
  constructor(message: string, options?: CliErrorOptions) {
    super(message, ExitCode.checksFailed, options);
  }
}

/**
 * Exit 1 without an error: the run stopped where it had to — a step waits on Loket.nl, a.s.r. or
 * the user. Printed as the plain note it is, never after "Fout:".
 */
export class NotFinishedError extends ChecksFailedError {}

/** Exit 2: bad usage, invalid or missing input. */
export class UsageError extends CliError {
  constructor(message: string, options?: CliErrorOptions) {
    super(message, ExitCode.usage, options);
  }
}

export interface MissingInput {
  /** What is missing, in the user's words. */
  field: string;
  /** How to give it: flag, env var and/or answers-file key. */
  flag?: string;
  env?: string;
  key?: string;
}

/** Exit 2: non-interactive run with inputs missing; lists all of them at once. */
export class MissingInputsError extends UsageError {
  readonly missing: MissingInput[];
  constructor(message: string, missing: MissingInput[], options?: CliErrorOptions) {
    super(message, options);
    this.missing = missing;
  }
}

/** Exit 3: not logged in, token rejected, refresh failed. */
export class AuthError extends CliError {
  constructor(message: string, options?: CliErrorOptions) {
    super(message, ExitCode.auth, options);
  }
}

export interface ApiErrorDetails {
  method?: string;
  /** Path without query string. */
  path?: string;
  status?: number;
  /** Loket's own message (one line, redacted). */
  loketMessage?: string;
  /** Network error code (ECONNRESET, ENOTFOUND, …). */
  code?: string;
  /** The answer had no body (Loket's 404 and 500 never have one, loket-api.md §4). */
  bodyless?: boolean;
  /** Which endpoint of loket-api.md §5 (E1…E15): a refusal names its activity. */
  endpoint?: string;
  /**
   * The refusal did not come from Loket but from something in between (a proxy, firewall, portal):
   * what gave it away. Such an error carries no `status`, so nobody reads it as Loket's refusal.
   */
  intermediary?: string;
}

/** Exit 4: network trouble or an answer from Loket we cannot use. */
export class ApiError extends CliError {
  readonly details: ApiErrorDetails;
  constructor(message: string, details: ApiErrorDetails = {}, options?: CliErrorOptions) {
    super(message, ExitCode.network, options);
    this.details = details;
  }
}

/** Exit 5: local configuration or file-system problem. */
export class LocalError extends CliError {
  constructor(message: string, options?: CliErrorOptions) {
    super(message, ExitCode.local, options);
  }
}

/** Exit 130/143: Ctrl+C or SIGTERM. */
export class InterruptedError extends CliError {
  constructor(message: string, signal: 'SIGINT' | 'SIGTERM' = 'SIGINT') {
    super(message, signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted);
  }
}

export function exitCodeOf(error: unknown): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  return ExitCode.internal;
}
