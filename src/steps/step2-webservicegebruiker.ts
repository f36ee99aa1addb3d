/**
 * Stap 2 — Koppelen webservicegebruiker aan werkgever(s). The webservice user is created in Loket
 * Classic with the field values of the manual's screen; the API then shows where that user is
 * (provider users, a named team, employer users) and which employers it reaches (loket-api.md §6).
 * Not linked means the webservice returns nothing — silently. An employer that is not required yet
 * (no step 5 selection) is information; zero reachable is the manual's hard warning.
 */
import { t } from '../i18n/index.js';
import { setStepState } from '../store/index.js';
import { employerTable, problemLines, userLines, fixLines } from '../ui/check-view.js';
import type { Step, StepContext, StepResult } from './context.js';
import { INPUTS } from './inputs.js';
import { confirmByHand, employerLines, finishStep, recordConfirmation, reviewSaved, runCheck, saveAnswer } from './shared.js';

async function askWebserviceUser(ctx: StepContext): Promise<string> {
  const saved = ctx.store.profile().webserviceUser;
  const reask = await reviewSaved(ctx, saved !== undefined, [[t(INPUTS.webserviceUser.label), saved]]);
  const name = await ctx.inputs.text(INPUTS.webserviceUser, { saved, reask });
  saveAnswer(ctx.store, '2', ctx.now(), (draft) => {
    draft.webserviceUser = name;
  });
  return name;
}

/**
 * A webservice user with webservicepartij Benefits-Plaza can only be made once Loket.nl has added
 * the office as webservicepartij: finding it finishes a step 1 that was still waiting for Loket's answer.
 */
function step1DoneByEvidence(ctx: StepContext): void {
  const profile = ctx.store.profile();
  if (profile.steps['1'].state === 'done' || profile.tickets.webservicepartij?.sentAt === undefined) return;
  ctx.store.update((draft) => {
    draft.tickets.webservicepartij = { ...draft.tickets.webservicepartij, answeredAt: ctx.now().toISOString(), answeredBy: t('steps.1.foundByStep2') };
    setStepState(draft, '1', 'done', ctx.now());
  });
  ctx.out.success(t('steps.1.doneByStep2'));
}

export const step2: Step = {
  id: '2',
  title: () => t('steps.2.title'),
  needs: (profile) => (profile.webserviceUser === undefined ? [INPUTS.webserviceUser] : []),
  async run(ctx): Promise<StepResult> {
    const { out, store } = ctx;
    out.info(t('steps.2.intro'));
    out.info(t('steps.2.checklist'));
    const user = await askWebserviceUser(ctx);

    const check = await runCheck(ctx, user, { wageTaxNumbers: 'none', visibility: true });
    if (check.webserviceUser.found === 'pass') step1DoneByEvidence(ctx);
    out.info(userLines(check).join('\n'));
    const { table, others } = employerTable(check, out.color, ctx.width);
    if (table) out.result(table);
    if (others) out.info(others);
    for (const line of problemLines(check.problems)) out.warn(line.replace(/^- /, ''));

    const finish = (state: StepResult['state'], summary: string): StepResult => {
      finishStep(store, '2', state, ctx.now(), summary);
      return { state, summary };
    };
    const fixes = fixLines(check);

    if (check.webserviceUser.found !== 'pass' || check.reachable === 'unverifiable') {
      if (fixes.length) out.hint(fixes.join('\n'));
      const reference = await confirmByHand(ctx, t('steps.2.askConfirmByHand', { user }));
      if (reference !== undefined) {
        await recordConfirmation(ctx, '2', 'link', reference);
        out.success(t('steps.2.recordedByHand', { by: store.profile().confirmations.at(-1)?.by ?? '' }));
        return finish('done', t('steps.2.doneByHand', { user }));
      }
      if (ctx.flags.allowUnverifiable) return finish('done', t('steps.2.doneUnverifiable', { user }));
      return finish('attention', t('steps.2.unverifiableNext'));
    }
    if (check.reachable === 'fail') {
      out.warn(t('steps.2.noneReachable', { user }));
      if (fixes.length) out.hint(fixes.join('\n'));
      return finish('attention', t('steps.2.noneReachableNext', { user }));
    }

    const required = check.employers.filter((e) => e.required);
    const notLinked = required.filter((e) => e.linked === 'fail');
    if (notLinked.length > 0) {
      out.warn(`${t('steps.2.requiredNotLinked', { user, count: notLinked.length })}\n${employerLines(notLinked)}`);
      if (fixes.length) out.hint(fixes.join('\n'));
      return finish('attention', t('steps.2.requiredNotLinkedNext', { user, count: notLinked.length }));
    }
    const unverifiable = required.filter((e) => e.linked === 'unverifiable');
    if (unverifiable.length > 0) {
      out.warn(`${t('steps.2.requiredUnverifiable', { count: unverifiable.length })}\n${employerLines(unverifiable)}`);
      const reference = await confirmByHand(ctx, t('steps.2.askConfirmEmployers', { user }));
      if (reference === undefined && !ctx.flags.allowUnverifiable) return finish('attention', t('steps.2.unverifiableNext'));
      if (reference !== undefined) for (const employer of unverifiable) await recordConfirmation(ctx, '2', 'link', reference, { employerId: employer.id });
    }
    if (required.length === 0) out.hint(t('steps.2.notRequiredYet'));
    const linked = check.summary.linked;
    out.success(t('steps.2.linked', { user, linked, total: check.summary.employers }));
    return finish('done', t('steps.2.done', { user, linked, total: check.summary.employers }));
  },
};
