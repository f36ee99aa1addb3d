import { isLoketEnvironment } from '../env.js';
import { t, type Lang, type MessageKey } from '../i18n/index.js';
import { sanitizeLine } from '../sanitize.js';
import { TICKET_KINDS, type TicketKind } from '../store/enums.js';

export { TICKET_KINDS, type TicketKind };

/** An employer listed for reference (the autorisatie ticket: the employers the webservice user reaches). */
export interface TicketEmployer {
  companyName: string;
  employerNumber: number | string;
}

/**
 * Everything a ticket may ever show. This type is the allowlist: the renderer copies these fields
 * one by one, so a secret that travels along on the same object can never reach a ticket.
 */
export interface TicketFacts {
  /** Name of the administratie- or accountantskantoor (step 1; else the provider's name). */
  officeName?: string;
  /** The provider's name as Loket returns it. */
  providerName?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  /** The webservice user's NAME (e.g. Webservice#01); never its password. */
  webserviceUser?: string;
  /** The team(s) that link it to its employers (AK route). */
  teams?: string[];
  /** 'production' or 'acceptance'; anything else is left out. */
  environment?: string;
  employers?: TicketEmployer[];
}

/** At most this many employers are listed for reference; the rest is counted. */
const MAX_LISTED_EMPLOYERS = 25;

export interface Ticket {
  kind: TicketKind;
  lang: Lang;
  subject: string;
  body: string;
}

export function isTicketKind(value: string): value is TicketKind {
  return (TICKET_KINDS as readonly string[]).includes(value);
}

export function renderTicket(kind: TicketKind, facts: TicketFacts, lang: Lang): Ticket {
  const f = allowlisted(facts);
  const msg = (key: MessageKey, params?: Record<string, string>): string => t(key, params, lang);
  const details = detailLines(f, lang);
  const signature = [msg('tickets.closing'), f.contactName, f.officeName].filter(isPresent);

  let subject: string;
  let paragraphs: string[][];
  switch (kind) {
    case 'webservicepartij':
      subject = f.officeName ? msg('tickets.webservicepartij.subjectWithOffice', { officeName: f.officeName }) : msg('tickets.webservicepartij.subject');
      paragraphs = [
        [msg('tickets.webservicepartij.request')],
        [msg('tickets.webservicepartij.important')],
        details,
        [msg('tickets.webservicepartij.followUp')],
      ];
      break;
    case 'omgevingscode':
      subject = f.officeName ? msg('tickets.omgevingscode.subjectWithOffice', { officeName: f.officeName }) : msg('tickets.omgevingscode.subject');
      // The manual: give Loket the name of the administratie- or accountantskantoor.
      paragraphs = [[msg('tickets.omgevingscode.request'), ...(f.officeName ? [msg('tickets.omgevingscode.officeBelow')] : [])], details];
      break;
    case 'autorisatie':
      subject = msg('tickets.autorisatie.subject', { officeName: f.officeName ?? '' });
      paragraphs = [
        [msg('tickets.autorisatie.request', { webserviceUser: f.webserviceUser ?? '' }), msg('tickets.autorisatie.readOnly')],
        f.teams && f.teams.length ? [msg('tickets.autorisatie.teams', { teams: f.teams.join(', ') })] : [],
        employerLines(f.employers ?? [], lang),
        details,
        [msg('tickets.autorisatie.reply')],
      ];
      break;
  }

  const body = [[msg('tickets.greeting')], ...paragraphs, signature]
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  return { kind, lang, subject, body };
}

/** Plain text, ready to paste into Loket's support form or an e-mail. */
export function formatTicket(ticket: Ticket): string {
  return `${t('tickets.subjectLabel', undefined, ticket.lang)}: ${ticket.subject}\n\n${ticket.body}\n`;
}

