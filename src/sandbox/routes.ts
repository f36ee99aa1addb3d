/**
 * The API routes of contract v2 (loket-api.md §5), below /v2, and what each answers from the world.
 * Literal path segments match case-insensitively, as Loket's IIS does.
 */
import { ACTIVITIES, ROUTE_ACTIVITY } from './activities.js';
import { badRequest, listOf, mapList, page, parseFilter, single, type Answer, type Filter, type LazyList } from './paging.js';
import type { RouteName, Scenario } from './scenarios.js';
import * as shapes from './shapes.js';
import type { World } from './world.js';

export interface RouteParams {
  employerId?: string;
  userId?: string;
  providerId?: string;
  teamId?: string;
}

export interface RouteMatch {
  route: RouteName;
  params: RouteParams;
}

type Param = `:${keyof RouteParams}`;
const ROUTES: readonly { route: RouteName; segments: readonly (string | Param)[] }[] = [
  { route: 'E1', segments: ['user'] },
  { route: 'E2', segments: ['providers'] },
  { route: 'E3', segments: ['providers', 'employers'] },
  { route: 'E4b', segments: ['providers', 'employers', 'administrations'] },
  { route: 'E4', segments: ['providers', 'employers', ':employerId', 'administrations'] },
  { route: 'E5', segments: ['providers', 'employers', ':employerId', 'users'] },
  { route: 'E7', segments: ['providers', 'employers', ':employerId', 'authorizations'] },
  { route: 'E15', segments: ['providers', 'employers', 'users', ':userId', 'employers'] },
  { route: 'E3b', segments: ['providers', ':providerId', 'employers', 'minimized'] },
  { route: 'E8', segments: ['providers', ':providerId', 'users'] },
  { route: 'E12', segments: ['providers', ':providerId', 'employers', 'users'] },
  { route: 'E13', segments: ['providers', ':providerId', 'authorizationgroups'] },
  { route: 'E9', segments: ['providers', 'users', ':userId', 'authorizationgroups'] },
  { route: 'E10', segments: ['providers', 'authorizationgroups', ':teamId', 'users'] },
  { route: 'E11', segments: ['providers', 'authorizationgroups', ':teamId', 'employers'] },
  { route: 'E14', segments: ['authorizationmodel'] },
];

/** `path` is below /v2, without a trailing slash, already percent-decoded. */
export function matchRoute(path: string): RouteMatch | undefined {
  const parts = path.split('/').slice(1);
  for (const { route, segments } of ROUTES) {
    if (segments.length !== parts.length) continue;
    const params: RouteParams = {};
    const fits = segments.every((segment, i) => {
      const part = parts[i] as string;
      if (segment.startsWith(':')) {
        params[segment.slice(1) as keyof RouteParams] = part;
        return part !== '';
      }
      return part.toLowerCase() === segment;
    });
    if (fits) return { route, params };
  }
  return undefined;
}

/** The lists that understand `filter`; elsewhere a filter is a 400. */
const FILTERABLE: ReadonlySet<RouteName> = new Set(['E8', 'E9', 'E10', 'E11', 'E13']);

const notFound = (): Answer => ({ status: 404 });
export const FORBIDDEN_MESSAGE = `Insufficient rights for this request, reason "User doesn't have rechten to perform activity for the given Id."`;
export const forbidden = (): Answer => ({ status: 403, body: { message: FORBIDDEN_MESSAGE } });

const range = <T>(size: number, at: (index: number) => T): LazyList<T> => ({ size, at });

/** The answer to a GET on a matched route, for a user who may perform its activity. */
export function answer(world: World, scenario: Scenario, { route, params }: RouteMatch, query: URLSearchParams): Answer {
  let filter: Filter | undefined;
  const rawFilter = query.get('filter');
  if (rawFilter !== null && rawFilter.trim() !== '') {
    if (!FILTERABLE.has(route)) return badRequest('Filtering is not supported for this resource');
    filter = parseFilter(rawFilter);
    if (!filter) return badRequest(`Invalid filter: ${rawFilter}`);
  }
  if (params.providerId !== undefined && params.providerId.toLowerCase() !== world.provider.id) return notFound();
  const employer = (index: number) => world.employer(index);

  switch (route) {
    case 'E1':
      return single(shapes.currentUser(world.loggedIn));
    case 'E2':
      return page(query, listOf([{ ...world.provider }]));
    case 'E3':
      return page(
        query,
        range(world.visibleEmployers, (index) => shapes.employer(employer(index))),
      );
    case 'E3b':
      return page(
        query,
        range(world.totalEmployers, (index) => shapes.employerMinimized(employer(index))),
      );
    case 'E4b':
      return page(query, mapList(world.administrations, shapes.administration));
    case 'E4':
    case 'E5':
    case 'E7': {
      const index = world.employerIndex(params.employerId ?? '');
      if (index === undefined) return notFound();
      // An employer of the provider outside the user's teams: Loket's "access to the entity" check.
      if (index >= world.visibleEmployers) return forbidden();
      if (route === 'E4') return page(query, listOf(world.administrationsOf(index).map(shapes.administration)));
      if (route === 'E5') return page(query, listOf(world.employerUsersOf(index).map(shapes.employerUser)));
      const refused = new Set((scenario.forbidden ?? []).map((name) => ROUTE_ACTIVITY[name]));
      const activities = ACTIVITIES.filter((activity) => activity.employerLevel && !refused.has(activity.name));
      return page(query, listOf(activities.map((activity) => shapes.employerActivity(world.ids, activity))));
    }
    case 'E8':
      return page(query, listOf(world.providerUsers.map(shapes.providerUser)), filter);
    case 'E9': {
      const user = world.providerUser(params.userId ?? '');
      if (!user) return notFound();
      return page(query, listOf(world.teams.map((team) => shapes.team(team, team.members.includes(user)))), filter);
    }
    case 'E10': {
      const team = world.team(params.teamId ?? '');
      if (!team) return notFound();
      return page(query, listOf(world.providerUsers.map((user) => shapes.teamUser(world, user, team))), filter);
    }
    case 'E11': {
      const team = world.team(params.teamId ?? '');
      if (!team) return notFound();
      if (team.employerListFails) return { status: 500 };
      if (filter && filter.path.join('.') === 'islinked' && typeof filter.value === 'boolean') {
        // The common filter, answered from the team's index ranges instead of a pass over all employers.
        const linked = filter.value;
        const members = linked ? team.employers : team.employers.complement(world.totalEmployers);
        return page(
          query,
          range(members.size, (n) => shapes.teamEmployer(employer(members.at(n)), linked)),
        );
      }
      const all = range(world.totalEmployers, (index) => shapes.teamEmployer(employer(index), team.employers.has(index)));
      return page(query, all, filter);
    }
    case 'E12':
      return page(
        query,
        mapList(world.employerUserRows, (row) => shapes.employerUserRow(row.user, employer(row.employerIndex))),
      );
    case 'E13':
      return page(query, listOf(world.teams.map((team) => shapes.team(team))), filter);
    case 'E14':
      return page(query, listOf(ACTIVITIES.map((activity) => shapes.authorizationModel(world.ids, activity))));
    case 'E15': {
      const user = world.employerUser(params.userId ?? '');
      if (!user) return notFound();
      return page(query, listOf(user.employers.map((index) => shapes.employerMinimized(employer(index)))));
    }
  }
}
