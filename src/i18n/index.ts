/**
 * Message catalogues. Every user-facing string lives in src/i18n/messages/<area>.ts, Dutch (the
 * default, in the manual's vocabulary) and English. `t('area.key', { name })` fills `{name}`.
 */
import { auth } from './messages/auth.js';
import { checks } from './messages/checks.js';
import { commands } from './messages/commands.js';
import { core } from './messages/core.js';
import { domain } from './messages/domain.js';
import { loket } from './messages/loket.js';
import { sandbox } from './messages/sandbox.js';
import { steps } from './messages/steps.js';
import { store } from './messages/store.js';
import { tickets } from './messages/tickets.js';
import { validate } from './messages/validate.js';
import { view } from './messages/view.js';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const catalogues = {
  nl: {
    ...auth.nl,
    ...checks.nl,
    ...commands.nl,
    ...core.nl,
    ...domain.nl,
    ...loket.nl,
    ...sandbox.nl,
    ...steps.nl,
    ...store.nl,
    ...tickets.nl,
    ...validate.nl,
    ...view.nl,
  },
  en: {
    ...auth.en,
    ...checks.en,
    ...commands.en,
    ...core.en,
    ...domain.en,
    ...loket.en,
    ...sandbox.en,
    ...steps.en,
    ...store.en,
    ...tickets.en,
    ...validate.en,
    ...view.en,
  },
};

export type MessageKey = keyof (typeof catalogues)['nl'];
export type MessageParams = Record<string, string | number>;

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
  const template: string = catalogues[lang][key] ?? catalogues.nl[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}
