/** `config path | get | set | reset`: look at and adjust the progress store directly. */
import { LocalError, UsageError } from '../../errors.js';
import { RUN_ENVIRONMENTS } from '../../env.js';
import { t } from '../../i18n/index.js';
import { INPUT_LIST } from '../../steps/inputs.js';
import { getByPath, setByPath } from '../../store/index.js';
import type { Validation } from '../../validate/index.js';
import type { CommandContext } from '../run.js';

/**
 * The keys `config set` may change: every input of the wizard that is kept as is in the profile
 * (from the inputs catalogue), plus the login's client id and environment. There is no key for a
 * password, token or secret, on purpose.
 */
const SETTABLE: ReadonlyMap<string, (raw: string) => Validation> = new Map([
  ...INPUT_LIST.filter((input) => input.settable && input.profilePath).map(
    (input) => [input.profilePath!, input.validate ?? ((raw: string) => nonEmpty(raw))] as const,
  ),
  ['clientId', nonEmpty],
  [
    'environment',
    (raw: string) =>
      (RUN_ENVIRONMENTS as readonly string[]).includes(raw.trim())
        ? { ok: true as const, value: raw.trim() }
        : { ok: false as const, reason: t('core.err.choices', { choices: RUN_ENVIRONMENTS.join(', ') }) },
  ],
]);

export const SETTABLE_KEYS: readonly string[] = [...SETTABLE.keys()];

function nonEmpty(raw: string): Validation {
  return raw.trim() === '' ? { ok: false, reason: t('core.config.empty') } : { ok: true, value: raw.trim() };
}

function knownKey(key: string): (raw: string) => Validation {
  const validate = SETTABLE.get(key);
  if (!validate) throw new UsageError(t('store.unknownKey', { key, keys: SETTABLE_KEYS.join(', ') }));
  return validate;
}

export async function path(ctx: CommandContext): Promise<void> {
  const store = ctx.store({ lock: false });
  if (ctx.out.json) ctx.out.document({ path: store.path, persistent: store.persistent, profile: store.profileName });
  else ctx.out.result(store.path);
}

export async function get(ctx: CommandContext, [key]: unknown[]): Promise<void> {
  const profile = ctx.store({ lock: false }).profile();
  if (typeof key === 'string') knownKey(key);
  const value = typeof key === 'string' ? getByPath(profile, key) : profile;
  if (ctx.out.json) {
    ctx.out.document(typeof key === 'string' ? { key, value: value ?? null } : value);
    return;
  }
  if (value === undefined) ctx.out.result(t('core.config.noValue'));
  else ctx.out.result(typeof value === 'string' ? value : JSON.stringify(value, null, 2), { wrap: false });
}

/** The same rules as the wizard's questions (SPEC §10): a value the wizard would refuse is refused here. */
export async function set(ctx: CommandContext, [key, value]: unknown[]): Promise<void> {
  const name = String(key);
  const result = knownKey(name)(String(value));
  if (!result.ok) throw new UsageError(t('core.config.invalid', { key: name, reason: result.reason }));
  const store = ctx.store();
  store.update((draft) => setByPath(draft, name, result.value));
  // In memory only (a read-only directory…): a command whose one job is to save has not done it.
  if (!store.persistent) throw new LocalError(t('core.config.notSaved', { key: name, path: store.path }), { hint: t('core.config.notSavedHint') });
  if (ctx.out.json) ctx.out.document({ key, value: getByPath(store.profile(), name) ?? null });
  else ctx.out.success(t('core.config.saved', { key: name }));
}

export async function reset(ctx: CommandContext): Promise<void> {
  const store = ctx.store();
  if (ctx.local.yes !== true) {
    if (!ctx.interactive) throw new UsageError(t('core.config.resetNeedsYes'));
    const sure = await ctx.prompter.confirm({ message: t('core.config.resetConfirm', { profile: store.profileName }) });
    if (!sure) {
      ctx.out.info(t('core.config.resetCancelled'));
      return;
    }
  }
  store.resetProfile();
  if (!store.persistent)
    throw new LocalError(t('core.config.resetNotSaved', { profile: store.profileName, path: store.path }), { hint: t('core.config.notSavedHint') });
  if (ctx.out.json) ctx.out.document({ reset: true, profile: store.profileName });
  else ctx.out.success(t('core.config.resetDone', { profile: store.profileName }));
}
