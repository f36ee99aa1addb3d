/**
 * Every question the wizard can ask, declared once: its answers-file key, flag, env var, label and
 * validator. Resolution order (style habit 2, SPEC §4): flag → env → answers file → saved progress
 * → prompt. A value that came from anywhere but the prompt is never asked for.
 */
import { ENV } from '../env.js';
import { MissingInputsError, UsageError, type MissingInput } from '../errors.js';
import { t, type MessageKey } from '../i18n/index.js';
import type { Choice, Prompter } from '../ui/prompt.js';
import {
  validateEmail,
  validateEnvironmentCode,
  validatePhone,
  validateRequiredText,
  validateWebserviceUserName,
  type Validation,
} from '../validate/index.js';
import { RouteSchema } from '../store/schema.js';
import type { AnswersFile } from './answers.js';

export type InputKind = 'text' | 'date' | 'flag' | 'choice';

export interface InputDef {
  /** Key in the answers file (dot path), also the name shown in errors. */
  key: string;
  /** Commander's flag spelling, e.g. `--contact-email <email>`; `name` is its camelCase attribute. */
  flag: string;
  name: string;
  env: string;
  label: MessageKey;
  kind: InputKind;
  choices?: readonly string[];
  validate?: (raw: string) => Validation;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates are given as YYYY-MM-DD (or `today`) and stored as ISO timestamps at midnight UTC. */
export function validateDate(raw: string, now: Date = new Date()): Validation {
  const value = raw.trim().toLowerCase();
  if (value === 'today' || value === 'vandaag') return { ok: true, value: now.toISOString() };
  const match = YMD.exec(value);
  const date = match ? new Date(`${value}T00:00:00.000Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    return { ok: false, reason: t('steps.input.dateFormat') };
  }
  if (date.getTime() > now.getTime() + 24 * 3600 * 1000) return { ok: false, reason: t('steps.input.dateFuture') };
  return { ok: true, value: date.toISOString() };
}

function validateChoice(choices: readonly string[]) {
  return (raw: string): Validation =>
    choices.includes(raw.trim()) ? { ok: true, value: raw.trim() } : { ok: false, reason: t('core.err.choices', { choices: choices.join(', ') }).replace(/\.$/, '') };
}

function def(key: string, flag: string, env: string, label: MessageKey, kind: InputKind, validate?: (raw: string) => Validation, choices?: readonly string[]): InputDef {
  const name = flag.replace(/^--/, '').split(' ')[0]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return { key, flag, name, env, label, kind, ...(validate ? { validate } : {}), ...(choices ? { choices } : {}) };
}

export const ROUTES = RouteSchema.options;

export const INPUTS = {
  officeName: def('office.name', '--office-name <name>', 'LOKET_ASR_SETUP_OFFICE_NAME', 'steps.input.officeName', 'text', validateRequiredText),
  contactName: def('office.contactName', '--contact-name <name>', 'LOKET_ASR_SETUP_CONTACT_NAME', 'steps.input.contactName', 'text', validateRequiredText),
  contactEmail: def('office.email', '--contact-email <email>', 'LOKET_ASR_SETUP_CONTACT_EMAIL', 'steps.input.contactEmail', 'text', validateEmail),
  contactPhone: def('office.phone', '--contact-phone <phone>', 'LOKET_ASR_SETUP_CONTACT_PHONE', 'steps.input.contactPhone', 'text', validatePhone),
  webservicepartijTicket: def('tickets.webservicepartij.loketTicketNumber', '--webservicepartij-ticket <number>', 'LOKET_ASR_SETUP_WEBSERVICEPARTIJ_TICKET', 'steps.input.webservicepartijTicket', 'text', validateRequiredText),
  webservicepartijSent: def('tickets.webservicepartij.sentAt', '--webservicepartij-sent <date>', 'LOKET_ASR_SETUP_WEBSERVICEPARTIJ_SENT', 'steps.input.sentAt', 'date'),
  webserviceUser: def('webserviceUser', '--webservice-user <name>', ENV.webserviceUser, 'steps.input.webserviceUser', 'text', validateWebserviceUserName),
  route: def('route', '--route <route>', 'LOKET_ASR_SETUP_ROUTE', 'steps.input.route', 'choice', validateChoice(ROUTES), ROUTES),
  routeConfirmed: def('routeConfirmed', '--route-confirmed', 'LOKET_ASR_SETUP_ROUTE_CONFIRMED', 'steps.input.routeConfirmed', 'flag'),
  environmentCode: def('environmentCode', '--omgevingscode <code>', 'LOKET_ASR_SETUP_OMGEVINGSCODE', 'steps.input.environmentCode', 'text', validateEnvironmentCode),
  omgevingscodeTicket: def('tickets.omgevingscode.loketTicketNumber', '--omgevingscode-ticket <number>', 'LOKET_ASR_SETUP_OMGEVINGSCODE_TICKET', 'steps.input.omgevingscodeTicket', 'text', validateRequiredText),
  team: def('team', '--team <name>', ENV.team, 'steps.input.team', 'text', validateRequiredText),
  authorizationReference: def('authorization.reference', '--authorization-reference <number>', 'LOKET_ASR_SETUP_AUTHORIZATION_REFERENCE', 'steps.input.authorizationReference', 'text', validateRequiredText),
  authorizationConfirmed: def('authorization.confirmedAt', '--authorization-confirmed <date>', 'LOKET_ASR_SETUP_AUTHORIZATION_CONFIRMED', 'steps.input.authorizationConfirmed', 'date'),
  acceptUnverifiable: def('acceptUnverifiable', '--confirm-unverifiable <reference>', 'LOKET_ASR_SETUP_CONFIRM_UNVERIFIABLE', 'steps.input.acceptUnverifiable', 'text', validateRequiredText),
  asrCompanyName: def('asr.companyName', '--asr-company-name <name>', 'LOKET_ASR_SETUP_ASR_COMPANY_NAME', 'steps.input.asrCompanyName', 'text', validateRequiredText),
  asrRequestEmail: def('asr.requestEmail', '--asr-email <email>', 'LOKET_ASR_SETUP_ASR_EMAIL', 'steps.input.asrRequestEmail', 'text', validateEmail),
  asrUserName: def('asr.userName', '--asr-username <name>', 'LOKET_ASR_SETUP_ASR_USERNAME', 'steps.input.asrUserName', 'text', validateWebserviceUserName),
  asrSubmitted: def('asr.submittedAt', '--asr-submitted <date>', 'LOKET_ASR_SETUP_ASR_SUBMITTED', 'steps.input.asrSubmitted', 'date'),
  asrConfirmed: def('asr.confirmedAt', '--asr-confirmed <date>', 'LOKET_ASR_SETUP_ASR_CONFIRMED', 'steps.input.asrConfirmed', 'date'),
} as const satisfies Record<string, InputDef>;

export type InputId = keyof typeof INPUTS;

export function describeMissing(input: InputDef): MissingInput {
  return { field: t(input.label), flag: input.flag.split(' ')[0]!, env: input.env, key: input.key };
}

export interface InputSources {
  /** The command's own options (commander camelCase names). */
  flags: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  answers?: AnswersFile;
}

interface Given {
  value: string;
  /** How the user spelled the source, for error messages: `--contact-email`, `LOKET_…`, `answers: office.email`. */
  source: string;
}

/** Resolves inputs for the steps; the one place that decides whether to ask. */
export class Inputs {
  constructor(
    private readonly sources: InputSources,
    private readonly prompter: Prompter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get interactive(): boolean {
    return this.prompter.interactive;
  }

  private raw(input: InputDef): Given | undefined {
    const flagValue = this.sources.flags[input.name];
    if (flagValue !== undefined && flagValue !== false) {
      return { value: flagValue === true ? 'true' : String(flagValue), source: input.flag.split(' ')[0]! };
    }
    const envValue = this.sources.env[input.env];
    if (envValue !== undefined && envValue !== '') return { value: envValue, source: input.env };
    const answer = this.sources.answers ? getAnswer(this.sources.answers, input.key) : undefined;
    if (answer !== undefined) return { value: String(answer), source: `--answers: ${input.key}` };
    return undefined;
  }

  private check(input: InputDef, raw: string): Validation {
    if (input.kind === 'date') return validateDate(raw, this.now());
    if (input.kind === 'flag') return { ok: true, value: /^(1|true|yes|ja|on)$/i.test(raw.trim()) ? 'true' : 'false' };
    return input.validate ? input.validate(raw) : { ok: true, value: raw.trim() };
  }

  /** The value given by flag, env or answers file (validated), or undefined. Invalid → exit 2 naming the source. */
  given(input: InputDef): string | undefined {
    const raw = this.raw(input);
    if (!raw) return undefined;
    const result = this.check(input, raw.value);
    if (!result.ok) {
      throw new UsageError(t('steps.input.invalid', { field: t(input.label), source: raw.source, reason: result.reason }));
    }
    return result.value;
  }

  /** True when the input was given without prompting. */
  has(input: InputDef): boolean {
    return this.given(input) !== undefined;
  }

  /**
   * Fail fast (style habit 4): when nobody can be asked, list every input in `needed` that has no
   * value yet — all of them, in one error, before anything is written.
   */
  requireAll(needed: InputDef[]): void {
    if (this.interactive) return;
    const missing = needed.filter((input) => this.given(input) === undefined);
    if (missing.length) throw new MissingInputsError(t('core.err.missingInputs', { count: missing.length }), missing.map(describeMissing), { hint: t('core.err.missingInputsHint') });
  }

  /** Given → saved → prompt (re-asked until valid) → MissingInputsError when nobody can be asked. */
  async text(input: InputDef, options: { saved?: string; default?: string; message?: string; reask?: boolean } = {}): Promise<string> {
    const given = this.given(input);
    if (given !== undefined) return given;
    if (options.saved !== undefined && !options.reask) return options.saved;
    if (!this.interactive) throw new MissingInputsError(t('core.err.missingInputs', { count: 1 }), [describeMissing(input)], { hint: t('core.err.missingInputsHint') });
    const fallback = options.saved ?? options.default;
    const answer = await this.prompter.input({
      message: options.message ?? t(input.label),
      ...(fallback !== undefined ? { default: input.kind === 'date' ? fallback.slice(0, 10) : fallback } : {}),
      validate: (value) => {
        const result = this.check(input, value);
        return result.ok ? true : result.reason;
      },
    });
    const result = this.check(input, answer);
    if (!result.ok) throw new UsageError(t('steps.input.invalid', { field: t(input.label), source: t(input.label), reason: result.reason }));
    return result.value;
  }

  /** A yes/no that can also be given as a flag; `undefined` when nobody can be asked and nothing was given. */
  async confirm(input: InputDef | undefined, message: string, fallback = false): Promise<boolean | undefined> {
    const given = input ? this.given(input) : undefined;
    if (given !== undefined) return given === 'true';
    if (!this.interactive) return undefined;
    return this.prompter.confirm({ message, default: fallback });
  }

  /**
   * Like text(), for a value that may honestly be unknown (a ticket number nobody wrote down):
   * given → saved → prompt, where an empty answer means "not known" (undefined).
   */
  async optionalText(input: InputDef, options: { saved?: string; message?: string } = {}): Promise<string | undefined> {
    const given = this.given(input);
    if (given !== undefined) return given;
    if (options.saved !== undefined) return options.saved;
    if (!this.interactive) return undefined;
    const answer = await this.prompter.input({
      message: options.message ?? t(input.label),
      validate: (value) => {
        if (value.trim() === '') return true;
        const result = this.check(input, value);
        return result.ok ? true : result.reason;
      },
    });
    if (answer.trim() === '') return undefined;
    const result = this.check(input, answer);
    return result.ok ? result.value : undefined;
  }

  /** A question that has no flag of its own (a reason, a note); only asked interactively. */
  async ask(message: string, validate: (raw: string) => Validation): Promise<string> {
    const answer = await this.prompter.input({
      message,
      validate: (value) => {
        const result = validate(value);
        return result.ok ? true : result.reason;
      },
    });
    const result = validate(answer);
    if (!result.ok) throw new UsageError(result.reason);
    return result.value;
  }

  /** Menus and pickers without an answers key (the wizard's menu, step 5's employer picker). */
  select<T>(message: string, choices: Array<Choice<T>>, fallback?: T): Promise<T> {
    return this.prompter.select({ message, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
  }

  search<T>(message: string, source: (term: string | undefined) => Array<Choice<T>>): Promise<T> {
    return this.prompter.search({ message, source });
  }

  /** Step 5's answers-file `employers` map, keys as the user wrote them. */
  employerAnswers(): NonNullable<AnswersFile['employers']> {
    return this.sources.answers?.employers ?? {};
  }

  /** A choice from a list; given values are validated against the choices. `preferred` is the prompt's default. */
  async choice<T extends string>(input: InputDef, choices: Array<{ value: T; name: string; description?: string }>, saved?: T, preferred?: T): Promise<T> {
    const given = this.given(input);
    if (given !== undefined) return given as T;
    if (saved !== undefined) return saved;
    if (!this.interactive) throw new MissingInputsError(t('core.err.missingInputs', { count: 1 }), [describeMissing(input)], { hint: t('core.err.missingInputsHint') });
    return this.prompter.select({ message: t(input.label), choices, ...(preferred !== undefined ? { default: preferred } : {}) });
  }
}

/** The value at a dot path (`office.email`), or undefined. */
export function getAnswer(answers: AnswersFile, key: string): string | boolean | undefined {
  let node: unknown = answers;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' || typeof node === 'boolean' ? node : undefined;
}
