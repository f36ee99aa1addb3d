/** The five steps of a.s.r.'s manual, in the manual's order; the wizard runs them from here. */
import type { StepId } from '../store/index.js';
import type { Step } from './context.js';
import { step1 } from './step1-verzoek-loket.js';
import { step2 } from './step2-webservicegebruiker.js';
import { step3 } from './step3-gegevens-instellen.js';
import { step4 } from './step4-aanmelden-asr.js';
import { step5 } from './step5-werkgevers-aanmelden.js';

export const STEPS: readonly Step[] = [step1, step2, step3, step4, step5];

export function stepById(id: StepId): Step {
  return STEPS.find((step) => step.id === id)!;
}