/** A ticket is never printed without these (SPEC §9): who asks, how to reach them, what it is about. */
export const REQUIRED_FACTS: Readonly<Record<TicketKind, ReadonlyArray<keyof TicketFacts>>> = {
  webservicepartij: ['officeName', 'contactName', 'contactEmail'],
  omgevingscode: ['officeName', 'contactName'],
  autorisatie: ['officeName', 'contactName', 'webserviceUser'],
};

/** Facts the ticket cannot do without, in the order they are asked for. */
export function missingTicketFacts(kind: TicketKind, facts: TicketFacts): Array<keyof TicketFacts> {
  const f = allowlisted(facts);
  return REQUIRED_FACTS[kind].filter((key) => {
    const value = f[key];
    return Array.isArray(value) ? value.length === 0 : value === undefined;
  });
}

function allowlisted(facts: TicketFacts): TicketFacts {
  const providerName = singleLine(facts.providerName);
  return {
    // SPEC §9: the office's name, falling back to the name Loket has for the provider.
    officeName: singleLine(facts.officeName) ?? providerName,
    providerName,
    contactName: singleLine(facts.contactName),
    contactEmail: singleLine(facts.contactEmail),
    contactPhone: singleLine(facts.contactPhone),
    webserviceUser: singleLine(facts.webserviceUser),
    teams: Array.isArray(facts.teams) ? facts.teams.map(singleLine).filter(isPresent) : undefined,
    environment: isLoketEnvironment(facts.environment) ? facts.environment : undefined,
    employers: Array.isArray(facts.employers) ? facts.employers.flatMap(allowlistedEmployer) : undefined,
  };
}

function allowlistedEmployer(employer: TicketEmployer): TicketEmployer[] {
  const companyName = singleLine(employer?.companyName) ?? '';
  const employerNumber =
    typeof employer?.employerNumber === 'number' && Number.isFinite(employer.employerNumber)
      ? String(employer.employerNumber)
      : (singleLine(employer?.employerNumber) ?? '');
  if (companyName === '' && employerNumber === '') return [];
  return [{ companyName, employerNumber }];
}

/** Facts end up on one line of a ticket; a stray newline must not break its layout. */
function singleLine(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const collapsed = sanitizeLine(value);
  return collapsed === '' ? undefined : collapsed;
}

function detailLines(f: TicketFacts, lang: Lang): string[] {
  const environment = isLoketEnvironment(f.environment) ? t(`tickets.environment.${f.environment}`, undefined, lang) : undefined;
  const facts: Array<[MessageKey, string | undefined]> = [
    ['tickets.fact.officeName', f.officeName],
    ['tickets.fact.providerName', f.providerName === f.officeName ? undefined : f.providerName],
    ['tickets.fact.environment', environment],
    ['tickets.fact.contactName', f.contactName],
    ['tickets.fact.contactEmail', f.contactEmail],
    ['tickets.fact.contactPhone', f.contactPhone],
  ];
  const lines = facts.flatMap(([key, value]) => (value === undefined ? [] : [`- ${t(key, { value }, lang)}`]));
  return lines.length === 0 ? [] : [t('tickets.detailsHeading', undefined, lang), ...lines];
}

function employerLines(employers: TicketEmployer[], lang: Lang): string[] {
  if (employers.length === 0) return [];
  const lines = employers.slice(0, MAX_LISTED_EMPLOYERS).map((employer) => {
    const { companyName } = employer;
    const employerNumber = String(employer.employerNumber);
    const label =
      companyName && employerNumber
        ? t('tickets.employer.full', { companyName, employerNumber }, lang)
        : companyName || t('tickets.employer.numberOnly', { employerNumber }, lang);
    return `- ${label}`;
  });
  if (employers.length > MAX_LISTED_EMPLOYERS) lines.push(t('tickets.autorisatie.moreEmployers', { count: employers.length - MAX_LISTED_EMPLOYERS }, lang));
  return [t('tickets.autorisatie.employersHeading', undefined, lang), ...lines];
}

function isPresent(value: string | undefined): value is string {
  return value !== undefined;
}
