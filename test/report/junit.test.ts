/**
 * The JUnit file, read back with junit2json — a JUnit reader built on xml2js, the way CI systems
 * read these files: elements and attributes, counts per suite, failure and skipped per case.
 */
import { parse, type TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { junitXml, xmlAttr, xmlText } from '../../src/report/junit.js';
import { document, employer, notLinked } from './fixtures.js';

async function read(xml: string) {
  const parsed = (await parse(xml)) as TestSuites;
  expect(parsed.testsuite).toHaveLength(1);
  const suite = parsed.testsuite![0]!;
  return { root: parsed, suite, cases: suite.testcase ?? [] };
}

describe('verify --junit', () => {
  it('one case for the user, one for "at least one reachable", one per required employer', async () => {
    const doc = document([
      employer(3),
      notLinked(1),
      employer(2, {
        linked: 'unverifiable',
        via: [],
        problems: [{ code: 'LINK_UNVERIFIABLE', severity: 'error', message: 'niet na te gaan', fix: 'bevestig met de hand' }],
      }),
      employer(4, { required: false, linked: 'fail' }),
      employer(5, { problems: [{ code: 'WAGE_TAX_NUMBER_MISSING', severity: 'warning', message: 'geen loonheffingennummer', fix: 'vul het in' }] }),
    ]);
    const { root, suite, cases } = await read(junitXml(doc));
    expect(suite.name).toBe('loket-asr-setup verify');
    expect(cases.map((c) => c.name)).toEqual([
      'webservicegebruiker Webservice#01 gevonden',
      'minstens één werkgever bereikbaar',
      '1 Werkgever 1 B.V.',
      '2 Werkgever 2 B.V.',
      '3 Werkgever 3 B.V.',
      '5 Werkgever 5 B.V.',
    ]);
    expect(new Set(cases.map((c) => c.classname))).toEqual(new Set(['Administratiekantoor De Vries & Partners']));
    expect({ tests: suite.tests, failures: suite.failures, errors: suite.errors, skipped: suite.skipped }).toEqual({
      tests: 6,
      failures: 1,
      errors: 0,
      skipped: 1,
    });
    expect({ tests: root.tests, failures: root.failures }).toEqual({ tests: 6, failures: 1 });

    const failed = cases[2]!;
    expect(failed.failure).toEqual([
      {
        type: 'NOT_LINKED',
        message: 'Webservice#01 is niet gekoppeld aan Werkgever 1 B.V. (1).',
        inner: expect.stringContaining('Oplossing: Voeg deze werkgever toe aan team Benefits-Plaza.'),
      },
    ]);
    expect(cases[3]!.skipped).toEqual([{ message: 'niet na te gaan bevestig met de hand' }]);
    expect(cases[4]!.failure).toBeUndefined();
    expect(cases[4]!.skipped).toBeUndefined();
    expect(cases[5]!['system-out']).toEqual(['geen loonheffingennummer vul het in']);
  });

  it('the user not found and no employer reachable: skipped with the reason, and a failure', async () => {
    const doc = document([], {
      webserviceUser: { userName: 'Webservice#01', found: 'unverifiable' },
      reachable: 'fail',
      problems: [
        { code: 'USER_NOT_FOUND', severity: 'error', message: 'Webservice#01 is via de API niet te vinden.', fix: 'Controleer de naam in Loket Classic.' },
        { code: 'NONE_REACHABLE', severity: 'error', message: 'De webservicegebruiker bereikt geen werkgever.', fix: 'Koppel hem aan een team.' },
      ],
    });
    const { cases } = await read(junitXml(doc));
    expect(cases[0]!.skipped).toEqual([{ message: 'Webservice#01 is via de API niet te vinden. Controleer de naam in Loket Classic.' }]);
    expect(cases[1]!.failure?.[0]).toMatchObject({ type: 'NONE_REACHABLE', message: 'De webservicegebruiker bereikt geen werkgever.' });
  });

  it('escapes markup and drops characters XML 1.0 cannot hold, so the file always parses', async () => {
    const name = 'A & B <Holding> "x" \'y\' \u0001\u0008\u000b\uFFFE\uD800 ✓ 😀';
    const doc = document([
      notLinked(1, { companyName: name, problems: [{ code: 'NOT_LINKED', severity: 'error', message: `niet gekoppeld: ${name}`, fix: 'regel 1\nregel 2' }] }),
    ]);
    const { cases } = await read(junitXml(doc));
    expect(cases[2]!.name).toBe('1 A & B <Holding> "x" \'y\'  ✓ 😀');
    expect(cases[2]!.failure?.[0]?.inner).toContain('regel 1\nregel 2');
    expect(xmlAttr('a\nb')).toBe('a&#10;b');
    expect(xmlText('<&>')).toBe('&lt;&amp;&gt;');
  });
});
