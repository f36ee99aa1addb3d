/**
 * Which of the activities the tool needs (loket-api.md §6b) Loket allows this login: one small
 * request per endpoint (page 1, one item), ids taken from earlier answers. `whoami` shows it, so an
 * office can ask its administrator or api@loket.nl for exactly what is missing.
 */
import { ApiError } from '../errors.js';
import type { LoketClient } from '../loket/client.js';
import { ENDPOINTS, type EndpointId } from '../loket/endpoints.js';

export type ActivityState = 'allowed' | 'refused' | 'failed' | 'not-probed';

export interface ActivityProbe {
  endpoint: EndpointId;
  activity: string;
  state: ActivityState;
  /** HTTP status of a refusal or failure. */
  status?: number;
}

/** The first item's id in a list answer (`_embedded[0].id`, or `[0].employerUser.id` for E12). */
function firstId(body: unknown, pick: (item: Record<string, unknown>) => unknown = (item) => item.id): string | undefined {
  const embedded = (body as { _embedded?: unknown } | null)?._embedded;
  const first = Array.isArray(embedded) ? embedded[0] : embedded;
  if (first === null || typeof first !== 'object') return undefined;
  const value = pick(first as Record<string, unknown>);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function probeActivities(client: LoketClient, providerId: string | undefined): Promise<ActivityProbe[]> {
  const results = new Map<EndpointId, ActivityProbe>();
  const run = async (id: EndpointId, ids: Array<string | undefined>): Promise<unknown> => {
    const entry: ActivityProbe = { endpoint: id, activity: ENDPOINTS[id].activity, state: 'not-probed' };
    results.set(id, entry);
    if (ids.some((value) => value === undefined)) return undefined;
    try {
      const body = await client.probe(id, ...(ids as string[]));
      entry.state = 'allowed';
      return body;
    } catch (error) {
      // Login trouble and interruptions stop the probe; a refusal or failure is its answer.
      if (!(error instanceof ApiError)) throw error;
      entry.state = error.details.status === 403 ? 'refused' : 'failed';
      if (error.details.status !== undefined) entry.status = error.details.status;
      return undefined;
    }
  };
  const provider = [providerId];
  const [employers, providerUsers, teams, employerUsers] = await Promise.all([
    run('E3', []),
    run('E8', provider),
    run('E13', provider),
    run('E12', provider),
    run('E1', []),
    run('E2', []),
    run('E3b', provider),
    run('E4b', []),
    run('E14', []),
  ]);
  const employerId = firstId(employers);
  const teamId = firstId(teams);
  await Promise.all([
    run('E4', [employerId]),
    run('E5', [employerId]),
    run('E7', [employerId]),
    run('E9', [firstId(providerUsers)]),
    run('E10', [teamId]),
    run('E11', [teamId]),
    run('E15', [firstId(employerUsers, (item) => (item.employerUser as { id?: unknown } | undefined)?.id)]),
  ]);
  return (Object.keys(ENDPOINTS) as EndpointId[]).map((id) => results.get(id)!);
}
