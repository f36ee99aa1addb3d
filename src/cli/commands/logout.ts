/** `logout`: forgets the stored Loket.nl login of this profile and environment (keychain and file). */
import { ENV } from '../../env.js';
import { t } from '../../i18n/index.js';
import { endpointsFor, tokenStoreFor } from '../../auth/session.js';
import { accountFor } from '../../auth/token-store.js';
import type { CommandContext } from '../run.js';

export async function run(ctx: CommandContext): Promise<void> {
  if (ctx.options.sandbox) {
    if (ctx.out.json) ctx.out.document({ account: null, removed: [] });
    else ctx.out.result(t('auth.logout.sandbox'));
    return;
  }
  const account = accountFor(ctx.options.profile, endpointsFor(ctx));
  const tokenStore = tokenStoreFor(ctx);
  const removed = await tokenStore.remove(account);
  if (ctx.out.json) {
    ctx.out.document({ account, removed });
  } else if (removed.length === 0) {
    ctx.out.result(t('auth.logout.nothing', { account }));
  } else {
    const places = removed.map((place) => (place === 'keychain' ? t('auth.logout.keychain') : t('auth.logout.file', { path: tokenStore.filePath })));
    ctx.out.result(t('auth.logout.removed', { account, places: places.join(', ') }));
  }
  // Variables in the environment win over any stored login, so logging out does not stop them.
  const stillSet = [ENV.accessToken, ENV.refreshToken].filter((name) => ctx.env[name]);
  if (stillSet.length) ctx.out.hint(t('auth.logout.envStillSet', { names: stillSet.join(', ') }));
}
