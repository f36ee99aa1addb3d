/**
 * What the progress store holds (SPEC §7): progress only. There is deliberately no field for a
 * password, token or client secret, and objects strip unknown keys, so nothing of the kind can be
 * written even if a caller smuggles it into a draft.
 */
import { z } from 'zod';
import { RUN_ENVIRONMENTS } from '../env.js';
import { setOwnEntry } from './keys.js';
import { CHECK_RESULTS, CONFIRMATION_SUBJECTS, EMPLOYER_STATUSES, ROUTES, STEP_IDS, STEP_STATES, TICKET_KINDS, WEBSERVICE_USER_KINDS } from './enums.js';

export const SCHEMA_VERSION = 3;

/**
 * A record keyed by names from outside (Loket's employer ids, profile names, an answers file's
 * keys), with every key kept as an own property. zod's z.record builds its result with
 * `result[key] = …`, so a key `__proto__` vanished (or replaced the result's prototype).
 */
export function ownRecord<V extends z.ZodType>(value: V, options: { nonEmptyKeys?: boolean } = {}) {
  return z.unknown().transform((input, ctx) => {
    const result: Record<string, z.output<V>> = {};
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input, message: 'expected an object' });
      return z.NEVER;
    }
    for (const [key, entry] of Object.entries(input)) {
      if (options.nonEmptyKeys && key === '') {
        ctx.addIssue({ code: 'custom', path: [key], input: key, message: 'empty key' });
        continue;
      }
      const parsed = value.safeParse(entry);
      if (parsed.success) setOwnEntry(result, key, parsed.data);
      else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] });
    }
    return result;
  });
}

export * from './enums.js';

export const StepIdSchema = z.enum(STEP_IDS);
const StepStateSchema = z.enum(STEP_STATES);

const isoDate = z.iso.datetime({ offset: true });

const StepRecordSchema = z.object({
  state: StepStateSchema,
  updatedAt: isoDate.optional(),
  completedAt: isoDate.optional(),
  note: z.string().optional(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

const stepTodo = StepRecordSchema.default(() => ({ state: 'todo' as const }));

export const EnvironmentSchema = z.enum(RUN_ENVIRONMENTS);
export type Environment = z.infer<typeof EnvironmentSchema>;
const RouteSchema = z.enum(ROUTES);
const TicketKindSchema = z.enum(TICKET_KINDS);
const WebserviceUserKindSchema = z.enum(WEBSERVICE_USER_KINDS);

const TicketRecordSchema = z.object({
  generatedAt: isoDate.optional(),
  sentAt: isoDate.optional(),
  /** Loket's own number; it may arrive days after the ticket was sent. */
  loketTicketNumber: z.string().optional(),
  /** When Loket.nl answered that the request is done (webservicepartij: Benefits-Plaza added), and who recorded it. */
  answeredAt: isoDate.optional(),
  answeredBy: z.string().optional(),
});
export type TicketRecord = z.infer<typeof TicketRecordSchema>;

/**
 * What a person confirmed by hand: recorded as such, never counted as a passed check.
 * `route` (step 3), `link` (one employer, step 2/5), `authorization` (Loket confirmed Benefits-Plaza's
 * access to werkgever/persoon/verlof for this office, step 3).
 */
const ConfirmationSubjectSchema = z.enum(CONFIRMATION_SUBJECTS);

const ConfirmationSchema = z.object({
  subject: ConfirmationSubjectSchema,
  step: StepIdSchema,
  by: z.string(),
  at: isoDate,
  reference: z.string().optional(),
  employerId: z.string().optional(),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

const CheckResultSchema = z.enum(CHECK_RESULTS);
export const EmployerStatusSchema = z.enum(EMPLOYER_STATUSES);

/** The last check of one employer's link (no entity results: Loket authorizes per webservicepartij, §6). */
const EmployerCheckSchema = z.object({
  at: isoDate,
  linked: CheckResultSchema,
  required: z.boolean().default(false),
  via: z.array(z.string()).default(() => []),
  problems: z.array(z.string()).default(() => []),
});

const EmployerRecordSchema = z.object({
  employerNumber: z.number().int(),
  companyName: z.string(),
  chamberOfCommerceNumber: z.string().optional(),
  payrollTaxNumbers: z.array(z.string()).default(() => []),
  selected: z.boolean().default(false),
  status: EmployerStatusSchema.optional(),
  history: z
    .array(
      z.object({
        status: z.string(),
        at: isoDate,
        note: z.string().optional(),
        forced: z.boolean().optional(),
        reason: z.string().optional(),
      }),
    )
    .default(() => []),
  lastCheck: EmployerCheckSchema.optional(),
});
export type EmployerRecord = z.infer<typeof EmployerRecordSchema>;

const count = z.number().int().nonnegative();

const VerifySummarySchema = z.object({
  checkedAt: isoDate,
  ok: z.boolean(),
  summary: z.object({
    employers: count,
    linked: count,
    failed: count,
    unverifiable: count,
    warnings: count.default(0),
    notVisible: count.optional(),
  }),
  webserviceUser: z.string().optional(),
});

export const ProfileSchema = z.object({
  environment: EnvironmentSchema.optional(),
  clientId: z.string().optional(),
  steps: z.object({ '1': stepTodo, '2': stepTodo, '3': stepTodo, '4': stepTodo, '5': stepTodo }).prefault({}),
  office: z
    .object({
      name: z.string().optional(),
      contactName: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
    })
    .prefault({}),
  provider: z.object({ id: z.string(), name: z.string() }).optional(),
  /** The logged-in Loket user as E1 shows it (a display name and e-mail; Loket gives no user name). */
  user: z.object({ name: z.string().optional(), email: z.string().optional() }).optional(),
  tickets: z.partialRecord(TicketKindSchema, TicketRecordSchema).default(() => ({})),
  /** The webservice user's NAME; its password is never asked for (SPEC §8). */
  webserviceUser: z.string().optional(),
  /** Where the last check found that user (its Loket id and kind); absent when not found. */
  webserviceUserFound: z.object({ id: z.string(), kind: WebserviceUserKindSchema, userName: z.string(), at: isoDate }).optional(),
  /** The team named by the user (step 3, `--team`): where to look when the user itself is not listed. */
  team: z.string().optional(),
  /** The teams that give the webservice user its employers, from the last check. */
  teams: z.array(z.object({ id: z.string(), description: z.string() })).default(() => []),
  route: RouteSchema.optional(),
  /** omgevingscode */
  environmentCode: z.string().optional(),
  confirmations: z.array(ConfirmationSchema).default(() => []),
  asr: z
    .object({
      companyName: z.string().optional(),
      requestEmail: z.string().optional(),
      userName: z.string().optional(),
      submittedAt: isoDate.optional(),
      confirmedAt: isoDate.optional(),
    })
    .prefault({}),
  /** Keyed by Loket's employer id (UUID); employerNumber is for display only. */
  employers: ownRecord(EmployerRecordSchema, { nonEmptyKeys: true }).default(() => ({})),
  lastVerify: VerifySummarySchema.optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const StoreRootSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  profiles: ownRecord(ProfileSchema).default(() => ({})),
});
export type StoreRoot = z.infer<typeof StoreRootSchema>;

export function emptyProfile(): Profile {
  return ProfileSchema.parse({});
}
