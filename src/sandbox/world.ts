/**
 * The simulated office: a FICTIONAL administratiekantoor, its provider users, teams, employers,
 * administrations and employer users, built from a scenario (scenarios.ts) and a seed. Every
 * person, company, KvK-nummer and loonheffingennummer is made up.
 *
 * Employers and everything per employer are generated on demand from their index; only the
 * handful of users and teams are held as objects.
 */
import type { LazyList } from './paging.js';
import { TEAM_NAME, WEBSERVICE_USER_NAME, type EmployerSet, type ProviderUserKey, type Scenario } from './scenarios.js';
import {
  CITIES,
  createIds,
  EMPLOYER_USER_NAMES,
  FAMILY_NAMES,
  hashString,
  Kind,
  LEGAL_FORMS,
  payrollTaxNumber,
  pick,
  postalCode,
  stream,
  STREETS,
  TRADES,
  type Ids,
} from './seed.js';

export interface KeyValue {
  key: number;
  value: string;
}

export interface Person {
  firstName: string | null;
  initials: string;
  prefix: string | null;
  lastName: string;
}

interface UserRecord {
  id: string;
  userName: string | null;
  person: Person;
  emailAddress: string;
  phoneNumber: string | null;
  placeOfEmployment: string | null;
  loginMethod: KeyValue;
  accessStatus: KeyValue;
  hasMultiFactorAuthentication: boolean;
  twoFactorAuthenticationRequired: boolean;
  userSpecifiedRole: KeyValue | null;
  userCustomSpecifiedRole: string | null;
  /** The user signs in through this Azure AD tenant, or not at all through Azure AD. */
  azureTenant: { id: string; description: string; userId: string } | null;
  hasIntegrations: boolean;
  hasConnectedApplications: boolean;
  dateTimeLastLogin: string | null;
  dateTimeCreation: string;
}

export interface ProviderUserRecord extends UserRecord {
  key: ProviderUserKey;
  hasAuthorisationsOnUserLevel: boolean;
  authorizationSet: KeyValue | null;
}

export interface EmployerUserRecord extends UserRecord {
  /** Employer indices this employer user is linked to. */
  employers: readonly number[];
  hasAccessToPayrollingTestData: boolean;
  isDepartmentManager: boolean;
  authorizationSet: KeyValue | null;
}

export interface EmployerRecord {
  index: number;
  id: string;
  employerNumber: number;
  companyName: string;
  chamberOfCommerceNumber: string;
  sbi: { key: number; sbiCode: string; value: string };
  legalForm: KeyValue;
  branch: KeyValue;
  administrationNumber: string | null;
  groupCode: number | null;
  address: { street: string; houseNumber: number; postalCode: string; city: string; province: KeyValue };
  contact: { name: string; function: string | null; phoneNumber: string };
  emailAddress: string;
  website: string | null;
}

export interface AdministrationRecord {
  id: string;
  employerId: string;
  clientNumber: number | null;
  wageTaxNumber: string | null;
  description: string;
  startDate: string;
  endDate: string | null;
  isPayrollAdministration: boolean;
}

/** Sorted, disjoint half-open ranges of employer indices. */
export class IndexSet {
  readonly size: number;

  constructor(readonly ranges: readonly (readonly [number, number])[]) {
    this.size = ranges.reduce((total, [from, to]) => total + to - from, 0);
  }

  has(index: number): boolean {
    return this.ranges.some(([from, to]) => index >= from && index < to);
  }

  /** The n-th member, in ascending order. */
  at(n: number): number {
    let rest = n;
    for (const [from, to] of this.ranges) {
      if (rest < to - from) return from + rest;
      rest -= to - from;
    }
    throw new RangeError(`index ${n} beyond ${this.size}`);
  }

  complement(total: number): IndexSet {
    const ranges: [number, number][] = [];
    let next = 0;
    for (const [from, to] of this.ranges) {
      if (from > next) ranges.push([next, from]);
      next = to;
    }
    if (next < total) ranges.push([next, total]);
    return new IndexSet(ranges);
  }
}

