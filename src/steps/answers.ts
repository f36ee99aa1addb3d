/**
 * The `--answers file.json` format (README "Answers file", example in examples/answers.json), derived
 * from the inputs catalogue (inputs.ts): every input's key is a (nested) key of the file, text inputs
 * take strings and flags booleans; step 5's `employers` map sits beside them. valibot checks the
 * shape, as it checks the progress file, and an unknown key is an error: every problem names its
 * JSON path, in the user's language. The values themselves are checked by the same validators as
 * flags and prompts (resolver.ts).
 */
import * as v from 'valibot';
import { UsageError } from '../errors.js';
import { fileProblem, jsonProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';
import { EMPLOYER_STATUSES } from '../store/enums.js';
import { isPlainObject } from '../store/keys.js';
import { ownRecord } from '../store/schema.js';
import { InputFileError, readInputFile } from '../ui/files.js';
import { validateNote } from '../validate/index.js';
import { INPUT_LIST, type InputDef } from './inputs.js';

/** What a JSON value is, in words: "a number", "een getal". */
function kindOf(value: unknown): string {
  if (value === null) return t('steps.answers.kind.null');
  if (Array.isArray(value)) return t('steps.answers.kind.list');
  switch (typeof value) {
    case 'string':
      return t('steps.answers.kind.text');
    case 'number':
      return t('steps.answers.kind.number');
    case 'boolean':
      return t('steps.answers.kind.flag');
    default:
      return t('steps.answers.kind.object');
  }
}

// Messages are functions: the schemas are made when this module loads, before the language is known.
const text = v.string((issue) => t('steps.answers.expected', { expected: t('steps.answers.kind.text'), got: kindOf(issue.input) }));
const flag = v.boolean((issue) => t('steps.answers.expected', { expected: t('steps.answers.kind.flag'), got: kindOf(issue.input) }));
// valibot names an object's missing required key (an employer's status) with the object's message.
const objectMessage = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined
    ? t('steps.answers.missingKey')
    : t('steps.answers.expected', { expected: t('steps.answers.kind.object'), got: kindOf(issue.input) });

/** An object with these entries; not a list (valibot's v.object takes an array for an object). */
const plainObject = <E extends v.ObjectEntries>(entries: E) =>
  v.pipe(v.custom<Record<string, unknown>>(isPlainObject, objectMessage), v.object(entries, objectMessage));

/** `note` and `reason` are kept as given (no validator of an input reads them): the free-text rules apply here. */
const note = v.pipe(
  text,
  v.check(
    (value) => validateNote(value).ok,
    (issue) => {
      const result = validateNote(issue.input as string);
      return result.ok ? '' : result.reason;
    },
  ),
);

const EMPLOYER_ENTRIES = {
  status: v.picklist(EMPLOYER_STATUSES, () => t('steps.answers.oneOf', { values: EMPLOYER_STATUSES.join(', ') })),
  /** When the employer requested the salariskoppeling at a.s.r. (recorded as `requested` first). */
  requestedAt: v.optional(text),
  note: v.optional(note),
  force: v.optional(flag),
  reason: v.optional(note),
};

/** Step 5: employers by Loket employer number, loonheffingennummer or id → status (any id, `__proto__` too). */
const EmployerAnswersSchema = ownRecord(plainObject(EMPLOYER_ENTRIES), {
  nonEmptyKeys: true,
  notAnObject: objectMessage,
  emptyKey: () => t('steps.answers.emptyKey'),
});
export type EmployerAnswers = v.InferOutput<typeof EmployerAnswersSchema>;

/** The inputs' keys as nested objects, each leaf the schema of its value. */
type Shape = { [key: string]: v.GenericSchema | Shape };

/** Nested objects of optional leaves, from the inputs' dot-path keys. */
function shapeOf(inputs: readonly InputDef[]): Shape {
  const root: Shape = {};
  for (const input of inputs) {
    const parts = input.key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Shape;
    node[parts.at(-1)!] = input.kind === 'flag' ? flag : text;
  }
  return root;
}

const isSchema = (value: v.GenericSchema | Shape): value is v.GenericSchema => 'kind' in value && value.kind === 'schema';

function entriesOf(shape: Shape): v.ObjectEntries {
  return Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, v.optional(isSchema(value) ? value : plainObject(entriesOf(value)))]));
}

// Every key optional (entriesOf), as is every input.
const SHAPE: Shape = { ...shapeOf(INPUT_LIST), $schema: text, employers: EmployerAnswersSchema };
const AnswersSchema = plainObject(entriesOf(SHAPE));

/**
 * Every key of `value` that `shape` does not know, as a path; what is not an object is the schema's
 * to say. Not valibot's v.strictObject: it names only the first unknown key of an object, and a
 * file is better fixed in one go. Each employer of step 5 is held to its entries.
 */
function unknownKeys(value: unknown, shape: Shape, path: string[] = []): string[][] {
  if (!isPlainObject(value)) return [];
  return Object.keys(value).flatMap((key) => {
    if (!Object.hasOwn(shape, key)) return [[...path, key]];
    const known = shape[key]!;
    const child = value[key];
    if (path.length === 0 && key === 'employers') {
      return isPlainObject(child) ? Object.keys(child).flatMap((id) => unknownKeys(child[id], EMPLOYER_ENTRIES, ['employers', id])) : [];
    }
    return isSchema(known) ? [] : unknownKeys(child, known, [...path, key]);
  });
}

/** An answers file: nested input values by key (see inputs.ts), and step 5's `employers`. */
export type AnswersFile = { [key: string]: unknown; employers?: EmployerAnswers };

function pathOf(path: readonly string[] | null | undefined): string {
  return path && path.length ? path.join('.') : '(root)';
}

export function parseAnswers(raw: unknown, file: string): AnswersFile {
  const unknown = unknownKeys(raw, SHAPE).map((path) => `  - ${pathOf(path)}: ${t('steps.answers.unknownKey')}`);
  const result = v.safeParse(AnswersSchema, raw);
  if (result.success && unknown.length === 0) return result.output as AnswersFile;
  const wrong = result.success ? [] : result.issues.map((issue) => `  - ${pathOf(v.getDotPath(issue)?.split('.'))}: ${issue.message}`);
  throw new UsageError(`${t('steps.answers.invalid', { file })}\n${[...unknown, ...wrong].join('\n')}`, { hint: t('steps.answers.hint') });
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
