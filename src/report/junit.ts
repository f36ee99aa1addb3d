/**
 * `verify --junit <file>`: the check as JUnit XML, the format GitLab, Jenkins and Azure DevOps show
 * as test results without a plug-in. One test case for the webservice user, one for "at least one
 * employer reachable" and one per required employer; a missing link is a failure carrying the
 * problem and its fix, something Loket could not show is skipped with the reason (never a pass,
 * never a failure — SPEC §2).
 */
import { t } from '../i18n/index.js';
import type { SavedCheck } from './document.js';

/** Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const ILLEGAL_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** For attribute values: line breaks are kept as character references (a parser would fold them to spaces). */
export function xmlAttr(value: string | number): string {
  return String(value)
    .replace(ILLEGAL_XML, '')
    .replace(/[&<>"'\n\r\t]/g, (c) => XML_ENTITIES[c]!);
}

export function xmlText(value: string): string {
  return value.replace(ILLEGAL_XML, '').replace(/[&<>]/g, (c) => XML_ENTITIES[c]!);
}

type Problem = SavedCheck['problems'][number];

interface TestCase {
  name: string;
  outcome: { kind: 'pass' } | { kind: 'failure'; type: string; problem: Problem } | { kind: 'skipped'; message: string };
  /** Warnings worth seeing next to the result (e.g. a missing loonheffingennummer). */
  output?: string;
}

const explained = (p: Problem) => `${p.message}\n${t('report.junit.fix')} ${p.fix}`;

function officeProblem(doc: SavedCheck, codes: readonly string[]): Problem | undefined {
  return doc.problems.find((p) => codes.includes(p.code));
}

function testCases(doc: SavedCheck): TestCase[] {
  const user = doc.webserviceUser.userName;
  const cases: TestCase[] = [];
  const userProblem = officeProblem(doc, ['USER_NOT_FOUND', 'USER_LOOKUP_REFUSED']);
  cases.push({
    name: t('report.junit.user', { user }),
    outcome:
      doc.webserviceUser.found === 'pass'
        ? { kind: 'pass' }
        : { kind: 'skipped', message: userProblem ? `${userProblem.message} ${userProblem.fix}` : t('report.junit.userUnverifiable', { user }) },
  });
  const reachProblem = officeProblem(doc, doc.reachable === 'fail' ? ['NONE_REACHABLE'] : ['REACH_UNVERIFIABLE']);
  cases.push({
    name: t('report.junit.reachable'),
    outcome:
      doc.reachable === 'pass'
        ? { kind: 'pass' }
        : doc.reachable === 'fail' && reachProblem
          ? { kind: 'failure', type: reachProblem.code, problem: reachProblem }
          : { kind: 'skipped', message: reachProblem ? `${reachProblem.message} ${reachProblem.fix}` : t('report.link.unverifiable') },
  });
  for (const employer of [...doc.employers].filter((e) => e.required).sort((a, b) => a.employerNumber - b.employerNumber)) {
    const error = employer.problems.find((p) => p.severity === 'error');
    const warnings = employer.problems.filter((p) => p.severity === 'warning').map((p) => `${p.message} ${p.fix}`);
    const fallback: Problem = {
      code: employer.linked === 'fail' ? 'NOT_LINKED' : 'LINK_UNVERIFIABLE',
      severity: 'error',
      message: t(`report.link.${employer.linked}`),
      fix: '',
    };
    const problem = error ?? fallback;
    cases.push({
      name: `${employer.employerNumber} ${employer.companyName}`,
      outcome:
        employer.linked === 'pass'
          ? { kind: 'pass' }
          : employer.linked === 'fail'
            ? { kind: 'failure', type: problem.code, problem }
            : { kind: 'skipped', message: `${problem.message} ${problem.fix}`.trim() },
      ...(warnings.length ? { output: warnings.join('\n') } : {}),
    });
  }
  return cases;
}

function testCaseXml(classname: string, c: TestCase): string {
  const open = `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(c.name)}" time="0"`;
  const parts: string[] = [];
  if (c.outcome.kind === 'failure') {
    parts.push(
      `      <failure message="${xmlAttr(c.outcome.problem.message)}" type="${xmlAttr(c.outcome.type)}">${xmlText(explained(c.outcome.problem))}</failure>`,
    );
  } else if (c.outcome.kind === 'skipped') {
    parts.push(`      <skipped message="${xmlAttr(c.outcome.message)}"/>`);
  }
  if (c.output) parts.push(`      <system-out>${xmlText(c.output)}</system-out>`);
  return parts.length ? `${open}>\n${parts.join('\n')}\n    </testcase>` : `${open}/>`;
}

export function junitXml(doc: SavedCheck): string {
  const cases = testCases(doc);
  const failures = cases.filter((c) => c.outcome.kind === 'failure').length;
  const skipped = cases.filter((c) => c.outcome.kind === 'skipped').length;
  const classname = doc.provider?.name ?? 'Loket.nl';
  // Timestamps without a zone offset: the schema Jenkins and Ant use has no room for one.
  const timestamp = doc.checkedAt.replace(/\.\d+Z$|Z$/, '');
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="loket-asr-setup" ${counts}>`,
    `  <testsuite name="loket-asr-setup verify" ${counts} timestamp="${xmlAttr(timestamp)}">`,
    '    <properties>',
    `      <property name="environment" value="${xmlAttr(doc.environment)}"/>`,
    `      <property name="webserviceUser" value="${xmlAttr(doc.webserviceUser.userName)}"/>`,
    `      <property name="scope" value="${xmlAttr(doc.scope)}"/>`,
    `      <property name="ok" value="${doc.ok}"/>`,
    '    </properties>',
    ...cases.map((c) => testCaseXml(classname, c)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
