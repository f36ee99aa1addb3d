/**
 * `verify`: every API check, unattended — the CI drift monitor (SPEC §3, §5). Exit 1 when an employer
 * fails, or is unverifiable without --allow-unverifiable; warnings (loonheffingennummer) never fail.
 */
import { ChecksFailedError, UsageError } from '../../errors.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { checkEmployers, summarize, type CheckResult, type EmployerCheck, type Problem } from '../../loket/checks.js';
import type { LoketClient, LoketEmployer } from '../../loket/client.js';
import { ENTITIES } from '../../loket/entities.js';
import type { Profile } from '../../store/index.js';
import { stepStates } from '../../steps/meta.js';
import { fetchEmployers, recordEmployers } from '../../steps/shared.js';
import type { Output } from '../../ui/output.js';
import { plain, renderTable, terminalWidth } from '../../ui/table.js';
import { validateWebserviceUserName } from '../../validate/index.js';
import { ENV } from '../options.js';
import type { CommandContext } from '../run.js';

export type EmployerScope = 'all' | 'selected';

/** `--webservice-user`, then LOKET_WEBSERVICE_USER, then the name saved in step 2. */
export function resolveWebserviceUser(ctx: Pick<CommandContext, 'local' | 'env'>, profile: Readonly<Profile>): string {
  const sources: Array<[unknown, string]> = [
    [ctx.local.webserviceUser, '--webservice-user'],
    [ctx.env[ENV.webserviceUser] || undefined, ENV.webserviceUser],
    [profile.webserviceUser, 'webserviceUser'],
  ];
  for (const [value, source] of sources) {
    if (typeof value !== 'string') continue;
    const result = validateWebserviceUserName(value);
    if (!result.ok) throw new UsageError(t('commands.verify.badWebserviceUser', { source, reason: result.reason }));
    return result.value;
  }
  throw new UsageError(t('commands.verify.noWebserviceUser'), { hint: t('commands.verify.noWebserviceUserHint') });
}

/** Default: the step 5 selection once there is one, else every employer. */
export function resolveScope(given: unknown, profile: Readonly<Profile>): EmployerScope {
  const hasSelection = Object.values(profile.employers).some((e) => e.selected);
  if (given === 'all') return 'all';
  if (given === 'selected' && !hasSelection) {
    throw new UsageError(t('commands.verify.noSelection'), { hint: t('commands.verify.noSelectionHint') });
  }
  return hasSelection ? 'selected' : 'all';
}

export interface ScopeChecks {
  /** Every employer E3 returned (all of them are recorded, so new ones show up in `employers list`). */
  employers: LoketEmployer[];
  checks: EmployerCheck[];
}

/** E3, narrowed to the scope, then E4/E5/E6 per employer with progress on stderr. */
export async function checkScope(
  ctx: Pick<CommandContext, 'out' | 'signal'>,
  client: LoketClient,
  profile: Readonly<Profile>,
  scope: EmployerScope,
  webserviceUser: string,
): Promise<ScopeChecks> {
  const employers = await fetchEmployers(client);
  let toCheck = employers;
  if (scope === 'selected') {
    const selected = new Set(Object.keys(profile.employers).filter((id) => profile.employers[id]!.selected));
    toCheck = employers.filter((e) => selected.has(e.id));
    const gone = selected.size - toCheck.length;
    if (gone > 0) ctx.out.warn(t('commands.verify.selectedGone', { count: gone }));
    const unknown = employers.filter((e) => !Object.hasOwn(profile.employers, e.id)).length;
    if (unknown > 0) ctx.out.warn(t('commands.verify.newEmployers', { count: unknown }));
  }
  // About a hundred progress updates whatever the size, so 10,000 employers do not mean 10,000 writes.
  const every = Math.max(1, Math.floor(toCheck.length / 100));
  const checks = await checkEmployers(client, toCheck, {
    webserviceUser,
    administrations: true,
    entities: true,
    signal: ctx.signal,
    onProgress: (done, total) => {
      if (done === total || done % every === 0) ctx.out.progress(t('commands.verify.progress', { done, total }), done === total);
    },
  });
  return { employers, checks };
}

function problemDocument(problem: Problem) {
  return {
    code: problem.code,
    ...(problem.entity ? { entity: problem.entity } : {}),
    message: problem.message,
    severity: problem.severity,
    fix: problem.fix,
  };
}

function employerDocument(check: EmployerCheck) {
  return {
    id: check.id,
    employerNumber: check.employerNumber,
    companyName: check.companyName,
    ...(check.chamberOfCommerceNumber ? { chamberOfCommerceNumber: check.chamberOfCommerceNumber } : {}),
    wageTaxNumbers: check.wageTaxNumbers,
    linked: check.linked,
    entities: check.entities,
    verdict: check.verdict,
    problems: check.problems.map(problemDocument),
  };
}

function problemLabel(problem: Problem): string {
  return t(`commands.problem.${problem.code}` as MessageKey, { entity: problem.entity ?? '' });
}

