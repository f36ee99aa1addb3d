/**
 * What the progress store holds (SPEC §7): progress only. There is deliberately no field for a
 * password, token or client secret, and objects strip unknown keys, so nothing of the kind can be
 * written even if a caller smuggles it into a draft.
 *
 * valibot, not zod: every `status`, `config` and `ticket` reads the store, and zod's schemas cost such
 * a start some 15 ms to build and load; these cost under one (README "Performance").
 */
import * as v from 'valibot';
import { RUN_ENVIRONMENTS } from '../env.js';
import { CHECK_RESULTS, CONFIRMATION_SUBJECTS, EMPLOYER_STATUSES, ROUTES, STEP_IDS, STEP_STATES, TICKET_KINDS, WEBSERVICE_USER_KINDS } from './enums.js';
import { isPlainObject, setOwnEntry } from './keys.js';

export const SCHEMA_VERSION = 3;

/**
 * A record keyed by names from outside (Loket's employer ids, profile names), with every key kept as
 * an own property. valibot's v.record skips the keys `__proto__`, `prototype` and `constructor`, and a
 * plain assignment would let `__proto__` replace the result's prototype: `--profile constructor` is a
 * name like any other. Also the answers file's employers (src/steps/answers.ts).
 */
export function ownRecord<S extends v.GenericSchema>(
  value: S,
  options: { nonEmptyKeys?: boolean; notAnObject?: v.ErrorMessage<v.CustomIssue>; emptyKey?: () => string } = {},
) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, options.notAnObject ?? 'expected an object'),
    v.rawTransform(({ dataset, addIssue }) => {
      const result: Record<string, v.InferOutput<S>> = {};
      for (const [key, entry] of Object.entries(dataset.value)) {
        const at: v.IssuePathItem = { type: 'object', origin: 'value', input: dataset.value, key, value: entry };
        if (options.nonEmptyKeys && key === '') {
          addIssue({ message: options.emptyKey?.() ?? 'empty key', path: [at] });
          continue;
        }
        const parsed = v.safeParse(value, entry);
        if (parsed.success) setOwnEntry(result, key, parsed.output);
        else for (const issue of parsed.issues) addIssue({ message: issue.message, path: [at, ...(issue.path ?? [])] });
      }
      return result;
    }),
  );
}

export * from './enums.js';

const StepIdSchema = v.picklist(STEP_IDS);
const StepStateSchema = v.picklist(STEP_STATES);

const DAY_HOUR_MINUTE = '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d';
const SECONDS = ':[0-5]\\d(?:\\.\\d+)?';
const ZONE = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$';
/** An ISO 8601 date and time with seconds and `Z` or an offset, as `Date#toISOString()` writes it. */
const ISO_DATE_TIME = new RegExp(`${DAY_HOUR_MINUTE}${SECONDS}${ZONE}`);
/**
 * The same, seconds optional, as zod's iso.datetime read them: for a document that may come from
 * another tool or a hand (a `--baseline`, src/report/document.ts).
 */
export const ISO_DATE_TIME_SECONDS_OPTIONAL = new RegExp(`${DAY_HOUR_MINUTE}(?:${SECONDS})?${ZONE}`);
const isoDate = v.pipe(v.string(), v.regex(ISO_DATE_TIME));
const text = v.string();
/** A list that may be left out: empty then. */
export const list = <T extends v.GenericSchema>(item: T) => v.optional(v.array(item), () => []);

const StepRecordSchema = v.object({
  state: StepStateSchema,
  updatedAt: v.optional(isoDate),
  completedAt: v.optional(isoDate),
  note: v.optional(text),
});
export type StepRecord = v.InferOutput<typeof StepRecordSchema>;

const stepTodo = v.optional(StepRecordSchema, () => ({ state: 'todo' as const }));

const EnvironmentSchema = v.picklist(RUN_ENVIRONMENTS);
export type Environment = v.InferOutput<typeof EnvironmentSchema>;

const TicketRecordSchema = v.object({
  generatedAt: v.optional(isoDate),
  sentAt: v.optional(isoDate),
  /** Loket's own number; it may arrive days after the ticket was sent. */
  loketTicketNumber: v.optional(text),
  /** When Loket.nl answered that the request is done (webservicepartij: Benefits-Plaza added), and who recorded it. */
  answeredAt: v.optional(isoDate),
  answeredBy: v.optional(text),
});
export type TicketRecord = v.InferOutput<typeof TicketRecordSchema>;

/**
 * What a person confirmed by hand: recorded as such, never counted as a passed check.
 * `route` (step 3), `link` (one employer, step 2/5), `authorization` (Loket confirmed Benefits-Plaza's
 * access to werkgever/persoon/verlof for this office, step 3).
 */
