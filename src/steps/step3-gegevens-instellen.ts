/**
 * Stap 3 — Gegevens instellen. The route (AK team or werkgevergebruiker) is detected from where step
 * 2 found the webservice user and confirmed by the user; for the AK route the team(s) are named and
 * checked (one team per webservicepartij, not empty, not opening unselected employers). The
 * omgevingscode comes from Loket support (ticket omgevingscode). Loket authorizes werkgever /
 * persoon / verlof per webservicepartij, which no API shows: ticket autorisatie asks Loket to
 * confirm it, and the reply is recorded as a confirmation (who, when, Loket's ticket number).
 */
import { authorizationConfirmation, buildTicket, findConfirmation, missingFacts } from '../domain/index.js';
import { LINKS } from '../domain/links.js';
import { t } from '../i18n/index.js';
import type { Profile, Route } from '../store/index.js';
import type { TicketKind } from '../tickets/index.js';
import { problemLines, userLines } from '../ui/check-view.js';
import { formatDate } from '../ui/time.js';
import type { Step, StepContext, StepResult } from './context.js';
import { ROUTES } from '../store/enums.js';
import { INPUTS, type InputDef } from './inputs.js';
import { finishStep, offerToOpen, recordConfirmation, reviewSaved, runCheck, saveAnswer, ticketFactsNow } from './shared.js';

function routeConfirmed(profile: Readonly<Profile>): boolean {
  // A confirmation is for the route it was given for; switching routes asks again.
  return findConfirmation(profile, 'route')?.reference === profile.route;
}

/** The route step 2's check points to: a provider user is the AK route, an employer user the other. */
function detectedRoute(profile: Readonly<Profile>): Route | undefined {
  const kind = profile.webserviceUserFound?.kind;
  if (kind === 'provider-user' || kind === 'team-user') return 'ak-team';
  if (kind === 'employer-user') return 'werkgevergebruiker';
  return undefined;
}

/** Prints a ticket, or — when a fact it needs is missing — what is missing and how to give it (SPEC §9). */
/** The ticket with the sentence that introduces it — or, when a fact is missing, which one and how to give it (SPEC §9). */
async function printTicket(ctx: StepContext, kind: TicketKind, intro: string): Promise<boolean> {
  const facts = await ticketFactsNow(ctx, kind);
  const missing = missingFacts(kind, facts);
  if (missing.length > 0) {
    ctx.out.warn(t('steps.ticketMissing', { kind, facts: missing.join('; ') }));
    return false;
  }
  ctx.out.info(intro);
  ctx.out.result(buildTicket(kind, facts, ctx.lang).text);
  await offerToOpen(ctx, LINKS.loketSupport, t('steps.link.loketSupport'));
  ctx.store.update((draft) => {
    draft.tickets[kind] = { ...draft.tickets[kind], generatedAt: ctx.now().toISOString() };
  });
  return true;
}

async function askRoute(ctx: StepContext, reask: boolean): Promise<Route> {
  const { inputs, store, out } = ctx;
  const profile = store.profile();
  const detected = detectedRoute(profile);
  if (detected) out.info(t(`steps.3.detected.${detected}`, { user: profile.webserviceUser ?? '' }));
  const saved = reask ? undefined : (profile.route ?? (inputs.interactive ? undefined : detected));
  const route = await inputs.choice<Route>(
    INPUTS.route,
    ROUTES.map((value) => ({ value, name: t(`steps.3.route.${value}`), description: t(`steps.3.checklist.${value}`) })),
    saved,
    detected,
  );
  if (detected && route !== detected) out.warn(t('steps.3.routeDiffers', { route: t(`steps.3.route.${route}`), detected: t(`steps.3.route.${detected}`) }));
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
  await recordConfirmation(ctx, '3', 'route', route);
  return true;
}

/** The team to look in when the user itself is not listed (`--team`); kept once given. */
function rememberTeam(ctx: StepContext): void {
  const given = ctx.inputs.given(INPUTS.team);
  if (given !== undefined && given !== ctx.store.profile().team) {
    saveAnswer(ctx.store, '3', ctx.now(), (draft) => {
      draft.team = given;
    });
  }
}

/** The teams and their hygiene, from a fresh check (a handful of calls, whatever the number of employers). */
async function checkTeams(ctx: StepContext, route: Route): Promise<void> {
  const user = ctx.store.profile().webserviceUser;
  if (!user) return;
  const check = await runCheck(ctx, user, { wageTaxNumbers: 'none' });
  ctx.out.info(userLines(check).join('\n'));
  const hygiene = check.problems.filter((p) => p.code.startsWith('TEAM_') || p.code === 'USER_NOT_FOUND' || p.code === 'USER_LOOKUP_REFUSED');
  for (const line of problemLines(hygiene)) ctx.out.warn(line.replace(/^- /, ''));
  for (const fix of new Set(hygiene.filter((p) => p.severity !== 'info').map((p) => p.fix))) ctx.out.hint(fix);
  if (route === 'ak-team' && check.webserviceUser.found === 'pass' && check.teams.filter((team) => team.member).length === 0) {
    ctx.out.warn(t('steps.3.noTeam', { user }));
  }
}

