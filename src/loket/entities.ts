/**
 * The entities Benefits-Plaza reads and what proves the webservice user may read them
 * (loket-api.md §6). Data, so the [assumed] right wording can change without touching logic.
 */
import type { AuthorizationAnswer } from './schemas.js';

export const ENTITIES = ['werkgever', 'persoon', 'verlof'] as const;
export type Entity = (typeof ENTITIES)[number];

export interface EntityProof {
  /** Activity-style E6 answer [doc names]. */
  activity: string;
  /** Right-style E6 answer [assumed wording]; "Beheren …" implies "Raadplegen …". */
  right: RegExp;
}

export const ENTITY_PROOF: Readonly<Record<Entity, EntityProof>> = {
  werkgever: { activity: 'GetEmployerByEmployerId', right: /\b(raadplegen|beheren)\b.*werkgever/i },
  persoon: {
    activity: 'GetEmployeesByEmployerId',
    right: /\b(raadplegen|beheren)\b.*(werknemer|medewerker|persoon|dienstverband)/i,
  },
  verlof: { activity: 'GetLeaveByEmploymentId', right: /\b(raadplegen|beheren)\b.*verlof/i },
};

export type EntityAccess = 'pass' | 'fail' | 'unverifiable';

/**
 * Per entity: does this answer grant the read access Benefits-Plaza needs? A matching right whose
 * `isEnabled` Loket left out proves nothing either way: unverifiable, never pass.
 */
export function entityAccess(answer: AuthorizationAnswer): Record<Entity, EntityAccess> {
  const access = (entity: Entity): EntityAccess => {
    const proof = ENTITY_PROOF[entity];
    if (answer.kind === 'activities') {
      return answer.activities.some((activity) => activity.toLowerCase() === proof.activity.toLowerCase()) ? 'pass' : 'fail';
    }
    const matching = answer.rights.filter((right) => proof.right.test(right.description));
    if (matching.some((right) => right.enabled === true)) return 'pass';
    return matching.some((right) => right.enabled === null) ? 'unverifiable' : 'fail';
  };
  return { werkgever: access('werkgever'), persoon: access('persoon'), verlof: access('verlof') };
}
