/**
 * Failed and refused calls, collected during one check and explained in the user's terms
 * (loket-api.md §2, §6): a 403 names the activity Loket checked and — where /authorizationmodel is
 * readable — the right that grants it, and says that the OAuth client itself may lack the activity.
 * A failure never aborts the run; the checks that needed the answer become unverifiable with this
 * reason.
 */
import { ApiError, CliError } from '../errors.js';
import { t } from '../i18n/index.js';
import { ENDPOINTS, type EndpointId } from '../loket/endpoints.js';
import type { LoketClient } from '../loket/client.js';
import type { Refusal } from './model.js';

export type Attempt<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export class Refusals {
  readonly list: Refusal[] = [];
  #model: Promise<Map<string, string[]>> | undefined;

  constructor(private readonly client: LoketClient) {}

  /**
   * Runs one call; an answer of Loket that refuses or fails it (403, 404, 500 … after the retries)
   * becomes a recorded Refusal. Everything else still stops the run: no answer at all (Loket or the
   * network is down: exit 4), an answer we cannot read, being rate-limited, login trouble (exit 3)
   * and interruptions — then nothing can be checked, and "unverifiable" would hide an outage.
   */
  async attempt<T>(endpoint: EndpointId, call: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      if (!(error instanceof ApiError) || error.details.status === undefined || error.details.status === 429) throw error;
      const refusal = await this.#record(endpoint, error);
      return { ok: false, refusal };
    }
  }

  async #record(fallback: EndpointId, error: ApiError): Promise<Refusal> {
    const endpoint = (error.details.endpoint as EndpointId | undefined) ?? fallback;
    const activity = ENDPOINTS[endpoint]?.activity ?? endpoint;
    const status = error.details.status ?? null;
    const rights = status === 403 ? await this.#rightsFor(activity) : [];
    const refusal: Refusal = { endpoint, activity, status, rights, reason: error.message };
    const known = this.list.find((r) => r.endpoint === refusal.endpoint && r.status === refusal.status && r.reason === refusal.reason);
    if (!known) this.list.push(refusal);
    return known ?? refusal;
  }

  /** E14, read once and only after a 403: which rights grant `activity`. Its own failure names none. */
  async #rightsFor(activity: string): Promise<string[]> {
    this.#model ??= this.client.authorizationModel().then(
      (items) => new Map(items.map((item) => [item.activity.toLowerCase(), item.rights])),
      (error: unknown) => {
        if (error instanceof CliError && !(error instanceof ApiError)) throw error;
        return new Map<string, string[]>();
      },
    );
    return (await this.#model).get(activity.toLowerCase()) ?? [];
  }
}

/** One line for a refusal: the activity, what Loket said, and who can fix it. */
export function describeRefusal(refusal: Refusal): string {
  if (refusal.status === 403) {
    const right = refusal.rights.length
      ? t('checks.refusal.right', { rights: refusal.rights.map((r) => `"${r}"`).join(t('checks.or')) })
      : t('checks.refusal.noRight');
    return t('checks.refusal.forbidden', { activity: refusal.activity, right });
  }
  return t('checks.refusal.failed', { activity: refusal.activity, reason: refusal.reason });
}
