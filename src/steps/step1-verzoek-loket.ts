/**
 * Stap 1 — Verzoek indienen bij Loket.nl. The office asks Loket.nl to add it as webservicepartij for
 * the Benefits-Plaza koppeling. The API cannot see that request (loket-api.md §8), so the tool writes
 * the ticket, records when it was sent and Loket's ticket number, and checks what it can: the login
 * works and the office (provider) is found.
 */
import { LINKS } from '../domain/links.js';
import { t } from '../i18n/index.js';
import type { LoketProvider } from '../loket/client.js';
import { RUN_ENVIRONMENTS } from '../env.js';
import { isOneOf, type Profile, type TicketRecord } from '../store/index.js';
import { UsageError } from '../errors.js';
import { formatDate, localDay } from '../ui/time.js';
import { formatPhone } from '../validate/index.js';
import { buildTicket, missingFacts, ticketFacts } from '../domain/index.js';
import type { StepContext, Step, StepResult } from './context.js';
import { INPUTS, type InputDef } from './inputs.js';
import { askEmail, confirmer, finishStep, offerToOpen, reviewSaved, saveAnswer } from './shared.js';

const OFFICE_INPUTS = [INPUTS.officeName, INPUTS.contactName, INPUTS.contactEmail, INPUTS.contactPhone];

function officeComplete(profile: Readonly<Profile>): boolean {
  const { name, contactName, email, phone } = profile.office;
  return Boolean(name && contactName && email && phone);
}

async function askOffice(ctx: StepContext): Promise<void> {
  const { store, inputs } = ctx;
  const saved = store.profile().office;
  const reask = await reviewSaved(ctx, officeComplete(store.profile()), [
    [t(INPUTS.officeName.label), saved.name],
    [t(INPUTS.contactName.label), saved.contactName],
    [t(INPUTS.contactEmail.label), saved.email],
    // As people write it, the way the tickets show it (the store keeps it compact).
    [t(INPUTS.contactPhone.label), saved.phone && formatPhone(saved.phone)],
  ]);
  const save = (mutate: (office: Profile['office']) => void) => saveAnswer(store, '1', ctx.now(), (draft) => mutate(draft.office));
  const name = await inputs.text(INPUTS.officeName, { saved: saved.name, reask });
  save((office) => (office.name = name));
  const contactName = await inputs.text(INPUTS.contactName, { saved: saved.contactName, reask });
  save((office) => (office.contactName = contactName));
  const email = await askEmail(ctx, INPUTS.contactEmail, saved.email, reask);
  save((office) => (office.email = email));
  const phone = await inputs.text(INPUTS.contactPhone, { saved: saved.phone, reask });
  save((office) => (office.phone = phone));
}

/** The one office to use: the saved one when Loket still lists it, the only one, or the user's pick. */
async function chooseProvider(ctx: StepContext, providers: LoketProvider[]): Promise<LoketProvider | undefined> {
  const savedId = ctx.store.profile().provider?.id;
  const saved = providers.find((p) => p.id === savedId);
  if (saved || providers.length <= 1) return saved ?? providers[0];
  if (ctx.inputs.interactive) {
    return ctx.inputs.select(
      t('steps.1.pickProvider'),
      providers.map((p) => ({ name: p.name, value: p })),
    );
  }
  ctx.out.warn(t('steps.1.severalProviders', { count: providers.length, name: providers[0]!.name }));
  return providers[0];
}

async function checkLogin(ctx: StepContext): Promise<boolean> {
  // The session may log in first (browser, prompts): only then start the spinner.
  const session = await ctx.loket();
  const spinner = await ctx.out.spinner(t('steps.1.checkingLogin'));
  const lookup = Promise.all([session.client.getUser(), session.client.providers()]);
  await lookup.finally(() => spinner.stop());
  const [user, providers] = await lookup;
  const provider = await chooseProvider(ctx, providers);
  const environment = session.environment;
  ctx.store.update((draft) => {
    if (isOneOf(RUN_ENVIRONMENTS, environment)) draft.environment = environment;
    draft.user = { ...(user.name ? { name: user.name } : {}), ...(user.email ? { email: user.email } : {}) };
    if (provider) draft.provider = { id: provider.id, name: provider.name };
  });
  const who = [user.name, user.email && `<${user.email}>`].filter(Boolean).join(' ') || t('steps.1.unnamedUser');
  if (!provider) {
    ctx.out.warn(t('steps.1.noProvider', { user: who }));
    return false;
  }
  ctx.out.success(t('steps.1.loggedIn', { user: who, provider: provider.name }));
  return true;
}

