/**
 * The Loket.nl connection of one run: which endpoints, which token, and the client.
 *
 * Tokens come, in this order, from LOKET_ACCESS_TOKEN, LOKET_REFRESH_TOKEN, the stored login of this
 * profile and environment, or a login right now (interactive only). Tokens from the environment and
 * from the simulator are never stored. There is one login path (`logIn`): it checks the new token
 * against Loket (E1, E2) before anything is saved, for `login` and for the login a command offers.
 */
import { ENV } from '../env.js';
import { AuthError } from '../errors.js';
import { t } from '../i18n/index.js';
import { createLoketClient, type LoketClient, type LoketProvider, type LoketUser, type TokenSource } from '../loket/client.js';
import { resolveEndpoints, type LoketEndpoints } from '../loket/environments.js';
import { registerSecret } from '../loket/redact.js';
import { configDir } from '../store/index.js';
import { formatDateTime } from '../ui/time.js';
import type { AuthDeps } from './deps.js';
import { askClientSecret, resolveClientId, runLoginFlow } from './login-flow.js';
import { createTokenEndpoint, OAuthError, type TokenEndpoint } from './oauth.js';
import { accountFor, createTokenStore, type PersistentStorage, type StoredLogin, type TokenStorage, type TokenStore } from './token-store.js';

export interface SessionOptions {
  /** `verify --dump DIR`. */
  dumpDir?: string;
}

export type TokenOrigin = 'env-access-token' | 'env-refresh-token' | 'keychain' | 'file' | 'sandbox' | 'login';

export interface LoketSession {
  client: LoketClient;
  /** production | acceptance | custom | sandbox */
  environment: string;
  apiUrl: string;
  authUrl: string;
  tokenOrigin: TokenOrigin;
  close(): Promise<void>;
}

/** A ready login the program hands over (the simulator of `--sandbox`): endpoints and a refresh token. */
export interface PresetLogin {
  endpoints: LoketEndpoints;
  clientId: string;
  refreshToken: string;
}

/**
 * A TokenSource over a refresh function: the first access token is fetched on first use unless one
 * is known. The HTTP layer (src/loket/http.ts) is the one place that lets concurrent 401s share a
 * single refresh; this only hands out the token it has.
 */
export function createTokenSource(options: { accessToken?: string; refresh: () => Promise<string> }): TokenSource {
  let current: string | undefined = options.accessToken;
  const renew = async (): Promise<string> => {
    const token = await options.refresh();
    registerSecret(token);
    current = token;
    return token;
  };
  return {
    getAccessToken: async () => current ?? renew(),
    refreshAccessToken: renew,
  };
}

interface RefreshOptions {
  endpoint: TokenEndpoint;
  refreshToken: string;
  /** Called when the server hands out a new refresh token (rotation). */
  rotated?: (refreshToken: string) => Promise<void>;
  /** The error for a refused refresh token (invalid_grant); may clean up first. */
  refused: () => Promise<AuthError>;
}

/** The refresh grant as a TokenSource refresh function, following rotation of the refresh token. */
function refreshWith(options: RefreshOptions): () => Promise<string> {
  let refreshToken = options.refreshToken;
  registerSecret(refreshToken);
  return async () => {
    let grant;
    try {
      grant = await options.endpoint.request({ grantType: 'refresh_token', refreshToken });
    } catch (error) {
      if (error instanceof OAuthError && error.oauthError === 'invalid_grant') throw await options.refused();
      throw error;
    }
    if (grant.refreshToken && grant.refreshToken !== refreshToken) {
      refreshToken = grant.refreshToken;
      await options.rotated?.(refreshToken);
    }
    return grant.accessToken;
  };
}

export function tokenStoreFor(deps: Pick<AuthDeps, 'env' | 'out'>, options: { insecureStorage?: boolean } = {}): TokenStore {
  return createTokenStore({
    dir: configDir(deps.env),
    insecureStorage: options.insecureStorage === true,
    warn: (message) => deps.out.warn(message),
    info: (message) => deps.out.info(message),
    debug: (message) => deps.out.debug(message),
  });
}

/** The one factory of token endpoints: with the run's time-out, signal, proxies and `--debug`. */
export function tokenEndpointFor(deps: AuthDeps, authUrl: string, clientId: string, clientSecret?: string): TokenEndpoint {
  return createTokenEndpoint({
    authUrl,
    credentials: {
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      ...(deps.interactive ? { askSecret: () => askClientSecret(deps) } : {}),
    },
    timeoutMs: deps.options.timeoutMs,
    signal: deps.signal,
    env: deps.env,
    ...(deps.options.debug ? { debug: (line: string) => deps.out.debug(line) } : {}),
  });
}

