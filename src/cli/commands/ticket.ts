/**
 * `ticket <kind>`: the support text for Loket.nl, built from saved progress through the tickets
 * allowlist (SPEC §9). A ticket that lacks a fact it needs is never printed: the error names the
 * fact and how to give it. The same facts give the same text, so re-running it is harmless.
 */
import { UsageError } from '../../errors.js';
import { ENV } from '../../env.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { resolveWebserviceUserName } from '../../domain/scope.js';
import { buildTicket, linkedEmployers, ticketFacts } from '../../domain/tickets.js';
import { INPUTS } from '../../steps/inputs.js';
import { Inputs } from '../../steps/resolver.js';
import { writeResultFile } from '../../ui/files.js';
import { TICKET_KINDS, copyToClipboard, isTicketKind, type ClipboardResult } from '../../tickets/index.js';
import type { CommandContext } from '../run.js';

export async function run(ctx: CommandContext, [kindArg]: unknown[]): Promise<void> {
  const kind = String(kindArg ?? '');
  if (!isTicketKind(kind)) throw new UsageError(t('commands.ticket.unknownKind', { kind, kinds: TICKET_KINDS.join(', ') }));
  const lang = ctx.options.lang;
  const store = ctx.store();
  const profile = store.profile();
  // What is given now counts too, as step 1 and the checks take it (flag, environment, answers file;
  // each checked as there), for this ticket only: saving it is step 1's or `config set`'s work.
  const answers = ctx.options.answers !== undefined ? (await import('../../steps/answers.js')).loadAnswers(ctx.options.answers) : undefined;
  const user = resolveWebserviceUserName(
    { flag: ctx.local.webserviceUser, env: ctx.env[ENV.webserviceUser], answers: answers?.webserviceUser, saved: profile.webserviceUser },
    ENV.webserviceUser,
  );
  const given = new Inputs({ flags: ctx.local, env: ctx.env, ...(answers ? { answers } : {}) }, ctx.prompter);
  const office = {
    name: given.given(INPUTS.officeName),
    contactName: given.given(INPUTS.contactName),
    email: given.given(INPUTS.contactEmail),
    phone: given.given(INPUTS.contactPhone),
  };
  const employers = kind === 'autorisatie' ? linkedEmployers(profile) : undefined;
  const { ticket, text } = buildTicket(
    kind,
    ticketFacts(profile, { office, ...(user ? { webserviceUser: user.value } : {}), ...(employers ? { employers } : {}) }),
    lang,
  );

  const out = typeof ctx.local.out === 'string' ? ctx.local.out : undefined;
  const file = out === undefined ? undefined : writeResultFile(out, text);
  const copied: ClipboardResult | undefined = ctx.local.copy === true ? await copyToClipboard(text) : undefined;
  store.update((draft) => {
    draft.tickets[kind] = { ...draft.tickets[kind], generatedAt: ctx.now().toISOString() };
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
