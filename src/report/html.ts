/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no font or image from
 * anywhere (a Content-Security-Policy says so to the browser too), readable on screen and printed
 * on A4. Every text goes through `esc` — company names come from Loket and are only sanitised for
 * terminals at parse, not for HTML.
 *
 * The figures carry `data-figure`/`data-value` attributes so a test (or a script) can read them
 * off the page and hold them against `verify --json` and `status --json`.
 */
import { employerStatusLabel } from '../domain/employers.js';
import { getLang, t } from '../i18n/index.js';
import type { EmployerStatus } from '../store/schema.js';
import { formatDate, formatDateTime } from '../ui/time.js';
import type { ReportModel, ReportProblem } from './model.js';
import { authorizationLabel, CHANGE_KINDS, changesHeadline, employerLabel, linkLabel, sinceLabel, stateLabel, waitingLabel } from './text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const COLORS = {
  linked: '#1a7f37',
  fail: '#c62828',
  unverifiable: '#b26a00',
  confirmed: '#0b5cad',
  requested: '#8aa4c8',
  'signed-up': '#4a78b5',
  excluded: '#9e9e9e',
  empty: '#e6e6e6',
} as const;

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d1f23; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 40px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d9dce1; }
.office { font-size: 17px; margin: 0 0 12px; color: #3b3f46; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 12px; font-size: 13px; }
.meta dt { color: #5b616b; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; font-size: 13px; color: #fff; }
.verdict.ok { background: ${COLORS.linked}; }
.verdict.fail { background: ${COLORS.fail}; }
.scope { color: #5b616b; font-size: 13px; margin: 4px 0 0; }
.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin: 16px 0 4px; }
.card { border: 1px solid #d9dce1; border-top: 4px solid var(--c); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.card .value { display: block; font-size: 30px; font-weight: 700; line-height: 1.1; color: var(--c); }
.card .label { display: block; font-weight: 600; }
.card .note { display: block; color: #5b616b; font-size: 12px; }
.bar { margin: 14px 0 0; break-inside: avoid; }
.bar h3 { font-size: 13px; margin: 0 0 4px; font-weight: 600; }
.bar svg { display: block; width: 100%; height: 18px; border-radius: 4px; }
.legend { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid #e3e5e9; overflow-wrap: anywhere; }
th { font-size: 12px; color: #5b616b; font-weight: 600; border-bottom: 1px solid #b9bdc4; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num { font-variant-numeric: tabular-nums; }
.state-fail { color: ${COLORS.fail}; font-weight: 600; }
.state-unverifiable { color: ${COLORS.unverifiable}; font-weight: 600; }
.state-pass { color: ${COLORS.linked}; }
.sev-warning { color: ${COLORS.unverifiable}; }
.problem + .problem { margin-top: 4px; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #eef0f3; color: #3b3f46; }
.wait-loket, .wait-asr { font-weight: 600; color: ${COLORS.confirmed}; }
.wait-you { font-weight: 600; }
ul.plain { margin: 4px 0; padding-left: 18px; }
.changes h3 { font-size: 13px; margin: 10px 0 2px; }
.employers table { font-size: 11.5px; }
.employers td, .employers th { padding: 2px 5px; }
footer { margin-top: 28px; color: #5b616b; font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  section.employers { break-before: page; }
}
@media (max-width: 640px) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;

interface Segment {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** A stacked bar as inline SVG (no script, prints as drawn), with a legend that carries the figures. */
function bar(id: string, title: string, segments: Segment[], emptyText: string): string {
  const total = segments.reduce((sum, s) => sum + s.value, 0);
  let x = 0;
  const rects =
    total === 0
      ? `<rect x="0" y="0" width="1000" height="18" fill="${COLORS.empty}"/>`
      : segments
          .filter((s) => s.value > 0)
          .map((s) => {
            const width = (s.value / total) * 1000;
            const rect = `<rect x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="18" fill="${s.color}"><title>${esc(`${s.label}: ${s.value}`)}</title></rect>`;
            x += width;
            return rect;
          })
          .join('');
  const legend =
    total === 0
      ? `<li>${esc(emptyText)}</li>`
      : segments
          .map(
            (s) =>
              `<li data-figure="${esc(`${id}-${s.key}`)}" data-value="${s.value}"><i style="background:${s.color}"></i>${esc(s.label)}: <b>${s.value}</b></li>`,
          )
          .join('');
  return `<div class="bar" data-bar="${esc(id)}"><h3>${esc(title)}</h3><svg viewBox="0 0 1000 18" preserveAspectRatio="none" role="img" aria-label="${esc(title)}">${rects}</svg><ul class="legend">${legend}</ul></div>`;
}

function card(figure: string, value: number, label: string, note: string, color: string): string {
  return `<div class="card" style="--c:${color}" data-figure="${figure}" data-value="${value}"><span class="value">${value}</span><span class="label">${esc(label)}</span><span class="note">${esc(note)}</span></div>`;
}

function problemCells(problems: readonly ReportProblem[]): { message: string; fix: string } {
  const item = (text: string, p: ReportProblem) => `<div class="problem${p.severity === 'warning' ? ' sev-warning' : ''}">${esc(text)}</div>`;
  return { message: problems.map((p) => item(p.message, p)).join(''), fix: problems.map((p) => item(p.fix, p)).join('') };
}

function header(model: ReportModel): string {
  const rows: Array<[string, string]> = [
    [t('report.generatedAt'), esc(formatDateTime(model.generatedAt))],
    [t('report.checkedAt'), esc(formatDateTime(model.checkedAt))],
    [t('report.environment'), esc(model.environment)],
    [
      t('report.webserviceUser'),
      `${esc(model.webserviceUser.name)}${model.webserviceUser.found === 'pass' ? '' : ` <span class="state-unverifiable">(${esc(t('report.userNotFound'))})</span>`}`,
    ],
  ];
  if (model.teams.length) rows.push([t('report.teams'), esc(model.teams.join(', '))]);
  rows.push([t('report.authorization'), esc(authorizationLabel(model))]);
  const verdict = model.ok
    ? `<span class="verdict ok" data-ok="true">${esc(t('report.verdict.ok'))}</span>`
    : `<span class="verdict fail" data-ok="false">${esc(t('report.verdict.fail'))}</span>`;
  return [
    `<header><h1>${esc(t('report.heading'))}</h1>`,
    model.office ? `<p class="office" data-office>${esc(model.office)}</p>` : '',
    `<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`,
    `${verdict}<p class="scope">${esc(t(`report.scope.${model.scope}`))}</p></header>`,
  ].join('');
}

function figures(model: ReportModel): string {
  const c = model.cards;
  const cards = [
    card('linked', c.linked, t('report.card.linked'), t('report.card.linkedNote', { total: c.employers }), COLORS.linked),
    card('to-fix', c.toFix, t('report.card.toFix'), t('report.card.toFixNote'), COLORS.fail),
    card('unverifiable', c.unverifiable, t('report.card.unverifiable'), t('report.card.unverifiableNote'), COLORS.unverifiable),
    card('confirmed', c.confirmed, t('report.card.confirmed'), t('report.card.confirmedNote'), COLORS.confirmed),
  ].join('');
  const loket = bar(
    'loket',
    t('report.bar.loket'),
    [
      { key: 'linked', label: t('report.bar.linked'), value: model.loketBar.linked, color: COLORS.linked },
      { key: 'not-linked', label: t('report.bar.notLinked'), value: model.loketBar.notLinked, color: COLORS.fail },
      { key: 'unverifiable', label: t('report.bar.unverifiable'), value: model.loketBar.unverifiable, color: COLORS.unverifiable },
    ],
    t('report.bar.empty'),
  );
  const stages: EmployerStatus[] = ['requested', 'signed-up', 'confirmed', 'excluded'];
  const asr = bar(
    'asr',
    t('report.bar.asr'),
    stages.map((s) => ({ key: s, label: t(`report.bar.${s}`), value: model.asrBar[s], color: COLORS[s] })),
    t('report.bar.asrEmpty'),
  );
  return `<section class="figures"><div class="cards">${cards}</div>${loket}${asr}</section>`;
}

function actions(model: ReportModel): string {
  const title = `<h2>${esc(t('report.actions.title'))} (<span data-figure="actions" data-value="${model.actions.length}">${model.actions.length}</span>)</h2>`;
  if (model.actions.length === 0) return `<section class="actions">${title}<p>${esc(t('report.actions.none'))}</p></section>`;
  const rows = model.actions
    .map((e) => {
      const { message, fix } = problemCells(e.problems);
      const required = e.required ? ` <span class="tag">${esc(t('report.required'))}</span>` : '';
      return `<tr data-employer="${esc(e.id)}"><td>${esc(employerLabel(e))}</td><td class="state-${e.linked}">${esc(linkLabel(e.linked))}${required}</td><td>${message}</td><td>${fix}</td></tr>`;
    })
    .join('');
  return `<section class="actions">${title}<table><colgroup><col style="width:24%"><col style="width:13%"><col style="width:28%"><col style="width:35%"></colgroup><thead><tr><th>${esc(t('report.col.employer'))}</th><th>${esc(t('report.col.link'))}</th><th>${esc(t('report.col.problem'))}</th><th>${esc(t('report.col.fix'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function officeProblems(model: ReportModel): string {
  if (model.officeProblems.length === 0) return '';
  const items = model.officeProblems
    .map((p) => `<li class="${p.severity === 'warning' ? 'sev-warning' : ''}">${esc(p.message)}<br><span>${esc(p.fix)}</span></li>`)
    .join('');
  return `<section class="office-problems"><h2>${esc(t('report.office.title'))}</h2><ul class="plain">${items}</ul></section>`;
}

function changes(model: ReportModel): string {
  const c = model.changes;
  if (!c) return '';
  const lists = CHANGE_KINDS.filter((kind) => c[kind].length > 0)
    .map(
      (kind) =>
        `<h3 data-figure="changes-${kind}" data-value="${c[kind].length}">${esc(t(`report.changes.${kind}`))} (${c[kind].length})</h3><ul class="plain">${c[kind].map((e) => `<li>${esc(employerLabel(e))}</li>`).join('')}</ul>`,
    )
    .join('');
  return `<section class="changes"><h2>${esc(t('report.changes.title'))}</h2><p>${esc(changesHeadline(c))}</p>${lists}</section>`;
}

function steps(model: ReportModel): string {
  const rows = model.steps
    .map(
      (s) =>
        `<tr data-step="${s.id}"><td>${s.id}. ${esc(s.title)}</td><td>${esc(stateLabel(s.state))}</td><td class="wait-${s.waitingOn ?? 'none'}">${esc(waitingLabel(s))}</td><td>${esc(sinceLabel(s))}</td><td>${esc(s.references.join(', ') || '–')}</td><td>${esc(s.next)}</td></tr>`,
    )
    .join('');
  const head = ['step', 'state', 'waitingOn', 'since', 'tickets', 'next'] as const;
  return `<section class="steps"><h2>${esc(t('report.steps.title'))}</h2><table><colgroup><col style="width:20%"><col style="width:10%"><col style="width:9%"><col style="width:14%"><col style="width:16%"><col style="width:31%"></colgroup><thead><tr>${head.map((h) => `<th>${esc(t(`report.col.${h}`))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function allEmployers(model: ReportModel): string {
  const rows = model.employers
    .map(
      (e) =>
        `<tr><td class="num">${e.employerNumber}</td><td>${esc(e.companyName)}</td><td>${esc(e.wageTaxNumbers.join(' ') || '–')}</td><td>${e.required ? esc(t('report.required')) : ''}</td><td class="state-${e.linked}">${esc(linkLabel(e.linked))}</td><td>${esc(e.via.join(', '))}</td><td>${e.status ? esc(employerStatusLabel(e.status)) : ''}</td></tr>`,
    )
    .join('');
  const head = ['number', 'name', 'wageTax', 'required', 'linked', 'via', 'asrStatus'] as const;
  const headers = head.map((h) => `<th>${esc(h === 'linked' ? t('report.col.link') : t(`report.col.${h}`))}</th>`).join('');
  return `<section class="employers"><h2>${esc(t('report.employers.title'))} (<span data-figure="employers" data-value="${model.employers.length}">${model.employers.length}</span>)</h2><table><colgroup><col style="width:9%"><col style="width:31%"><col style="width:17%"><col style="width:7%"><col style="width:12%"><col style="width:13%"><col style="width:11%"></colgroup><thead><tr>${headers}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderHtml(model: ReportModel): string {
  const lang = getLang();
  const title = model.office ? `${t('report.title')} — ${model.office}` : t('report.title');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load from anywhere: the page is sent around by e-mail and opened from disk.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="loket-asr-setup">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    header(model),
    figures(model),
    actions(model),
    changes(model),
    steps(model),
    officeProblems(model),
    allEmployers(model),
    `<footer>${esc(t('report.footer', { version: __VERSION__, date: formatDate(model.checkedAt) }))}</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
