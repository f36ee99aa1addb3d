/**
 * The simulated Loket's authorization model (E14) and the logged-in user's activities per
 * employer (E7). Activity names are Loket's operationIds; the rights ("rechten") are made up but
 * Dutch and plausible. This is the simulator's own copy, deliberately not shared with the client:
 * the simulator plays the outside world.
 */
import type { RouteName } from './scenarios.js';

export interface Activity {
  name: string;
  functionalDescription: string;
  /** Rights that grant the activity; one is enough. */
  rights: readonly string[];
  roles: readonly ('Provider' | 'Werkgever')[];
  /** Listed by E7 (the user's activities at an employer). */
  employerLevel?: boolean;
}

export const MODULE = 'Loket basis';

export const ACTIVITIES: readonly Activity[] = [
  {
    name: 'GetUserByToken',
    functionalDescription: 'Ophalen van de gegevens van de ingelogde gebruiker',
    rights: ['Basisrechten'],
    roles: ['Provider', 'Werkgever'],
  },
  { name: 'GetProvidersByUser', functionalDescription: 'Ophalen van de providers van de gebruiker', rights: ['Basisrechten'], roles: ['Provider'] },
  {
    name: 'GetEmployersByUserId',
    functionalDescription: 'Ophalen van de werkgevers van de gebruiker',
    rights: ['Raadplegen werkgevers'],
    roles: ['Provider', 'Werkgever'],
  },
  {
    name: 'GetEmployersMinimizedByProviderId',
    functionalDescription: 'Ophalen van alle werkgevers van de provider',
    rights: ['Beheren werkgevers'],
    roles: ['Provider'],
  },
  {
    name: 'GetEmployerByEmployerId',
    functionalDescription: 'Ophalen van de gegevens van een werkgever',
    rights: ['Raadplegen werkgevers'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
  {
    name: 'GetAdministrationsByBearerToken',
    functionalDescription: 'Ophalen van alle administraties van de gebruiker',
    rights: ['Raadplegen administraties'],
    roles: ['Provider', 'Werkgever'],
  },
  {
    name: 'GetAdministrationsByEmployerId',
    functionalDescription: 'Ophalen van de administraties van een werkgever',
    rights: ['Raadplegen administraties'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
  {
    name: 'GetProviderUsersByProviderId',
    functionalDescription: 'Ophalen van de gebruikers van de provider',
    rights: ['Beheren gebruikers provider'],
    roles: ['Provider'],
  },
  {
    name: 'GetProviderUserAuthorizationGroupsByUserId',
    functionalDescription: 'Ophalen van de teams van een providergebruiker',
    rights: ['Beheren gebruikers provider', 'Beheren teams'],
    roles: ['Provider'],
  },
  { name: 'GetAuthorizationGroupsByProviderId', functionalDescription: 'Ophalen van de teams van de provider', rights: ['Beheren teams'], roles: ['Provider'] },
  {
    name: 'GetAuthorizationGroupUsersByAuthorizationGroupId',
    functionalDescription: 'Ophalen van de gebruikers van een team',
    rights: ['Beheren teams'],
    roles: ['Provider'],
  },
  {
    name: 'GetAuthorizationGroupEmployersByAuthorizationGroupId',
    functionalDescription: 'Ophalen van de werkgevers van een team',
    rights: ['Beheren teams'],
    roles: ['Provider'],
  },
  {
    name: 'GetEmployerUsersByProviderId',
    functionalDescription: 'Ophalen van alle werkgevergebruikers van de provider',
    rights: ['Beheren gebruikers werkgever'],
    roles: ['Provider'],
  },
  {
    name: 'GetLinkedEmployersByUserId',
    functionalDescription: 'Ophalen van de werkgevers van een werkgevergebruiker',
    rights: ['Beheren gebruikers werkgever'],
    roles: ['Provider', 'Werkgever'],
  },
  {
    name: 'GetEmployerUsersByEmployerId',
    functionalDescription: 'Ophalen van de gebruikers van een werkgever',
    rights: ['Beheren gebruikers werkgever'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
  {
    name: 'GetAuthorizationsByEmployerId',
    functionalDescription: 'Ophalen van de activiteiten van de gebruiker bij een werkgever',
    rights: ['Basisrechten'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
  {
    name: 'GetAuthorizationModelByBearerToken',
    functionalDescription: 'Ophalen van het autorisatiemodel: activiteiten met hun rechten',
    rights: ['Basisrechten'],
    roles: ['Provider', 'Werkgever'],
  },
  {
    name: 'GetEmployeesByEmployerId',
    functionalDescription: 'Ophalen van de werknemers van een werkgever',
    rights: ['Raadplegen werknemers'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
  {
    name: 'GetEmploymentsByEmployerId',
    functionalDescription: 'Ophalen van de dienstverbanden van een werkgever',
    rights: ['Raadplegen dienstverbanden', 'Beheren dienstverbanden'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
  {
    name: 'GetLeaveByEmploymentId',
    functionalDescription: 'Ophalen van het verlof van een dienstverband',
    rights: ['Raadplegen verlof', 'Beheren verlof'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
  {
    name: 'GetWagesByEmploymentId',
    functionalDescription: 'Ophalen van de salarisgegevens van een medewerker',
    rights: ['Beheer arbeidsvoorwaarden'],
    roles: ['Provider', 'Werkgever'],
    employerLevel: true,
  },
];

/** The activity each route performs (its operationId). */
export const ROUTE_ACTIVITY: Record<RouteName, string> = {
  E1: 'GetUserByToken',
  E2: 'GetProvidersByUser',
  E3: 'GetEmployersByUserId',
  E3b: 'GetEmployersMinimizedByProviderId',
  E4: 'GetAdministrationsByEmployerId',
  E4b: 'GetAdministrationsByBearerToken',
  E5: 'GetEmployerUsersByEmployerId',
  E7: 'GetAuthorizationsByEmployerId',
  E8: 'GetProviderUsersByProviderId',
  E9: 'GetProviderUserAuthorizationGroupsByUserId',
  E10: 'GetAuthorizationGroupUsersByAuthorizationGroupId',
  E11: 'GetAuthorizationGroupEmployersByAuthorizationGroupId',
  E12: 'GetEmployerUsersByProviderId',
  E13: 'GetAuthorizationGroupsByProviderId',
  E14: 'GetAuthorizationModelByBearerToken',
  E15: 'GetLinkedEmployersByUserId',
};

/** Every right named above, in a stable order (its position gives its id). */
export const RIGHTS: readonly string[] = [...new Set(ACTIVITIES.flatMap((activity) => activity.rights))];
export const ROLES = ['Provider', 'Werkgever'] as const;
