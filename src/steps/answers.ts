/**
 * The `--answers file.json` format (README "Answers file", example in examples/answers.json), derived
 * from the inputs catalogue (inputs.ts): every input's key is a (nested) key of the file, text inputs
 * take strings and flags booleans; step 5's `employers` map sits beside them. zod checks the shape:
 * unknown keys are errors and every error names its JSON path. The values themselves are checked by
 * the same validators as flags and prompts (resolver.ts).
 */
import * as z from 'zod';
import * as zodLocales from 'zod/locales';
import { UsageError } from '../errors.js';
import { fileProblem, jsonProblem } from '../i18n/files.js';
import { getLang, t } from '../i18n/index.js';
import { setOwnEntry } from '../store/keys.js';
import { EMPLOYER_STATUSES } from '../store/enums.js';
import { InputFileError, readInputFile } from '../ui/files.js';
import { validateNote } from '../validate/index.js';
import { INPUT_LIST, type InputDef } from './inputs.js';

/**
 * A record keyed by names from outside (an answers file's employer keys), with every key kept as an
 * own property. zod's z.record builds its result with `result[key] = …`, so a key `__proto__` vanished
 * (or replaced the result's prototype). Here, not in store/schema.ts: the store reads with valibot.
 */
function ownRecord<V extends z.ZodType>(value: V, options: { nonEmptyKeys?: boolean } = {}) {
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

const text = z.string();
/** `note` and `reason` are kept as given (no validator of an input reads them): the free-text rules apply here. */
const note = z.string().superRefine((value, ctx) => {
  const result = validateNote(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
});

/** Step 5: employers by Loket employer number, loonheffingennummer or id → status (any id, `__proto__` too). */
const EmployerAnswersSchema = ownRecord(
  z.strictObject({
    status: z.enum(EMPLOYER_STATUSES),
    /** When the employer requested the salariskoppeling at a.s.r. (recorded as `requested` first). */
    requestedAt: text.optional(),
    note: note.optional(),
    force: z.boolean().optional(),
    reason: note.optional(),
  }),
  { nonEmptyKeys: true },
);
export type EmployerAnswers = z.infer<typeof EmployerAnswersSchema>;

type Shape = { [key: string]: z.ZodType | Shape };

/** Nested strict objects of optional leaves, from the inputs' dot-path keys. */
function shapeOf(inputs: readonly InputDef[]): Shape {
  const root: Shape = {};
  for (const input of inputs) {
    const parts = input.key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Shape;
    node[parts.at(-1)!] = input.kind === 'flag' ? z.boolean() : text;
  }
  return root;
}

function strict(shape: Shape): z.ZodType {
  return z.strictObject(
    Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, (value instanceof z.ZodType ? value : strict(value)).optional()])),
  );
}

const AnswersSchema = z
  .strictObject({ $schema: z.string().optional(), employers: EmployerAnswersSchema.optional() })
  .extend((strict(shapeOf(INPUT_LIST)) as z.ZodObject).shape);

/** An answers file: nested input values by key (see inputs.ts), and step 5's `employers`. */
export type AnswersFile = { [key: string]: unknown; employers?: EmployerAnswers };

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.length ? path.map(String).join('.') : '(root)';
}

export function parseAnswers(raw: unknown, file: string): AnswersFile {
  // zod's own issue texts follow the user's language too.
  z.config(getLang() === 'en' ? zodLocales.en() : zodLocales.nl());
  const result = AnswersSchema.safeParse(raw);
  if (result.success) return result.data as AnswersFile;
  const lines = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `  - ${pathOf([...issue.path, key])}: ${t('steps.answers.unknownKey')}`).join('\n');
    }
    return `  - ${pathOf(issue.path)}: ${issue.message}`;
  });
  throw new UsageError(`${t('steps.answers.invalid', { file })}\n${lines.join('\n')}`, { hint: t('steps.answers.hint') });
}

/** A complete answers file for a large office is a few kilobytes. */
const MAX_ANSWERS_BYTES = 1024 * 1024;

export function loadAnswers(file: string): AnswersFile {
  let text: string;
  try {
    text = readInputFile(file, MAX_ANSWERS_BYTES);
  } catch (error) {
    const code = error instanceof InputFileError ? error.code : 'EIO';
    if (code === 'ENOTREG') throw new UsageError(t('steps.answers.notAFile', { file }), { hint: t('steps.answers.notAFileHint') });
    if (code === 'EFBIG') throw new UsageError(t('steps.answers.tooLarge', { file, kilobytes: MAX_ANSWERS_BYTES / 1024 }));
    throw new UsageError(t('steps.answers.unreadable', { file, reason: fileProblem(code) }));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(t('steps.answers.notJson', { file, reason: jsonProblem(text) ?? '' }));
  }
  return parseAnswers(raw, file);
}
