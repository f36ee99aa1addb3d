/**
 * Global options (SPEC §3): one table of flag ↔ env twin, and one resolver that validates them.
 * Flags win over env; a bad value is one line naming the flag (or the env var) and exit 2.
 */
import { DEFAULTS, ENV, ENVIRONMENTS, isTruthy, LIMITS, SANDBOX_PROFILE, type LoketEnvironmentName } from '../env.js';
import { UsageError } from '../errors.js';
import { LANGS, detectLang, t, type Lang } from '../i18n/index.js';
import { PROFILE_NAME } from '../store/profile-name.js';

export type LoketEnvironment = LoketEnvironmentName;

export interface GlobalOptions {
  profile: string;
  env: LoketEnvironment;
  apiUrl?: string;
  authUrl?: string;
  sandbox: boolean;
  /** `--replay <dump-dir>`: the simulator serves this recorded run (implies --sandbox). */
  replay?: string;
  nonInteractive: boolean;
  answers?: string;
  json: boolean;
  lang: Lang;
  color: boolean;
  debug: boolean;
  concurrency: number;
  timeoutMs: number;
}

/** What commander hands us (raw strings; booleans for switches). */
export interface RawGlobalOptions {
  profile?: string;
  env?: string;
  apiUrl?: string;
  authUrl?: string;
  sandbox?: boolean;
  replay?: string;
  nonInteractive?: boolean;
  answers?: string;
  json?: boolean;
  lang?: string;
  color?: boolean;
  debug?: boolean;
  concurrency?: string;
  timeout?: string;
}

interface Source {
  value: string;
  /** How the user spelled it: `--concurrency` or `LOKET_ASR_SETUP_CONCURRENCY`. */
  label: string;
  fromEnv: boolean;
}

function pick(flagValue: string | undefined, flag: string, env: NodeJS.ProcessEnv, envName: string): Source | undefined {
  if (flagValue !== undefined) return { value: flagValue, label: flag, fromEnv: false };
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, label: envName, fromEnv: true };
  return undefined;
}

function invalid(source: Source, reason: string): UsageError {
  const key = source.fromEnv ? 'core.err.invalidEnv' : 'core.err.invalidOption';
  return new UsageError(t(key, { option: source.label, name: source.label, value: JSON.stringify(source.value), reason }));
}

function choice<T extends string>(source: Source | undefined, choices: readonly T[], fallback: T): T {
  if (!source) return fallback;
  if ((choices as readonly string[]).includes(source.value)) return source.value as T;
  throw invalid(source, t('core.err.choices', { choices: choices.join(', ') }));
}

function integer(source: Source | undefined, min: number, max: number, fallback: number): number {
  if (!source) return fallback;
  const n = Number(source.value);
  if (/^\d+$/.test(source.value.trim()) && Number.isSafeInteger(n) && n >= min && n <= max) return n;
  throw invalid(source, t('core.err.intRange', { min, max }));
}

/**
 * A flag typed with an empty value (`--api-url ""`, often an unset shell variable) is a mistake, not
 * "use the default": for --api-url that would silently mean production. (An empty env var counts as unset.)
 */
function given(source: Source | undefined): string | undefined {
  if (source && source.value.trim() === '') throw invalid(source, t('core.err.emptyValue'));
  return source?.value;
}

export function resolveGlobalOptions(raw: RawGlobalOptions, env: NodeJS.ProcessEnv = process.env): GlobalOptions {
  // `--replay ""` (an unset shell variable) would otherwise start the simulator's own world unasked.
  const replay = given(pick(raw.replay, '--replay', env, ENV.replay));
  // A replay is a simulator run: same profile, same automatic login.
  const sandbox = raw.sandbox === true || isTruthy(env[ENV.sandbox]) || replay !== undefined;
  const profileSource = pick(raw.profile, '--profile', env, ENV.profile);
  if (profileSource && !PROFILE_NAME.test(profileSource.value)) throw invalid(profileSource, t('core.err.profileName'));

  const langSource = pick(raw.lang, '--lang', env, ENV.lang);
  const lang = langSource ? choice(langSource, LANGS, 'nl') : (detectLang(undefined, env) ?? 'nl');

  const json = raw.json === true || isTruthy(env[ENV.json]);
  const noColorEnv = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const apiUrl = given(pick(raw.apiUrl, '--api-url', env, ENV.apiUrl));
  const authUrl = given(pick(raw.authUrl, '--auth-url', env, ENV.authUrl));
  const answers = given(pick(raw.answers, '--answers', env, ENV.answers));

  return {
    // The simulator always gets its own profile, so trying the tool never mixes with real progress.
    profile: sandbox ? SANDBOX_PROFILE : (profileSource?.value ?? DEFAULTS.profile),
    env: choice(pick(raw.env, '--env', env, ENV.env), ENVIRONMENTS, DEFAULTS.env),
    ...(apiUrl !== undefined ? { apiUrl } : {}),
    ...(authUrl !== undefined ? { authUrl } : {}),
    sandbox,
    ...(replay !== undefined ? { replay } : {}),
    nonInteractive: raw.nonInteractive === true || isTruthy(env[ENV.nonInteractive]),
    ...(answers !== undefined ? { answers } : {}),
    json,
    lang,
    color: raw.color !== false && !noColorEnv && !json && env.TERM !== 'dumb',
    debug: raw.debug === true || isTruthy(env[ENV.debug]),
    concurrency: integer(pick(raw.concurrency, '--concurrency', env, ENV.concurrency), LIMITS.concurrency.min, LIMITS.concurrency.max, DEFAULTS.concurrency),
    timeoutMs: integer(pick(raw.timeout, '--timeout', env, ENV.timeout), LIMITS.timeoutMs.min, LIMITS.timeoutMs.max, DEFAULTS.timeoutMs),
  };
}

/**
 * `--lang` (or LOKET_ASR_SETUP_LANG) read ahead of commander: the help texts, and the shim's own
 * failure to write, must speak the asked language before the options are parsed.
 */
export function langFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1];
    if (arg?.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return env[ENV.lang] || undefined;
}
