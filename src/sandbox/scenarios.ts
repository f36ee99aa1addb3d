/**
 * What each simulator scenario looks like: per employer, which traits it has (linked, authorized,
 * loonheffingennummer state, E6 answer style), and which faults the API injects. Traits are a pure
 * function of the employer's index, so `large` never has to hold its employers in memory.
 */
export type ScenarioName = 'default' | 'all-good' | 'none-linked' | 'flaky' | 'large';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['default', 'all-good', 'none-linked', 'flaky', 'large'];

/** How E6 answers for this employer: Loket's two documented forms, or 404 (route not available). */
export type AuthorizationStyle = 'activities' | 'rights' | 'unavailable';
export type PayrollTaxNumberState = 'valid' | 'missing' | 'invalid';

export interface EmployerTraits {
  /** The webservice user appears in this employer's users (E5). */
  linked: boolean;
  /** The webservice user may read verlof here (werkgever and persoon are always granted). */
  leaveAuthorized: boolean;
  authorizationStyle: AuthorizationStyle;
  /** State of the first administration's wageTaxNumber; a second administration is always valid. */
  payrollTaxNumber: PayrollTaxNumberState;
  administrations: 1 | 2;
}

export type Fault = 502 | 503 | 504 | 429 | 'reset';
export const SERVER_FAULTS: readonly Fault[] = [502, 503, 504, 'reset'];

export interface Scenario {
  employers: number;
  traits(index: number): EmployerTraits;
  /** Share of API GETs that fail, and how. */
  faults?: { rate: number; kinds: readonly Fault[] };
}

function goodTraits(index: number): EmployerTraits {
  return {
    linked: true,
    leaveAuthorized: true,
    // A share of employers answer E6 in the rights style, so clients exercise both forms.
    authorizationStyle: index % 7 === 1 ? 'rights' : 'activities',
    payrollTaxNumber: 'valid',
    administrations: index % 4 === 0 ? 2 : 1,
  };
}

/** The default office: a first run shows every kind of outcome. Employers past the table are good. */
const DEFAULT_EMPLOYERS: readonly Partial<EmployerTraits>[] = [
  { administrations: 2 },
  { authorizationStyle: 'rights' },
  { linked: false },
  { leaveAuthorized: false },
  { payrollTaxNumber: 'missing', administrations: 1 },
  { authorizationStyle: 'unavailable' },
  {},
  { linked: false },
  { leaveAuthorized: false, authorizationStyle: 'rights' },
  { payrollTaxNumber: 'invalid', administrations: 1 },
  { authorizationStyle: 'rights', administrations: 2 },
  {},
];

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  default: {
    employers: DEFAULT_EMPLOYERS.length,
    traits: (index) => ({ ...goodTraits(index), ...DEFAULT_EMPLOYERS[index] }),
  },
  'all-good': { employers: 12, traits: goodTraits },
  'none-linked': { employers: 12, traits: (index) => ({ ...goodTraits(index), linked: false }) },
  flaky: { employers: 12, traits: goodTraits, faults: { rate: 0.3, kinds: [...SERVER_FAULTS, 429] } },
  large: { employers: 2000, traits: goodTraits },
};
