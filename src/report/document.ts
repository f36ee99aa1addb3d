/**
 * A `verify --json` document read back from a file — the last saved check, or a previous run's
 * document given as `--baseline` — checked for the fields the report and the comparison use.
 * Extra fields are tolerated and dropped (the document only ever grows, SPEC §5), so a newer
 * tool's document still reads; a missing or mistyped field is named by its path.
 *
 * valibot, as the progress file, the answers file and Loket's answers are checked
 * (src/store/schema.ts, src/steps/answers.ts, src/loket/schemas.ts).
 */
import * as v from 'valibot';
import { ISO_DATE_TIME_SECONDS_OPTIONAL, list } from '../store/schema.js';

const result = v.picklist(['pass', 'fail', 'unverifiable']);
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const int = v.pipe(v.number(), v.safeInteger());
const isoDateTime = v.pipe(v.string(), v.regex(ISO_DATE_TIME_SECONDS_OPTIONAL));

const problem = v.object({
  // A string, not the enumeration: a newer document may carry codes this version does not know.
  code: v.string(),
  severity: v.picklist(['error', 'warning', 'info']),
  message: v.string(),
  fix: v.string(),
});

/** What the comparison needs of one employer. */
const comparableEmployerEntries = {
  id: v.pipe(v.string(), v.minLength(1)),
  employerNumber: int,
  companyName: v.string(),
  linked: result,
  required: v.boolean(),
  problems: list(v.object({ code: v.string(), severity: v.string() })),
};

/** What `--baseline` must hold: when it was checked and every employer's link. */
export const ComparableCheckSchema = v.object({
  checkedAt: isoDateTime,
  employers: v.array(v.object(comparableEmployerEntries)),
});
export type ComparableCheck = v.InferOutput<typeof ComparableCheckSchema>;

const changedEmployer = v.object({ id: v.string(), employerNumber: int, companyName: v.string(), problem: v.optional(v.string()) });

/** What the report needs: the whole v2 document but the diagnostics (stats, refused, dump). */
export const SavedCheckSchema = v.object({
  ok: v.boolean(),
  checkedAt: isoDateTime,
  environment: v.string(),
  provider: v.nullable(v.object({ id: v.string(), name: v.string() })),
  webserviceUser: v.object({ userName: v.string(), found: v.picklist(['pass', 'unverifiable']) }),
  route: v.nullable(v.picklist(['ak-team', 'werkgevergebruiker'])),
  teams: list(v.object({ description: v.string(), member: v.boolean(), linkedEmployers: v.nullable(count), otherUsers: v.nullable(count) })),
  authorization: v.object({
    state: v.picklist(['confirmed', 'unconfirmed']),
    confirmedAt: v.optional(v.string()),
    by: v.optional(v.string()),
    reference: v.optional(v.string()),
  }),
  scope: v.picklist(['selection', 'all', 'none']),
  allowUnverifiable: v.optional(v.boolean(), false),
  reachable: result,
  summary: v.object({ employers: count, linked: count, failed: count, unverifiable: count, warnings: count, notVisible: v.optional(count) }),
  problems: list(problem),
  employers: v.array(
    v.object({
      ...comparableEmployerEntries,
      wageTaxNumbers: list(v.string()),
      via: list(v.string()),
      problems: list(problem),
    }),
  ),
  changes: v.optional(
    v.object({
      since: v.nullable(v.string()),
      new: v.array(changedEmployer),
      newlyFailing: v.array(changedEmployer),
      newlyFixed: v.array(changedEmployer),
      gone: v.array(changedEmployer),
    }),
  ),
});
export type SavedCheck = v.InferOutput<typeof SavedCheckSchema>;

/** A document checked against `schema`: its value, or where it first goes wrong. */
export function readDocument<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
): { success: true; data: T } | { success: false; field: string; reason: string } {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return { success: true, data: parsed.output };
  const issue = parsed.issues[0];
  // "employers.3.linked" for the first problem, "(document)" for the top level.
  return { success: false, field: v.getDotPath(issue) ?? '(document)', reason: issue.message };
}
