/**
 * The report as Markdown for a CI job summary (GitHub's $GITHUB_STEP_SUMMARY, a GitLab MR note):
 * GitHub-flavoured tables, which GitHub and GitLab both render. Both also render inline HTML, so a
 * company name is escaped for Markdown and HTML alike. GitHub caps a step summary at 1 MiB, so long
 * lists are cut with a pointer to the HTML report.
 */
import { t } from '../i18n/index.js';
import type { EmployerStatus } from '../store/schema.js';
import { formatDateTime } from '../ui/time.js';
import type { ReportModel } from './model.js';
import { authorizationLabel, CHANGE_KINDS, changesHeadline, employerLabel, employerList, linkLabel, sinceLabel, stateLabel, waitingLabel } from './text.js';

/** At most this many employers in the action table (the rest are counted). */
export const MARKDOWN_ROWS = 100;

/**
 * Characters that Markdown or inline HTML would act on: HTML's as entities (no renderer can take
 * those for a tag), Markdown's with a backslash; a line break would end a table row.
 */
export function md(value: string | number): string {
  return String(value)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`);
}

function table(headers: string[], rows: string[][], align?: Array<'left' | 'right'>): string[] {
  return [
    `| ${headers.map(md).join(' | ')} |`,
    `|${headers.map((_, i) => (align?.[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

export function renderMarkdown(model: ReportModel): string {
  const lines: string[] = [];
  lines.push(`## ${md(t('report.heading'))}${model.office ? ` — ${md(model.office)}` : ''}`, '');
  const verdict = model.ok ? `✅ **${md(t('report.verdict.ok'))}**` : `❌ **${md(t('report.verdict.fail'))}**`;
  lines.push(
    `${verdict} · ${md(t('report.checkedAt'))} ${md(formatDateTime(model.checkedAt))} · ${md(t('report.environment'))}: ${md(model.environment)} · ${md(t('report.webserviceUser'))}: ${md(model.webserviceUser.name)}${model.webserviceUser.found === 'pass' ? '' : ` (${md(t('report.userNotFound'))})`}`,
    '',
    `${md(t('report.authorization'))}: ${md(authorizationLabel(model))}. ${md(t(`report.scope.${model.scope}`))}`,
    '',
  );

  const c = model.cards;
  lines.push(
    ...table(
      [t('report.card.linked'), t('report.card.toFix'), t('report.card.unverifiable'), t('report.card.confirmed')],
      [[String(c.linked), String(c.toFix), String(c.unverifiable), String(c.confirmed)]],
      ['right', 'right', 'right', 'right'],
    ),
    '',
  );
  const b = model.loketBar;
  lines.push(
    `**${md(t('report.bar.loket'))}** ${md(t('report.bar.linked'))} ${b.linked} · ${md(t('report.bar.notLinked'))} ${b.notLinked} · ${md(t('report.bar.unverifiable'))} ${b.unverifiable}`,
    '',
  );
  const stages: EmployerStatus[] = ['requested', 'signed-up', 'confirmed', 'excluded'];
  lines.push(`**${md(t('report.bar.asr'))}** ${stages.map((s) => `${md(t(`report.bar.${s}`))} ${model.asrBar[s]}`).join(' · ')}`, '');

  lines.push(`### ${md(t('report.actions.title'))} (${model.actions.length})`, '');
  if (model.actions.length === 0) lines.push(md(t('report.actions.none')), '');
  else {
    const rows = model.actions
      .slice(0, MARKDOWN_ROWS)
      .map((e) => [
        md(employerLabel(e)),
        `${md(linkLabel(e.linked))}${e.required ? ` (${md(t('report.required'))})` : ''}`,
        e.problems.map((p) => md(p.message)).join('<br>'),
        e.problems.map((p) => md(p.fix)).join('<br>'),
      ]);
    lines.push(...table([t('report.col.employer'), t('report.col.link'), t('report.col.problem'), t('report.col.fix')], rows), '');
    if (model.actions.length > MARKDOWN_ROWS) lines.push(md(t('report.md.more', { count: model.actions.length - MARKDOWN_ROWS })), '');
  }

  if (model.changes) {
    lines.push(`### ${md(t('report.changes.title'))}`, '', md(changesHeadline(model.changes)), '');
    const kinds = CHANGE_KINDS.filter((kind) => model.changes![kind].length > 0);
    for (const kind of kinds) lines.push(`- **${md(t(`report.changes.${kind}`))}:** ${md(employerList(model.changes[kind], 25))}`);
    if (kinds.length) lines.push('');
  }

  lines.push(`### ${md(t('report.steps.title'))}`, '');
  lines.push(
    ...table(
      [t('report.col.step'), t('report.col.state'), t('report.col.waitingOn'), t('report.col.since'), t('report.col.tickets'), t('report.col.next')],
      model.steps.map((s) => [
        `${s.id}. ${md(s.title)}`,
        md(stateLabel(s.state)),
        md(waitingLabel(s)),
        md(sinceLabel(s)),
        md(s.references.join(', ') || '–'),
        md(s.next),
      ]),
    ),
    '',
  );
  if (model.officeProblems.length) {
    lines.push(`### ${md(t('report.office.title'))}`, '');
    for (const p of model.officeProblems) lines.push(`- ${md(p.message)} ${md(p.fix)}`);
    lines.push('');
  }

  return `${lines.join('\n')}\n`;
}
