/**
 * `whoami`: who is logged in (E1: a name and an e-mail; Loket gives no user name), for which office
 * (E2), where, where the token comes from, and which of the activities the tool needs (loket-api.md
 * §6b) Loket allows this login — one small request each.
 */
import { probeActivities } from '../../domain/probe.js';
import { t, type MessageKey } from '../../i18n/index.js';
import type { TokenOrigin } from '../../auth/session.js';
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
  const [user, providers] = await Promise.all([session.client.getUser(), session.client.providers()]);
  // An office with several providers keeps the one recorded earlier (step 1); else the first.
  const saved = ctx.store({ lock: false }).profile().provider?.id;
  const provider = providers.find((p) => p.id === saved) ?? providers[0];
  const activities = await probeActivities(session.client, provider?.id);
  const refused = activities.filter((a) => a.state === 'refused');
  const failed = activities.filter((a) => a.state === 'failed' || a.state === 'not-probed');
  if (ctx.out.json) {
    ctx.out.document({
      user,
      provider: provider ? { id: provider.id, name: provider.name } : null,
      environment: session.environment,
      apiUrl: session.apiUrl,
      tokenOrigin: session.tokenOrigin,
      activities,
      refused: refused.map((a) => a.activity),
    });
    return;
  }
  const access =
    refused.length === 0 && failed.length === 0
      ? t('auth.whoami.allAllowed', { count: activities.length })
      : [
          refused.length
            ? t('auth.whoami.someRefused', { refused: refused.length, count: activities.length, activities: refused.map((a) => a.activity).join(', ') })
            : '',
          failed.length ? t('auth.whoami.someFailed', { failed: failed.length, activities: failed.map((a) => a.activity).join(', ') }) : '',
        ]
          .filter(Boolean)
          .join('; ');
  const rows: [string, string][] = [
    [t('auth.whoami.user'), user.name ?? t('auth.whoami.unnamed')],
    ...(user.email ? [[t('auth.whoami.email'), user.email] as [string, string]] : []),
    [t('auth.whoami.office'), provider ? provider.name : t('auth.whoami.noOffice')],
    [t('auth.whoami.environment'), session.environment],
    [t('auth.whoami.apiUrl'), session.apiUrl],
    [t('auth.whoami.token'), t(ORIGIN_TEXT[session.tokenOrigin])],
    [t('auth.whoami.activities'), access],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  ctx.out.result(rows.map(([label, value]) => `${`${label}:`.padEnd(width + 1)}  ${value}`).join('\n'));
  if (refused.length) ctx.out.hint(t('auth.whoami.refusedHint'));
}
