/** `status`: progress per step and per employer, from the store only (no network, no lock). */
import { t } from '../../i18n/index.js';
import { EMPLOYER_STATUSES, type Profile, type StepId } from '../../store/schema.js';
import { stepOverview } from '../../domain/overview.js';
import { progressLines } from '../../steps/report.js';
import { formatDateTime } from '../../ui/time.js';
import { employerStatusLabel } from '../../domain/employers.js';
import { STEP_IDS, firstUnfinished, stepStates, stepTitle } from '../../domain/steps.js';
import type { CommandContext } from '../run.js';

/** The `status --json` document (documented in the README; additive changes only). */
function statusDocument(
  profile: Readonly<Profile>,
  info: { profile: string; configPath: string; persistent: boolean; commandLine: (...args: string[]) => string; now: Date },
) {
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
    // Per step whose move it is (you / Loket.nl / a.s.r.), since when, Loket's ticket numbers, the next action.
    overview: stepOverview(profile, info.now, info.commandLine),
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

/** A moment in the store (UTC) as the user's clock shows it. */
const when = (iso: string | undefined): string => formatDateTime(iso);

export async function run(ctx: CommandContext): Promise<void> {
  const store = ctx.store({ lock: false });
  const profile = store.profile();
  const doc = statusDocument(profile, {
    profile: store.profileName,
    configPath: store.path,
    persistent: store.persistent,
    commandLine: ctx.commandLine,
    now: ctx.now(),
  });
  if (ctx.out.json) {
    ctx.out.document(doc);
    return;
  }
  const { out } = ctx;
  const stamp = (id: StepId): string => {
    const step = profile.steps[id];
    if (step.state === 'done' && step.completedAt) return t('core.status.completed', { when: when(step.completedAt) });
    return step.updatedAt ? t('core.status.since', { when: when(step.updatedAt) }) : '';
  };
  const lines = [
    out.color.bold(t('core.status.title', { profile: store.profileName })),
    '',
    ...progressLines(profile, { color: out.color, commandLine: ctx.commandLine, now: ctx.now(), stamp }),
  ];
  const facts: string[] = [];
  if (profile.office.name) facts.push(t('core.status.office', { name: profile.office.name }));
  if (profile.provider) facts.push(t('core.status.provider', { name: profile.provider.name }));
  if (profile.webserviceUser) facts.push(t('core.status.webserviceUser', { name: profile.webserviceUser }));
  if (doc.employers) {
    facts.push(t('core.status.employers', { total: doc.employers.total, selected: doc.employers.selected }));
    for (const status of EMPLOYER_STATUSES) {
      const count = doc.employers.byStatus[status] ?? 0;
      if (count > 0) facts.push(t('core.status.employerStatus', { status: employerStatusLabel(status), count }));
    }
  }
  if (profile.lastVerify) {
    const v = profile.lastVerify;
    const result = v.ok ? t('core.status.lastVerifyOk') : t('core.status.lastVerifyFailed', { failed: v.summary.failed, unverifiable: v.summary.unverifiable });
    facts.push(t('core.status.lastVerify', { when: when(v.checkedAt), result }));
  }
  if (facts.length) lines.push('', ...facts);
  lines.push('', out.color.dim(t(store.persistent ? 'core.status.config' : 'core.status.memoryOnly', { path: store.path })));
  out.result(lines.join('\n'));
}
