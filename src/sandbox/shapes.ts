/**
 * Records → the JSON of Loket's published schemas, field for field and in the spec's order
 * (test/fixtures/loket-spec/README.md names each schema; test/sandbox/contract.test.ts holds
 * these functions to those fixtures).
 */
import { ACTIVITIES, MODULE, RIGHTS, ROLES, type Activity } from './activities.js';
import { Kind, type Ids } from './seed.js';
import type { AdministrationRecord, EmployerRecord, EmployerUserRecord, ProviderUserRecord, TeamRecord, World } from './world.js';

type UserRecord = ProviderUserRecord | EmployerUserRecord;

const personalDetails = (user: UserRecord) => ({ ...user.person });

const contactInformation = (user: UserRecord) => ({
  placeOfEmployment: user.placeOfEmployment,
  phoneNumber: user.phoneNumber,
  emailAddress: user.emailAddress,
});

function azureActiveDirectory(user: UserRecord, level: 'provider' | 'employer') {
  if (!user.azureTenant) return null;
  const { id, description, userId } = user.azureTenant;
  return { tenant: { id, description, tenantRegistrationLevel: level }, userId };
}

/** userGetAndPut: a provider user (E8). */
export function providerUser(user: ProviderUserRecord) {
  return {
    id: user.id,
    loginMethod: { ...user.loginMethod },
    personalDetails: personalDetails(user),
    contactInformation: contactInformation(user),
    userSpecifiedRole: user.userSpecifiedRole && { ...user.userSpecifiedRole },
    userCustomSpecifiedRole: user.userCustomSpecifiedRole,
    accessStatus: { ...user.accessStatus },
    hasMultiFactorAuthentication: user.hasMultiFactorAuthentication,
    twoFactorAuthenticationRequired: user.twoFactorAuthenticationRequired,
    azureActiveDirectory: azureActiveDirectory(user, 'provider'),
    userName: user.userName,
    hasIntegrations: user.hasIntegrations,
    hasConnectedApplications: user.hasConnectedApplications,
    hasAuthorisationsOnUserLevel: user.hasAuthorisationsOnUserLevel,
    dateTimeLastLogin: user.dateTimeLastLogin,
    dateTimeCreation: user.dateTimeCreation,
    authorizationSet: user.authorizationSet && { ...user.authorizationSet },
  };
}

/** schemas-userGetAndPut: an employer user (E5). */
export function employerUser(user: EmployerUserRecord) {
  return {
    id: user.id,
    loginMethod: { ...user.loginMethod },
    personalDetails: personalDetails(user),
    contactInformation: contactInformation(user),
    userSpecifiedRole: user.userSpecifiedRole && { ...user.userSpecifiedRole },
    userCustomSpecifiedRole: user.userCustomSpecifiedRole,
    hasAccessToPayrollingTestData: user.hasAccessToPayrollingTestData,
    accessStatus: { ...user.accessStatus },
    hasMultiFactorAuthentication: user.hasMultiFactorAuthentication,
    twoFactorAuthenticationRequired: user.twoFactorAuthenticationRequired,
    azureActiveDirectory: azureActiveDirectory(user, 'employer'),
    userName: user.userName,
    isDepartmentManager: user.isDepartmentManager,
    isLinkedToMultipleEmployers: user.employers.length > 1,
    hasIntegrations: user.hasIntegrations,
    hasConnectedApplications: user.hasConnectedApplications,
    dateTimeLastLogin: user.dateTimeLastLogin,
    dateTimeCreation: user.dateTimeCreation,
  };
}

/** allEmployerUsersForAProvider: one employer user × one of its employers (E12). */
export function employerUserRow(user: EmployerUserRecord, employer: EmployerRecord) {
  return {
    employerUser: { ...employerUser(user), authorizationSet: user.authorizationSet && { ...user.authorizationSet } },
    employer: {
      id: employer.id,
      companyName: employer.companyName,
      employerNumber: employer.employerNumber,
      providerSettings: { administrationNumber: employer.administrationNumber, groupCode: employer.groupCode },
    },
  };
}

