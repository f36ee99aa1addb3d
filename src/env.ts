/**
 * The ground floor: program facts every layer may use — environment variable names, defaults, the
 * simulator's profile name, what counts as "true" in a variable, and what of the environment a
 * child process may see. Nothing here imports anything
 * of the tool, so any module can depend on it.
 */

/** The prefix of the tool's own variables; the wizard's inputs are `LOKET_ASR_SETUP_<INPUT>` (src/steps/inputs.ts). */
export const ENV_PREFIX = 'LOKET_ASR_SETUP_';

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

/** The Loket.nl environments one can choose with `--env` (their URLs: src/loket/environments.ts). */
export const ENVIRONMENTS = ['production', 'acceptance'] as const;
export type LoketEnvironmentName = (typeof ENVIRONMENTS)[number];

export function isLoketEnvironment(value: unknown): value is LoketEnvironmentName {
  return (ENVIRONMENTS as readonly unknown[]).includes(value);
}

/** Where a run talked to: a named environment, a URL given by hand, or the simulator. */
export const RUN_ENVIRONMENTS = [...ENVIRONMENTS, 'custom', 'sandbox'] as const;

export const DEFAULTS = { profile: 'default', env: 'production', lang: 'nl', concurrency: 4, timeoutMs: 15_000 } as const;

/** What `--concurrency` and `--timeout` accept. */
export const LIMITS = { concurrency: { min: 1, max: 16 }, timeoutMs: { min: 100, max: 600_000 } } as const;

/** `--sandbox` always uses this profile, so trying the tool never mixes with real progress. */
export const SANDBOX_PROFILE = 'sandbox';

/** `CI`-style truthiness: set and not empty/0/false/no/off, in any case. */
export function isTruthy(value: string | undefined): boolean {
  if (value === undefined) return false;
  return !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

/** Names that say a variable holds a secret (`GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `NPM_CONFIG__AUTH`, `DB_PASSWORD`…). */
const SECRET_NAME = /TOKEN|SECRET|PASSW(OR)?D|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|COOKIE|(^|_)AUTH(_|$)/i;
/** A URL with a user name or password in it (a proxy's `http://user:password@proxy:8080`). */
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i;

/**
 * The environment for programs the tool starts and leaves running — the clipboard tool (which may
 * stay as a daemon) and the browser opener: what they need (PATH, HOME, DISPLAY, XAUTHORITY,
 * WAYLAND_DISPLAY, DBUS_SESSION_BUS_ADDRESS, XDG_*, locale, SystemRoot…), and nothing secret: no
 * LOKET_* variable (access and refresh tokens, the client secret), no variable whose name says it
 * holds a secret, no value with credentials in a URL. The one place that decides this.
 */
export function childEnvironment(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || /^LOKET_/i.test(name) || SECRET_NAME.test(name) || URL_WITH_CREDENTIALS.test(value.trim())) continue;
    kept[name] = value;
  }
  return kept;
}
