/**
 * The simulator's data: a FICTIONAL administratiekantoor, its logged-in user, a webservice user
 * and employers. Every person, company, KvK-nummer and loonheffingennummer here is made up.
 *
 * Everything is derived from (seed, kind, index), never stored: an id encodes its index, so a lookup
 * regenerates the record and compares. That keeps 10,000 employers at no memory cost.
 *
 * The activity names and right descriptions below are the simulated Loket's own copy of
 * loket-api.md §6, deliberately not imported from the client: the simulator plays the outside world.
 */
import type { Scenario } from './scenarios.js';

export const WEBSERVICE_USER_NAME = 'Webservice#01';

export interface Provider {
  id: string;
  name: string;
}

export interface LoggedInUser {
  id: string;
  userName: string;
  initials: string;
  lastName: string;
  emailAddress: string;
}

export interface Employer {
  id: string;
  employerNumber: number;
  companyName: string;
  chamberOfCommerceNumber: string;
}

export interface Administration {
  id: string;
  employerId: string;
  wageTaxNumber: string | null;
  description: string;
  isPayrollAdministration: boolean;
  startDate: string;
  endDate: string | null;
}

export interface EmployerUser {
  id: string;
  userName: string;
  initials?: string;
  lastName?: string;
  userType: string;
}

export type AuthorizationItem =
  | { activity: string }
  | { id: string; description: string; availableForEmployerUser: boolean; isEnabled: boolean };

export interface SeedData {
  readonly employerCount: number;
  readonly provider: Provider;
  readonly loggedInUser: LoggedInUser;
  readonly webserviceUser: EmployerUser;
  employer(index: number): Employer;
  /** The index of an employer id, or undefined when no such employer exists. */
  employerIndex(id: string): number | undefined;
  administrations(index: number): Administration[];
  users(index: number): EmployerUser[];
  /** E6 items, or undefined when E6 answers 404 (route unavailable, or the user is not linked). */
  userAuthorizations(index: number, userId: string): AuthorizationItem[] | undefined;
  /** E7 items: what the logged-in user may do at this employer. */
  loggedInUserAuthorizations(index: number): AuthorizationItem[];
}

/** Largest employer count the id encoding supports comfortably (users use index × 4 + slot). */
export const MAX_EMPLOYERS = 1_000_000;

const Kind = {
  employer: 1,
  employerUser: 2,
  webserviceUser: 3,
  administration: 4,
  right: 5,
  loggedInUser: 6,
  provider: 7,
} as const;

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed unsigned 32-bit hash of a list of integers. */
export function hash32(...parts: number[]): number {
  let h = 0x2545f491;
  for (const part of parts) h = fmix32((h ^ part) + 0x9e3779b9);
  return h;
}

/** FNV-1a, to turn request paths into hash input. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A stream of unsigned 32-bit numbers: the hash of the parts, then of a counter. */
function stream(...parts: number[]): () => number {
  const base = hash32(...parts);
  let counter = 0;
  return () => hash32(base, ++counter);
}

function pick<T>(list: readonly T[], random: number): T {
  return list[random % list.length] as T;
}

const hex = (value: number, width: number): string => (value >>> 0).toString(16).padStart(width, '0').slice(-width);

const TRADES = [
  'Bakkerij', 'Installatiebedrijf', 'Hoveniersbedrijf', 'Transportbedrijf', 'Schildersbedrijf',
  'Autobedrijf', 'Kinderopvang', 'Tandartspraktijk', 'Drukkerij', 'Bouwbedrijf', 'Adviesbureau',
  'Zorggroep', 'Fietsenmakerij', 'Rijschool', 'Loodgietersbedrijf', 'Dierenkliniek',
] as const;
const FAMILY_NAMES = [
  'Van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'De Groot', 'Bos', 'Vos',
  'Peters', 'Hendriks', 'Van Leeuwen', 'Dekker', 'Brouwer', 'De Wit', 'Dijkstra', 'Kok', 'Jacobs',
  'Vermeulen', 'Van der Linden', 'Kuipers', 'Willemsen', 'Postma',
] as const;
const LEGAL_FORMS = ['B.V.', 'B.V.', 'V.O.F.', '& Zonen B.V.'] as const;
const EMPLOYER_USERS = [
  ['M.', 'Jansen'], ['A.', 'de Jong'], ['S.', 'Bakker'], ['L.', 'Visser'], ['R.', 'Smit'],
  ['E.', 'Meijer'], ['K.', 'de Boer'], ['F.', 'Mulder'], ['N.', 'Bos'], ['T.', 'Vos'],
] as const;