function indexSet(set: EmployerSet, visible: number): IndexSet {
  switch (set.kind) {
    case 'all':
      return new IndexSet(visible > 0 ? [[0, visible]] : []);
    case 'none':
      return new IndexSet([]);
    case 'range': {
      const from = Math.min(set.from, visible);
      const to = Math.min(set.to ?? visible, visible);
      return new IndexSet(from < to ? [[from, to]] : []);
    }
    case 'allExcept': {
      const excluded = [...new Set(set.indices)].filter((index) => index >= 0 && index < visible).sort((a, b) => a - b);
      const ranges: [number, number][] = [];
      let next = 0;
      for (const index of excluded) {
        if (index > next) ranges.push([next, index]);
        next = index + 1;
      }
      if (next < visible) ranges.push([next, visible]);
      return new IndexSet(ranges);
    }
  }
}

export interface TeamRecord {
  id: string;
  description: string;
  members: readonly ProviderUserRecord[];
  employers: IndexSet;
  employerListFails: boolean;
  authorizationSet: { id: string; description: string } | null;
}

export interface EmployerUserRow {
  user: EmployerUserRecord;
  employerIndex: number;
}

export interface World {
  ids: Ids;
  provider: { id: string; name: string };
  loggedIn: ProviderUserRecord;
  /** Employers the logged-in user can see (E3): indices 0 … visibleEmployers − 1. */
  visibleEmployers: number;
  /** All employers of the provider (E3b): the visible ones, then the hidden ones. */
  totalEmployers: number;
  employer(index: number): EmployerRecord;
  /** The index of any of the provider's employers, or undefined for an unknown id. */
  employerIndex(id: string): number | undefined;
  administrations: LazyList<AdministrationRecord>;
  administrationsOf(index: number): AdministrationRecord[];
  providerUsers: readonly ProviderUserRecord[];
  providerUser(id: string): ProviderUserRecord | undefined;
  teams: readonly TeamRecord[];
  team(id: string): TeamRecord | undefined;
  /** E12: one row per employer user × linked employer. */
  employerUserRows: LazyList<EmployerUserRow>;
  employerUser(id: string): EmployerUserRecord | undefined;
  employerUsersOf(index: number): EmployerUserRecord[];
}

const HAS_ACCESS: KeyValue = { key: 3, value: 'Has access to Client' };
const INVITED: KeyValue = { key: 1, value: 'Invitation sent' };
const VIA_WEBSITE: KeyValue = { key: 1, value: 'Via website en SSO' };
const ONLY_SSO: KeyValue = { key: 3, value: 'Only via SSO' };
const SALARY_ADMINISTRATOR: KeyValue = { key: 3, value: 'Salarisadministrateur' };
const OFFICE_DOMAIN = 'devries-partners.example';

/** Local employer users sit at every employer whose index is a multiple of this. */
const LOCAL_USER_EVERY = 3;
/** Employer-user numbers from here on are local users (number − LOCAL_USER_BASE = j, employer LOCAL_USER_EVERY × j). */
const LOCAL_USER_BASE = 16;

