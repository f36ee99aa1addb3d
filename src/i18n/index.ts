/**
 * Message catalogues. Every user-facing string lives in src/i18n/messages/<area>.ts, Dutch (the
 * default, in the manual's vocabulary) and English. `t('area.key', { name })` fills `{name}`.
 * A count picks its form with `{count, plural, one {# werkgever} other {# werkgevers}}` (ICU's
 * syntax, the subset we need: `=N`, `one`, `other`; `#` is the number; the cases may hold other
 * `{placeholders}`), so no message says "werkgever(s)".
 */
import { auth } from './messages/auth.js';
import { checks } from './messages/checks.js';
import { commands } from './messages/commands.js';
import { core } from './messages/core.js';
import { domain } from './messages/domain.js';
import { dumps } from './messages/dumps.js';
import { help } from './messages/help.js';
import { loket } from './messages/loket.js';
import { overview } from './messages/overview.js';
import { prompt } from './messages/prompt.js';
import { report } from './messages/report.js';
import { sandbox } from './messages/sandbox.js';
import { steps } from './messages/steps.js';
import { store } from './messages/store.js';
import { tickets } from './messages/tickets.js';
import { validate } from './messages/validate.js';
import { view } from './messages/view.js';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Every message area by name; each of its keys starts with that name (`core.status.title`). */
const AREAS = { auth, checks, commands, core, domain, dumps, help, loket, overview, prompt, report, sandbox, steps, store, tickets, validate, view } as const;

type Area = (typeof AREAS)[keyof typeof AREAS];
export type MessageKey = Area extends infer A ? (A extends Area ? keyof A['nl'] : never) : never;
export type MessageParams = Record<string, string | number>;

/**
 * A message, from its area alone: the build ships each area's language as JSON text, parsed the
 * first time a key of that area is asked for (scripts/build.ts), so a run parses only what it says.
 */
function lookup(lang: Lang, key: string): string | undefined {
  const area = (AREAS as Record<string, Record<Lang, Record<string, string>> | undefined>)[key.slice(0, key.indexOf('.'))];
  return area?.[lang][key];
}

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

/** Every message of a language, for the catalogue's own tests. */
export function messages(lang: Lang): Readonly<Record<MessageKey, string>> {
  return Object.assign({}, ...Object.values(AREAS).map((area) => area[lang])) as Record<MessageKey, string>;
}

const has = (params: MessageParams, name: string): boolean => Object.prototype.hasOwnProperty.call(params, name);

/** The index just after the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The cases of one plural block (`one {…} other {…}`), from just after `plural,` to its closing brace. */
function pluralCases(text: string, from: number): { cases: Map<string, string>; end: number } | undefined {
  const cases = new Map<string, string>();
  let i = from;
  for (;;) {
    while (text[i] === ' ') i++;
    if (text[i] === '}') return cases.has('other') ? { cases, end: i + 1 } : undefined;
    const selector = /^(=\d+|zero|one|two|few|many|other) ?\{/.exec(text.slice(i));
    if (!selector) return undefined;
    const open = i + selector[0].length - 1;
    const end = closing(text, open);
    if (end === -1) return undefined;
    cases.set(selector[1]!, text.slice(open + 1, end - 1));
    i = end;
  }
}

/**
 * CLDR's plural rule of Dutch and English alike: "one" for exactly 1 or -1 (no decimals), else "other".
 * Written out instead of asking Intl.PluralRules, whose first use loads ICU's data — ~9 ms of every
 * start of `status`, which says "1 werkgever" and "12 werkgevers". A test holds it to Intl.
 */
export function pluralCategory(count: number): 'one' | 'other' {
  return Math.abs(count) === 1 ? 'one' : 'other';
}

function choosePlurals(template: string, params: MessageParams, lang: Lang): string {
  // One expression per call: a case may hold a plural block of its own.
  const start = /\{(\w+), plural,/g;
  let out = '';
  let last = 0;
  for (let match = start.exec(template); match; match = start.exec(template)) {
    const parsed = pluralCases(template, start.lastIndex);
    const name = match[1]!;
    if (!parsed || !has(params, name)) continue;
    const count = Number(params[name]);
    const form = parsed.cases.get(`=${count}`) ?? parsed.cases.get(pluralCategory(count)) ?? parsed.cases.get('other')!;
    out += template.slice(last, match.index) + choosePlurals(form, params, lang).replace(/#/g, String(params[name]));
    last = parsed.end;
    start.lastIndex = parsed.end;
  }
  return out + template.slice(last);
}

/** Fills a message: plural blocks first, then `{name}`; a parameter nobody gave stays visible. */
export function format(template: string, params: MessageParams, lang: Lang = current): string {
  return choosePlurals(template, params, lang).replace(/\{(\w+)\}/g, (whole, name: string) => (has(params, name) ? String(params[name]) : whole));
}

export function t(key: MessageKey, params?: MessageParams, lang: Lang = current): string {
  const template: string = lookup(lang, key) ?? lookup('nl', key) ?? key;
  return params ? format(template, params, lang) : template;
}