const ENTITY_ACTIVITIES = {
  werkgever: 'GetEmployerByEmployerId',
  persoon: 'GetEmployeesByEmployerId',
  verlof: 'GetLeaveByEmploymentId',
} as const;
/** Granted everywhere but proves nothing about the three entities. */
const OTHER_ACTIVITY = 'GetEmploymentsByEmployeeId';
const INSPECT_USER_AUTHORIZATIONS = 'GetEmployerUserAuthorizationsByEmployerIdAndUserId';
const LOGGED_IN_USER_ACTIVITIES = [
  ENTITY_ACTIVITIES.werkgever,
  ENTITY_ACTIVITIES.persoon,
  ENTITY_ACTIVITIES.verlof,
  'GetAdministrationsByEmployerId',
  'GetEmployerUsersByEmployerId',
  INSPECT_USER_AUTHORIZATIONS,
  'GetAuthorizationsByEmployerId',
] as const;
const RIGHTS = {
  werkgever: 'Raadplegen werkgever',
  persoon: 'Raadplegen werknemers',
  verlof: 'Raadplegen verlof',
  // Disabled everywhere: a right with isEnabled false must not count.
  disabled: 'Beheren dienstverbanden',
} as const;

/** Nine digits passing the 11-proef (weights 9…2, −1 on the last), then L01/L02. */
function payrollTaxNumber(random: () => number, subnumber: number, valid: boolean): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + (random() % 9) : random() % 10));
    const sum = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    const check = sum % 11;
    if (check === 10) continue;
    // Any other last digit breaks the 11-proef, because the valid one is unique.
    const last = valid ? check : (check + 1) % 10;
    return `${digits.join('')}${last}L${String(subnumber).padStart(2, '0')}`;
  }
}

