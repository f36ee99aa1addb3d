/**
 * Stap 3 — Gegevens instellen. Two things the API cannot see (the team or werkgevergebruiker route,
 * and the omgevingscode Loket support hands out) are confirmed and recorded; one thing it can see is
 * checked: per linked employer, may the webservice user read werkgever, persoon and verlof (E6)?
 */
import { t } from '../i18n/index.js';
import { missingAuthorizations } from '../loket/checks.js';
import type { Profile } from '../store/index.js';
import { formatTicket, renderTicket, type TicketKind } from '../tickets/index.js';
import type { StepContext, Step, StepResult } from './context.js';
import { INPUTS, ROUTES, type InputDef } from './inputs.js';
import {
  checkAndRecord,
  confirmedBy,
  confirmUnverifiable,
  findConfirmation,
  finishStep,
  reviewSaved,
  saveAnswer,
  ticketFacts,
} from './shared.js';

type Route = (typeof ROUTES)[number];

function routeConfirmed(profile: Readonly<Profile>): boolean {
  // A confirmation is for the route it was given for; switching routes asks again.
  return findConfirmation(profile, 'route')?.reference === profile.route;
}

function printTicket(ctx: StepContext, kind: TicketKind, employers?: ReturnType<typeof missingAuthorizations>): void {
  const ticket = renderTicket(kind, ticketFacts(ctx.store.profile(), employers), ctx.lang);
  ctx.out.result(formatTicket(ticket));
  ctx.store.update((draft) => {
    draft.tickets[kind] = { ...draft.tickets[kind], generatedAt: ctx.now().toISOString() };
  });
}

async function askRoute(ctx: StepContext, reask: boolean): Promise<Route> {
  const { inputs, store } = ctx;
  const saved = store.profile().route;
  const route = await inputs.choice<Route>(
    INPUTS.route,
    ROUTES.map((value) => ({ value, name: t(`steps.3.route.${value}`), description: t(`steps.3.checklist.${value}`) })),
    reask ? undefined : saved,
  );
  saveAnswer(store, '3', ctx.now(), (draft) => {
    draft.route = route;
  });
  return route;
}

async function confirmRoute(ctx: StepContext, route: Route): Promise<boolean> {
  const { inputs, out, store } = ctx;
  out.info(`${t(`steps.3.route.${route}`)}:\n${t(`steps.3.checklist.${route}`)}`);
  if (routeConfirmed(store.profile()) && !inputs.has(INPUTS.routeConfirmed)) return true;
  const done = await inputs.confirm(INPUTS.routeConfirmed, t('steps.3.askRouteDone'), false);
  if (!done) return false;
  const by = confirmedBy();
  saveAnswer(store, '3', ctx.now(), (draft) => {
    draft.confirmations = draft.confirmations.filter((c) => c.subject !== 'route');
    draft.confirmations.push({ subject: 'route', step: '3', by, at: ctx.now().toISOString(), reference: route });
  });
  return true;
}

/** The omgevingscode: given, saved, or asked once Loket has sent it; the ticket asks Loket for it. */
async function askEnvironmentCode(ctx: StepContext, reask: boolean): Promise<string | undefined> {
  const { inputs, out, store } = ctx;
  const saved = store.profile().environmentCode;
  const savedTicket = store.profile().tickets.omgevingscode?.loketTicketNumber;
  const unknown = saved === undefined && !inputs.has(INPUTS.environmentCode);
  if (unknown) {
    out.info(t('steps.3.environmentCodeIntro'));
    printTicket(ctx, 'omgevingscode');
  }
  const ticketNumber =
    unknown && savedTicket === undefined
      ? await inputs.optionalText(INPUTS.omgevingscodeTicket, { message: t('steps.3.askCodeTicket') })
      : inputs.given(INPUTS.omgevingscodeTicket);
  if (ticketNumber !== undefined && ticketNumber !== savedTicket) {
    saveAnswer(store, '3', ctx.now(), (draft) => {
      draft.tickets.omgevingscode = { ...draft.tickets.omgevingscode, loketTicketNumber: ticketNumber };
    });
  }
  let code = inputs.given(INPUTS.environmentCode) ?? (reask ? undefined : saved);
  if (code === undefined && inputs.interactive) {
    const received = saved !== undefined || (await inputs.confirm(undefined, t('steps.3.askCodeReceived'), false));
    if (received) code = await inputs.text(INPUTS.environmentCode, { saved, reask: true });
  }
  if (code !== undefined && code !== saved) {
    const recorded = code;
    saveAnswer(store, '3', ctx.now(), (draft) => {
      draft.environmentCode = recorded;
    });
  }
  return code ?? saved;
}

export const step3: Step = {
  id: '3',
  title: () => t('steps.3.title'),
  needs: (profile): InputDef[] => (profile.route === undefined ? [INPUTS.route] : []),
  async run(ctx): Promise<StepResult> {
    const { out, store } = ctx;
    out.info(t('steps.3.intro'));
    const before = store.profile();
    const reask = await reviewSaved(ctx, before.route !== undefined && before.environmentCode !== undefined, [
      [t('steps.3.routeLabel'), before.route && t(`steps.3.route.${before.route}`)],
      [t(INPUTS.environmentCode.label), before.environmentCode],
    ]);
    const route = await askRoute(ctx, reask);
    const routeDone = await confirmRoute(ctx, route);
    const code = await askEnvironmentCode(ctx, reask);

    const user = store.profile().webserviceUser;
    const attention: string[] = [];
    const pending: string[] = [];
    if (!user) {
      attention.push(t('steps.3.noWebserviceUser'));
    } else {
      out.info(t('steps.3.entitiesIntro'));
      const checks = await checkAndRecord(ctx, user, { entities: true });
      // Unlinked employers are step 2's business; a hand-confirmed link counts as linked here.
      const linked = checks.filter((c) => c.linked !== 'fail');
      const missing = missingAuthorizations(linked);
      const unverifiable = linked.filter((c) => Object.values(c.entities).includes('unverifiable'));
      if (linked.length === 0) {
        out.warn(t('steps.3.noneLinked', { user }));
        attention.push(t('steps.3.noneLinkedNext'));
      }
      if (missing.length > 0) {
        out.warn(t('steps.3.missing', { count: missing.length, user }));
        out.info(missing.map((e) => `  - ${e.companyName} (${e.employerNumber}): ${e.missingEntities.join(', ')}`).join('\n'));
        out.info(t('steps.3.autorisatieIntro'));
        printTicket(ctx, 'autorisatie', missing);
        attention.push(t('steps.3.missingNext'));
      }
      if (!(await confirmUnverifiable(ctx, '3', 'entities', unverifiable))) attention.push(t('steps.3.unverifiableNext'));
      const authorized = linked.length - missing.length - unverifiable.length;
      if (linked.length > 0) out.info(t('steps.3.authorized', { authorized, total: linked.length }));
    }
    if (!routeDone) pending.push(t('steps.3.routeNext'));
    if (code === undefined) pending.push(t('steps.3.codeNext'));

    const state = attention.length ? 'attention' : pending.length ? 'in-progress' : 'done';
    const summary = state === 'done' ? t('steps.3.done', { route: t(`steps.3.route.${route}`), code: code ?? '' }) : [...attention, ...pending].join(' ');
    finishStep(store, '3', state, ctx.now(), summary);
    return { state, summary };
  },
};
