/**
 * `verify`: every API check, unattended — the CI drift monitor (SPEC §3, §5). Exit 1 when the webservice
 * user cannot be found, a required employer is not linked, none is reachable, or anything required is
 * unverifiable without --allow-unverifiable; warnings (shared team, loonheffingennummer) never fail.
 */
import { ChecksFailedError, UsageError } from '../../errors.js';
import { ENV } from '../../env.js';
import { t } from '../../i18n/index.js';
import {
  checkPassed,
  checkSetup,
  recordCheck,
  resolveScope,
  resolveTeamName,
  resolveWebserviceUserName,
  type CheckProgress,
  type CheckStage,
} from '../../domain/index.js';
import { verifyDocument } from '../../domain/verify-document.js';
import { writeVerdicts } from '../../loket/dump.js';
import { junitXml } from '../../report/junit.js';
import { changesLines } from '../../report/text.js';
import { stepStates } from '../../domain/steps.js';
import { employerTable, fixLines, problemLines, userLines } from '../../ui/check-view.js';
import { writeResultFile } from '../../ui/files.js';
import { ProgressMeter } from '../../ui/progress.js';
import type { ComparableCheck } from '../../report/document.js';
import type { CommandContext } from '../run.js';

const STAGE_TEXT: Record<CheckStage, Parameters<typeof t>[0]> = {
  login: 'commands.verify.stage.login',
  employers: 'commands.verify.stage.employers',
  webserviceUser: 'commands.verify.stage.webserviceUser',
  teams: 'commands.verify.stage.teams',
};

