/**
 * Stap 2 — Koppelen webservicegebruiker aan werkgever(s). The webservice user is created in Loket
 * Classic with the field values of the manual's screen; the API then shows, per employer, whether
 * that user is linked (E5). Not linked means the webservice returns nothing — silently.
 */
import { t } from '../i18n/index.js';
import type { StepContext, Step, StepResult } from './context.js';
import { INPUTS } from './inputs.js';
import { checkAndRecord, confirmUnverifiable, employerLines, findConfirmation, finishStep, reviewSaved, saveAnswer } from './shared.js';

async function askWebserviceUser(ctx: StepContext): Promise<string> {
  const saved = ctx.store.profile().webserviceUser;
  const reask = await reviewSaved(ctx, saved !== undefined, [[t(INPUTS.webserviceUser.label), saved]]);
  const name = await ctx.inputs.text(INPUTS.webserviceUser, { saved, reask });
  saveAnswer(ctx.store, '2', ctx.now(), (draft) => {
    draft.webserviceUser = name;
  });
  return name;
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

    const checks = await checkAndRecord(ctx, user, { entities: false });
    const linked = checks.filter((c) => c.linked === 'pass');
    const unlinked = checks.filter((c) => c.linked === 'fail');
    const unverifiable = checks.filter((c) => c.linked === 'unverifiable');

    const finish = (state: StepResult['state'], summary: string): StepResult => {
      finishStep(store, '2', state, ctx.now(), summary);
      return { state, summary };
    };
    if (checks.length === 0) {
      out.warn(t('steps.2.noEmployers'));
      return finish('attention', t('steps.2.noEmployersNext'));
    }
    if (linked.length === 0 && unverifiable.length === 0) {
      out.warn(t('steps.2.noneLinked', { user, count: checks.length }));
      out.hint(t('steps.2.noneLinkedFix', { user }));
      return finish('attention', t('steps.2.noneLinkedNext', { user }));
    }
    if (unlinked.length > 0) {
      out.warn(`${t('steps.2.someUnlinked', { user, count: unlinked.length, total: checks.length })}\n${employerLines(unlinked)}`);
      out.hint(t('steps.2.someUnlinkedHint', { user }));
    }
    if (!(await confirmUnverifiable(ctx, '2', 'link', unverifiable))) {
      return finish('attention', t('steps.2.unverifiableNext'));
    }
    // --allow-unverifiable accepts doubt, not zero: without one link shown or confirmed by hand,
    // the webservice would return nothing (SPEC §2: zero linked is a hard failure).
    if (linked.length === 0 && !unverifiable.some((c) => findConfirmation(store.profile(), 'link', c.id))) {
      out.warn(t('steps.2.noneLinked', { user, count: checks.length }));
      return finish('attention', t('steps.2.unverifiableNext'));
    }
    out.success(t('steps.2.linked', { user, linked: linked.length, total: checks.length }));
    return finish('done', t('steps.2.done', { user, linked: linked.length, total: checks.length }));
  },
};
