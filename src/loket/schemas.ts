/**
 * The shapes of Loket.nl's answers (loket-api.md §5). Shapes tagged [assumed] there are parsed
 * tolerantly and live only here, so a recorded answer (`verify --dump`) can correct them in one place.
 * Unknown keys are accepted and dropped: the rest of the tool sees only what it uses.
 */
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { t } from '../i18n/index.js';

const id = z.string().min(1);
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

/** E1 [assumed]: bare, or wrapped as `{ content: { … } }`. */
const user = z.object({
  id: z.union([z.string(), z.number()]).nullish().transform((value) => (value == null ? undefined : String(value))),
  userName: z.string(),
  initials: optionalText,
  lastName: optionalText,
  emailAddress: optionalText,
});
export const userAnswer = z.union([z.object({ content: user }).transform((wrapped) => wrapped.content), user]);
export type LoketUser = z.output<typeof user>;

/** E2 [assumed]. */
const provider = z.object({ id, name: z.string() });
export const providersAnswer = z.object({ _embedded: z.array(provider) }).transform((answer) => answer._embedded);
export type LoketProvider = z.output<typeof provider>;

/** E3 item [doc]. The employer number is for display only, never a path id. */
export const employer = z.object({
  id,
  employerNumber: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  companyName: z.string(),
  chamberOfCommerceNumber: optionalText,
});
export type LoketEmployer = z.output<typeof employer>;

/** E4 item [seen]. */
export const administration = z.object({
  id,
  wageTaxNumber: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  description: optionalText,
  isPayrollAdministration: z
    .boolean()
    .nullish()
    .transform((value) => value ?? undefined),
  startDate: optionalText,
  endDate: optionalText,
});
export type LoketAdministration = z.output<typeof administration>;

/** Loket often sends enumerations as `{ key, value }`; a plain string is accepted too [assumed]. */
const label = z
  .unknown()
  .transform((value): string | undefined => {
    if (typeof value === 'string') return value;
    if (value !== null && typeof value === 'object') {
      const { value: inner, description } = value as Record<string, unknown>;
      if (typeof inner === 'string') return inner;
      if (typeof description === 'string') return description;
    }
    return undefined;
  });

/** E5 item [assumed]. */
export const employerUser = z.object({
  id,
  userName: z.string(),
  initials: optionalText,
  lastName: optionalText,
  userType: label,
});
export type LoketEmployerUser = z.output<typeof employerUser>;

/** §4 [seen]: one page of a list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    _embedded: z.array(item),
    currentPage: z.number().int(),
    totalPages: z.number().int().nonnegative(),
  });
}

export type AuthorizationAnswer =
  | { kind: 'activities'; activities: string[] }
  /** `enabled: null`: Loket did not say whether the right is switched on. */
  | { kind: 'rights'; rights: { description: string; enabled: boolean | null }[] };

const activityItem = z.union([z.string(), z.object({ activity: z.string() }).transform((item) => item.activity)]);
/** Loket's PATCH example for E6 [doc]; a right switched off (`isEnabled: false`) grants nothing. */
const rightItem = z
  .object({
    id: z.string().nullish(),
    description: z.string(),
    isEnabled: z.boolean().nullish(),
    availableForEmployerUser: z.boolean().nullish(),
  })
  .transform((right) => ({ description: right.description, enabled: typeof right.isEnabled === 'boolean' ? right.isEnabled : null }));
const authorizationItem = z.union([activityItem, rightItem]);
const authorizationList = z.array(authorizationItem);

/** E6 and E7: activities or rights, as a bare array or wrapped in `_embedded` or `content`. */
export const authorizationAnswer = z
  .union([
    authorizationList,
    z.object({ _embedded: authorizationList }).transform((answer) => answer._embedded),
    z.object({ content: authorizationList }).transform((answer) => answer.content),
  ])
  .refine(
    (items) => items.every((item) => typeof item === 'string') || items.every((item) => typeof item !== 'string'),
    { message: 'activities and rights mixed' },
  )
  .transform((items): AuthorizationAnswer => {
    const rights = items.filter((item) => typeof item !== 'string');
    if (rights.length > 0) return { kind: 'rights', rights };
    return { kind: 'activities', activities: items.filter((item) => typeof item === 'string') };
  });

export interface AnswerSource {
  host: string;
  method: string;
  /** Path below the API base, without query string. */
  path: string;
}

/** Validate an answer; anything else (a proxy's HTML page, a changed shape) is an ApiError, never a crash. */
export function parseAnswer<T extends z.ZodType>(schema: T, data: unknown, source: AnswerSource): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ApiError(
    t('loket.http.unexpectedShape', { ...source, field: deepestProblem(result.error.issues) }),
    { method: source.method, path: source.path },
    { hint: t('loket.http.unexpectedHint') },
  );
}

/** Where the answer went wrong, as a key path (`_embedded.3.companyName`); inside a union, the deepest branch. */
function deepestProblem(issues: readonly z.core.$ZodIssue[]): string {
  const deepest = problemPaths(issues).reduce<string[]>((best, path) => (path.length > best.length ? path : best), []);
  return deepest.join('.') || (issues[0]?.code ?? 'invalid');
}

function problemPaths(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): string[][] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    return issue.code === 'invalid_union' && issue.errors.length > 0
      ? issue.errors.flatMap((branch) => problemPaths(branch, path))
      : [path];
  });
}