export function createSeedData(seed: number, scenario: Scenario, employerCount: number): SeedData {
  const seedKey = seed >>> 0;

  // Random-looking v4 UUIDs whose last 8 hex digits carry the index, masked per seed and kind.
  const idMask = (kind: number): number => hash32(seedKey, kind, 0x1d5);
  function uuid(kind: number, n: number): string {
    const random = stream(seedKey, kind, n);
    return [
      hex(random(), 8),
      hex(random(), 4),
      `4${hex(random(), 3)}`,
      hex(0x8000 | (random() & 0x3fff), 4),
      `${kind.toString(16)}${hex(random(), 3)}${hex(n ^ idMask(kind), 8)}`,
    ].join('-');
  }
  const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}([0-9a-f]{8})$/;
  function indexOf(kind: number, id: string): number | undefined {
    const normalised = id.toLowerCase();
    const match = UUID_PATTERN.exec(normalised);
    if (!match || parseInt(match[1] as string, 16) !== kind) return undefined;
    const n = (parseInt(match[2] as string, 16) ^ idMask(kind)) >>> 0;
    return uuid(kind, n) === normalised ? n : undefined;
  }

  const webserviceUser: EmployerUser = {
    id: uuid(Kind.webserviceUser, 0),
    userName: WEBSERVICE_USER_NAME,
    lastName: 'Benefits-Plaza',
    userType: 'Webservice gebruiker',
  };
  const rightIds = {
    werkgever: uuid(Kind.right, 0),
    persoon: uuid(Kind.right, 1),
    verlof: uuid(Kind.right, 2),
    disabled: uuid(Kind.right, 3),
  };
  const right = (key: keyof typeof RIGHTS, isEnabled: boolean): AuthorizationItem => ({
    id: rightIds[key],
    description: RIGHTS[key],
    availableForEmployerUser: true,
    isEnabled,
  });

  const inRange = (index: number): boolean => Number.isInteger(index) && index >= 0 && index < employerCount;

  function employer(index: number): Employer {
    const random = stream(seedKey, Kind.employer, index);
    return {
      id: uuid(Kind.employer, index),
      // Strictly increasing, so numbers stay unique however many employers there are.
      employerNumber: 20001 + index * 3 + (random() % 3),
      companyName: `${pick(TRADES, random())} ${pick(FAMILY_NAMES, random())} ${pick(LEGAL_FORMS, random())}`,
      chamberOfCommerceNumber: String(10_000_000 + (random() % 90_000_000)),
    };
  }

  function administrations(index: number): Administration[] {
    const traits = scenario.traits(index);
    const employerId = uuid(Kind.employer, index);
    const random = stream(seedKey, Kind.administration, index);
    const startYear = 2012 + (random() % 12);
    return Array.from({ length: traits.administrations }, (_, slot) => {
      const state = slot === 0 ? traits.payrollTaxNumber : 'valid';
      return {
        id: uuid(Kind.administration, index * 4 + slot),
        employerId,
        wageTaxNumber: state === 'missing' ? null : payrollTaxNumber(random, slot + 1, state === 'valid'),
        description: slot === 0 ? 'Loonadministratie' : 'Loonadministratie oproepkrachten',
        isPayrollAdministration: true,
        startDate: `${startYear + slot}-01-01`,
        endDate: null,
      };
    });
  }

  function ordinaryUsers(index: number): EmployerUser[] {
    const random = stream(seedKey, Kind.employerUser, index);
    const { employerNumber } = employer(index);
    return Array.from({ length: 1 + (random() % 2) }, (_, slot) => {
      const [initials, lastName] = pick(EMPLOYER_USERS, random());
      const userName = `${initials.charAt(0)}.${lastName.replace(/\s+/g, '')}.${employerNumber}`.toLowerCase();
      return { id: uuid(Kind.employerUser, index * 4 + slot), userName, initials, lastName, userType: 'Werkgever gebruiker' };
    });
  }

  function userAuthorizations(index: number, userId: string): AuthorizationItem[] | undefined {
    const traits = scenario.traits(index);
    if (traits.authorizationStyle === 'unavailable') return undefined;
    if (userId.toLowerCase() === webserviceUser.id) {
      if (!traits.linked) return undefined;
      if (traits.authorizationStyle === 'rights') {
        return [
          right('werkgever', true),
          right('persoon', true),
          right('verlof', traits.leaveAuthorized),
          right('disabled', false),
        ];
      }
      const activities = [ENTITY_ACTIVITIES.werkgever, ENTITY_ACTIVITIES.persoon, OTHER_ACTIVITY];
      if (traits.leaveAuthorized) activities.push(ENTITY_ACTIVITIES.verlof);
      return activities.map((activity) => ({ activity }));
    }
    const n = indexOf(Kind.employerUser, userId);
    if (n === undefined || Math.floor(n / 4) !== index || n % 4 >= ordinaryUsers(index).length) return undefined;
    return [...Object.values(ENTITY_ACTIVITIES), OTHER_ACTIVITY].map((activity) => ({ activity }));
  }

  return {
    employerCount,
    provider: { id: uuid(Kind.provider, 0), name: 'Administratiekantoor De Vries & Partners (fictief)' },
    loggedInUser: {
      id: uuid(Kind.loggedInUser, 0),
      userName: 'j.devries',
      initials: 'J.',
      lastName: 'de Vries',
      emailAddress: 'j.devries@devries-partners.example',
    },
    webserviceUser,
    employer,
    employerIndex(id) {
      const index = indexOf(Kind.employer, id);
      return index !== undefined && inRange(index) ? index : undefined;
    },
    administrations,
    users: (index) => (scenario.traits(index).linked ? [...ordinaryUsers(index), webserviceUser] : ordinaryUsers(index)),
    userAuthorizations,
    loggedInUserAuthorizations(index) {
      // Where E6 is unavailable, E7 explains it: the logged-in user may not inspect user authorizations.
      const unavailable = scenario.traits(index).authorizationStyle === 'unavailable';
      return LOGGED_IN_USER_ACTIVITIES.filter((activity) => !unavailable || activity !== INSPECT_USER_AUTHORIZATIONS).map(
        (activity) => ({ activity }),
      );
    },
  };
}
