/**
 * The Loket.nl connection of one run (ctx.loket()): which endpoints, which token, and the client.
 *
 * Tokens come, in this order, from LOKET_ACCESS_TOKEN, LOKET_REFRESH_TOKEN, the stored login of this
 * profile and environment, or a login right now (interactive only). Tokens from the environment and
 * from the simulator are never stored.
 */
import type { CommandContext } from '../cli/run.js';
import { DEFAULTS, ENV } from '../env.js';
import { AuthError } from '../errors.js';
import { t } from '../i18n/index.js';
import { startSandbox, type SandboxHandle } from '../sandbox/server.js';
import { configDir, openStore } from '../store/index.js';
import { createTokenEndpoint, OAuthError, type TokenEndpoint } from './auth.js';
import { createLoketClient, type LoketClient, type TokenSource } from './client.js';
import { resolveEndpoints, type LoketEndpoints } from './environments.js';
import { askClientSecret, resolveClientId, runLoginFlow } from './login-flow.js';
import { registerSecret } from './redact.js';
import { accountFor, createTokenStore, type PersistentStorage, type StoredLogin, type TokenStore } from './token-store.js';

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
  sandbox?: SandboxHandle;
  close(): Promise<void>;
}

/**
 * A TokenSource over a refresh function: the first access token is fetched on first use (unless one
 * is known), and concurrent refreshes share one request to the token endpoint.
 */
