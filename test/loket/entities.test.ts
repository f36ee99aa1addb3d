import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_PROOF, entityAccess } from '../../src/loket/entities.js';

describe('entityAccess', () => {
  it('has a proof for every entity', () => {
    expect(Object.keys(ENTITY_PROOF)).toEqual([...ENTITIES]);
  });

  it('needs the exact read activity of each entity', () => {
    expect(entityAccess({ kind: 'activities', activities: ['GetEmployeesByEmployerId', 'PutLeaveByLeaveId'] })).toEqual({
      werkgever: 'fail',
      persoon: 'pass',
      verlof: 'fail',
    });
    expect(entityAccess({ kind: 'activities', activities: [] })).toEqual({ werkgever: 'fail', persoon: 'fail', verlof: 'fail' });
  });

  it.each([
    ['Raadplegen werkgever', 'werkgever'],
    ['Beheren werkgevergegevens', 'werkgever'],
    ['Raadplegen werknemers', 'persoon'],
    ['Raadplegen medewerkers', 'persoon'],
    ['Beheren dienstverbanden', 'persoon'],
    ['Raadplegen verlof', 'verlof'],
    ['Beheren verlofregistratie', 'verlof'],
  ] as const)('reads the right "%s" as access to %s', (description, entity) => {
    const access = entityAccess({ kind: 'rights', rights: [{ description, enabled: true }] });
    expect(access[entity]).toBe('pass');
    expect(Object.values(access).filter((result) => result === 'pass')).toHaveLength(1);
  });

  it('ignores switched-off rights and rights that grant no reading', () => {
    expect(
      entityAccess({
        kind: 'rights',
        rights: [
          { description: 'Raadplegen verlof', enabled: false },
          { description: 'Verlof aanvragen', enabled: true },
        ],
      }),
    ).toEqual({ werkgever: 'fail', persoon: 'fail', verlof: 'fail' });
  });

  it('a matching right without isEnabled is unverifiable, never a pass', () => {
    expect(
      entityAccess({
        kind: 'rights',
        rights: [
          { description: 'Raadplegen werkgever', enabled: true },
          { description: 'Raadplegen verlof', enabled: null },
        ],
      }),
    ).toEqual({ werkgever: 'pass', persoon: 'fail', verlof: 'unverifiable' });
  });
});