function createSessionClient(deps: AuthDeps, apiUrl: string, tokens: TokenSource, options: SessionOptions = {}): LoketClient {
  return createLoketClient({
    apiUrl,
    tokens,
    timeoutMs: deps.options.timeoutMs,
    concurrency: deps.options.concurrency,
    signal: deps.signal,
    env: deps.env,
    formatTime: (date) => formatDateTime(date, { seconds: true }),
    ...(deps.options.debug ? { debug: (line: string) => deps.out.debug(line) } : {}),
    ...(options.dumpDir !== undefined ? { dumpDir: options.dumpDir } : {}),
  });
}

export function endpointsFor(deps: Pick<AuthDeps, 'options'>): LoketEndpoints {
  return resolveEndpoints({
    env: deps.options.env,
    ...(deps.options.apiUrl ? { apiUrl: deps.options.apiUrl } : {}),
    ...(deps.options.authUrl ? { authUrl: deps.options.authUrl } : {}),
  });
}

function envSecrets(deps: AuthDeps): { access?: string; refresh?: string; secret?: string } {
  const pick = (name: string) => deps.env[name] || undefined;
  const found = { access: pick(ENV.accessToken), refresh: pick(ENV.refreshToken), secret: pick(ENV.clientSecret) };
  for (const value of Object.values(found)) registerSecret(value);
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined));
}

interface KeptLogin {
  store: TokenStore;
  account: string;
  authUrl: string;
  /** LOKET_CLIENT_SECRET: used, never stored. */
  envSecret: string | undefined;
}

/**
 * Refresh for a kept login: a rotated token is stored again, a refused one is deleted. `storage`
 * says where the login is kept at the moment of the refresh (undefined: nowhere, this run only).
 */
function storedRefresh(deps: AuthDeps, kept: KeptLogin, login: StoredLogin, storage: () => PersistentStorage | undefined): () => Promise<string> {
  const { store, account, envSecret } = kept;
  const endpoint = tokenEndpointFor(deps, kept.authUrl, login.clientId, envSecret ?? login.clientSecret);
  return refreshWith({
    endpoint,
    refreshToken: login.refreshToken,
    rotated: async (refreshToken) => {
      const where = storage();
      if (!where) return;
      // A secret typed at a prompt during this run is worth keeping; the one from the environment is not.
      const used = endpoint.clientSecret();
      const secret = used && used !== envSecret ? used : undefined;
      await store.save(account, { refreshToken, clientId: login.clientId, ...(secret ? { clientSecret: secret } : {}) }, where);
    },
    refused: async () => {
      const where = storage();
      if (where) await store.remove(account);
      const hint = t('auth.session.loginAgainHint', { command: deps.commandLine('login') });
      return new AuthError(t(where ? 'auth.session.loginAgain' : 'auth.token.invalidGrant'), { hint });
    },
  });
}

export interface LoginRequest {
  endpoints: LoketEndpoints;
  clientId: string;
  /** Ask for the address the browser landed on instead of listening on loopback. */
  paste?: boolean;
  /** False: print the URL only. */
  browser?: boolean;
  /** The simulator: follow its immediate redirect ourselves, and keep nothing. */
  autoApprove?: boolean;
  insecureStorage?: boolean;
  /** Options of the client the login hands back (the run goes on with it). */
  client?: SessionOptions;
}

export interface LoginOutcome {
  client: LoketClient;
  user: LoketUser;
  providers: LoketProvider[];
  /** Where the refresh token was kept ('memory': this run only). */
  storage: TokenStorage;
  tokenStore: TokenStore;
}

/**
 * The one login path (style habit 5, "verify before you save"): the browser login, then E1 and E2
 * with the new token, and only when Loket accepted it is the refresh token kept (keychain, or the
 * --insecure-storage file). A simulator login keeps nothing.
 */
export async function logIn(deps: AuthDeps, request: LoginRequest): Promise<LoginOutcome> {
  const { endpoints, clientId } = request;
  const { secret: envSecret } = envSecrets(deps);
  const endpoint = tokenEndpointFor(deps, endpoints.authUrl, clientId, envSecret);
  const { grant, clientSecret } = await runLoginFlow(deps, {
    authUrl: endpoints.authUrl,
    clientId,
    endpoint,
    paste: request.paste === true,
    browser: request.browser !== false,
    autoApprove: request.autoApprove === true,
  });
  const tokenStore = tokenStoreFor(deps, { insecureStorage: request.insecureStorage === true });
  const account = accountFor(deps.options.profile, endpoints);
  const kept: KeptLogin = { store: tokenStore, account, authUrl: endpoints.authUrl, envSecret };
  const typedSecret = clientSecret && clientSecret !== envSecret ? clientSecret : undefined;
  const login: StoredLogin | undefined = grant.refreshToken
    ? { refreshToken: grant.refreshToken, clientId, ...(typedSecret ? { clientSecret: typedSecret } : {}) }
    : undefined;
  let storage: TokenStorage = 'memory';
  // Until it is saved, a refresh follows rotation in memory only; afterwards it updates the saved login.
  let savedIn: PersistentStorage | undefined;
  const refresh = login
    ? storedRefresh(deps, kept, login, () => savedIn)
    : () => Promise.reject(new AuthError(t('auth.token.invalidGrant'), { hint: t('auth.token.loginHint') }));
  const client = createSessionClient(deps, endpoints.apiUrl, createTokenSource({ accessToken: grant.accessToken, refresh }), request.client);
  try {
    const [user, providers] = await Promise.all([client.getUser(), client.providers()]);
    if (login && !request.autoApprove) {
      storage = await tokenStore.save(account, login);
      if (storage !== 'memory') savedIn = storage;
    }
    return { client, user, providers, storage, tokenStore };
  } catch (error) {
    client.close();
    throw error;
  }
}

