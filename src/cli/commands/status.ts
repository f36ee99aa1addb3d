/** `status`: progress per step and per employer, from the store only (no network, no lock). */
import { t, type MessageKey } from '../../i18n/index.js';
import { EMPLOYER_STATUSES, type Profile } from '../../store/schema.js';
import { STEP_IDS, firstUnfinished, stepStates, stepTitle } from '../../steps/meta.js';
import type { CommandContext } from '../run.js';


/** The `status --json` document (documented in the README; additive changes only). */
export function statusDocument(profile: Readonly<Profile>, info: { profile: string; configPath: string; persistent: boolean; commandLine: (...args: string[]) => string }) {
  const employers = Object.values(profile.employers);
  const next = firstUnfinished(profile);
  return {
    profile: info.profile,
    configPath: info.configPath,
    persistent: info.persistent,
    environment: profile.environment ?? null,
    steps: stepStates(profile),
    stepDetails: STEP_IDS.map((id) => ({
      id,
      title: stepTitle(id),
      state: profile.steps[id].state,
      updatedAt: profile.steps[id].updatedAt ?? null,
      completedAt: profile.steps[id].completedAt ?? null,
    })),
    next: next ? { step: next, title: stepTitle(next), command: info.commandLine('step', next) } : null,
    office: profile.office,
    provider: profile.provider ?? null,
    webserviceUser: profile.webserviceUser ?? null,
    employers:
      employers.length === 0
        ? null
        : {
            total: employers.length,
            selected: employers.filter((e) => e.selected).length,
            byStatus: Object.fromEntries(EMPLOYER_STATUSES.map((s) => [s, employers.filter((e) => e.status === s).length])),
          },
    lastVerify: profile.lastVerify ?? null,
  };
}

function when(iso: string | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

export async function run(ctx: CommandContext): Promise<void> {
  const store = ctx.store({ lock: false });
  const profile = store.profile();
  const doc = statusDocument(profile, { profile: store.profileName, configPath: store.path, persistent: store.persistent, commandLine: ctx.commandLine });
  if (ctx.out.json) {
    ctx.out.document(doc);
    return;
  }
  const { out } = ctx;
  const c = out.color;
  const marks = { todo: c.dim('○'), 'in-progress': c.cyan('◐'), done: c.green('●'), attention: c.yellow('▲') } as const;
  const lines = [c.bold(t('core.status.title', { profile: store.profileName })), ''];
  for (const step of doc.stepDetails) {
    const state = t(`core.status.state.${step.state}` as MessageKey);
    const stamp =
      step.state === 'done' && step.completedAt
        ? t('core.status.completed', { when: when(step.completedAt) })
        : step.updatedAt
          ? t('core.status.since', { when: when(step.updatedAt) })
          : '';
    lines.push(`${marks[step.state]} ${step.id}. ${step.title}  ${c.dim(`[${state}]${stamp ? ` ${stamp}` : ''}`)}`);
  }
  lines.push('');
  lines.push(doc.next ? t('core.status.next', { action: t('steps.next.run', { n: doc.next.step, title: doc.next.title, command: doc.next.command }) }) : t('core.status.allDone'));
  const facts: string[] = [];
  if (profile.office.name) facts.push(t('core.status.office', { name: profile.office.name }));
  if (profile.provider) facts.push(t('core.status.provider', { name: profile.provider.name }));
  if (profile.webserviceUser) facts.push(t('core.status.webserviceUser', { name: profile.webserviceUser }));
  if (doc.employers) {
    facts.push(t('core.status.employers', { total: doc.employers.total, selected: doc.employers.selected }));
    for (const [status, count] of Object.entries(doc.employers.byStatus)) {
      if (count > 0) facts.push(t('core.status.employerStatus', { status, count }));
    }
  }
  if (profile.lastVerify) {
    const v = profile.lastVerify;
    const result = v.ok
      ? t('core.status.lastVerifyOk')
      : t('core.status.lastVerifyFailed', { failed: v.summary.failed, unverifiable: v.summary.unverifiable });
    facts.push(t('core.status.lastVerify', { when: when(v.checkedAt), result }));
  }
  if (facts.length) lines.push('', ...facts);
  lines.push('', c.dim(t(store.persistent ? 'core.status.config' : 'core.status.memoryOnly', { path: store.path })));
  out.result(lines.join('\n'));
}
