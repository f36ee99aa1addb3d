import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_PROOF, entityAccess } from '../../src/loket/entities.js';

describe('entityAccess', () => {
  it('has a proof for every entity', () => {
    expect(Object.keys(ENTITY_PROOF)).toEqual([...ENTITIES]);
  });

  it('needs the exact read activity of each entity', () => {
    expect(entityAccess({ kind: 'activities', activities: ['GetEmployeesByEmployerId', 'PutLeaveByLeaveId'] })).toEqual({
      werkgever: false,
      persoon: true,
      verlof: false,
    });
    expect(entityAccess({ kind: 'activities', activities: [] })).toEqual({ werkgever: false, persoon: false, verlof: false });
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
    expect(access[entity]).toBe(true);
    expect(Object.values(access).filter(Boolean)).toHaveLength(1);
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
    ).toEqual({ werkgever: false, persoon: false, verlof: false });
  });
});