const ConfirmationSchema = v.object({
  subject: v.picklist(CONFIRMATION_SUBJECTS),
  step: StepIdSchema,
  by: text,
  at: isoDate,
  reference: v.optional(text),
  employerId: v.optional(text),
});
export type Confirmation = v.InferOutput<typeof ConfirmationSchema>;

/** The last check of one employer's link (no entity results: Loket authorizes per webservicepartij, §6). */
const EmployerCheckSchema = v.object({
  at: isoDate,
  linked: v.picklist(CHECK_RESULTS),
  required: v.optional(v.boolean(), false),
  via: list(text),
  problems: list(text),
});

const EmployerRecordSchema = v.object({
  employerNumber: v.pipe(v.number(), v.integer()),
  companyName: text,
  chamberOfCommerceNumber: v.optional(text),
  payrollTaxNumbers: list(text),
  selected: v.optional(v.boolean(), false),
  status: v.optional(v.picklist(EMPLOYER_STATUSES)),
  history: list(
    v.object({
      status: text,
      at: isoDate,
      note: v.optional(text),
      forced: v.optional(v.boolean()),
      reason: v.optional(text),
    }),
  ),
  lastCheck: v.optional(EmployerCheckSchema),
});
export type EmployerRecord = v.InferOutput<typeof EmployerRecordSchema>;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const VerifySummarySchema = v.object({
  checkedAt: isoDate,
  ok: v.boolean(),
  summary: v.object({
    employers: count,
    linked: count,
    failed: count,
    unverifiable: count,
    warnings: v.optional(count, 0),
    notVisible: v.optional(count),
  }),
  webserviceUser: v.optional(text),
});

const ProfileSchema = v.object({
  environment: v.optional(EnvironmentSchema),
  clientId: v.optional(text),
  steps: v.optional(v.object({ '1': stepTodo, '2': stepTodo, '3': stepTodo, '4': stepTodo, '5': stepTodo }), {}),
  office: v.optional(
    v.object({
      name: v.optional(text),
      contactName: v.optional(text),
      email: v.optional(text),
      phone: v.optional(text),
    }),
    {},
  ),
  provider: v.optional(v.object({ id: text, name: text })),
  /** The logged-in Loket user as E1 shows it (a display name and e-mail; Loket gives no user name). */
  user: v.optional(v.object({ name: v.optional(text), email: v.optional(text) })),
  tickets: v.optional(v.record(v.picklist(TICKET_KINDS), TicketRecordSchema), () => ({})),
  /** The webservice user's NAME; its password is never asked for (SPEC §8). */
  webserviceUser: v.optional(text),
  /** Where the last check found that user (its Loket id and kind); absent when not found. */
  webserviceUserFound: v.optional(v.object({ id: text, kind: v.picklist(WEBSERVICE_USER_KINDS), userName: text, at: isoDate })),
  /** The team named by the user (step 3, `--team`): where to look when the user itself is not listed. */
  team: v.optional(text),
  /** The teams that give the webservice user its employers, from the last check. */
  teams: list(v.object({ id: text, description: text })),
  route: v.optional(v.picklist(ROUTES)),
  /** omgevingscode */
  environmentCode: v.optional(text),
  confirmations: list(ConfirmationSchema),
  asr: v.optional(
    v.object({
      companyName: v.optional(text),
      requestEmail: v.optional(text),
      userName: v.optional(text),
      submittedAt: v.optional(isoDate),
      confirmedAt: v.optional(isoDate),
    }),
    {},
  ),
  /** Keyed by Loket's employer id (UUID); employerNumber is for display only. */
  employers: v.optional(ownRecord(EmployerRecordSchema, { nonEmptyKeys: true }), () => ({})),
  lastVerify: v.optional(VerifySummarySchema),
});
export type Profile = v.InferOutput<typeof ProfileSchema>;

/** The fields of a profile: all a version-1 file could hold at its top level (upgrade.ts). */
export const PROFILE_FIELDS: ReadonlySet<string> = new Set(Object.keys(ProfileSchema.entries));

const StoreRootSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  profiles: v.optional(ownRecord(ProfileSchema), () => ({})),
});
export type StoreRoot = v.InferOutput<typeof StoreRootSchema>;

/** Input that is not a valid store or profile; the message names every problem ("office.name: …"). */
export class StoreShapeError extends Error {
  override readonly name = 'StoreShapeError';
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const where = v.getDotPath(issue);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  throw new StoreShapeError(problems.join('; '));
}

/** Defaults filled in, unknown keys dropped; throws StoreShapeError. */
export function parseProfile(input: unknown): Profile {
  return parse(ProfileSchema, input);
}

/** Defaults filled in, unknown keys dropped; throws StoreShapeError. */
export function parseStoreRoot(input: unknown): StoreRoot {
  return parse(StoreRootSchema, input);
}

export function emptyProfile(): Profile {
  return parseProfile({});
}
