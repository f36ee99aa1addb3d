import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { compareChecks, hasChanges, readBaseline } from '../../src/report/changes.js';
import { changesLines } from '../../src/report/text.js';
import { tempDir } from '../helpers/cli.js';
import { document, employer, notLinked } from './fixtures.js';

const numbers = (list: Array<{ employerNumber: number }>) => list.map((e) => e.employerNumber);

describe('compareChecks', () => {
  it('without a previous check: since null and nothing listed (a first run is not "everything new")', () => {
    const changes = compareChecks(undefined, document([employer(1), notLinked(2)]));
    expect(changes).toEqual({ since: null, new: [], newlyFailing: [], newlyFixed: [], gone: [] });
    expect(hasChanges(changes)).toBe(false);
  });

  it('new, newly failing, newly fixed and gone, matched by id and sorted by employer number', () => {
    const previous = document([employer(1), notLinked(2), employer(3), notLinked(4), employer(9)], { checkedAt: '2026-11-27T06:00:00.000Z' });
    const current = document([
      employer(1),
      employer(2), // fixed
      notLinked(3), // newly failing
      notLinked(4), // still failing: not listed again
      notLinked(7), // new and failing
      employer(6), // new
    ]);
    const changes = compareChecks(previous, current);
    expect(changes.since).toBe('2026-11-27T06:00:00.000Z');
    expect(numbers(changes.new)).toEqual([6, 7]);
    expect(changes.newlyFailing).toEqual([
      { id: 'id-3', employerNumber: 3, companyName: 'Werkgever 3 B.V.', problem: 'NOT_LINKED' },
      { id: 'id-7', employerNumber: 7, companyName: 'Werkgever 7 B.V.', problem: 'NOT_LINKED' },
    ]);
    expect(numbers(changes.newlyFixed)).toEqual([2]);
    expect(numbers(changes.gone)).toEqual([9]);
  });

  it('a renamed or renumbered employer is the same employer (same id)', () => {
    const previous = document([employer(1)]);
    const current = document([employer(5, { id: 'id-1', companyName: 'Nieuwe naam B.V.' })]);
    expect(hasChanges(compareChecks(previous, current))).toBe(false);
  });

  it('unverifiable counts as failing; no longer required counts as fixed; not required and unlinked is not failing', () => {
    const unverifiable = employer(1, { linked: 'unverifiable', problems: [{ code: 'LINK_UNVERIFIABLE', severity: 'error', message: 'm', fix: 'f' }] });
    const first = compareChecks(document([employer(1)]), document([unverifiable]));
    expect(first.newlyFailing).toEqual([expect.objectContaining({ employerNumber: 1, problem: 'LINK_UNVERIFIABLE' })]);

    const excluded = compareChecks(document([notLinked(2)]), document([notLinked(2, { required: false })]));
    expect(numbers(excluded.newlyFixed)).toEqual([2]);

    const optional = compareChecks(document([employer(3)]), document([notLinked(3, { required: false })]));
    expect(hasChanges(optional)).toBe(false);
  });

  it("verify's lines: a headline with the counts, then the employers per kind (long lists cut)", () => {
    const previous = document([employer(1)], { checkedAt: '2026-11-27T06:00:00.000Z' });
    const current = document([notLinked(1), ...[2, 3, 4].map((n) => employer(n))]);
    const lines = changesLines(compareChecks(previous, current), 2);
    expect(lines[0]).toMatch(/^Sinds de vorige controle \(.+\): 1 nieuw niet in orde, 3 nieuw\.$/);
    expect(lines[1]).toBe('  Nieuw niet in orde: 1 Werkgever 1 B.V.');
    expect(lines[2]).toBe('  Nieuw: 2 Werkgever 2 B.V., 3 Werkgever 3 B.V., en nog 1');
    expect(changesLines(compareChecks(previous, previous))).toEqual([expect.stringMatching(/: niets veranderd\.$/)]);
    expect(changesLines(compareChecks(undefined, previous))).toEqual(['Er is geen eerdere controle om mee te vergelijken.']);
  });
});

describe('readBaseline (--baseline <file>)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());
  const file = (name: string, content: string): string => dir.write(name, content);

  it('reads a verify --json document and tolerates fields it does not know', () => {
    const doc = { ...document([employer(1)]), stats: { requests: 3 }, somethingNewer: { x: 1 } };
    const baseline = readBaseline(file('verify.json', JSON.stringify(doc)));
    expect(baseline).toMatchObject({ kind: 'check', check: { checkedAt: doc.checkedAt, employers: [expect.objectContaining({ id: 'id-1' })] } });
  });

  it('a time without seconds, as another tool may write it, is a time', () => {
    const baseline = readBaseline(file('verify.json', JSON.stringify({ ...document([employer(1)]), checkedAt: '2026-11-28T10:00Z' })));
    expect(baseline).toMatchObject({ kind: 'check', check: { checkedAt: '2026-11-28T10:00Z' } });
  });

  it('a previous run that failed (an error document) is no check: reported as such, not as a usage error', () => {
    const baseline = readBaseline(file('verify.json', JSON.stringify({ ok: false, error: { exitCode: 3, message: 'Niet ingelogd.' } })));
    expect(baseline).toEqual({ kind: 'failed-run', message: 'Niet ingelogd.' });
  });

  it.each([
    ['not JSON', 'not json {', '(JSON)'],
    ['no checkedAt', JSON.stringify({ employers: [] }), 'checkedAt'],
    ['a wrong link value', JSON.stringify({ ...document([employer(1)]), employers: [{ ...employer(1), linked: 'maybe' }] }), 'employers.0.linked'],
    ['another JSON file', JSON.stringify({ name: 'package', version: '1.0.0' }), 'checkedAt'],
    [
      'an employer number past the safe integers',
      JSON.stringify({ ...document([employer(1)]), employers: [{ ...employer(1), employerNumber: 1e20 }] }),
      'employers.0.employerNumber',
    ],
    ['a time without its zone', JSON.stringify({ ...document([employer(1)]), checkedAt: '2026-11-28T10:00:00' }), 'checkedAt'],
  ])('%s: a usage error naming the file and the field', (_, content, field) => {
    const path = file('bad.json', content);
    let error: unknown;
    try {
      readBaseline(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(path);
    expect((error as UsageError).message).toContain(`veld ${field}`);
    expect((error as UsageError).hint).toContain('verify --json');
  });

  it('a missing file: a usage error naming it', () => {
    expect(() => readBaseline(join(dir.path, 'nope.json'))).toThrow(/nope\.json is niet te lezen: het bestand bestaat niet/);
  });
});
