/**
 * `login`: the browser login (PKCE), checked against the API (E1, E2) before anything is saved
 * (src/auth/session.ts logIn, the one login path), then who and which office to the progress store.
 */
import { resolveClientId } from '../../auth/login-flow.js';
import { endpointsFor, logIn } from '../../auth/session.js';
import type { TokenStorage } from '../../auth/token-store.js';
import { t, type MessageKey } from '../../i18n/index.js';
import type { Environment } from '../../store/schema.js';
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
  const sandbox = ctx.options.sandbox ? await ctx.sandbox() : undefined;
  const endpoints = sandbox ? { environment: 'sandbox', apiUrl: sandbox.apiUrl, authUrl: sandbox.authUrl } : endpointsFor(ctx);
  const clientId =
    sandbox?.clientId ?? (await resolveClientId(ctx, { ...(local.clientId ? { flag: local.clientId } : {}), profile: () => store.profile().clientId }));

  const { client, user, providers, storage, tokenStore } = await logIn(ctx, {
    endpoints,
    clientId,
    paste: local.paste === true,
    browser: local.browser !== false,
    autoApprove: sandbox !== undefined,
    insecureStorage: local.insecureStorage === true,
  });
  ctx.onCleanup(() => client.close());
  // An office with several providers keeps the one recorded earlier (step 1); else the first.
  const saved = store.profile().provider?.id;
  const provider = providers.find((p) => p.id === saved) ?? providers[0];

  const environment = endpoints.environment as Environment;
  store.update((draft) => {
    draft.clientId = clientId;
    draft.environment = environment;
    draft.user = { ...(user.name ? { name: user.name } : {}), ...(user.email ? { email: user.email } : {}) };
    if (provider) draft.provider = { id: provider.id, name: provider.name };
    else delete draft.provider;
  });

  if (ctx.out.json) {
    ctx.out.document({ user, provider: provider ? { id: provider.id, name: provider.name } : null, environment, tokenStorage: storage });
    return;
  }
  const who = [user.name, user.email && `<${user.email}>`].filter(Boolean).join(' ') || t('auth.whoami.unnamed');
  const lines = [
    t('auth.login.done', { user: who }),
    provider ? t('auth.login.office', { name: provider.name }) : t('auth.login.noOffice'),
    t('auth.login.environment', { environment, apiUrl: endpoints.apiUrl }),
    t(sandbox ? 'auth.login.storedSandbox' : STORAGE_TEXT[storage], { path: tokenStore.filePath }),
  ];
  ctx.out.result(lines.join('\n'));
}
