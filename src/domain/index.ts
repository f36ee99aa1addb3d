/**
 * The setup's rules, below both front doors (the wizard's steps and the commands): the check model
 * of loket-api.md §6, which employers are required, the webservice user and team to look for,
 * employer records and the step 5 sign-up gate, and what a ticket may say.
 */
export * from './model.js';
export { checkPassed, checkSetup, type CheckInput, type CheckProgress, type CheckStage } from './check.js';
export { describeRefusal } from './refusals.js';
export { isRequired, resolveScope, resolveTeamName, resolveWebserviceUserName, selectedIds, type NamedSources } from './scope.js';
export {
  applyEmployerStatus,
  authorizationConfirmation,
  employerStatusLabel,
  findConfirmation,
  findEmployer,
  linkBlocker,
  recordCheck,
  recordEmployers,
  refreshStep5,
  signUpBlocker,
  skipsRequested,
  sortedEmployers,
  statusBlocker,
  step5Outcome,
  type Step5Outcome,
  type StatusChange,
} from './employers.js';
export { buildTicket, linkedEmployers, missingFacts, ticketFacts } from './tickets.js';
export { probeActivities, type ActivityProbe, type ActivityState } from './probe.js';