function notLoggedIn(endpoints: LoketEndpoints): AuthError {
  return new AuthError(t('auth.session.notLoggedIn', { environment: endpoints.environment, access: ENV.accessToken, refresh: ENV.refreshToken }), {
    hint: t('auth.session.notLoggedInHint'),
  });
}

/**
 * Opens the session of this run. `preset`: a login the program already has (the simulator). Else
 * the environment's tokens, the stored login, or — interactively, after asking — a login now.
 */
export async function openSession(deps: AuthDeps, options: SessionOptions & { preset?: PresetLogin } = {}): Promise<LoketSession> {
  const { preset, ...clientOptions } = options;
  if (preset) {
    const refresh = refreshWith({
      endpoint: tokenEndpointFor(deps, preset.endpoints.authUrl, preset.clientId),
      refreshToken: preset.refreshToken,
      refused: async () => new AuthError(t('auth.session.sandboxRefused')),
    });
    const client = createSessionClient(deps, preset.endpoints.apiUrl, createTokenSource({ refresh }), clientOptions);
    return session(client, preset.endpoints, 'sandbox');
  }

  const endpoints = endpointsFor(deps);
  const env = envSecrets(deps);
  const clientIdFromEnvOrProfile = () => resolveClientId(deps, { profile: () => deps.savedClientId() });
  const envRefresh = async (refreshToken: string) =>
    refreshWith({
      endpoint: tokenEndpointFor(deps, endpoints.authUrl, await clientIdFromEnvOrProfile(), env.secret),
      refreshToken,
      refused: async () => new AuthError(t('auth.session.envRefreshRejected', { env: ENV.refreshToken }), { hint: t('auth.session.envHint') }),
    });

  if (env.access) {
    // The client id is looked up only when a refresh is really needed: the access token may do.
    let refresher: Promise<() => Promise<string>> | undefined;
    const envRefreshToken = env.refresh;
    const refresh = envRefreshToken
      ? async () => (await (refresher ??= envRefresh(envRefreshToken)))()
      : () =>
          Promise.reject(
            new AuthError(t('auth.session.accessTokenRejected', { access: ENV.accessToken, refresh: ENV.refreshToken }), { hint: t('auth.session.envHint') }),
          );
    return session(
      createSessionClient(deps, endpoints.apiUrl, createTokenSource({ accessToken: env.access, refresh }), clientOptions),
      endpoints,
      'env-access-token',
    );
  }
  if (env.refresh) {
    const refresh = await envRefresh(env.refresh);
    return session(createSessionClient(deps, endpoints.apiUrl, createTokenSource({ refresh }), clientOptions), endpoints, 'env-refresh-token');
  }

  const store = tokenStoreFor(deps);
  const kept: KeptLogin = { store, account: accountFor(deps.options.profile, endpoints), authUrl: endpoints.authUrl, envSecret: env.secret };
  const stored = await store.load(kept.account);
  if (stored) {
    const refresh = storedRefresh(deps, kept, stored.login, () => stored.storage);
    return session(createSessionClient(deps, endpoints.apiUrl, createTokenSource({ refresh }), clientOptions), endpoints, stored.storage);
  }

  // No token anywhere: offer the login (interactive only) and keep it like `login` does.
  const message = t('auth.session.loginNow', { environment: endpoints.environment });
  if (!deps.interactive || !(await deps.prompter.confirm({ message, default: true }))) throw notLoggedIn(endpoints);
  const clientId = await clientIdFromEnvOrProfile();
  const { client } = await logIn(deps, { endpoints, clientId, client: clientOptions });
  return session(client, endpoints, 'login');
}

function session(client: LoketClient, endpoints: LoketEndpoints, tokenOrigin: TokenOrigin): LoketSession {
  return {
    client,
    ...endpoints,
    tokenOrigin,
    async close() {
      client.close();
    },
  };
}
