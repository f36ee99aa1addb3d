/**
 * `ticket <kind>`: the support text for Loket.nl, built from saved progress through the tickets
 * allowlist (SPEC §9). The same facts give the same text, so re-running it is harmless.
 */
import { UsageError } from '../../errors.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { redact } from '../../loket/redact.js';
import type { Store } from '../../store/index.js';
import { missingFromLastChecks, recordEmployers, ticketFacts, writeResultFile } from '../../steps/shared.js';
import {
  TICKET_KINDS,
  copyToClipboard,
  formatTicket,
  isTicketKind,
  missingTicketFacts,
  renderTicket,
  type ClipboardResult,
  type TicketEmployer,
  type TicketFacts,
} from '../../tickets/index.js';
import { ENV } from '../options.js';
import type { CommandContext } from '../run.js';
import { checkScope, resolveScope, resolveWebserviceUser } from './verify.js';

/** Where each fact a ticket needs comes from, for the error that says it is missing. */
const FACT_SOURCES: Partial<Record<keyof TicketFacts, MessageKey>> = {
  officeName: 'commands.ticket.fact.officeName',
  contactName: 'commands.ticket.fact.contactName',
  contactEmail: 'commands.ticket.fact.contactEmail',
};

/** From the last stored checks; when nothing was ever checked, check now (and keep the result). */
async function employersMissingAuthorization(ctx: CommandContext, store: Store): Promise<TicketEmployer[]> {
  const profile = store.profile();
  const lastCheck = Object.values(profile.employers).reduce<string | undefined>(
    (latest, e) => (e.lastCheck && (!latest || e.lastCheck.at > latest) ? e.lastCheck.at : latest),
    undefined,
  );
  if (lastCheck) {
    ctx.out.info(t('commands.ticket.fromLastCheck', { when: lastCheck.slice(0, 16).replace('T', ' ') }));
    return missingFromLastChecks(profile);
  }
  const webserviceUser = resolveWebserviceUser(ctx, profile);
  const { client } = await ctx.loket();
  const { employers, checks } = await checkScope(ctx, client, profile, resolveScope(undefined, profile), webserviceUser);
  store.update((draft) => recordEmployers(draft, employers, checks));
  return missingFromLastChecks(store.profile());
}

export async function run(ctx: CommandContext, [kindArg]: unknown[]): Promise<void> {
  const kind = String(kindArg ?? '');
  if (!isTicketKind(kind)) throw new UsageError(t('commands.ticket.unknownKind', { kind, kinds: TICKET_KINDS.join(', ') }));
  const lang = ctx.options.lang;
  const store = ctx.store();

  let employers: TicketEmployer[] | undefined;
  if (kind === 'autorisatie') {
    employers = await employersMissingAuthorization(ctx, store);
    if (employers.length === 0) {
      const message = t('commands.ticket.nothingMissing');
      if (ctx.out.json) ctx.out.document({ kind, lang, subject: null, body: null, message });
      else ctx.out.success(message);
      return;
    }
  }

  const facts = ticketFacts(store.profile(), employers);
  // A name given now (flag or LOKET_WEBSERVICE_USER) counts too, as it does for the checks.
  const givenUser = typeof ctx.local.webserviceUser === 'string' ? ctx.local.webserviceUser : ctx.env[ENV.webserviceUser];
  if (!facts.webserviceUser && givenUser?.trim()) facts.webserviceUser = givenUser.trim();
  const missing = missingTicketFacts(kind, facts);
  if (missing.length > 0) {
    const named = missing.map((fact) => {
      const source = FACT_SOURCES[fact];
      return source ? t(source) : fact;
    });
    throw new UsageError(t('commands.ticket.missingFacts', { kind, facts: named.join('; ') }), { hint: t('commands.ticket.missingFactsHint') });
  }

  const rendered = renderTicket(kind, facts, lang);
  // The allowlist keeps secrets out; redaction is the second line of defence.
  const ticket = { ...rendered, subject: redact(rendered.subject), body: redact(rendered.body) };
  const text = formatTicket(ticket);

  const out = typeof ctx.local.out === 'string' ? ctx.local.out : undefined;
  const file = out === undefined ? undefined : writeResultFile(out, text);
  const copied: ClipboardResult | undefined = ctx.local.copy === true ? await copyToClipboard(text) : undefined;
  store.update((draft) => {
    draft.tickets[kind] = { ...draft.tickets[kind], generatedAt: new Date().toISOString() };
  });

  if (copied && !copied.ok) ctx.out.warn(t('commands.ticket.copyFailed', { reason: copied.reason }));
  if (ctx.out.json) {
    ctx.out.document({ kind, lang, subject: ticket.subject, body: ticket.body, ...(file ? { file } : {}), ...(copied ? { copied: copied.ok } : {}) });
    return;
  }
  if (file) ctx.out.success(t('commands.ticket.written', { file }));
  if (copied?.ok) ctx.out.success(t('commands.ticket.copied', { tool: copied.tool }));
  // Without a file or a clipboard the text must still reach the user.
  if (!file && !copied?.ok) ctx.out.result(text);
  ctx.out.hint(t(`commands.ticket.next.${kind}` as MessageKey));
}
