/** `whoami`: who is logged in (E1), for which office (E2), where, and where the token comes from. */
import { t, type MessageKey } from '../../i18n/index.js';
import type { TokenOrigin } from '../../loket/session.js';
import type { CommandContext } from '../run.js';

const ORIGIN_TEXT: Record<TokenOrigin, MessageKey> = {
  'env-access-token': 'auth.origin.envAccessToken',
  'env-refresh-token': 'auth.origin.envRefreshToken',
  keychain: 'auth.origin.keychain',
  file: 'auth.origin.file',
  sandbox: 'auth.origin.sandbox',
  login: 'auth.origin.login',
};

export async function run(ctx: CommandContext): Promise<void> {
  const session = await ctx.loket();
  const [user, providers] = await Promise.all([session.client.getUser(), session.client.getProviders()]);
  // An office with several providers keeps the one recorded earlier (step 1); else the first.
  const saved = ctx.store({ lock: false }).profile().provider?.id;
  const provider = providers.find((p) => p.id === saved) ?? providers[0];
  if (ctx.out.json) {
    ctx.out.document({
      user,
      provider: provider ? { id: provider.id, name: provider.name } : null,
      environment: session.environment,
      apiUrl: session.apiUrl,
      tokenOrigin: session.tokenOrigin,
    });
    return;
  }
  const fullName = [user.initials, user.lastName].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    [t('auth.whoami.user'), fullName ? `${user.userName} (${fullName})` : user.userName],
    [t('auth.whoami.office'), provider ? provider.name : t('auth.whoami.noOffice')],
    [t('auth.whoami.environment'), session.environment],
    [t('auth.whoami.apiUrl'), session.apiUrl],
    [t('auth.whoami.token'), t(ORIGIN_TEXT[session.tokenOrigin])],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  ctx.out.result(rows.map(([label, value]) => `${`${label}:`.padEnd(width + 1)}  ${value}`).join('\n'));
}