/**
 * Was the ticket sent, and when? The date (default today) and, when Loket has sent one, its ticket
 * number — which may come days later, so it is optional. Returns the ticket record, or undefined
 * when it was not sent yet.
 */
async function recordSent(ctx: StepContext, reask: boolean): Promise<TicketRecord | undefined> {
  const { inputs, store } = ctx;
  const saved = store.profile().tickets.webservicepartij;
  const givenNow = inputs.has(INPUTS.webservicepartijSent) || inputs.has(INPUTS.webservicepartijTicket);
  if (!saved?.sentAt && !givenNow) {
    if (!inputs.interactive || !(await inputs.confirm(undefined, t('steps.1.askSent'), false))) return undefined;
  }
  // Default today (most people record the ticket the day they send it), or the day Loket.nl
  // answered when that is given and earlier: a ticket is sent before it is answered.
  const today = ctx.now().toISOString();
  const answered = inputs.given(INPUTS.webservicepartijAdded) ?? saved?.answeredAt;
  const fallback = answered !== undefined && localDay(answered) < localDay(today) ? answered : today;
  const sentAt = inputs.interactive
    ? await inputs.text(INPUTS.webservicepartijSent, { saved: saved?.sentAt, default: fallback, reask })
    : (inputs.given(INPUTS.webservicepartijSent) ?? saved?.sentAt ?? fallback);
  saveAnswer(store, '1', ctx.now(), (draft) => {
    draft.tickets.webservicepartij = { ...draft.tickets.webservicepartij, sentAt };
  });
  const ticketNumber = await inputs.optionalText(INPUTS.webservicepartijTicket, {
    ...(saved?.loketTicketNumber !== undefined && !reask ? { saved: saved.loketTicketNumber } : {}),
    message: t('steps.1.ticketNumberOptional'),
  });
  if (ticketNumber !== undefined) {
    saveAnswer(store, '1', ctx.now(), (draft) => {
      draft.tickets.webservicepartij = { ...draft.tickets.webservicepartij, loketTicketNumber: ticketNumber };
    });
  }
  return store.profile().tickets.webservicepartij;
}

/** Has Loket.nl answered that Benefits-Plaza was added? Given, saved, or asked (with the date, default today). */
async function recordAdded(ctx: StepContext, reask: boolean): Promise<boolean> {
  const { inputs, store } = ctx;
  const saved = store.profile().tickets.webservicepartij?.answeredAt;
  if (saved && !reask && !inputs.has(INPUTS.webservicepartijAdded)) return true;
  if (!inputs.has(INPUTS.webservicepartijAdded)) {
    if (!inputs.interactive || !(await inputs.confirm(undefined, t('steps.1.askAdded'), saved !== undefined))) return false;
  }
  const answeredAt = await inputs.text(INPUTS.webservicepartijAdded, { saved, default: ctx.now().toISOString(), reask });
  const by = await confirmer(ctx);
  saveAnswer(store, '1', ctx.now(), (draft) => {
    draft.tickets.webservicepartij = { ...draft.tickets.webservicepartij, answeredAt, answeredBy: by };
  });
  return true;
}

/** Loket.nl answers a ticket that was sent: its answer cannot come before it. The reason, or undefined. */
function datesProblem(ticket: Readonly<TicketRecord> | undefined): string | undefined {
  const { sentAt, answeredAt } = ticket ?? {};
  if (sentAt && answeredAt && localDay(answeredAt) < localDay(sentAt))
    return t('steps.1.addedEarly', { sent: formatDate(sentAt), added: formatDate(answeredAt) });
  return undefined;
}

/**
 * The sent and added dates as a pair: a pair that does not fit is explained and both dates are asked
 * again (interactively; given by flag or answers file, preflight refused it already).
 */
