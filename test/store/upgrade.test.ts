import { describe, expect, it } from 'vitest';
import { LocalError } from '../../src/errors.js';
import { emptyProfile, SCHEMA_VERSION, StoreShapeError, upgrade } from '../../src/store/index.js';
import { ForeignFileError } from '../../src/store/upgrade.js';

const AT = '2026-10-20T00:00:00.000Z';

describe('upgrade', () => {
  it('is at schema version 3', () => {
    expect(SCHEMA_VERSION).toBe(3);
  });

  it('passes a current file through', () => {
    const result = upgrade({ schemaVersion: 3, profiles: { sandbox: { clientId: 'c' } } });
    expect(result.upgradedFrom).toBeUndefined();
    expect(result.root.profiles.sandbox).toEqual({ ...emptyProfile(), clientId: 'c' });
  });

  it('upgrades v2: per-employer entity results and their hand confirmations go, everything the user did stays', () => {
    const v2 = {
      schemaVersion: 2,
      profiles: {
        default: {
          office: { name: 'Kantoor', contactName: 'Jan' },
          user: { userName: 'j.devries' },
          webserviceUser: 'Webservice#01',
          route: 'ak-team',
          environmentCode: 'ABC',
          tickets: { webservicepartij: { loketTicketNumber: 'LKT-1', sentAt: AT } },
          confirmations: [
            { subject: 'route', step: '3', by: 'jan', at: AT, reference: 'ak-team' },
            { subject: 'link', step: '2', by: 'jan', at: AT, reference: 'LKT-9', employerId: 'e1' },
            { subject: 'entities', step: '3', by: 'jan', at: AT, reference: 'LKT-9', employerId: 'e1' },
          ],
          employers: {
            e1: {
              employerNumber: 20001,
              companyName: 'Bakkerij',
              payrollTaxNumbers: ['123456782L01'],
              selected: true,
              status: 'signed-up',
              history: [{ status: 'signed-up', at: AT }],
              lastCheck: {
                at: AT,
                linked: 'pass',
                entities: { werkgever: 'pass', persoon: 'pass', verlof: 'fail' },
                problems: ['ENTITY_NOT_AUTHORIZED', 'WAGE_TAX_NUMBER_MISSING'],
              },
            },
          },
          lastVerify: {
            checkedAt: AT,
            ok: false,
            summary: { employers: 1, linked: 1, authorized: 0, failed: 1, unverifiable: 0 },
            webserviceUser: 'Webservice#01',
          },
        },
      },
    };
    const { root, upgradedFrom } = upgrade(v2);
    expect(upgradedFrom).toBe(2);
    expect(root.schemaVersion).toBe(3);
    const profile = root.profiles.default!;
    expect(profile.user).toBeUndefined();
    expect(profile).toMatchObject({
      office: { name: 'Kantoor', contactName: 'Jan' },
      webserviceUser: 'Webservice#01',
      route: 'ak-team',
      environmentCode: 'ABC',
    });
    expect(profile.tickets.webservicepartij).toEqual({ loketTicketNumber: 'LKT-1', sentAt: AT });
    expect(profile.confirmations.map((c) => c.subject)).toEqual(['route', 'link']);
    expect(profile.employers.e1).toEqual({
      employerNumber: 20001,
      companyName: 'Bakkerij',
      payrollTaxNumbers: ['123456782L01'],
      selected: true,
      status: 'signed-up',
      history: [{ status: 'signed-up', at: AT }],
      lastCheck: { at: AT, linked: 'pass', required: false, via: [], problems: ['WAGE_TAX_NUMBER_MISSING'] },
    });
    expect(profile.lastVerify).toEqual({
      checkedAt: AT,
      ok: false,
      summary: { employers: 1, linked: 1, failed: 1, unverifiable: 0, warnings: 0 },
      webserviceUser: 'Webservice#01',
    });
    expect(profile.teams).toEqual([]);
  });

  it.each([
    ['version 1', { schemaVersion: 1, environmentCode: 'ABC', route: 'werkgevergebruiker' }],
    ['no version', { environmentCode: 'ABC', route: 'werkgevergebruiker' }],
  ])('moves a %s single profile under profiles.default', (_name, raw) => {
    const result = upgrade(raw);
    expect(result.upgradedFrom).toBe(1);
    expect(Object.keys(result.root.profiles)).toEqual(['default']);
    expect(result.root.profiles.default).toEqual({ ...emptyProfile(), environmentCode: 'ABC', route: 'werkgevergebruiker' });
  });

  it.each([
    ["another program's settings", { theme: 'dark', recentFiles: ['a.txt'] }],
    ['one key we know beside one we do not', { office: { name: 'Kantoor' }, token: 'x' }],
    ['an empty object', {}],
    ['version 1 with a key no profile ever had', { schemaVersion: 1, route: 'ak-team', windowSize: [800, 600] }],
  ])('calls %s not ours (ForeignFileError), never an old store', (_name, raw) => {
    expect(() => upgrade(raw)).toThrow(ForeignFileError);
  });

  it('refuses a newer schema with exit code 5', () => {
    expect(() => upgrade({ schemaVersion: 99 })).toThrow(LocalError);
  });

  it.each([
    [null],
    ['text'],
    [[]],
    [{ schemaVersion: 3, profiles: 'x' }],
    [{ schemaVersion: 2, profiles: { a: { employers: 'x' } } }],
    [{ schemaVersion: '3' }],
  ])('rejects %j as invalid', (raw) => {
    expect(() => upgrade(raw)).toThrow(StoreShapeError);
  });
});

describe('emptyProfile', () => {
  it('has every step todo and empty collections', () => {
    expect(emptyProfile()).toEqual({
      steps: { '1': { state: 'todo' }, '2': { state: 'todo' }, '3': { state: 'todo' }, '4': { state: 'todo' }, '5': { state: 'todo' } },
      office: {},
      tickets: {},
      teams: [],
      confirmations: [],
      asr: {},
      employers: {},
    });
  });

  it('gives fresh objects every time', () => {
    const first = emptyProfile();
    first.steps['1'].state = 'done';
    first.confirmations.push({ subject: 'route', step: '1', by: 'me', at: '2026-11-28T10:00:00.000Z' });
    expect(emptyProfile().steps['1'].state).toBe('todo');
    expect(emptyProfile().confirmations).toEqual([]);
  });
});
