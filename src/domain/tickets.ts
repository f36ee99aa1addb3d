/**
 * What a support ticket may say, from saved progress only (SPEC §9): the allowlist of facts, the
 * office name falling back to the provider's name, and the rule that a ticket missing a fact it
 * needs is never shown — the user is told which fact and how to give it instead.
 */
import { isLoketEnvironment } from '../env.js';
import { UsageError } from '../errors.js';
import { t, type Lang, type MessageKey } from '../i18n/index.js';
import { redact } from '../loket/redact.js';
import type { Profile } from '../store/schema.js';
import { formatTicket, missingTicketFacts, renderTicket, type Ticket, type TicketEmployer, type TicketFacts, type TicketKind } from '../tickets/index.js';
import { formatPhone } from '../validate/index.js';
import { sortedEmployers } from './employers.js';

/** The ticket allowlist, filled from saved progress (never from anything that could hold a secret). */
/** The office's details given for this run (flag, environment, answers file), over the saved ones. */
export interface GivenOffice {
  name?: string | undefined;
  contactName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export function ticketFacts(
  profile: Readonly<Profile>,
  extra: { webserviceUser?: string; employers?: TicketEmployer[]; office?: GivenOffice } = {},
): TicketFacts {
  const facts: TicketFacts = {};
  const office = { ...profile.office, ...definedOnly(extra.office ?? {}) };
  if (office.name) facts.officeName = office.name;
  if (profile.provider?.name) facts.providerName = profile.provider.name;
  if (office.contactName) facts.contactName = office.contactName;
  if (office.email) facts.contactEmail = office.email;
  // Stored compact (0131234567); a ticket shows it grouped, as people write it (013 123 4567).
  if (office.phone) facts.contactPhone = formatPhone(office.phone);
  const user = extra.webserviceUser ?? profile.webserviceUser;
  if (user) facts.webserviceUser = user;
  if (profile.teams.length) facts.teams = profile.teams.map((team) => team.description);
  if (isLoketEnvironment(profile.environment)) facts.environment = profile.environment;
  if (extra.employers) facts.employers = extra.employers;
  return facts;
}

function definedOnly(given: GivenOffice): GivenOffice {
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}

/** The employers the last check showed linked, for reference in the autorisatie ticket. */
export function linkedEmployers(profile: Readonly<Profile>): TicketEmployer[] {
  return sortedEmployers(profile)
    .filter(([, e]) => e.lastCheck?.linked === 'pass')
    .map(([, e]) => ({ companyName: e.companyName, employerNumber: e.employerNumber }));
}

const FACT_TEXT: Partial<Record<keyof TicketFacts, MessageKey>> = {
  officeName: 'domain.ticket.fact.officeName',
  contactName: 'domain.ticket.fact.contactName',
  contactEmail: 'domain.ticket.fact.contactEmail',
  webserviceUser: 'domain.ticket.fact.webserviceUser',
};

/** What is missing for this ticket, in words that say how to give it; empty when it can be made. */
export function missingFacts(kind: TicketKind, facts: TicketFacts): string[] {
  return missingTicketFacts(kind, facts).map((fact) => {
    const key = FACT_TEXT[fact];
    return key ? t(key) : fact;
  });
}

/** The ticket, or a UsageError (exit 2) naming every missing fact and how to give it. */
export function buildTicket(kind: TicketKind, facts: TicketFacts, lang: Lang): { ticket: Ticket; text: string } {
  const missing = missingFacts(kind, facts);
  if (missing.length > 0) throw new UsageError(t('domain.ticket.missing', { kind, facts: missing.join('; ') }), { hint: t('domain.ticket.missingHint') });
  const rendered = renderTicket(kind, facts, lang);
  // The allowlist keeps secrets out; redaction is the second line of defence.
  const ticket = { ...rendered, subject: redact(rendered.subject), body: redact(rendered.body) };
  return { ticket, text: formatTicket(ticket) };
}
