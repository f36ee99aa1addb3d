/**
 * A `verify --json` document read back from a file — the last saved check, or a previous run's
 * document given as `--baseline` — checked for the fields the report and the comparison use.
 * Extra fields are tolerated and dropped (the document only ever grows, SPEC §5), so a newer
 * tool's document still reads; a missing or mistyped field is named by its path.
 */
import * as z from 'zod';

const result = z.enum(['pass', 'fail', 'unverifiable']);
const count = z.number().int().nonnegative();

const problem = z.object({
  // A string, not the enumeration: a newer document may carry codes this version does not know.
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  fix: z.string(),
});

/** What the comparison needs of one employer. */
const comparableEmployer = z.object({
  id: z.string().min(1),
  employerNumber: z.number().int(),
  companyName: z.string(),
  linked: result,
  required: z.boolean(),
  problems: z.array(z.object({ code: z.string(), severity: z.string() })).default(() => []),
});

/** What `--baseline` must hold: when it was checked and every employer's link. */
export const ComparableCheckSchema = z.object({
  checkedAt: z.iso.datetime({ offset: true }),
  employers: z.array(comparableEmployer),
});
export type ComparableCheck = z.infer<typeof ComparableCheckSchema>;

const changedEmployer = z.object({ id: z.string(), employerNumber: z.number().int(), companyName: z.string(), problem: z.string().optional() });

/** What the report needs: the whole v2 document but the diagnostics (stats, refused, dump). */
export const SavedCheckSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.iso.datetime({ offset: true }),
  environment: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  webserviceUser: z.object({ userName: z.string(), found: z.enum(['pass', 'unverifiable']) }),
  route: z.enum(['ak-team', 'werkgevergebruiker']).nullable(),
  teams: z.array(z.object({ description: z.string(), member: z.boolean(), linkedEmployers: count.nullable(), otherUsers: count.nullable() })).default(() => []),
  authorization: z.object({
    state: z.enum(['confirmed', 'unconfirmed']),
    confirmedAt: z.string().optional(),
    by: z.string().optional(),
    reference: z.string().optional(),
  }),
  scope: z.enum(['selection', 'all', 'none']),
  allowUnverifiable: z.boolean().default(false),
  reachable: result,
  summary: z.object({ employers: count, linked: count, failed: count, unverifiable: count, warnings: count, notVisible: count.optional() }),
  problems: z.array(problem).default(() => []),
  employers: z.array(
    comparableEmployer.extend({
      wageTaxNumbers: z.array(z.string()).default(() => []),
      via: z.array(z.string()).default(() => []),
      problems: z.array(problem).default(() => []),
    }),
  ),
  changes: z
    .object({
      since: z.string().nullable(),
      new: z.array(changedEmployer),
      newlyFailing: z.array(changedEmployer),
      newlyFixed: z.array(changedEmployer),
      gone: z.array(changedEmployer),
    })
    .optional(),
});
export type SavedCheck = z.infer<typeof SavedCheckSchema>;

/** "employers.3.linked" for the first problem zod found, "(document)" for the top level. */
export function firstIssuePath(error: z.ZodError): { field: string; reason: string } {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(document)';
  return { field, reason: issue?.message ?? 'invalid' };
}
