/**
 * `login`: the browser login (PKCE), checked against the API (E1, E2) before anything is saved, then
 * the refresh token to the keychain (or the --insecure-storage file) and who/which office to the store.
 */
import { ENV } from '../../env.js';
import { AuthError } from '../../errors.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { resolveClientId, runLoginFlow } from '../../loket/login-flow.js';
import {
  createSessionClient,
  createTokenSource,
  endpointsFor,
  refreshWith,
  startRunSandbox,
  tokenEndpointFor,
  tokenStoreFor,
} from '../../loket/session.js';
import { accountFor, type TokenStorage } from '../../loket/token-store.js';
import type { Profile } from '../../store/index.js';
import type { CommandContext } from '../run.js';

interface LoginOptions {
  clientId?: string;
  paste?: boolean;
  /** commander's `--no-browser`. */
  browser?: boolean;
  insecureStorage?: boolean;
}

const STORAGE_TEXT: Record<TokenStorage, MessageKey> = {
  keychain: 'auth.login.storedKeychain',
  file: 'auth.login.storedFile',
  memory: 'auth.login.storedMemory',
};

export async function run(ctx: CommandContext): Promise<void> {
  const local = ctx.local as LoginOptions;
  // Taking the lock first: a second run fails here, before anyone is sent to a browser.
  const store = ctx.store();
  const sandbox = ctx.options.sandbox ? await startRunSandbox(ctx) : undefined;
  if (sandbox) ctx.onCleanup(() => sandbox.handle.close());
  const endpoints = sandbox?.endpoints ?? endpointsFor(ctx);
  const clientId =
    sandbox?.handle.clientId ??
    (await resolveClientId(ctx, { ...(local.clientId ? { flag: local.clientId } : {}), profile: () => store.profile().clientId }));
  const envSecret = ctx.env[ENV.clientSecret] || undefined;

  const { grant, clientSecret } = await runLoginFlow(ctx, {
    authUrl: endpoints.authUrl,
    clientId,
    ...(envSecret ? { clientSecret: envSecret } : {}),
    paste: local.paste === true,
    browser: local.browser !== false,
    autoApprove: sandbox !== undefined,
  });

  const endpoint = tokenEndpointFor(ctx, endpoints.authUrl, clientId, clientSecret);
  const refused = () => new AuthError(t('auth.token.invalidGrant'), { hint: t('auth.token.loginHint') });
  const refresh = grant.refreshToken
    ? refreshWith({ endpoint, refreshToken: grant.refreshToken, refused: async () => refused() })
    : async () => {
        throw refused();
      };
  const client = createSessionClient(ctx, endpoints.apiUrl, createTokenSource({ accessToken: grant.accessToken, refresh }));
  ctx.onCleanup(() => client.close());
  const [user, providers] = await Promise.all([client.getUser(), client.providers()]);
  // An office with several providers keeps the one recorded earlier (step 1); else the first.
  const saved = store.profile().provider?.id;
  const provider = providers.find((p) => p.id === saved) ?? providers[0];

  // Simulator logins end with the simulator; everything else is kept once the API accepted it.
  const tokenStore = tokenStoreFor(ctx, { insecureStorage: local.insecureStorage === true });
  let tokenStorage: TokenStorage = 'memory';
  if (grant.refreshToken && !sandbox) {
    const keptSecret = clientSecret && clientSecret !== envSecret ? clientSecret : undefined;
    tokenStorage = await tokenStore.save(
      accountFor(ctx.options.profile, endpoints),
      { refreshToken: grant.refreshToken, clientId, ...(keptSecret ? { clientSecret: keptSecret } : {}) },
    );
  }

  const environment = endpoints.environment as NonNullable<Profile['environment']>;
  store.update((draft) => {
    draft.clientId = clientId;
    draft.environment = environment;
    draft.user = { ...(user.name ? { name: user.name } : {}), ...(user.email ? { email: user.email } : {}) };
    if (provider) draft.provider = { id: provider.id, name: provider.name };
    else delete draft.provider;
  });

  if (ctx.out.json) {
    ctx.out.document({
      user,
      provider: provider ? { id: provider.id, name: provider.name } : null,
      environment,
      tokenStorage,
    });
    return;
  }
  const lines = [
    t('auth.login.done', { user: [user.name, user.email && `<${user.email}>`].filter(Boolean).join(' ') || t('auth.whoami.unnamed') }),
    provider ? t('auth.login.office', { name: provider.name }) : t('auth.login.noOffice'),
    t('auth.login.environment', { environment, apiUrl: endpoints.apiUrl }),
    t(sandbox ? 'auth.login.storedSandbox' : STORAGE_TEXT[tokenStorage], {
      path: tokenStore.filePath,
    }),
  ];
  ctx.out.result(lines.join('\n'));
}
