/**
 * The ground floor: program facts every layer may use — environment variable names, defaults, the
 * simulator's profile name and what counts as "true" in a variable. Nothing here imports anything
 * of the tool, so any module can depend on it.
 */

/** Every environment variable the tool reads, by purpose (README "Global options" lists them). */
export const ENV = {
  profile: 'LOKET_ASR_SETUP_PROFILE',
  env: 'LOKET_ENV',
  apiUrl: 'LOKET_API_URL',
  authUrl: 'LOKET_AUTH_URL',
  sandbox: 'LOKET_ASR_SETUP_SANDBOX',
  replay: 'LOKET_ASR_SETUP_REPLAY',
  nonInteractive: 'LOKET_ASR_SETUP_NON_INTERACTIVE',
  answers: 'LOKET_ASR_SETUP_ANSWERS',
  json: 'LOKET_ASR_SETUP_JSON',
  lang: 'LOKET_ASR_SETUP_LANG',
  debug: 'LOKET_ASR_SETUP_DEBUG',
  concurrency: 'LOKET_ASR_SETUP_CONCURRENCY',
  timeout: 'LOKET_ASR_SETUP_TIMEOUT',
  configDir: 'LOKET_ASR_SETUP_CONFIG_DIR',
  clientId: 'LOKET_CLIENT_ID',
  clientSecret: 'LOKET_CLIENT_SECRET',
  accessToken: 'LOKET_ACCESS_TOKEN',
  refreshToken: 'LOKET_REFRESH_TOKEN',
  webserviceUser: 'LOKET_WEBSERVICE_USER',
  team: 'LOKET_ASR_SETUP_TEAM',
} as const;

export const ENVIRONMENTS = ['production', 'acceptance'] as const;
export type LoketEnvironmentName = (typeof ENVIRONMENTS)[number];

export const DEFAULTS = { profile: 'default', env: 'production', concurrency: 4, timeoutMs: 15_000 } as const;

/** `--sandbox` always uses this profile, so trying the tool never mixes with real progress. */
export const SANDBOX_PROFILE = 'sandbox';

/** `CI`-style truthiness: set and not empty/0/false/no/off, in any case. */
export function isTruthy(value: string | undefined): boolean {
  if (value === undefined) return false;
  return !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}
