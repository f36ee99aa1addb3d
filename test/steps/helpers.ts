import { UsageError } from '../../src/errors.js';
/**
 * Steps are tested by calling them (style habit 8): the suite's command context (a real store in a
 * temp dir, a fixed clock, captured output) on a real simulator on loopback, turned into a step
 * context by src/cli/step-context.ts's stepContext — with answers (non-interactive) or a scripted prompter.
 */
import { stepContext } from '../../src/cli/step-context.js';
import { startSandbox, type SandboxHandle, type ScenarioName } from '../../src/sandbox/server.js';
import type { AnswersFile } from '../../src/steps/answers.js';
import type { StepContext } from '../../src/steps/context.js';
import type { Profile, Store } from '../../src/store/index.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { tempDir } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import type { Capture } from '../helpers/streams.js';

export { NOW } from '../helpers/context.js';
export { scriptedPrompter, type ScriptedPrompter } from '../helpers/prompter.js';

export interface Harness {
  ctx: StepContext;
  store: Store;
  sandbox: SandboxHandle;
  stdout: Capture;
  stderr: Capture;
  dir: string;
  /** A fresh step context on the same store and simulator (e.g. the next run with other answers). */
  rerun(options?: ContextOptions): StepContext;
  close(): Promise<void>;
}

export interface ContextOptions {
  answers?: AnswersFile;
  flags?: Record<string, unknown>;
  prompter?: Prompter;
  allowUnverifiable?: boolean;
}

export interface HarnessOptions extends ContextOptions {
  scenario?: ScenarioName;
  /** Progress saved before the step runs. */
  profile?: (draft: Profile) => void;
  browser?: { available: boolean; open(url: string): boolean };
}

export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = tempDir('loket-asr-setup-steps-');
  const sandbox = await startSandbox({ scenario: options.scenario ?? 'default' });
  const test = testContext({
    configDir: dir.path,
    sandbox,
    ...(options.prompter ? { prompter: options.prompter } : {}),
    ...(options.browser ? { browser: options.browser } : {}),
  });
  const store = test.ctx.store();
  if (options.profile) store.update(options.profile);
  const build = (context: ContextOptions): StepContext =>
    stepContext(test.ctx, {
      local: { ...context.flags, ...(context.allowUnverifiable ? { allowUnverifiable: true } : {}) },
      ...(context.answers ? { answers: context.answers } : {}),
      ...(context.prompter ? { prompter: context.prompter } : {}),
    });
  return {
    ctx: build(options),
    store,
    sandbox,
    stdout: test.stdout,
    stderr: test.stderr,
    dir: dir.path,
    rerun: (context = {}) => build(context),
    async close() {
      await test.finish();
      await sandbox.close();
      dir.remove();
    },
  };
}

/** The error an answers file with invalid values gets: it is refused as a whole, before any step runs. */
export function answersRefusal(h: Harness, answers: ContextOptions['answers']): Error {
  try {
    h.rerun({ answers });
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('the answers were accepted');
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
    draft.tickets.webservicepartij = { loketTicketNumber: 'LKT-1', sentAt: at, answeredAt: at, answeredBy: OFFICE.contactName };
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
