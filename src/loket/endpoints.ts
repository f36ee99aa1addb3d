/**
 * Every Loket.nl endpoint the tool calls (loket-api.md §5), in one table: its path below the API
 * base, the activity Loket checks for it (a 403 names it; README and `whoami` list them), whether it
 * is paged, and the Accept versions to try in order. No other file spells a path or an activity.
 */

/** The version segment of every API URL (loket-api.md §2): `https://api.loket.nl` + this. */
export const API_VERSION_PATH = '/v2';

/** The Accept header Loket wants (§3); `null` means "no version" (the newest). */
const MEDIA_TYPE = 'application/json';
export const DEFAULT_VERSION = '2018-01-01';

export function acceptHeader(version: string | null): string {
  return version === null ? MEDIA_TYPE : `${MEDIA_TYPE};version=${version}`;
}

export type EndpointId = 'E1' | 'E2' | 'E3' | 'E3b' | 'E4' | 'E4b' | 'E5' | 'E7' | 'E8' | 'E9' | 'E10' | 'E11' | 'E12' | 'E13' | 'E14' | 'E15';

export interface Endpoint {
  id: EndpointId;
  /** Loket's operationId: what a 403 is about, and what the OAuth client must be granted (§6b). */
  activity: string;
  paged: boolean;
  /**
   * Accept versions, tried in this order when the server answers 400/406 to a version (§3): E8 and
   * E5 declare only the odd `SSO_gebruiker` media type, so we send the date first, then none, then it.
   */
  versions: readonly (string | null)[];
}

const SSO_FALLBACK = [DEFAULT_VERSION, null, 'SSO_gebruiker'] as const;
const DATED = [DEFAULT_VERSION] as const;

function endpoint(id: EndpointId, activity: string, paged = true, versions: readonly (string | null)[] = DATED): Endpoint {
  return { id, activity, paged, versions };
}

export const ENDPOINTS: Readonly<Record<EndpointId, Endpoint>> = {
  E1: endpoint('E1', 'GetUserByToken', false),
  E2: endpoint('E2', 'GetProvidersByUser'),
  E3: endpoint('E3', 'GetEmployersByUserId'),
  E3b: endpoint('E3b', 'GetEmployersMinimizedByProviderId'),
  E4b: endpoint('E4b', 'GetAdministrationsByBearerToken'),
  E4: endpoint('E4', 'GetAdministrationsByEmployerId'),
  E8: endpoint('E8', 'GetProviderUsersByProviderId', true, SSO_FALLBACK),
  E9: endpoint('E9', 'GetProviderUserAuthorizationGroupsByUserId'),
  E13: endpoint('E13', 'GetAuthorizationGroupsByProviderId'),
  E10: endpoint('E10', 'GetAuthorizationGroupUsersByAuthorizationGroupId'),
  E11: endpoint('E11', 'GetAuthorizationGroupEmployersByAuthorizationGroupId'),
  E12: endpoint('E12', 'GetEmployerUsersByProviderId'),
  E15: endpoint('E15', 'GetLinkedEmployersByUserId'),
  E5: endpoint('E5', 'GetEmployerUsersByEmployerId', true, SSO_FALLBACK),
  // Envelope without paging parameters [kiota].
  E7: endpoint('E7', 'GetAuthorizationsByEmployerId', false),
  E14: endpoint('E14', 'GetAuthorizationModelByBearerToken'),
};

/** The activities of §6b, in the table's order (for the README and `whoami`). */
export const REQUIRED_ACTIVITIES: readonly string[] = Object.values(ENDPOINTS).map((e) => e.activity);

const segment = (id: string): string => encodeURIComponent(id);

/** Paths below the API base (which ends in API_VERSION_PATH). */
export const PATHS = {
  E1: () => '/user',
  E2: () => '/providers',
  E3: () => '/providers/employers',
  E3b: (providerId: string) => `/providers/${segment(providerId)}/employers/minimized`,
  E4b: () => '/providers/employers/administrations',
  E4: (employerId: string) => `/providers/employers/${segment(employerId)}/administrations`,
  E8: (providerId: string) => `/providers/${segment(providerId)}/users`,
  E9: (userId: string) => `/providers/users/${segment(userId)}/authorizationGroups`,
  E13: (providerId: string) => `/providers/${segment(providerId)}/authorizationgroups`,
  E10: (teamId: string) => `/providers/authorizationgroups/${segment(teamId)}/users`,
  E11: (teamId: string) => `/providers/authorizationgroups/${segment(teamId)}/employers`,
  E12: (providerId: string) => `/providers/${segment(providerId)}/employers/users`,
  E15: (userId: string) => `/providers/employers/users/${segment(userId)}/employers`,
  E5: (employerId: string) => `/providers/employers/${segment(employerId)}/users`,
  E7: (employerId: string) => `/providers/employers/${segment(employerId)}/authorizations`,
  E14: () => '/authorizationmodel',
} as const satisfies Record<EndpointId, (...ids: string[]) => string>;

/** Which endpoint a path belongs to (for `--dump` and `--debug`), from the table above. */
export function endpointOf(path: string): EndpointId | undefined {
  const shapes: Array<[EndpointId, RegExp]> = (Object.keys(PATHS) as EndpointId[]).map((id) => {
    const template = (PATHS[id] as (...ids: string[]) => string)('\u0000', '\u0000');
    // The placeholder comes back URL-encoded (`segment`), so split on that form: splitting on the
    // raw '\u0000' left every endpoint with an id in its path unrecognised.
    const pattern = template
      .split(segment('\u0000'))
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    return [id, new RegExp(`^${pattern}$`)];
  });
  return shapes.find(([, pattern]) => pattern.test(path))?.[0];
}
