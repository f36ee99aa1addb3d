/**
 * How a check (src/domain) reads in a terminal: where the webservice user was found, its teams, a
 * table of the employers that matter, the office-wide messages and the fixes. Used by `verify` and
 * by the wizard's steps 2, 3 and 5, so they say the same thing the same way.
 */
import type { Colors } from './colors.js';
import type { CheckResult, EmployerFinding, Problem, SetupCheck } from '../domain/model.js';
import { t, type MessageKey } from '../i18n/index.js';
import { renderTable } from './table.js';
import { formatDateTime } from './time.js';

/** A table beyond this many rows shows only the employers that need attention. */
const FULL_TABLE_LIMIT = 50;

function resultLabel(result: CheckResult, color: Colors): string {
  if (result === 'pass') return color.green(t('view.result.pass'));
  if (result === 'fail') return color.red(t('view.result.fail'));
  return color.yellow(t('view.result.unverifiable'));
}

/** "Webservice#01 gevonden bij de gebruikers van de provider (providergebruiker)." plus the facts shown as information. */
export function userLines(check: SetupCheck): string[] {
  const user = check.webserviceUser;
  const lines = [
    user.found === 'pass'
      ? t('view.user.found', {
          user: user.userName,
          where: user.source ? t(`view.source.${user.source}` as MessageKey) : '',
          kind: user.kind ? t(`view.kind.${user.kind}` as MessageKey) : '',
        })
      : t('view.user.notFound', { user: user.userName }),
  ];
  const facts: string[] = [];
  if (user.loginMethod) facts.push(t('view.user.loginMethod', { value: user.loginMethod }));
  if (user.accessStatus) facts.push(t('view.user.accessStatus', { value: user.accessStatus }));
  if (user.twoFactor !== null) facts.push(t('view.user.twoFactor', { value: t(user.twoFactor ? 'view.yes' : 'view.no') }));
  if (user.source === 'E8') facts.push(t('view.user.lastLogin', { value: user.lastLogin ? formatDateTime(user.lastLogin) : t('view.user.never') }));
  if (facts.length) lines.push(t('view.user.info', { facts: facts.join('; ') }));
  if (check.route) lines.push(t(`view.route.${check.route}`));
  for (const team of check.teams) {
    const employers = team.linkedEmployers ?? t('view.team.unknown');
    lines.push(
      team.member
        ? t('view.team.line', { team: team.description, employers, others: team.otherUsers ?? t('view.team.unknown') })
        : t('view.team.lineNamed', { team: team.description, employers, user: user.userName }),
    );
  }
  return lines;
}

/** A few words per problem for the table; the full message is in `--json` and the fixes below it. */
function problemLabel(code: Problem['code'], required: boolean): string {
  if (code === 'NOT_LINKED' && !required) return t('view.problem.NOT_LINKED_INFO');
  return t(`view.problem.${code}` as MessageKey);
}

function needsAttention(finding: EmployerFinding): boolean {
  return finding.required || finding.problems.some((p) => p.severity !== 'info');
}

const RANK: Record<CheckResult, number> = { fail: 0, unverifiable: 1, pass: 2 };

/** The employers table: every employer for a small office, else the required ones and those with warnings. */
export function employerTable(check: SetupCheck, color: Colors, maxWidth?: number): { table: string | undefined; others: string | undefined } {
  const all = check.employers;
  const shown = all.length <= FULL_TABLE_LIMIT ? all : all.filter(needsAttention);
  const rest = all.filter((f) => !shown.includes(f));
  // What needs doing first: in a CI log the interesting rows must not scroll away.
  const sorted = [...shown].sort((a, b) => Number(b.required) - Number(a.required) || RANK[a.linked] - RANK[b.linked] || a.employerNumber - b.employerNumber);
  const rows = sorted.map((finding) => {
    const first = finding.problems.find((p) => p.severity === 'error') ?? finding.problems.find((p) => p.severity === 'warning') ?? finding.problems[0];
    return [
      `${finding.employerNumber} ${finding.companyName}`,
      finding.required ? t('view.required.yes') : t('view.required.no'),
      resultLabel(finding.linked, color),
      finding.via.map((v) => v.replace(/^team:/, '')).join(', '),
      first ? problemLabel(first.code, finding.required) : '',
    ];
  });
  const table = rows.length
    ? renderTable(
        [
          // The employer number leads the name: it is shorter than the column's minimum, so it is never split.
          { header: t('view.col.employer'), wrap: 'text', minWidth: 16 },
          { header: t('view.col.required') },
          { header: t('view.col.linked') },
          { header: t('view.col.via'), wrap: 'words' },
          { header: t('view.col.problem'), wrap: 'text', minWidth: 16 },
        ],
        rows,
        maxWidth === undefined ? {} : { maxWidth },
      )
    : undefined;
  const others = rest.length
    ? t('view.others', { count: rest.length, linked: rest.filter((f) => f.linked === 'pass').length, unlinked: rest.filter((f) => f.linked === 'fail').length })
    : undefined;
  return { table, others };
}

/** Office-wide messages worth reading (errors and warnings), one per line. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.filter((p) => p.severity !== 'info').map((p) => `- ${p.message}`);
}

/** One fix for many unlinked employers: the team to add them to, or "Toevoegen bestaande gebruiker". */
function notLinkedFixMany(check: SetupCheck, count: number): string {
  const user = check.webserviceUser.userName;
  const teams = check.teams.filter((team) => team.member).map((team) => team.description);
  if (check.route === 'werkgevergebruiker') return t('checks.notLinkedFixMany.werkgevergebruiker', { user, count });
  if (teams.length) return t('checks.notLinkedFixMany.team', { count, team: teams.join(t('checks.or')) });
  return t('checks.notLinkedFixMany.noTeam', { user, count });
}

/** Each distinct fix once, for the problems that are not mere information; many unlinked employers get one line. */
export function fixLines(check: SetupCheck): string[] {
  const problems = [...check.problems, ...check.employers.flatMap((f) => (needsAttention(f) ? f.problems : []))].filter((p) => p.severity !== 'info');
  const notLinked = problems.filter((p) => p.code === 'NOT_LINKED');
  const fixes = [...new Set(problems.filter((p) => notLinked.length < 2 || p.code !== 'NOT_LINKED').map((p) => p.fix))];
  if (notLinked.length > 1) fixes.unshift(`${notLinkedFixMany(check, notLinked.length)} ${t('checks.cachingNote')}`);
  return fixes.length ? [t('view.fixes'), ...fixes.map((fix) => `- ${fix}`)] : [];
}
