/**
 * Every input of the wizard, declared once, as data: its answers-file key, flag, env var, label,
 * validator, and where its value lives in the progress store. The answers-file schema, the
 * non-interactive preflight, the replay fragment (`--write-answers`) and `config set` are derived
 * from this table; the resolver (resolver.ts) decides per input whether to ask.
 */
import { localDay } from '../ui/time.js';
import { ENV, ENV_PREFIX } from '../env.js';
import { t, type MessageKey } from '../i18n/index.js';
import { ROUTES, type ConfirmationSubject } from '../store/enums.js';
import { getByPath, setByPath } from '../store/keys.js';
import type { Profile } from '../store/schema.js';
import { validateEmail, validateEnvironmentCode, validatePhone, validateRequiredText, validateWebserviceUserName, type Validation } from '../validate/index.js';

export type InputKind = 'text' | 'date' | 'flag' | 'choice';

/** A value an input gives: text (dates as ISO after validation), or true/false for a flag. */
export type InputValue = string | boolean;

export interface InputSpec {
  /** Key in the answers file (dot path), also the name shown in errors. */
  key: string;
  /** Commander's flag spelling, e.g. `--contact-email <email>`. */
  flag: string;
  env: string;
  label: MessageKey;
  kind: InputKind;
  choices?: readonly string[];
  validate?: (raw: string) => Validation;
  /** Where the value is kept in the profile, as is (dates as ISO). */
  profilePath?: string;
  /** The value is kept as a confirmation instead (route, link, authorization); `field` is what it carries. */
  confirmation?: { subject: ConfirmationSubject; field: 'reference' | 'at' | 'given' };
  /** `config set` may change it (it lives at `profilePath`). */
  settable?: boolean;
}

export interface InputDef extends InputSpec {
  /** The commander attribute of the flag (camelCase). */
  name: string;
}

function input(spec: InputSpec): InputDef {
  const name = spec.flag
    .replace(/^--/, '')
    .split(' ')[0]!
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return { ...spec, name };
}

function validateChoice(choices: readonly string[]) {
  return (raw: string): Validation =>
    choices.includes(raw.trim())
      ? { ok: true, value: raw.trim() }
      : { ok: false, reason: t('core.err.choices', { choices: choices.join(', ') }).replace(/\.$/, '') };
}

const E = (name: string) => `${ENV_PREFIX}${name}`;