/** The omgevingscode: given, saved, or asked once Loket has sent it; the ticket asks Loket for it. */
async function askEnvironmentCode(ctx: StepContext, reask: boolean): Promise<string | undefined> {
  const { inputs, store } = ctx;
  const saved = store.profile().environmentCode;
  const savedTicket = store.profile().tickets.omgevingscode?.loketTicketNumber;
  const unknown = saved === undefined && !inputs.has(INPUTS.environmentCode);
  let ticketShown = false;
  if (unknown) {
    ticketShown = await printTicket(ctx, 'omgevingscode', t('steps.3.environmentCodeIntro', { url: LINKS.loketSupport }));
  }
  const ticketNumber =
    unknown && ticketShown && savedTicket === undefined
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

/**
 * Loket's confirmation that Benefits-Plaza may use werkgever/persoon/verlof for this provider and
 * webservice user: the autorisatie ticket asks for it, the reply is recorded (who, when, ticket number).
 */
async function askAuthorization(ctx: StepContext, reask: boolean): Promise<boolean> {
  const { inputs, out, store } = ctx;
  const existing = authorizationConfirmation(store.profile());
  const reference = inputs.given(INPUTS.authorizationReference);
  if (existing && reference === undefined) {
    if (reask && inputs.interactive) {
      // Changing what was recorded: the reference and the date, with the recorded ones as defaults.
      const ticket = await inputs.text(INPUTS.authorizationReference, { saved: existing.reference, reask: true });
      const at = await inputs.text(INPUTS.authorizationConfirmed, { saved: existing.at, reask: true });
      await recordConfirmation(ctx, '3', 'authorization', ticket, { at });
      out.success(t('steps.3.authorizationSaved', { reference: ticket, by: authorizationConfirmation(store.profile())?.by ?? '' }));
      return true;
    }
    out.info(t('steps.3.authorizationRecorded', { date: formatDate(existing.at), by: existing.by, reference: existing.reference ?? '–' }));
    return true;
  }
  if (reference === undefined) {
    if (!(await printTicket(ctx, 'autorisatie', t('steps.3.autorisatieIntro', { url: LINKS.loketSupport })))) return false;
  }
  let ticket = reference;
  if (ticket === undefined && inputs.interactive && (await inputs.confirm(undefined, t('steps.3.askAuthorizationConfirmed'), false))) {
    ticket = await inputs.text(INPUTS.authorizationReference);
  }
  if (ticket === undefined) return false;
  const at =
    inputs.has(INPUTS.authorizationConfirmed) || inputs.interactive
      ? await inputs.text(INPUTS.authorizationConfirmed, { default: ctx.now().toISOString() })
      : ctx.now().toISOString();
  await recordConfirmation(ctx, '3', 'authorization', ticket, { at });
  out.success(t('steps.3.authorizationSaved', { reference: ticket, by: authorizationConfirmation(store.profile())?.by ?? '' }));
  return true;
}

export const step3: Step = {
  id: '3',
  title: () => t('steps.3.title'),
  needs: (profile): InputDef[] => [
    ...(profile.route === undefined && detectedRoute(profile) === undefined ? [INPUTS.route] : []),
    // The route and the authorization are confirmations, recorded with the name of who confirms.
    ...(profile.office.contactName === undefined ? [INPUTS.contactName] : []),
  ],
  async run(ctx): Promise<StepResult> {
    const { out, store } = ctx;
    out.info(t('steps.3.intro'));
    rememberTeam(ctx);
    const before = store.profile();
    const authorization = authorizationConfirmation(before);
    const reask = await reviewSaved(ctx, before.route !== undefined && before.environmentCode !== undefined, [
      [t('steps.3.routeLabel'), before.route && t(`steps.3.route.${before.route}`)],
      [t(INPUTS.environmentCode.label), before.environmentCode],
      ...(authorization
        ? ([[t('steps.3.authorizationLabel'), `${authorization.reference ?? '–'}, ${formatDate(authorization.at)} (${authorization.by})`]] as Array<
            [string, string]
          >)
        : []),
    ]);
    const route = await askRoute(ctx, reask);
    const routeDone = await confirmRoute(ctx, route);
    await checkTeams(ctx, route);
    const code = await askEnvironmentCode(ctx, reask);
    const authorized = await askAuthorization(ctx, reask);

    const pending: string[] = [];
    if (!routeDone) pending.push(t('steps.3.routeNext'));
    if (code === undefined) pending.push(t('steps.3.codeNext'));
    if (!authorized) pending.push(t('steps.3.authorizationNext'));
    const state = pending.length ? 'in-progress' : 'done';
    const summary = state === 'done' ? t('steps.3.done', { route: t(`steps.3.route.${route}`), code: code ?? '' }) : pending.join(' ');
    finishStep(store, '3', state, ctx.now(), summary);
    return { state, summary };
  },
};
