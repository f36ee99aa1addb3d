/** The report model and its two renderings, from small documents (the browser test renders real runs). */
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { defaultReportFile } from '../../src/report/index.js';
import { esc, renderHtml } from '../../src/report/html.js';
import { md, MARKDOWN_ROWS, renderMarkdown } from '../../src/report/markdown.js';
import { reportModel } from '../../src/report/model.js';
import { parseProfile } from '../../src/store/schema.js';
import { document, employer, notLinked } from './fixtures.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const HOSTILE = `Bakkerij <script>alert("x")</script> & 'Zonen' | *vet* [link](http://evil.example) <img src=x onerror=alert(1)>`;

const profile = parseProfile({
  office: { name: 'Kantoor "De Vries" & Partners' },
  asr: { submittedAt: '2026-10-01T00:00:00.000Z', confirmedAt: '2026-10-10T00:00:00.000Z' },
  employers: {
    'id-1': { employerNumber: 1, companyName: 'x', selected: true, status: 'confirmed' },
    'id-2': { employerNumber: 2, companyName: 'x', selected: true, status: 'signed-up' },
    'id-3': { employerNumber: 3, companyName: 'x', selected: true, status: 'confirmed' },
    'id-4': { employerNumber: 4, companyName: 'x', selected: false, status: 'excluded' },
  },
});

const warning = { code: 'WAGE_TAX_NUMBER_MISSING', severity: 'warning' as const, message: 'geen loonheffingennummer', fix: 'vul het in' };
const doc = document(
  [
    employer(1),
    notLinked(2, { companyName: HOSTILE }),
    employer(3, { problems: [warning] }),
    employer(4, { required: false, linked: 'fail', via: [], problems: [{ code: 'NOT_LINKED', severity: 'info', message: 'info', fix: 'info' }] }),
    employer(5, {
      linked: 'unverifiable',
      via: [],
      problems: [{ code: 'LINK_UNVERIFIABLE', severity: 'error', message: 'niet na te gaan', fix: 'bevestig met de hand' }],
    }),
  ],
  {
    problems: [{ code: 'TEAM_SHARED', severity: 'warning', message: 'team gedeeld', fix: 'eigen team' }],
    changes: {
      since: '2026-11-27T06:00:00.000Z',
      new: [],
      newlyFailing: [{ id: 'id-2', employerNumber: 2, companyName: HOSTILE, problem: 'NOT_LINKED' }],
      newlyFixed: [],
      gone: [],
    },
  },
);

describe('report model', () => {
  it('cards and bars from the document and the store; the action list puts what fails first', () => {
    const model = reportModel(doc, profile, NOW);
    expect(model.cards).toEqual({ linked: 2, toFix: 1, unverifiable: 1, confirmed: 2, employers: 5 });
    expect(model.loketBar).toEqual({ linked: 2, notLinked: 2, unverifiable: 1 });
    expect(model.asrBar).toEqual({ requested: 0, 'signed-up': 1, confirmed: 2, excluded: 1 });
    // Required and not linked (fail, then unverifiable), then warnings; an optional unlinked employer is not an action.
    expect(model.actions.map((e) => e.employerNumber)).toEqual([2, 5, 3]);
    expect(model.office).toBe('Kantoor "De Vries" & Partners');
    expect(model.steps.map((s) => s.waitingOn)).toEqual(['you', 'you', 'you', 'you', 'asr']);
  });
});

describe('HTML', () => {
  afterEach(() => setLang('nl'));
  const html = renderHtml(reportModel(doc, profile, NOW));

  it('escapes every text from Loket: no tag, attribute or entity of a company name survives', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(esc(HOSTILE));
    expect(html).toContain('Kantoor &quot;De Vries&quot; &amp; Partners');
    expect(esc(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });

  it('self-contained: no script, no external resource, a policy that forbids loading anything', () => {
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=["']?https?:|href=["']?https?:/i);
    expect(html).toContain(`default-src 'none'`);
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/@media print/);
  });

  it('the figures carry data attributes with the values shown', () => {
    for (const [figure, value] of [
      ['linked', 2],
      ['to-fix', 1],
      ['unverifiable', 1],
      ['confirmed', 2],
      ['loket-not-linked', 2],
      ['asr-excluded', 1],
      ['actions', 3],
      ['employers', 5],
    ] as const) {
      expect(html).toContain(`data-figure="${figure}" data-value="${value}"`);
    }
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Werkgevers die aandacht nodig hebben');
    expect(html).toContain('bevestig met de hand');
  });

  it('English with --lang en', () => {
    setLang('en');
    const english = renderHtml(reportModel(doc, profile, NOW));
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Employers that need attention');
    expect(english).toContain('whose move');
  });

  it('an office with no employers and nobody signed up: empty bars, not a division by zero', () => {
    const empty = renderHtml(reportModel(document([]), parseProfile({}), NOW));
    expect(empty).not.toMatch(/NaN|Infinity/);
    expect(empty).toContain('nog geen werkgevers');
  });
});

describe('Markdown', () => {
  it('one table row per line: pipes, HTML and emphasis in a name are escaped', () => {
    const text = renderMarkdown(reportModel(doc, profile, NOW));
    const row = text.split('\n').find((line) => line.startsWith('| 2 Bakkerij'))!;
    expect(row).toBeDefined();
    expect(row).not.toMatch(/<script|<img/);
    expect(row).toContain('\\| \\*vet\\* \\[link\\]');
    // Every row of the action table has exactly the header's number of cells.
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const header = text.split('\n').find((line) => line.startsWith('| werkgever |'))!;
    expect(cells(row)).toBe(cells(header));
    expect(md('a\nb')).toBe('a b');
    expect(text).toMatch(/^## Salariskoppeling/);
    expect(text).toContain('| gekoppeld | te herstellen | niet te controleren | bevestigd door a.s.r. |');
    expect(text).toContain('| 2 | 1 | 1 | 2 |');
    expect(text).toContain('Sinds de vorige controle (');
  });

  it(`at most ${MARKDOWN_ROWS} employers in the action table, then a count (a job summary has a size limit)`, () => {
    const many = document(Array.from({ length: MARKDOWN_ROWS + 5 }, (_, i) => notLinked(i + 1)));
    const text = renderMarkdown(reportModel(many, parseProfile({}), NOW));
    expect(text.split('\n').filter((line) => /^\| \d+ Werkgever/.test(line))).toHaveLength(MARKDOWN_ROWS);
    expect(text).toContain('… en nog 5;');
  });
});

describe('default file name', () => {
  it('the local date and the format', () => {
    const local = new Date(2026, 10, 28, 23, 30);
    expect(defaultReportFile('html', local)).toBe('loket-asr-setup-rapport-2026-11-28.html');
    expect(defaultReportFile('markdown', local)).toBe('loket-asr-setup-rapport-2026-11-28.md');
  });
});
