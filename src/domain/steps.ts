/** The five steps of a.s.r.'s manual as progress facts: ids, titles, states and which comes next. No behaviour here. */
import { t, type MessageKey } from '../i18n/index.js';
import { STEP_IDS, type StepId, type StepState } from '../store/enums.js';
import type { Profile } from '../store/schema.js';

export { STEP_IDS };

export function stepTitle(id: StepId): string {
  return t(`steps.${id}.title` as MessageKey);
}

/** The first step that is not done, or undefined when all five are. */
export function firstUnfinished(profile: Pick<Profile, 'steps'>): StepId | undefined {
  return STEP_IDS.find((id) => profile.steps[id].state !== 'done');
}

export function stepStates(profile: Pick<Profile, 'steps'>): Record<StepId, StepState> {
  return Object.fromEntries(STEP_IDS.map((id) => [id, profile.steps[id].state])) as Record<StepId, StepState>;
}