const RANK: Record<CheckResult, number> = { fail: 0, unverifiable: 1, pass: 2 };

function printTable(out: Output, checks: EmployerCheck[]): void {
  const c = out.color;
  const mark = (result: CheckResult): string =>
    result === 'pass' ? c.green(t('commands.result.pass')) : result === 'fail' ? c.red(t('commands.result.fail')) : c.yellow(t('commands.result.unverifiable'));
  // Failures first: in a CI log the interesting rows should not scroll away.
  const sorted = [...checks].sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || a.employerNumber - b.employerNumber);
  const rows = sorted.map((check) => {
    const first = check.problems.find((p) => p.severity === 'error') ?? check.problems[0];
    return [
      `${check.employerNumber} ${plain(check.companyName)}`,
      mark(check.linked),
      // Entities are only asked for once the user is linked; before that there is nothing to show.
      ...ENTITIES.map((entity) => (check.linked === 'pass' ? mark(check.entities[entity]) : '–')),
      check.problems.map(problemLabel).join('; '),
      first ? plain(first.fix) : '',
    ];
  });
  const maxWidth = terminalWidth();
  out.result(
    renderTable(
      [
        { header: t('commands.col.employer'), shrink: true, minWidth: 16 },
        { header: t('commands.col.linked') },
        ...ENTITIES.map((entity) => ({ header: entity })),
        { header: t('commands.col.problem'), shrink: true, minWidth: 12 },
        { header: t('commands.col.fix'), shrink: true, minWidth: 12 },
      ],
      rows,
      maxWidth === undefined ? {} : { maxWidth },
    ),
  );
}

export async function run(ctx: CommandContext): Promise<void> {
  const store = ctx.store({ lock: true });
  const before = store.profile();
  const webserviceUser = resolveWebserviceUser(ctx, before);
  const scope = resolveScope(ctx.local.employers, before);
  const allowUnverifiable = ctx.local.allowUnverifiable === true;
  const dumpDir = typeof ctx.local.dump === 'string' ? ctx.local.dump : undefined;

  const session = await ctx.loket(dumpDir ? { dumpDir } : {});
  const { client } = session;
  const [user, providers] = await Promise.all([client.getUser(), client.getProviders()]);
  const provider = providers.find((p) => p.id === before.provider?.id) ?? providers[0];
  const { employers, checks } = await checkScope(ctx, client, before, scope, webserviceUser);

  const checkedAt = new Date();
  const summary = summarize(checks);
  // Checking nothing proves nothing: no employers in scope is not a pass.
  const ok = checks.length > 0 && summary.failed === 0 && (allowUnverifiable || summary.unverifiable === 0);

  // One write for the whole run, however many employers.
  store.update((draft) => {
    recordEmployers(draft, employers, checks, checkedAt);
    draft.user = { userName: user.userName };
    if (provider) draft.provider = { id: provider.id, name: provider.name };
    draft.lastVerify = { checkedAt: checkedAt.toISOString(), ok, summary, webserviceUser };
  });

  if (ctx.out.json) {
    ctx.out.document({
      ok,
      checkedAt: checkedAt.toISOString(),
      environment: session.environment,
      user: { userName: user.userName },
      provider: provider ? { id: provider.id, name: provider.name } : null,
      webserviceUser,
      scope,
      allowUnverifiable,
      summary,
      employers: checks.map(employerDocument),
      // verify records checks, not step states: the profile read at the start still has them, without another copy.
      steps: stepStates(before),
      // HTTP requests, retries and token refreshes of this run: for `npm run bench` and for tuning --concurrency.
      stats: client.stats(),
    });
  } else {
    if (checks.length > 0) printTable(ctx.out, checks);
    ctx.out.result(t('commands.verify.summary', { ...summary }));
    if (checks.some((check) => check.problems.length > 0)) ctx.out.hint(t('commands.verify.detailsHint'));
    if (ok) ctx.out.success(t('commands.verify.ok'));
  }

  if (!ok) {
    if (checks.length === 0) {
      // With a selection, the selected employers are gone from Loket (warned above); else Loket listed none.
      const hint = t(scope === 'selected' ? 'commands.verify.noSelectionHint' : 'commands.verify.nothingCheckedHint');
      throw new ChecksFailedError(t('commands.verify.nothingChecked'), { hint });
    }
    const hints: string[] = [];
    if (checks.some((check) => check.problems.some((p) => p.code === 'ENTITY_NOT_AUTHORIZED'))) hints.push(t('commands.verify.hintTicket'));
    if (!allowUnverifiable && summary.unverifiable > 0) hints.push(t('commands.verify.hintUnverifiable'));
    throw new ChecksFailedError(
      t('commands.verify.failed', { failed: summary.failed, unverifiable: allowUnverifiable ? 0 : summary.unverifiable }),
      hints.length ? { hint: hints.join(' ') } : {},
    );
  }
}
