/**
 * Steps are tested by calling them (style habit 8): a real store in a temp dir, a real simulator on
 * loopback, captured output, and either answers (non-interactive) or a scripted prompter.
 */
import { setLang } from '../../src/i18n/index.js';
import { startSandbox, type SandboxHandle, type ScenarioName } from '../../src/sandbox/server.js';
import type { AnswersFile } from '../../src/steps/answers.js';
import type { StepContext } from '../../src/steps/context.js';
import { Inputs } from '../../src/steps/inputs.js';
import { openStore, type Profile, type Store } from '../../src/store/index.js';
import { Output } from '../../src/ui/output.js';
import type { Choice, Prompter } from '../../src/ui/prompt.js';
import { tempDir } from '../helpers/cli.js';
import { noPrompts, sandboxSession } from '../helpers/sandbox.js';
import { Capture } from '../helpers/streams.js';

type Answer = string | boolean | ((choices: Array<Choice<unknown>>) => unknown);

export interface ScriptedPrompter extends Prompter {
  /** Every prompt message, in order. */
  asked: string[];
  /** Validation messages an input prompt showed before accepting an answer. */
  rejected: string[];
}

/**
 * Answers prompts whose message matches a pattern, each entry used once, in any order. Input answers
 * go through the prompt's validator like a user's would: a rejected answer is recorded and the next
 * matching entry is tried. A prompt nobody scripted fails the test.
 */
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
  return {
    interactive: true,
    asked,
    rejected,
    async input({ message, default: fallback, validate }) {
      asked.push(message);
      for (;;) {
        const answer = next(message);
        const value = answer === '' && fallback !== undefined ? fallback : String(answer);
        const verdict = validate ? validate(value) : true;
        if (verdict === true) return value;
        rejected.push(verdict);
      }
    },
    async secret({ message }) {
      throw new Error(`a secret was asked for: ${message}`);
    },
    async confirm({ message }) {
      asked.push(message);
      return next(message) === true;
    },
    async select({ message, choices }) {
      asked.push(message);
      const answer = next(message);
      return (typeof answer === 'function' ? answer(choices as Array<Choice<unknown>>) : answer) as never;
    },
    async search({ message, source }) {
      asked.push(message);
      const answer = next(message);
      return (typeof answer === 'function' ? answer(source(undefined) as Array<Choice<unknown>>) : answer) as never;
    },
  };
}


export interface Harness {
  ctx: StepContext;
  store: Store;
  sandbox: SandboxHandle;
  stdout: Capture;
  stderr: Capture;
  dir: string;
  /** A fresh context on the same store and simulator (e.g. the next run with other answers). */
  rerun(options?: ContextOptions): StepContext;
  close(): Promise<void>;
}

export interface ContextOptions {
  answers?: AnswersFile;
  flags?: Record<string, unknown>;
  prompter?: Prompter;
  allowUnverifiable?: boolean;
}

/** The harness's fixed clock: timestamps in the store are asserted exactly. */
export const NOW = '2026-12-01T10:00:00.000Z';

export interface HarnessOptions extends ContextOptions {
  scenario?: ScenarioName;
  /** Progress saved before the step runs. */
  profile?: (draft: Profile) => void;
}

export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  setLang('nl');
  const dir = tempDir('loket-asr-setup-steps-');
  const sandbox = await startSandbox({ scenario: options.scenario ?? 'default' });
  const session = sandboxSession(sandbox);
  const stdout = new Capture();
  const stderr = new Capture();
  const out = new Output({ json: false, color: false, debug: false, stdout, stderr });
  const store = openStore({ dir: dir.path, profile: 'test', lock: true, warn: (message) => stderr.write(`${message}\n`) });
  if (options.profile) store.update(options.profile);
  const build = (context: ContextOptions): StepContext => ({
    store,
    inputs: new Inputs({ flags: context.flags ?? {}, env: {}, ...(context.answers ? { answers: context.answers } : {}) }, context.prompter ?? noPrompts, () => new Date(NOW)),
    out,
    loket: async () => session,
    now: () => new Date(NOW),
    lang: 'nl',
    flags: { allowUnverifiable: context.allowUnverifiable === true },
    width: undefined,
    signal: new AbortController().signal,
  });
  return {
    ctx: build(options),
    store,
    sandbox,
    stdout,
    stderr,
    dir: dir.path,
    rerun: (context = {}) => build(context),
    async close() {
      store.close();
      await session.close();
      await sandbox.close();
      dir.remove();
    },
  };
}

/** The simulator's default office, as the answers file of examples/answers.json describes it. */
export const OFFICE = {
  name: 'Administratiekantoor De Vries & Partners',
  contactName: 'Jan de Vries',
  email: 'j.devries@devries-partners.example',
  phone: '013-1234567',
};

/** Progress as it is after steps 1–4 (for steps that come later). */
export function throughStep(step: 1 | 2 | 3 | 4) {
  return (draft: Profile): void => {
    const at = '2026-10-01T00:00:00.000Z';
    draft.office = { ...OFFICE, phone: '0131234567' };
    draft.provider = { id: 'p', name: 'Administratiekantoor De Vries & Partners (fictief)' };
    draft.tickets.webservicepartij = { loketTicketNumber: 'LKT-1', sentAt: at };
    draft.steps['1'] = { state: 'done', completedAt: at };
    if (step >= 2) {
      draft.webserviceUser = 'Webservice#01';
      draft.steps['2'] = { state: 'done', completedAt: at };
    }
    if (step >= 3) {
      draft.route = 'ak-team';
      draft.environmentCode = 'DEVRIES-PRD';
      draft.confirmations.push({ subject: 'route', step: '3', by: 'test', at, reference: 'ak-team' });
      draft.confirmations.push({ subject: 'authorization', step: '3', by: 'Jan de Vries', at, reference: 'LKT-2026-10501' });
      draft.steps['3'] = { state: 'done', completedAt: at };
    }
    if (step >= 4) {
      draft.asr = { companyName: OFFICE.name, requestEmail: OFFICE.email, userName: 'Webservice#01', submittedAt: at, confirmedAt: at };
      draft.steps['4'] = { state: 'done', completedAt: at };
    }
  };
}

/** Employer ids by employer number, from the stored profile. */
export function employerId(store: Store, employerNumber: number): string {
  const found = Object.entries(store.profile().employers).find(([, e]) => e.employerNumber === employerNumber);
  if (!found) throw new Error(`employer ${employerNumber} not stored`);
  return found[0];
}
