/**
 * One list per enumeration, for the whole program (the store schema builds its enumerations from these;
 * everything else imports them from here). Plain arrays, no schema library: the command-line entry reads some of
 * them to build `--help`, and must stay light.
 */
export const STEP_IDS = ['1', '2', '3', '4', '5'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_STATES = ['todo', 'in-progress', 'done', 'attention'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const ROUTES = ['ak-team', 'werkgevergebruiker'] as const;
export type Route = (typeof ROUTES)[number];

export const TICKET_KINDS = ['webservicepartij', 'omgevingscode', 'autorisatie'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** How the webservice user was found (loket-api.md §6): a provider user, a named team's member, or an employer user. */
export const WEBSERVICE_USER_KINDS = ['provider-user', 'team-user', 'employer-user'] as const;
export type WebserviceUserKind = (typeof WEBSERVICE_USER_KINDS)[number];

/** `route` (step 3), `link` (an employer, step 2/5), `authorization` (Loket confirmed Benefits-Plaza's access, step 3). */
export const CONFIRMATION_SUBJECTS = ['route', 'link', 'authorization'] as const;
export type ConfirmationSubject = (typeof CONFIRMATION_SUBJECTS)[number];

/** The three results of every check (SPEC §2). */
export const CHECK_RESULTS = ['pass', 'fail', 'unverifiable'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const EMPLOYER_STATUSES = ['requested', 'signed-up', 'confirmed', 'excluded'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

/** `employers export --format`: RFC 4180 CSV (for scripts, the default), CSV for Excel in Dutch, JSON. */
export const EXPORT_FORMATS = ['csv', 'xlsx-csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Narrows a value read from outside (a flag, a file) to one of an enumeration's members. */
export function isOneOf<const T extends string>(members: readonly T[], value: unknown): value is T {
  return (members as readonly unknown[]).includes(value);
}