async function checkDates(ctx: StepContext): Promise<void> {
  const { inputs, store } = ctx;
  for (;;) {
    const ticket = store.profile().tickets.webservicepartij;
    const problem = datesProblem(ticket);
    if (!problem) return;
    if (!inputs.interactive || inputs.has(INPUTS.webservicepartijSent) || inputs.has(INPUTS.webservicepartijAdded)) throw new UsageError(problem);
    ctx.out.warn(`${problem} ${t('steps.4.datesAgain')}`);
    const sentAt = await inputs.text(INPUTS.webservicepartijSent, { default: ticket!.sentAt!, reask: true });
    const answeredAt = await inputs.text(INPUTS.webservicepartijAdded, { default: ticket!.answeredAt!, reask: true });
    saveAnswer(store, '1', ctx.now(), (draft) => {
      draft.tickets.webservicepartij = { ...draft.tickets.webservicepartij, sentAt, answeredAt };
    });
  }
}

export const step1: Step = {
  id: '1',
  title: () => t('steps.1.title'),
  needs(profile): InputDef[] {
    const saved = profile.office;
    const values = [saved.name, saved.contactName, saved.email, saved.phone];
    return OFFICE_INPUTS.filter((_, i) => values[i] === undefined);
  },
  validate(profile): void {
    const problem = datesProblem(profile.tickets.webservicepartij);
    if (problem) throw new UsageError(problem);
  },
  async run(ctx): Promise<StepResult> {
    const { out, store } = ctx;
    out.info(t('steps.1.intro'));
    await askOffice(ctx);
    const providerFound = await checkLogin(ctx);

    // Once sent (or being recorded as sent right now), the ticket is not shown again.
    const alreadySent =
      store.profile().tickets.webservicepartij?.sentAt !== undefined ||
      ctx.inputs.has(INPUTS.webservicepartijSent) ||
      ctx.inputs.has(INPUTS.webservicepartijTicket);
    if (!alreadySent) {
      const facts = ticketFacts(store.profile());
      const missing = missingFacts('webservicepartij', facts);
      if (missing.length > 0) out.warn(t('steps.ticketMissing', { kind: 'webservicepartij', facts: missing.join('; ') }));
      else {
        out.info(t('steps.1.ticketIntro', { url: LINKS.loketSupport }));
        out.result(buildTicket('webservicepartij', facts, ctx.lang).text);
        store.update((draft) => {
          draft.tickets.webservicepartij = { ...draft.tickets.webservicepartij, generatedAt: ctx.now().toISOString() };
        });
        await offerToOpen(ctx, LINKS.loketSupport, t('steps.link.loketSupport'));
      }
    }
    const saved = store.profile().tickets.webservicepartij;
    const reask = await reviewSaved(ctx, saved?.sentAt !== undefined, [
      [t(INPUTS.webservicepartijSent.label), saved?.sentAt && formatDate(saved.sentAt)],
      [t(INPUTS.webservicepartijTicket.label), saved?.loketTicketNumber ?? t('steps.1.noTicketNumber')],
      [t(INPUTS.webservicepartijAdded.label), saved?.answeredAt && formatDate(saved.answeredAt)],
    ]);
    const sent = await recordSent(ctx, reask);
    const added = sent !== undefined && (await recordAdded(ctx, reask));
    if (added) await checkDates(ctx);

    if (!providerFound) {
      const note = t('steps.1.noProviderNext');
      finishStep(store, '1', 'attention', ctx.now(), note);
      return { state: 'attention', summary: note };
    }
    if (!sent) {
      const note = t('steps.1.notSentNext', { command: ctx.commandLine('step', '1') });
      finishStep(store, '1', 'in-progress', ctx.now(), note);
      return { state: 'in-progress', summary: note };
    }
    const ticket = sent.loketTicketNumber ?? t('steps.1.noTicketNumber');
    if (!added) {
      const note = t('steps.1.waitingNext', { ticket, sent: formatDate(sent.sentAt), command: ctx.commandLine('step', '1') });
      finishStep(store, '1', 'in-progress', ctx.now(), note);
      return { state: 'in-progress', summary: note };
    }
    finishStep(store, '1', 'done', ctx.now());
    return { state: 'done', summary: t('steps.1.done', { ticket, provider: store.profile().provider?.name ?? '' }) };
  },
};