export async function run(ctx: CommandContext): Promise<void> {
  const store = ctx.store({ lock: true });
  const before = store.profile();
  // The answers file's reader is loaded only when there is one.
  const answers = ctx.options.answers !== undefined ? (await import('../../steps/answers.js')).loadAnswers(ctx.options.answers) : undefined;
  const webserviceUser = resolveWebserviceUserName(
    { flag: ctx.local.webserviceUser, env: ctx.env[ENV.webserviceUser], answers: answers?.webserviceUser, saved: before.webserviceUser },
    ENV.webserviceUser,
  );
  if (!webserviceUser) throw new UsageError(t('commands.verify.noWebserviceUser'), { hint: t('commands.verify.noWebserviceUserHint') });
  const team = resolveTeamName({ flag: ctx.local.team, env: ctx.env[ENV.team], answers: answers?.team, saved: before.team }, ENV.team);
  const given = ctx.local.employers === 'all' || ctx.local.employers === 'selected' ? ctx.local.employers : undefined;
  const scope = resolveScope(given, before);
  const allowUnverifiable = ctx.local.allowUnverifiable === true;
  const dumpDir = typeof ctx.local.dump === 'string' ? ctx.local.dump : undefined;
  const junitFile = typeof ctx.local.junit === 'string' ? ctx.local.junit : undefined;
  // Read before the first request: a wrong --baseline stops the run at once (exit 2). The modules that
  // read saved checks are loaded only for --baseline, or once the checks are under way: no run needs
  // them before its first request.
  const baselineFile = typeof ctx.local.baseline === 'string' ? ctx.local.baseline : undefined;
  const baseline = baselineFile !== undefined ? (await import('../../report/changes.js')).readBaseline(baselineFile) : undefined;
  if (baseline?.kind === 'failed-run') ctx.out.warn(t('report.baseline.failedRun', { file: baselineFile!, message: baseline.message }));

  const session = await ctx.loket(dumpDir ? { dumpDir } : {});
  // The previous check, to compare with (megabytes for a large office): read once the first answer is
  // in — early, while the heap is still small (read after the checks, it raised the peak of a large
  // verify by a fifth), yet not before the first request, which is what a run waits for first.
  let previousCheck: Promise<ComparableCheck | undefined> | undefined;
  const readPrevious = async (): Promise<ComparableCheck | undefined> => {
    if (baseline) return baseline.kind === 'check' ? baseline.check : undefined;
    const { lastCheckDir, loadComparableCheck } = await import('../../report/last-check.js');
    return loadComparableCheck(lastCheckDir(store), store.profileName);
  };
  const stopWatching = session.client.observe((progress) => {
    if (progress.settled === 0 || previousCheck) return;
    previousCheck = readPrevious();
    // Awaited after the checks; should they fail first, this must not become an unhandled rejection.
    previousCheck.catch(() => undefined);
    stopWatching();
  });
  const spinner = await ctx.out.spinner(t('commands.verify.stage.login'));
  // "Werkgevers controleren… 40% (nog ± 3 s)": on a terminal only.
  const meter = spinner.live ? new ProgressMeter() : undefined;
  let stageText = t('commands.verify.stage.login');
  let progressText = '';
  const show = () => spinner.update(`${stageText} ${progressText}`.trimEnd());
  let check;
  try {
    check = await checkSetup(session.client, {
      webserviceUser: webserviceUser.value,
      ...(team ? { team: team.value } : {}),
      ...(before.provider ? { providerId: before.provider.id } : {}),
      scope,
      wageTaxNumbers: 'required',
      visibility: true,
      signal: ctx.signal,
      now: ctx.now,
      onStage: (stage) => {
        stageText = t(STAGE_TEXT[stage]);
        show();
      },
      ...(meter
        ? {
            onProgress: (progress: CheckProgress) => {
              progressText = meter.text(progress);
              show();
            },
          }
        : {}),
    });
  } finally {
    spinner.stop();
  }
  const ok = checkPassed(check, allowUnverifiable);

  // One write for the whole run, however many employers.
  store.update((draft) => {
    recordCheck(draft, check);
    draft.lastVerify = { checkedAt: check.checkedAt, ok, summary: check.summary, webserviceUser: webserviceUser.value };
  });

  const profile = store.profile();
  const dumped = session.client.dumpDir();
  stopWatching();
  const { compareChecks } = await import('../../report/changes.js');
  const { keepLastCheck } = await import('../../report/last-check.js');
  const previous = await (previousCheck ?? readPrevious());
  const changes = compareChecks(previous, check);
  const document = verifyDocument(check, profile, {
    environment: session.environment,
    allowUnverifiable,
    // verify records checks, not step states: the profile read at the start still has them.
    steps: stepStates(before),
    // Requests, retries and token refreshes of this run: for `npm run bench` and for tuning --concurrency.
    stats: session.client.stats(),
    ...(dumped ? { dumpDir: dumped } : {}),
    changes,
  });
  if (dumped) {
    // The recording's expected outcome (issue 14); without `dump`, whose absolute path names the local
    // user, and without `changes`, which compare with this machine's last check, not with the recording.
    const { dump: _where, changes: _changes, ...verdicts } = document;
    await writeVerdicts(dumped, verdicts);
    ctx.out.info(t('commands.verify.dumped', { dir: dumped }));
  }
  // Kept also when the checks failed: that is the run the report and the next comparison need most.
  keepLastCheck(store, document, (message) => ctx.out.warn(message));
  if (junitFile !== undefined) ctx.out.info(t('report.junitWritten', { file: writeResultFile(junitFile, junitXml(document)) }));
  if (ctx.out.json) {
    ctx.out.document(document);
  } else {
    const { out } = ctx;
    out.result(userLines(check).join('\n'));
    const { table, others } = employerTable(check, out.color, ctx.width);
    if (table) out.result(`\n${table}`);
    if (others) out.result(others);
    const messages = problemLines(check.problems);
    if (messages.length) out.result(`\n${messages.join('\n')}`);
    const fixes = fixLines(check);
    if (fixes.length) out.hint(`\n${fixes.join('\n')}`);
    out.result(`\n${t('commands.verify.summary', { ...check.summary })}`);
    out.result(changesLines(changes).join('\n'));
    if (ok) out.success(t(check.scope === 'none' ? 'commands.verify.okNoSelection' : 'commands.verify.ok'));
  }

  if (!ok) {
    const reasons: string[] = [];
    if (check.webserviceUser.found !== 'pass') reasons.push(t('commands.verify.reason.user', { user: webserviceUser.value }));
    else if (check.reachable === 'fail') reasons.push(t('commands.verify.reason.noneReachable'));
    else if (check.reachable === 'unverifiable') reasons.push(t('commands.verify.reason.reachUnverifiable'));
    if (check.summary.failed > 0) reasons.push(t('commands.verify.reason.failed', { count: check.summary.failed }));
    if (check.summary.unverifiable > 0) reasons.push(t('commands.verify.reason.unverifiable', { count: check.summary.unverifiable }));
    const unverifiable = check.webserviceUser.found !== 'pass' || check.reachable === 'unverifiable' || check.summary.unverifiable > 0;
    throw new ChecksFailedError(t('commands.verify.failed', { reasons: reasons.join('; ') }), {
      // With --json nothing is "above": the fixes are in the document's employers and problems.
      hint: t(
        unverifiable && !allowUnverifiable ? 'commands.verify.hintUnverifiable' : ctx.out.json ? 'commands.verify.hintFixJson' : 'commands.verify.hintFix',
      ),
    });
  }
}
