/**
 * The `--answers file.json` format (README "Answers file", example in examples/answers.json). zod
 * checks the shape: unknown keys are errors and every error names its JSON path. The values
 * themselves are checked by the same validators as flags and prompts (src/steps/inputs.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';

const text = z.string();
const date = z.string();
const ticket = z.strictObject({ loketTicketNumber: text.optional(), sentAt: date.optional() });

export const EMPLOYER_ANSWER_STATUSES = ['requested', 'signed-up', 'confirmed', 'excluded'] as const;

export const AnswersSchema = z.strictObject({
  $schema: z.string().optional(),
  office: z
    .strictObject({ name: text.optional(), contactName: text.optional(), email: text.optional(), phone: text.optional() })
    .optional(),
  tickets: z.strictObject({ webservicepartij: ticket.optional(), omgevingscode: ticket.optional() }).optional(),
  webserviceUser: text.optional(),
  team: text.optional(),
  route: text.optional(),
  routeConfirmed: z.boolean().optional(),
  environmentCode: text.optional(),
  /** Loket's reply to the autorisatie ticket (step 3): its ticket number and the date. */
  authorization: z.strictObject({ reference: text.optional(), confirmedAt: date.optional() }).optional(),
  acceptUnverifiable: text.optional(),
  asr: z
    .strictObject({
      companyName: text.optional(),
      requestEmail: text.optional(),
      userName: text.optional(),
      submittedAt: date.optional(),
      confirmedAt: date.optional(),
    })
    .optional(),
  /** Step 5: employers by Loket employer number, loonheffingennummer or id → status. */
  employers: z
    .record(
      z.string().min(1),
      z.strictObject({
        status: z.enum(EMPLOYER_ANSWER_STATUSES),
        /** When the employer requested the salariskoppeling at a.s.r. (recorded as `requested` first). */
        requestedAt: date.optional(),
        note: text.optional(),
        force: z.boolean().optional(),
        reason: text.optional(),
      }),
    )
    .optional(),
});
export type AnswersFile = z.infer<typeof AnswersSchema>;

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.length ? path.map(String).join('.') : '(root)';
}

export function parseAnswers(raw: unknown, file: string): AnswersFile {
  // zod's own issue texts follow the user's language too.
  z.config(getLang() === 'en' ? z.locales.en() : z.locales.nl());
  const result = AnswersSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `  - ${pathOf([...issue.path, key])}: ${t('steps.answers.unknownKey')}`).join('\n');
    }
    return `  - ${pathOf(issue.path)}: ${issue.message}`;
  });
  throw new UsageError(`${t('steps.answers.invalid', { file })}\n${lines.join('\n')}`, { hint: t('steps.answers.hint') });
}

export function loadAnswers(file: string): AnswersFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(t('steps.answers.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(t('steps.answers.notJson', { file, reason: (error as Error).message }));
  }
  return parseAnswers(raw, file);
}
