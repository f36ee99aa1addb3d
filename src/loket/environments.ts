/** Where Loket.nl lives (loket-api.md §1). */
import { DEFAULTS, ENVIRONMENTS, type LoketEnvironmentName } from '../env.js';
import { UsageError } from '../errors.js';
import { API_VERSION_PATH } from './endpoints.js';
import { t } from '../i18n/index.js';
import { redact } from './redact.js';

const LOKET_ENVIRONMENTS: Readonly<Record<LoketEnvironmentName, { apiUrl: string; authUrl: string }>> = {
  production: { apiUrl: `https://api.loket.nl${API_VERSION_PATH}`, authUrl: 'https://oauth.loket.nl' },
  acceptance: { apiUrl: `https://api.loket-acc.nl${API_VERSION_PATH}`, authUrl: 'https://oauth.loket-acc.nl' },
};

export type LoketEnvironment = LoketEnvironmentName;

/** Reported as the environment when either URL was given by hand. */
const CUSTOM_ENVIRONMENT = 'custom';

export interface EndpointChoice {
  /** `--env` / `LOKET_ENV`; production when absent. */
  env?: string;
  /** `--api-url` / `LOKET_API_URL`. */
  apiUrl?: string;
  /** `--auth-url` / `LOKET_AUTH_URL`. */
  authUrl?: string;
}

export interface LoketEndpoints {
  environment: string;
  apiUrl: string;
  authUrl: string;
}

/** A token sent over plain http to anything but this machine could be read on the way. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

export function resolveEndpoints(choice: EndpointChoice = {}): LoketEndpoints {
  const env = choice.env ?? DEFAULTS.env;
  if (!(ENVIRONMENTS as readonly string[]).includes(env)) {
    throw new UsageError(t('loket.env.unknown', { env }), {
      hint: t('loket.env.unknownHint', { choices: ENVIRONMENTS.join(', ') }),
    });
  }
  const defaults = LOKET_ENVIRONMENTS[env as LoketEnvironment];
  const custom = Boolean(choice.apiUrl || choice.authUrl);
  return {
    environment: custom ? CUSTOM_ENVIRONMENT : env,
    apiUrl: choice.apiUrl ? checkedUrl(choice.apiUrl, '--api-url') : defaults.apiUrl,
    authUrl: choice.authUrl ? checkedUrl(choice.authUrl, '--auth-url') : defaults.authUrl,
  };
}

function checkedUrl(raw: string, option: string): string {
  const invalid = () => new UsageError(t('loket.env.invalidUrl', { option, url: redact(raw) }), { hint: t('loket.env.urlHint', { option }) });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid();
  }
  // A base URL carries nothing but scheme, host and path; credentials belong in the login.
  if (url.username || url.password || url.search || url.hash) throw invalid();
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) {
    throw new UsageError(t('loket.env.insecureUrl', { option, url: url.toString() }), {
      hint: t('loket.env.urlHint', { option }),
    });
  }
  return url.toString().replace(/\/+$/, '');
}