function providerUserRecords(ids: Ids): Record<ProviderUserKey, ProviderUserRecord> {
  const base = {
    phoneNumber: null,
    placeOfEmployment: null,
    accessStatus: HAS_ACCESS,
    userCustomSpecifiedRole: null,
    azureTenant: null,
    hasIntegrations: false,
    hasConnectedApplications: false,
    hasAuthorisationsOnUserLevel: false,
    authorizationSet: null,
  };
  return {
    loggedIn: {
      ...base,
      key: 'loggedIn',
      id: ids.uuid(Kind.providerUser, 0),
      userName: 'j.devries',
      person: { firstName: 'Jan', initials: 'J.', prefix: 'de', lastName: 'Vries' },
      emailAddress: `j.devries@${OFFICE_DOMAIN}`,
      phoneNumber: '030-2345678',
      placeOfEmployment: 'Utrecht',
      loginMethod: VIA_WEBSITE,
      hasMultiFactorAuthentication: true,
      twoFactorAuthenticationRequired: true,
      userSpecifiedRole: SALARY_ADMINISTRATOR,
      // This tool's OAuth client is itself an integration of the logged-in user.
      hasIntegrations: true,
      dateTimeLastLogin: '2025-06-02T08:41:12+02:00',
      dateTimeCreation: '2016-03-01T09:00:00+01:00',
    },
    webservice: {
      ...base,
      key: 'webservice',
      id: ids.uuid(Kind.providerUser, 1),
      userName: WEBSERVICE_USER_NAME,
      person: { firstName: null, initials: 'BP', prefix: null, lastName: 'Webservice' },
      emailAddress: `webservice@${OFFICE_DOMAIN}`,
      loginMethod: ONLY_SSO,
      hasMultiFactorAuthentication: false,
      twoFactorAuthenticationRequired: false,
      userSpecifiedRole: null,
      userCustomSpecifiedRole: `Webservicegebruiker ${TEAM_NAME}`,
      dateTimeLastLogin: null,
      dateTimeCreation: '2024-09-16T10:12:00+02:00',
    },
    jansen: {
      ...base,
      key: 'jansen',
      id: ids.uuid(Kind.providerUser, 2),
      userName: 'p.jansen',
      person: { firstName: 'Petra', initials: 'P.', prefix: null, lastName: 'Jansen' },
      emailAddress: `p.jansen@${OFFICE_DOMAIN}`,
      loginMethod: VIA_WEBSITE,
      hasMultiFactorAuthentication: true,
      twoFactorAuthenticationRequired: true,
      userSpecifiedRole: SALARY_ADMINISTRATOR,
      dateTimeLastLogin: '2025-05-28T16:03:40+02:00',
      dateTimeCreation: '2019-01-07T08:30:00+01:00',
    },
    visser: {
      ...base,
      key: 'visser',
      id: ids.uuid(Kind.providerUser, 3),
      userName: 'm.visser',
      person: { firstName: 'Mark', initials: 'M.', prefix: null, lastName: 'Visser' },
      emailAddress: `m.visser@${OFFICE_DOMAIN}`,
      placeOfEmployment: 'Amersfoort',
      loginMethod: VIA_WEBSITE,
      hasMultiFactorAuthentication: true,
      twoFactorAuthenticationRequired: false,
      userSpecifiedRole: { key: 5, value: 'Controller' },
      azureTenant: { id: ids.uuid(Kind.tenant, 0), description: 'De Vries & Partners Azure AD', userId: ids.uuid(Kind.tenant, 1) },
      hasAuthorisationsOnUserLevel: true,
      authorizationSet: { key: 7, value: 'Controller' },
      dateTimeLastLogin: '2025-04-11T11:20:05+02:00',
      dateTimeCreation: '2021-10-04T13:45:00+02:00',
    },
    invited: {
      ...base,
      key: 'invited',
      id: ids.uuid(Kind.providerUser, 4),
      userName: null,
      person: { firstName: 'Sanne', initials: 'S.', prefix: 'de', lastName: 'Boer' },
      emailAddress: `s.deboer@${OFFICE_DOMAIN}`,
      accessStatus: INVITED,
      loginMethod: VIA_WEBSITE,
      hasMultiFactorAuthentication: false,
      twoFactorAuthenticationRequired: true,
      userSpecifiedRole: null,
      dateTimeLastLogin: null,
      dateTimeCreation: '2025-05-30T15:00:00+02:00',
    },
  };
}

