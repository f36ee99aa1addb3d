/**
 * What a step gets (style habit 1): only what it needs. Steps never import commander, chalk or
 * inquirer; questions go through `inputs`, talk through `out`, Loket through `loket()`.
 */
import type { Lang } from '../i18n/index.js';
import type { LoketSession } from '../auth/session.js';
import type { Profile, StepId, StepState, Store } from '../store/index.js';
import type { Output } from '../ui/output.js';
import type { InputDef } from './inputs.js';
import type { Inputs } from './resolver.js';

export interface StepContext {
  store: Store;
  inputs: Inputs;
  out: Output;
  /** Opens the Loket.nl session on first use (login, or the simulator with --sandbox). */
  loket(): Promise<LoketSession>;
  now(): Date;
  lang: Lang;
  /** `--allow-unverifiable` and similar run-wide switches. */
  flags: { allowUnverifiable: boolean };
  /** The terminal's width for tables, or undefined when stdout is not a terminal. */
  width: number | undefined;
  /** The command line to type for `args`, with this run's profile / sandbox / environment (for hints). */
  commandLine(...args: string[]): string;
  signal: AbortSignal;
  /** The desktop's browser (src/ui/browser.ts): whether there is one, and opening a page in it. */
  browser: { available: boolean; open(url: string): boolean };
}

export interface StepResult {
  state: StepState;
  /** One line for the wizard's summary. */
  summary: string;
}

export interface Step {
  id: StepId;
  title(): string;
  /**
   * Inputs this step still needs, given what is saved: a non-interactive run checks all of them
   * for every step it will run, before anything is written (fail fast, list everything).
   */
  needs(profile: Readonly<Profile>): InputDef[];
  /** Rules across inputs (e.g. dates in order), checked on the same projected profile; throws UsageError. */
  validate?(profile: Readonly<Profile>): void;
  run(ctx: StepContext): Promise<StepResult>;
}

export interface StepOutcome {
  step: StepId;
  state: StepState;
  summary: string;
}

export interface RunReport {
  results: StepOutcome[];
  /** The profile before the run, to show what was answered (report.ts answersFragment). */
  before: Readonly<Profile>;
  /** The user chose "stop" in the menu. */
  stopped: boolean;
}
