/**
 * Employer records keyed by Loket's ids (src/domain/employers.ts): an id is data, whatever it spells —
 * `__proto__` or `constructor` are employers like any other, never an object's inherited members.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { applyEmployerStatus, findEmployer, linkBlocker, recordEmployers, skipsRequested, sortedEmployers } from '../../src/domain/index.js';
import { emptyProfile, parseProfile } from '../../src/store/schema.js';

const AT = new Date('2026-11-28T10:00:00.000Z');
const employer = (id: string, employerNumber: number) => ({
  id,
  employerNumber,
  companyName: `Werkgever ${employerNumber}`,
  chamberOfCommerceNumber: null,
  administrationNumber: null,
});

describe('employer ids that every JavaScript object already has', () => {
  it('__proto__, constructor and toString are recorded as own entries, survive the schema and JSON, and pollute nothing', () => {
    const draft = emptyProfile();
    recordEmployers(draft, [employer('__proto__', 1), employer('constructor', 2), employer('toString', 3)]);
    expect(Object.keys(draft.employers)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(draft.employers)).toBe(Object.prototype);
    // Through the store's schema and a JSON round trip (what a save and the next run do).
    const reread = parseProfile(JSON.parse(JSON.stringify(parseProfile(draft))));
    expect(sortedEmployers(reread).map(([id, record]) => [id, record.companyName])).toEqual([
      ['__proto__', 'Werkgever 1'],
      ['constructor', 'Werkgever 2'],
      ['toString', 'Werkgever 3'],
    ]);
    expect(({} as Record<string, unknown>).companyName).toBeUndefined();
    expect(findEmployer(reread, '__proto__')[1].employerNumber).toBe(1);
  });

  it('an id that is not recorded is unknown, also when every object has a member of that name', () => {
    const draft = emptyProfile();
    recordEmployers(draft, [employer('e-1', 1)]);
    for (const id of ['hasOwnProperty', 'constructor', '__proto__']) {
      expect(() => applyEmployerStatus(draft, id, 'requested', { at: AT })).toThrow(UsageError);
      expect(linkBlocker(draft, id)).toBe(linkBlocker(draft, 'not-recorded'));
      expect(skipsRequested(draft, id, 'signed-up')).toBe(false);
    }
    expect(Object.keys(draft.employers)).toEqual(['e-1']);
    expect((Object.prototype as Record<string, unknown>).selected).toBeUndefined();
  });

  it('a status for the employer __proto__ is kept with its history', () => {
    const draft = emptyProfile();
    recordEmployers(draft, [employer('__proto__', 7)]);
    expect(applyEmployerStatus(draft, '__proto__', 'requested', { at: AT, note: 'via asr.nl' })).toBe(true);
    const reread = parseProfile(JSON.parse(JSON.stringify(draft)));
    expect(Object.hasOwn(reread.employers, '__proto__')).toBe(true);
    expect(reread.employers['__proto__']).toMatchObject({
      selected: true,
      status: 'requested',
      history: [{ status: 'requested', at: AT.toISOString(), note: 'via asr.nl' }],
    });
  });
});