export function createWorld(seed: number, scenario: Scenario, employerCount: number): World {
  const seedKey = seed >>> 0;
  const ids = createIds(seedKey);
  const visibleEmployers = employerCount;
  const totalEmployers = employerCount + scenario.hiddenEmployers;
  const inRange = (index: number): boolean => Number.isInteger(index) && index >= 0 && index < totalEmployers;

  /**
   * Generated records are a pure function of the seed and the index; they are made once and kept
   * (frozen at the top, so a caller that tried to change a kept one would fail loudly; none does —
   * shapes.ts copies what it serves). At 10,000 employers, making every page's records
   * anew on each request was most of the simulator's time — time the bench then counted against the
   * client it runs beside.
   */
  function kept<R extends object>(make: (index: number) => R): (index: number) => R {
    const cache = new Map<number, R>();
    return (index) => {
      let record = cache.get(index);
      if (record === undefined) cache.set(index, (record = Object.freeze(make(index))));
      return record;
    };
  }

  const employer = kept(makeEmployer);
  function makeEmployer(index: number): EmployerRecord {
    const random = stream(seedKey, Kind.employer, index);
    const trade = pick(TRADES, random());
    const family = pick(FAMILY_NAMES, random());
    const legal = pick(LEGAL_FORMS, random());
    const city = pick(CITIES, random());
    // Strictly increasing, so numbers stay unique however many employers there are.
    const employerNumber = 20001 + index * 3 + (random() % 3);
    const slug = `${trade.trade}-${family}`.toLowerCase().replace(/[^a-z]+/g, '-');
    const [initials, contactName] = pick(EMPLOYER_USER_NAMES, random());
    const phoneNumber = `0${10 + (random() % 89)}-${String(1_000_000 + (random() % 9_000_000))}`;
    return {
      index,
      id: ids.uuid(Kind.employer, index),
      employerNumber,
      companyName: `${trade.trade} ${family} ${legal.suffix}`,
      chamberOfCommerceNumber: String(10_000_000 + (random() % 90_000_000)),
      sbi: { key: 1 + TRADES.indexOf(trade), sbiCode: trade.sbi[0], value: trade.sbi[1] },
      legalForm: { key: legal.key, value: legal.value },
      branch: { key: 1 + (hashString(trade.branch) % 90), value: trade.branch },
      administrationNumber: index % 5 === 3 ? null : `DEB${employerNumber}`,
      groupCode: index % 4 === 2 ? null : 10 * (1 + (random() % 5)),
      address: {
        street: pick(STREETS, random()),
        houseNumber: 1 + (random() % 250),
        postalCode: postalCode(random()),
        city: city.city,
        province: { key: city.province[0], value: city.province[1] },
      },
      contact: { name: `${initials} ${contactName}`, function: index % 2 === 0 ? 'Directeur' : null, phoneNumber },
      emailAddress: `salaris@${slug}.example`,
      website: index % 3 === 0 ? null : `https://www.${slug}.example`,
    };
  }

  const second = scenario.secondAdministration;
  const hasSecond = (index: number): boolean => ('every' in second ? index % second.every === 0 : second.at.includes(index));
  /** How many employers below this index have a second administration. */
  const secondsBelow = (index: number): number =>
    'every' in second ? Math.ceil(index / second.every) : second.at.filter((at) => at >= 0 && at < index).length;
  const administrationsStart = (index: number): number => index + secondsBelow(index);

  const administrationsOf = kept(makeAdministrations);
  function makeAdministrations(index: number): AdministrationRecord[] {
    const random = stream(seedKey, Kind.administration, index);
    const employerId = ids.uuid(Kind.employer, index);
    const startYear = 2012 + (random() % 12);
    const state = scenario.missingWageTaxNumber?.includes(index) ? 'missing' : scenario.invalidWageTaxNumber?.includes(index) ? 'invalid' : 'valid';
    const records: AdministrationRecord[] = [
      {
        id: ids.uuid(Kind.administration, index * 2),
        employerId,
        clientNumber: 1000 + index * 2,
        wageTaxNumber: state === 'missing' ? null : payrollTaxNumber(random, 1, state === 'valid'),
        description: 'Loonadministratie',
        startDate: `${startYear}-01-01`,
        endDate: null,
        isPayrollAdministration: true,
      },
    ];
    if (hasSecond(index)) {
      const payroll = !scenario.nonPayrollSecondAdministration?.includes(index);
      records.push({
        id: ids.uuid(Kind.administration, index * 2 + 1),
        employerId,
        clientNumber: payroll ? 1000 + index * 2 + 1 : null,
        wageTaxNumber: payroll ? payrollTaxNumber(random, 2, true) : null,
        description: payroll ? 'Loonadministratie oproepkrachten' : 'Personeelsdossiers (geen verloning)',
        startDate: `${startYear + 1}-01-01`,
        endDate: null,
        isPayrollAdministration: payroll,
      });
    }
    return records;
  }

  const administrations: LazyList<AdministrationRecord> = {
    size: administrationsStart(visibleEmployers),
    at(row) {
      // The employer whose administrations start at or before this row: binary search.
      let low = 0;
      let high = visibleEmployers - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (administrationsStart(middle) <= row) low = middle;
        else high = middle - 1;
      }
      return administrationsOf(low)[row - administrationsStart(low)] as AdministrationRecord;
    },
  };

  const allProviderUsers = providerUserRecords(ids);
  const providerUsers = scenario.providerUsers.map((key) => allProviderUsers[key]);
  const teams: TeamRecord[] = scenario.teams.map((spec, slot) => ({
    id: ids.uuid(Kind.team, slot),
    description: spec.description,
    members: spec.members.filter((key) => scenario.providerUsers.includes(key)).map((key) => allProviderUsers[key]),
    employers: indexSet(spec.employers, visibleEmployers),
    employerListFails: spec.employerListFails === true,
    authorizationSet: spec.authorizationSet ? { id: ids.uuid(Kind.authorizationSet, slot), description: spec.authorizationSet } : null,
  }));

  const employerUserBase = {
    phoneNumber: null,
    placeOfEmployment: null,
    accessStatus: HAS_ACCESS,
    loginMethod: VIA_WEBSITE,
    hasMultiFactorAuthentication: true,
    twoFactorAuthenticationRequired: true,
    userSpecifiedRole: null,
    userCustomSpecifiedRole: null,
    azureTenant: null,
    hasIntegrations: false,
    hasConnectedApplications: false,
    hasAccessToPayrollingTestData: false,
    isDepartmentManager: false,
    authorizationSet: { key: 2, value: 'HR Gebruiker' },
  };
  const linkable = (indices: readonly number[]): number[] => indices.filter((index) => index >= 0 && index < visibleEmployers);
  const namedEmployerUsers: EmployerUserRecord[] = [
    ...(scenario.webserviceUser === 'employer'
      ? [
          {
            ...employerUserBase,
            id: ids.uuid(Kind.employerUser, 0),
            userName: WEBSERVICE_USER_NAME,
            person: { firstName: null, initials: 'BP', prefix: null, lastName: 'Webservice' },
            emailAddress: `webservice@${OFFICE_DOMAIN}`,
            loginMethod: ONLY_SSO,
            hasMultiFactorAuthentication: false,
            twoFactorAuthenticationRequired: false,
            userCustomSpecifiedRole: `Webservicegebruiker ${TEAM_NAME}`,
            authorizationSet: null,
            employers: linkable(scenario.webserviceUserEmployers ?? []),
            dateTimeLastLogin: null,
            dateTimeCreation: '2024-09-16T10:12:00+02:00',
          },
        ]
      : []),
    {
      ...employerUserBase,
      id: ids.uuid(Kind.employerUser, 1),
      userName: 'm.bakker',
      person: { firstName: 'Marieke', initials: 'M.', prefix: null, lastName: 'Bakker' },
      emailAddress: 'm.bakker@bakker-holding.example',
      phoneNumber: '06-12345678',
      userSpecifiedRole: { key: 4, value: 'HR-medewerker' },
      isDepartmentManager: true,
      employers: linkable([1, 3]),
      dateTimeLastLogin: '2025-05-19T09:12:44+02:00',
      dateTimeCreation: '2020-02-03T10:00:00+01:00',
    },
    {
      ...employerUserBase,
      id: ids.uuid(Kind.employerUser, 2),
      userName: null,
      person: { firstName: null, initials: 'R.', prefix: null, lastName: 'Smit' },
      emailAddress: 'r.smit@smit-personeel.example',
      accessStatus: INVITED,
      hasMultiFactorAuthentication: false,
      employers: linkable([5]),
      dateTimeLastLogin: null,
      dateTimeCreation: '2025-05-26T14:30:00+02:00',
    },
  ].filter((user) => user.employers.length > 0);

  const localUserCount = Math.ceil(visibleEmployers / LOCAL_USER_EVERY);
  function localEmployerUser(j: number): EmployerUserRecord {
    const index = j * LOCAL_USER_EVERY;
    const random = stream(seedKey, Kind.employerUser, index);
    const [initials, lastName] = pick(EMPLOYER_USER_NAMES, random());
    const { employerNumber } = employer(index);
    const userName = `${initials.charAt(0)}.${lastName.replace(/\s+/g, '')}.${employerNumber}`.toLowerCase();
    const prefixed = /^(de|van|van der) /.exec(lastName);
    return {
      ...employerUserBase,
      id: ids.uuid(Kind.employerUser, LOCAL_USER_BASE + j),
      userName,
      person: {
        firstName: null,
        initials,
        prefix: prefixed ? (prefixed[1] as string) : null,
        lastName: prefixed ? lastName.slice(prefixed[0].length) : lastName,
      },
      emailAddress: `${userName}@werkgever.example`,
      employers: [index],
      dateTimeLastLogin: random() % 4 === 0 ? null : '2025-05-02T07:55:00+02:00',
      dateTimeCreation: '2022-01-10T09:00:00+01:00',
    };
  }

  const namedRows: EmployerUserRow[] = namedEmployerUsers.flatMap((user) => user.employers.map((employerIndex) => ({ user, employerIndex })));
  const employerUserRows: LazyList<EmployerUserRow> = {
    size: namedRows.length + localUserCount,
    at(row) {
      if (row < namedRows.length) return namedRows[row] as EmployerUserRow;
      const j = row - namedRows.length;
      return { user: localEmployerUser(j), employerIndex: j * LOCAL_USER_EVERY };
    },
  };

  return {
    ids,
    provider: { id: ids.uuid(Kind.provider, 0), name: 'Administratiekantoor De Vries & Partners (fictief)' },
    loggedIn: allProviderUsers.loggedIn,
    visibleEmployers,
    totalEmployers,
    employer,
    employerIndex(id) {
      const index = ids.numberOf(Kind.employer, id);
      return index !== undefined && inRange(index) ? index : undefined;
    },
    administrations,
    administrationsOf,
    providerUsers,
    providerUser: (id) => providerUsers.find((user) => user.id === id.toLowerCase()),
    teams,
    team: (id) => teams.find((team) => team.id === id.toLowerCase()),
    employerUserRows,
    employerUser(id) {
      const named = namedEmployerUsers.find((user) => user.id === id.toLowerCase());
      if (named) return named;
      const n = ids.numberOf(Kind.employerUser, id);
      if (n === undefined || n < LOCAL_USER_BASE || n - LOCAL_USER_BASE >= localUserCount) return undefined;
      return localEmployerUser(n - LOCAL_USER_BASE);
    },
    employerUsersOf(index) {
      const named = namedEmployerUsers.filter((user) => user.employers.includes(index));
      return index < visibleEmployers && index % LOCAL_USER_EVERY === 0 ? [...named, localEmployerUser(index / LOCAL_USER_EVERY)] : named;
    },
  };
}
