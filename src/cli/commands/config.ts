/** `config path | get | set | reset`: look at and adjust the progress store directly. */
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { INPUTS, type InputDef } from '../../steps/inputs.js';
import { getByPath, setByPath } from '../../store/index.js';
import type { CommandContext } from '../run.js';

export async function path(ctx: CommandContext): Promise<void> {
  const store = ctx.store({ lock: false });
  if (ctx.out.json) ctx.out.document({ path: store.path, persistent: store.persistent, profile: store.profileName });
  else ctx.out.result(store.path);
}

export async function get(ctx: CommandContext, [key]: unknown[]): Promise<void> {
  const profile = ctx.store({ lock: false }).profile();
  const value = typeof key === 'string' ? getByPath(profile, key) : profile;
  if (ctx.out.json) {
    ctx.out.document(typeof key === 'string' ? { key, value: value ?? null } : value);
    return;
  }
  if (value === undefined) ctx.out.result(t('core.config.noValue'));
  else ctx.out.result(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

/** The same rules as the wizard's questions (SPEC §10): a value the wizard would refuse is refused here. */
function validated(key: string, value: string): string {
  const input = (Object.values(INPUTS) as InputDef[]).find((candidate) => candidate.key === key);
  const result = input?.validate?.(value) ?? (value.trim() === '' ? { ok: false as const, reason: t('core.config.empty') } : { ok: true as const, value });
  if (!result.ok) throw new UsageError(t('core.config.invalid', { key, reason: result.reason }));
  return result.value;
}

export async function set(ctx: CommandContext, [key, value]: unknown[]): Promise<void> {
  const store = ctx.store();
  const checked = validated(String(key), String(value));
  store.update((draft) => setByPath(draft, String(key), checked));
  if (ctx.out.json) ctx.out.document({ key, value: getByPath(store.profile(), String(key)) ?? null });
  else ctx.out.success(t('core.config.saved', { key: String(key) }));
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
  if (ctx.out.json) ctx.out.document({ reset: true, profile: store.profileName });
  else ctx.out.success(t('core.config.resetDone', { profile: store.profileName }));
}
