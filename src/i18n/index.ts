/**
 * Message catalogues. Every user-facing string lives in src/i18n/messages/<area>.ts, Dutch (the
 * default, in the manual's vocabulary) and English. `t('area.key', { name })` fills `{name}`.
 */
import { auth } from './messages/auth.js';
import { checks } from './messages/checks.js';
import { commands } from './messages/commands.js';
import { core } from './messages/core.js';
import { domain } from './messages/domain.js';
import { dumps } from './messages/dumps.js';
import { loket } from './messages/loket.js';
import { overview } from './messages/overview.js';
import { report } from './messages/report.js';
import { sandbox } from './messages/sandbox.js';
import { steps } from './messages/steps.js';
import { store } from './messages/store.js';
import { tickets } from './messages/tickets.js';
import { validate } from './messages/validate.js';
import { view } from './messages/view.js';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Every message area; a key means the same in all of them (keys are unique across areas). */
const AREAS = [auth, checks, commands, core, domain, dumps, loket, overview, report, sandbox, steps, store, tickets, validate, view] as const;

type Area = (typeof AREAS)[number];
export type MessageKey = Area extends infer A ? (A extends Area ? keyof A['nl'] : never) : never;
export type MessageParams = Record<string, string | number>;

/**
 * A language's catalogue, put together the first time it is needed (a run speaks one; the build
 * ships each area as JSON text parsed only then, see scripts/build.ts). Object.assign, not object
 * spread: spreading a thousand keys costs a start-up some 6 ms.
 */
const built: Partial<Record<Lang, Partial<Record<MessageKey, string>>>> = {};
const catalogue = (lang: Lang): Partial<Record<MessageKey, string>> => (built[lang] ??= Object.assign({}, ...AREAS.map((area) => area[lang])));

let current: Lang = 'nl';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** `--lang` wins; otherwise LC_ALL / LC_MESSAGES / LANG starting with `en` select English. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  if (flag !== undefined) return (LANGS as readonly string[]).includes(flag) ? (flag as Lang) : undefined;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'nl';
}

export function t(key: MessageKey, params?: MessageParams, lang: Lang = current): string {
  const template: string = catalogue(lang)[key] ?? catalogue('nl')[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}