export const INPUTS = {
  officeName: input({
    key: 'office.name',
    flag: '--office-name <name>',
    env: E('OFFICE_NAME'),
    label: 'steps.input.officeName',
    kind: 'text',
    validate: validateRequiredText,
    profilePath: 'office.name',
    settable: true,
  }),
  contactName: input({
    key: 'office.contactName',
    flag: '--contact-name <name>',
    env: E('CONTACT_NAME'),
    label: 'steps.input.contactName',
    kind: 'text',
    validate: validateRequiredText,
    profilePath: 'office.contactName',
    settable: true,
  }),
  contactEmail: input({
    key: 'office.email',
    flag: '--contact-email <email>',
    env: E('CONTACT_EMAIL'),
    label: 'steps.input.contactEmail',
    kind: 'text',
    validate: validateEmail,
    profilePath: 'office.email',
    settable: true,
  }),
  contactPhone: input({
    key: 'office.phone',
    flag: '--contact-phone <phone>',
    env: E('CONTACT_PHONE'),
    label: 'steps.input.contactPhone',
    kind: 'text',
    validate: validatePhone,
    profilePath: 'office.phone',
    settable: true,
  }),
  webservicepartijTicket: input({
    key: 'tickets.webservicepartij.loketTicketNumber',
    flag: '--webservicepartij-ticket <number>',
    env: E('WEBSERVICEPARTIJ_TICKET'),
    label: 'steps.input.webservicepartijTicket',
    kind: 'text',
    validate: validateRequiredText,
    profilePath: 'tickets.webservicepartij.loketTicketNumber',
  }),
  webservicepartijSent: input({
    key: 'tickets.webservicepartij.sentAt',
    flag: '--webservicepartij-sent <date>',
    env: E('WEBSERVICEPARTIJ_SENT'),
    label: 'steps.input.sentAt',
    kind: 'date',
    profilePath: 'tickets.webservicepartij.sentAt',
  }),
  webservicepartijAdded: input({
    key: 'tickets.webservicepartij.answeredAt',
    flag: '--webservicepartij-added <date>',
    env: E('WEBSERVICEPARTIJ_ADDED'),
    label: 'steps.input.webservicepartijAdded',
    kind: 'date',
    profilePath: 'tickets.webservicepartij.answeredAt',
  }),
  webserviceUser: input({
    key: 'webserviceUser',
    flag: '--webservice-user <name>',
    env: ENV.webserviceUser,
    label: 'steps.input.webserviceUser',
    kind: 'text',
    validate: validateWebserviceUserName,
    profilePath: 'webserviceUser',
    settable: true,
  }),
  team: input({
    key: 'team',
    flag: '--team <name>',
    env: ENV.team,
    label: 'steps.input.team',
    kind: 'text',
    validate: validateRequiredText,
    profilePath: 'team',
    settable: true,
  }),
  route: input({
    key: 'route',
    flag: '--route <route>',
    env: E('ROUTE'),
    label: 'steps.input.route',
    kind: 'choice',
    validate: validateChoice(ROUTES),
    choices: ROUTES,
    profilePath: 'route',
    settable: true,
  }),
  routeConfirmed: input({
    key: 'routeConfirmed',
    flag: '--route-confirmed',
    env: E('ROUTE_CONFIRMED'),
    label: 'steps.input.routeConfirmed',
    kind: 'flag',
    confirmation: { subject: 'route', field: 'given' },
  }),
  environmentCode: input({
    key: 'environmentCode',
    flag: '--omgevingscode <code>',
    env: E('OMGEVINGSCODE'),
    label: 'steps.input.environmentCode',
    kind: 'text',
    validate: validateEnvironmentCode,
    profilePath: 'environmentCode',
    settable: true,
  }),
  omgevingscodeTicket: input({
    key: 'tickets.omgevingscode.loketTicketNumber',
    flag: '--omgevingscode-ticket <number>',
    env: E('OMGEVINGSCODE_TICKET'),
    label: 'steps.input.omgevingscodeTicket',
    kind: 'text',
    validate: validateRequiredText,
    profilePath: 'tickets.omgevingscode.loketTicketNumber',
  }),
  authorizationReference: input({
    key: 'authorization.reference',
    flag: '--authorization-reference <number>',
    env: E('AUTHORIZATION_REFERENCE'),
    label: 'steps.input.authorizationReference',
    kind: 'text',
    validate: validateRequiredText,
    confirmation: { subject: 'authorization', field: 'reference' },
  }),
  authorizationConfirmed: input({
    key: 'authorization.confirmedAt',
    flag: '--authorization-confirmed <date>',
    env: E('AUTHORIZATION_CONFIRMED'),
    label: 'steps.input.authorizationConfirmed',
    kind: 'date',
    confirmation: { subject: 'authorization', field: 'at' },
  }),
  acceptUnverifiable: input({
    key: 'acceptUnverifiable',
    flag: '--confirm-unverifiable <reference>',
    env: E('CONFIRM_UNVERIFIABLE'),
    label: 'steps.input.acceptUnverifiable',
    kind: 'text',
    validate: validateRequiredText,
    confirmation: { subject: 'link', field: 'reference' },
  }),
  asrCompanyName: input({
    key: 'asr.companyName',
    flag: '--asr-company-name <name>',
    env: E('ASR_COMPANY_NAME'),
    label: 'steps.input.asrCompanyName',
    kind: 'text',
    validate: validateRequiredText,
    profilePath: 'asr.companyName',
    settable: true,
  }),
  asrRequestEmail: input({
    key: 'asr.requestEmail',
    flag: '--asr-email <email>',
    env: E('ASR_EMAIL'),
    label: 'steps.input.asrRequestEmail',
    kind: 'text',
    validate: validateEmail,
    profilePath: 'asr.requestEmail',
    settable: true,
  }),
  asrUserName: input({
    key: 'asr.userName',
    flag: '--asr-username <name>',
    env: E('ASR_USERNAME'),
    label: 'steps.input.asrUserName',
    kind: 'text',
    validate: validateWebserviceUserName,
    profilePath: 'asr.userName',
    settable: true,
  }),
  asrSubmitted: input({
    key: 'asr.submittedAt',
    flag: '--asr-submitted <date>',
    env: E('ASR_SUBMITTED'),
    label: 'steps.input.asrSubmitted',
    kind: 'date',
    profilePath: 'asr.submittedAt',
  }),
  asrConfirmed: input({
    key: 'asr.confirmedAt',
    flag: '--asr-confirmed <date>',
    env: E('ASR_CONFIRMED'),
    label: 'steps.input.asrConfirmed',
    kind: 'date',
    profilePath: 'asr.confirmedAt',
  }),
} as const satisfies Record<string, InputDef>;

export const INPUT_LIST: readonly InputDef[] = Object.values(INPUTS);

/**
 * Writes a given (validated) value into a profile: at its path, or as the confirmation it stands
 * for — used to project what a non-interactive run will save (preflight), never for real saves.
 */
export function applyToProfile(profile: Profile, def: InputDef, value: InputValue, by = 'preflight'): void {
  if (def.profilePath) {
    setByPath(profile, def.profilePath, value);
    return;
  }
  if (!def.confirmation || value === false) return;
  const { subject, field } = def.confirmation;
  let confirmation = profile.confirmations.find((c) => c.subject === subject && c.employerId === undefined);
  if (!confirmation) {
    confirmation = { subject, step: subject === 'link' ? '2' : '3', by, at: new Date(0).toISOString() };
    profile.confirmations.push(confirmation);
  }
  if (field === 'reference' && typeof value === 'string') confirmation.reference = value;
  if (field === 'at' && typeof value === 'string') confirmation.at = value;
  if (field === 'given' && subject === 'route' && profile.route) confirmation.reference = profile.route;
}

/** What a profile says for an input, in answers-file form (dates as YYYY-MM-DD); undefined when it says nothing. */
export function valueFromProfile(profile: Readonly<Profile>, def: InputDef): InputValue | undefined {
  if (def.profilePath) {
    const value = getByPath(profile, def.profilePath);
    if (typeof value !== 'string') return undefined;
    return def.kind === 'date' ? localDay(value) : value;
  }
  if (!def.confirmation) return undefined;
  const { subject, field } = def.confirmation;
  const confirmation = [...profile.confirmations].reverse().find((c) => c.subject === subject);
  if (!confirmation) return undefined;
  if (field === 'given') return subject === 'route' ? confirmation.reference === profile.route : true;
  if (field === 'at') return localDay(confirmation.at);
  return confirmation.reference;
}
