/** Small verify documents (v2) for the report's unit tests, shaped like `verify --json` prints them. */
import type { SavedCheck } from '../../src/report/document.js';

type Employer = SavedCheck['employers'][number];

export function employer(employerNumber: number, overrides: Partial<Employer> = {}): Employer {
  return {
    id: `id-${employerNumber}`,
    employerNumber,
    companyName: `Werkgever ${employerNumber} B.V.`,
    wageTaxNumbers: ['123456782L01'],
    linked: 'pass',
    required: true,
    via: ['team:Benefits-Plaza'],
    problems: [],
    ...overrides,
  };
}

export const notLinked = (employerNumber: number, overrides: Partial<Employer> = {}): Employer =>
  employer(employerNumber, {
    linked: 'fail',
    via: [],
    problems: [
      {
        code: 'NOT_LINKED',
        severity: 'error',
        message: `Webservice#01 is niet gekoppeld aan Werkgever ${employerNumber} B.V. (${employerNumber}).`,
        fix: 'Voeg deze werkgever toe aan team Benefits-Plaza.',
      },
    ],
    ...overrides,
  });

export function document(employers: Employer[], overrides: Partial<SavedCheck> = {}): SavedCheck {
  const required = employers.filter((e) => e.required);
  return {
    ok: required.every((e) => e.linked === 'pass'),
    checkedAt: '2026-11-28T10:00:00.000Z',
    environment: 'production',
    provider: { id: 'p1', name: 'Administratiekantoor De Vries & Partners' },
    webserviceUser: { userName: 'Webservice#01', found: 'pass' },
    route: 'ak-team',
    teams: [{ description: 'Benefits-Plaza', member: true, linkedEmployers: employers.filter((e) => e.linked === 'pass').length, otherUsers: 0 }],
    authorization: { state: 'unconfirmed' },
    scope: 'all',
    allowUnverifiable: false,
    reachable: 'pass',
    summary: {
      employers: employers.length,
      linked: employers.filter((e) => e.linked === 'pass').length,
      failed: required.filter((e) => e.linked === 'fail').length,
      unverifiable: required.filter((e) => e.linked === 'unverifiable').length,
      warnings: employers.reduce((n, e) => n + e.problems.filter((p) => p.severity === 'warning').length, 0),
    },
    problems: [],
    employers,
    ...overrides,
  };
}
