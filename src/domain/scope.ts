/**
 * Which employers must be linked (loket-api.md §6), and which webservice user and team a check is
 * about. The manual links the webservice user only to the employers that take the salariskoppeling,
 * so an unlinked employer is not by itself a fault: required are the step 5 selection (any status
 * but `excluded`), or every employer with `--employers all`; before there is a selection, only
 * "at least one employer is reachable".
 */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Profile } from '../store/schema.js';
import { validateRequiredText, validateWebserviceUserName, type Validation } from '../validate/index.js';
import type { Scope } from './model.js';

/** The step 5 selection that counts: selected and not excluded. */
export function selectedIds(profile: Readonly<Profile>): Set<string> {
  return new Set(
    Object.entries(profile.employers)
      .filter(([, e]) => e.selected && e.status !== 'excluded')
      .map(([id]) => id),
  );
}

/** `--employers all|selected`, or the default: the selection once there is one, else none. */
export function resolveScope(given: 'all' | 'selected' | undefined, profile: Readonly<Profile>): Scope {
  if (given === 'all') return { mode: 'all' };
  const ids = selectedIds(profile);
  if (given === 'selected' && ids.size === 0) {
    throw new UsageError(t('commands.verify.noSelection'), { hint: t('commands.verify.noSelectionHint') });
  }
  return ids.size > 0 ? { mode: 'selection', ids } : { mode: 'none' };
}

export function isRequired(scope: Scope, employerId: string): boolean {
  return scope.mode === 'all' || (scope.mode === 'selection' && scope.ids.has(employerId));
}

/** One value from the first source that has one: a flag, an env var, the answers file, saved progress. */
export interface NamedSources {
  flag?: unknown;
  env?: string | undefined;
  answers?: unknown;
  saved?: string | undefined;
}

interface Labels {
  flag: string;
  env: string;
  answers: string;
  saved: string;
}

function resolveFrom(sources: NamedSources, labels: Labels, validate: (raw: string) => Validation): { value: string; source: string } | undefined {
  const ordered: Array<[unknown, string]> = [
    [sources.flag, labels.flag],
    [sources.env === '' ? undefined : sources.env, labels.env],
    [sources.answers, `--answers: ${labels.answers}`],
    [sources.saved, labels.saved],
  ];
  for (const [value, source] of ordered) {
    if (typeof value !== 'string') continue;
    const result = validate(value);
    if (!result.ok) throw new UsageError(t('steps.input.invalid', { field: labels.answers, source, reason: result.reason }));
    return { value: result.value, source };
  }
  return undefined;
}

/**
 * The webservice user's name, for the wizard's steps and for `verify` and `ticket` alike:
 * `--webservice-user`, LOKET_WEBSERVICE_USER, answers `webserviceUser`, the name saved in step 2.
 */
export function resolveWebserviceUserName(sources: NamedSources, envName: string): { value: string; source: string } | undefined {
  return resolveFrom(sources, { flag: '--webservice-user', env: envName, answers: 'webserviceUser', saved: 'webserviceUser' }, validateWebserviceUserName);
}

/** The team to look in when the user itself is not listed: `--team`, LOKET_ASR_SETUP_TEAM, answers `team`, step 3. */
export function resolveTeamName(sources: NamedSources, envName: string): { value: string; source: string } | undefined {
  return resolveFrom(sources, { flag: '--team', env: envName, answers: 'team', saved: 'team' }, validateRequiredText);
}