/** employer (E3). */
export function employer(record: EmployerRecord) {
  return {
    id: record.id,
    employerNumber: record.employerNumber,
    employerLogo: null,
    providerLogo: null,
    companyName: record.companyName,
    chamberOfCommerceNumber: record.chamberOfCommerceNumber,
    sbi: { ...record.sbi },
    legalForm: { ...record.legalForm },
    branch: { ...record.branch },
    providerSettings: {
      administrationNumber: record.administrationNumber,
      groupCode: record.groupCode,
      parentEmployerForConsolidatedOverviews: null,
      sendEmailWhenSalarySlipIsAvailable: record.index % 2 === 0,
    },
    address: {
      street: record.address.street,
      city: record.address.city,
      houseNumber: record.address.houseNumber,
      houseNumberAddition: null,
      furtherIndication: null,
      postalCode: record.address.postalCode,
      location: null,
      country: { key: 1, value: 'Nederland', isoCode: 'NL' },
      province: { ...record.address.province },
    },
    deviatingPostalAddress: null,
    contact: { ...record.contact },
    contactInformation: {
      emailAddress: record.emailAddress,
      faxNumber: null,
      phoneNumber: record.contact.phoneNumber,
      website: record.website,
    },
  };
}

/** employerMinimized (E3b, E15). */
export function employerMinimized(record: EmployerRecord) {
  return {
    id: record.id,
    employerNumber: record.employerNumber,
    employerLogo: null,
    providerLogo: null,
    companyName: record.companyName,
    branch: { ...record.branch },
    providerSettings: { administrationNumber: record.administrationNumber, groupCode: record.groupCode },
    address: {
      street: record.address.street,
      city: record.address.city,
      houseNumber: record.address.houseNumber,
      postalCode: record.address.postalCode,
    },
    contact: { name: record.contact.name, phoneNumber: record.contact.phoneNumber },
    contactInformation: { phoneNumber: record.contact.phoneNumber },
  };
}

/** administration (E4, E4b). */
export const administration = (record: AdministrationRecord) => ({
  id: record.id,
  clientNumber: record.clientNumber,
  wageTaxNumber: record.wageTaxNumber,
  description: record.description,
  startDate: record.startDate,
  endDate: record.endDate,
  isPayrollAdministration: record.isPayrollAdministration,
  employerId: record.employerId,
});

/** authorizationGroupObject (E13); with isLinked it is authorizationGroup (E9). */
export function team(record: TeamRecord, isLinked?: boolean) {
  return {
    id: record.id,
    description: record.description,
    numberOfLinkedUsers: record.members.length,
    numberOfLinkedEmployers: record.employers.size,
    authorizationSet: record.authorizationSet && { ...record.authorizationSet },
    ...(isLinked === undefined ? {} : { isLinked }),
  };
}

/** usersObject: a provider user as a candidate member of a team (E10). */
export function teamUser(world: World, user: ProviderUserRecord, record: TeamRecord) {
  return {
    id: user.id,
    personalDetails: personalDetails(user),
    userName: user.userName,
    isLinked: record.members.includes(user),
    hasAuthorizationsOnUserLevel: user.hasAuthorisationsOnUserLevel,
    hasMultipleTeams: world.teams.filter((candidate) => candidate.members.includes(user)).length > 1,
    hasIntegrations: user.hasIntegrations,
  };
}

/** employersObject: an employer as a candidate of a team (E11). */
export const teamEmployer = (record: EmployerRecord, isLinked: boolean) => ({
  id: record.id,
  companyName: record.companyName,
  administrationNumber: record.administrationNumber,
  groupCode: record.groupCode,
  isLinked,
});

/** userSet (E1): the logged-in user; no id, no userName. */
export const currentUser = (user: ProviderUserRecord) => ({
  personalDetails: personalDetails(user),
  contactInformation: contactInformation(user),
  user: { userSpecifiedRole: user.userSpecifiedRole && { ...user.userSpecifiedRole }, userCustomSpecifiedRole: user.userCustomSpecifiedRole },
  photo: null,
});

const activityIndex = (name: string): number => ACTIVITIES.findIndex((activity) => activity.name === name);

/** authorizationModel (E14). */
export function authorizationModel(ids: Ids, activity: Activity) {
  return {
    id: ids.uuid(Kind.activity, activityIndex(activity.name)),
    description: activity.name,
    functionalDescription: activity.functionalDescription,
    authorizations: activity.rights.map((right) => ({ id: ids.uuid(Kind.right, RIGHTS.indexOf(right)), description: right })),
    modules: [{ id: ids.uuid(Kind.module, 0), description: MODULE }],
    roles: activity.roles.map((role) => ({ id: ids.uuid(Kind.role, ROLES.indexOf(role)), description: role })),
  };
}

/** An activity the logged-in user may perform at an employer (E7). */
export const employerActivity = (ids: Ids, activity: Activity) => ({
  id: ids.uuid(Kind.activity, activityIndex(activity.name)),
  description: activity.name,
});