export function createTokenSource(options: { accessToken?: string; refresh: () => Promise<string> }): TokenSource {
  let current: Promise<string> | undefined = options.accessToken === undefined ? undefined : Promise.resolve(options.accessToken);
  let refreshing: Promise<string> | undefined;
  const renew = (): Promise<string> => {
    if (!refreshing) {
      const attempt = options.refresh().then((token) => {
        registerSecret(token);
        return token;
      });
      refreshing = attempt.finally(() => {
        refreshing = undefined;
      });
      current = attempt;
      // A failed refresh must not stick: the next caller tries again.
      attempt.catch(() => {
        if (current === attempt) current = undefined;
      });
    }
    return refreshing;
  };
  return {
    getAccessToken: () => current ?? renew(),
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
export function refreshWith(options: RefreshOptions): () => Promise<string> {
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

export function tokenStoreFor(ctx: CommandContext, options: { insecureStorage?: boolean } = {}): TokenStore {
  return createTokenStore({
    dir: configDir(ctx.env),
    insecureStorage: options.insecureStorage === true,
    warn: (message) => ctx.out.warn(message),
    info: (message) => ctx.out.info(message),
    debug: (message) => ctx.out.debug(message),
  });
}

export function tokenEndpointFor(ctx: CommandContext, authUrl: string, clientId: string, clientSecret?: string): TokenEndpoint {
  return createTokenEndpoint({
    authUrl,
    credentials: {
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      ...(ctx.interactive ? { askSecret: () => askClientSecret(ctx) } : {}),
    },
    timeoutMs: ctx.options.timeoutMs,
    signal: ctx.signal,
    env: ctx.env,
    ...(ctx.options.debug ? { debug: (line: string) => ctx.out.debug(line) } : {}),
  });
}

export function createSessionClient(ctx: CommandContext, apiUrl: string, tokens: TokenSource, options: SessionOptions = {}): LoketClient {
  return createLoketClient({
    apiUrl,
    tokens,
    timeoutMs: ctx.options.timeoutMs,
    concurrency: ctx.options.concurrency,
    signal: ctx.signal,
    env: ctx.env,
    ...(ctx.options.debug ? { debug: (line: string) => ctx.out.debug(line) } : {}),
    ...(options.dumpDir !== undefined ? { dumpDir: options.dumpDir } : {}),
  });
}

/** `--sandbox`: the simulator on a free loopback port, for this run only. */
export async function startRunSandbox(ctx: CommandContext): Promise<{ handle: SandboxHandle; endpoints: LoketEndpoints }> {
  // --replay: a recorded run instead of the simulator's world (src/sandbox/replay.ts); unrecorded requests are warned about.
  const replay = ctx.options.replay;
  const handle = replay ? await (await import('../sandbox/replay.js')).startReplay({ dir: replay, log: (line) => ctx.out.warn(line) }) : await startSandbox();
  ctx.out.info(replay ? t('dumps.replay.started', { dir: replay, url: handle.url }) : t('auth.session.sandbox', { url: handle.url }));
  return { handle, endpoints: { environment: 'sandbox', apiUrl: handle.apiUrl, authUrl: handle.authUrl } };
}

export function endpointsFor(ctx: CommandContext): LoketEndpoints {
  return resolveEndpoints({
    env: ctx.options.env,
    ...(ctx.options.apiUrl ? { apiUrl: ctx.options.apiUrl } : {}),
    ...(ctx.options.authUrl ? { authUrl: ctx.options.authUrl } : {}),
  });
}

/** Read without the lock: the command itself may open the store with one afterwards. */
function profileClientId(ctx: CommandContext): string | undefined {
  const store = openStore({ dir: configDir(ctx.env), profile: ctx.options.profile, lock: false, warn: (message) => ctx.out.warn(message) });
  try {
    return store.profile().clientId;
  } finally {
    store.close();
  }
}

interface Tokens {
  tokens: TokenSource;
  origin: TokenOrigin;
}

async function tokensFor(ctx: CommandContext, endpoints: LoketEndpoints): Promise<Tokens> {
  const envAccessToken = ctx.env[ENV.accessToken] || undefined;
  const envRefreshToken = ctx.env[ENV.refreshToken] || undefined;
  const envSecret = ctx.env[ENV.clientSecret] || undefined;
  registerSecret(envAccessToken);
  registerSecret(envRefreshToken);
  registerSecret(envSecret);

  const envRefresh = async (refreshToken: string) => {
    const flag = typeof ctx.local.clientId === 'string' ? ctx.local.clientId : undefined;
    const clientId = await resolveClientId(ctx, { ...(flag ? { flag } : {}), profile: () => profileClientId(ctx) });
    return refreshWith({
      endpoint: tokenEndpointFor(ctx, endpoints.authUrl, clientId, envSecret),
      refreshToken,
      refused: async () => new AuthError(t('auth.session.envRefreshRejected', { env: ENV.refreshToken }), { hint: t('auth.session.envHint') }),
    });
  };

  if (envAccessToken) {
    // The client id is looked up only when a refresh is really needed: the access token may do.
    let refresher: Promise<() => Promise<string>> | undefined;
    const refresh = envRefreshToken
      ? async () => (await (refresher ??= envRefresh(envRefreshToken)))()
      : () =>
          Promise.reject(
            new AuthError(t('auth.session.accessTokenRejected', { access: ENV.accessToken, refresh: ENV.refreshToken }), {
              hint: t('auth.session.envHint'),
            }),
          );
    return { tokens: createTokenSource({ accessToken: envAccessToken, refresh }), origin: 'env-access-token' };
  }
  if (envRefreshToken) return { tokens: createTokenSource({ refresh: await envRefresh(envRefreshToken) }), origin: 'env-refresh-token' };

  const kept: KeptLogin = { ctx, store: tokenStoreFor(ctx), account: accountFor(ctx.options.profile, endpoints), authUrl: endpoints.authUrl, envSecret };
  const stored = await kept.store.load(kept.account);
  if (stored) return { tokens: createTokenSource({ refresh: storedRefresh(kept, stored.login, stored.storage) }), origin: stored.storage };
  return loginNow(kept, endpoints);
}

/** No token anywhere: offer the login (interactive only) and keep it like `login` does. */
async function loginNow(kept: KeptLogin, endpoints: LoketEndpoints): Promise<Tokens> {
  const { ctx, envSecret } = kept;
  const message = t('auth.session.loginNow', { environment: endpoints.environment });
  if (!ctx.interactive || !(await ctx.prompter.confirm({ message, default: true }))) throw notLoggedIn(endpoints);
  const clientId = await resolveClientId(ctx, { profile: () => profileClientId(ctx) });
  const { grant, clientSecret } = await runLoginFlow(ctx, {
    authUrl: endpoints.authUrl,
    clientId,
    ...(envSecret ? { clientSecret: envSecret } : {}),
  });
  if (!grant.refreshToken) {
    return { tokens: createTokenSource({ accessToken: grant.accessToken, refresh: () => Promise.reject(notLoggedIn(endpoints)) }), origin: 'login' };
  }
  const typedSecret = clientSecret && clientSecret !== envSecret ? clientSecret : undefined;
  const login: StoredLogin = { refreshToken: grant.refreshToken, clientId, ...(typedSecret ? { clientSecret: typedSecret } : {}) };
  const storage = await kept.store.save(kept.account, login);
  return {
    tokens: createTokenSource({ accessToken: grant.accessToken, refresh: storedRefresh(kept, login, storage === 'memory' ? undefined : storage) }),
    origin: 'login',
  };
}

interface KeptLogin {
  ctx: CommandContext;
  store: TokenStore;
  account: string;
  authUrl: string;
  /** LOKET_CLIENT_SECRET: used, never stored. */
  envSecret: string | undefined;
}

/** Refresh for a kept login: a rotated token is stored again, a refused one is deleted. */
function storedRefresh(kept: KeptLogin, login: StoredLogin, storage: PersistentStorage | undefined): () => Promise<string> {
  const { ctx, store, account, envSecret } = kept;
  const endpoint = tokenEndpointFor(ctx, kept.authUrl, login.clientId, envSecret ?? login.clientSecret);
  return refreshWith({
    endpoint,
    refreshToken: login.refreshToken,
    rotated: async (refreshToken) => {
      if (!storage) return;
      // A secret typed at a prompt during this run is worth keeping; the one from the environment is not.
      const used = endpoint.clientSecret();
      const secret = used && used !== envSecret ? used : undefined;
      await store.save(account, { refreshToken, clientId: login.clientId, ...(secret ? { clientSecret: secret } : {}) }, storage);
    },
    refused: async () => {
      if (storage) await store.remove(account);
      const hint = t('auth.session.loginAgainHint', { command: loginCommand(ctx) });
      return new AuthError(t(storage ? 'auth.session.loginAgain' : 'auth.token.invalidGrant'), { hint });
    },
  });
}

/** The login command for this profile and environment, as the user would type it. */
function loginCommand(ctx: CommandContext): string {
  const { profile, env, apiUrl, authUrl } = ctx.options;
  const parts = ['loket-asr-setup login'];
  if (profile !== DEFAULTS.profile) parts.push(`--profile ${profile}`);
  if (apiUrl || authUrl) {
    if (apiUrl) parts.push(`--api-url ${apiUrl}`);
    if (authUrl) parts.push(`--auth-url ${authUrl}`);
  } else if (env !== DEFAULTS.env) {
    parts.push(`--env ${env}`);
  }
  return parts.join(' ');
}

function notLoggedIn(endpoints: LoketEndpoints): AuthError {
  return new AuthError(t('auth.session.notLoggedIn', { environment: endpoints.environment, access: ENV.accessToken, refresh: ENV.refreshToken }), {
    hint: t('auth.session.notLoggedInHint'),
  });
}

export async function openSession(ctx: CommandContext, options: SessionOptions): Promise<LoketSession> {
  if (ctx.options.sandbox) {
    const { handle, endpoints } = await startRunSandbox(ctx);
    try {
      const refresh = refreshWith({
        endpoint: tokenEndpointFor(ctx, handle.authUrl, handle.clientId),
        refreshToken: handle.refreshToken,
        refused: async () => new AuthError(t('auth.session.sandboxRefused')),
      });
      const client = createSessionClient(ctx, endpoints.apiUrl, createTokenSource({ refresh }), options);
      return {
        client,
        ...endpoints,
        tokenOrigin: 'sandbox',
        sandbox: handle,
        async close() {
          client.close();
          await handle.close();
        },
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  const endpoints = endpointsFor(ctx);
  const { tokens, origin } = await tokensFor(ctx, endpoints);
  const client = createSessionClient(ctx, endpoints.apiUrl, tokens, options);
  return {
    client,
    ...endpoints,
    tokenOrigin: origin,
    async close() {
      client.close();
    },
  };
}
