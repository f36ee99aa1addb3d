/**
 * The shapes of Loket.nl's answers, with the field names of Loket's published OpenAPI spec
 * (loket-api.md §4–5; field details in loket-spec-notes.md). Each schema reads only what the tool
 * uses; unknown fields are accepted and dropped. Where the spec is silent on nullability, fields
 * are read as nullish. Every text field is sanitised here, where it enters (src/sanitize.ts).
 */
import * as z from 'zod';
import { ApiError } from '../errors.js';
import { t } from '../i18n/index.js';
import { sanitizeLine } from '../sanitize.js';

const id = z.string().min(1);
const text = z.string().transform(sanitizeLine);
/** A text the spec declares `["string","null"]` (or leaves open): `null` when absent. */
const nullableText = z
  .string()
  .nullish()
  .transform((value) => (value == null ? null : sanitizeLine(value) || null));
const optionalBoolean = z
  .boolean()
  .nullish()
  .transform((value) => value ?? null);
const optionalCount = z
  .number()
  .int()
  .nonnegative()
  .nullish()
  .transform((value) => value ?? null);

/** Loket's enumerations are `{ key, value }` objects (§5); we keep the value to show. */
const enumeration = z
  .object({ key: z.union([z.number(), z.string()]).nullish(), value: nullableText })
  .nullish()
  .transform((value) => value?.value ?? null);

/** The employer number is for display only, never a path id (§3). */
const employerNumber = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

const personalDetails = z
  .object({ firstName: nullableText, initials: nullableText, prefix: nullableText, lastName: nullableText })
  .nullish()
  .transform((value) => value ?? null);
type PersonalDetails = z.output<typeof personalDetails>;

/** "J. de Vries": initials, prefix, last name (§5); null when Loket gave none of them. */
function displayName(details: PersonalDetails): string | null {
  if (!details) return null;
  const name = [details.initials, details.prefix, details.lastName].filter(Boolean).join(' ');
  return name || null;
}

/** E1, a single resource `{ version, messages, content }` (§4): no id and no userName in the published shape. */
export const userAnswer = z
  .object({
    content: z.object({
      personalDetails,
      contactInformation: z.object({ emailAddress: nullableText }).nullish(),
      user: z.object({ userSpecifiedRole: enumeration }).nullish(),
    }),
  })
  .transform(({ content: user }) => ({
    name: displayName(user.personalDetails),
    email: user.contactInformation?.emailAddress ?? null,
    role: user.user?.userSpecifiedRole ?? null,
  }));
export type LoketUser = z.output<typeof userAnswer>;

/** E2 item. */
export const provider = z.object({ id, name: text });
export type LoketProvider = z.output<typeof provider>;

/** E3 item (`chamberOfCommerceNumber` is not in every answer, §5). */
export const employer = z
  .object({
    id,
    employerNumber,
    companyName: text,
    chamberOfCommerceNumber: nullableText,
    providerSettings: z.object({ administrationNumber: nullableText }).nullish(),
  })
  .transform(({ providerSettings, ...rest }) => ({ ...rest, administrationNumber: providerSettings?.administrationNumber ?? null }));
export type LoketEmployer = z.output<typeof employer>;

/** E3b and E15 item: the minimized employer. */
export const employerMinimized = z.object({ id, employerNumber, companyName: text });
export type LoketEmployerMinimized = z.output<typeof employerMinimized>;

/** E4b / E4 item. `wageTaxNumber` and `clientNumber` have "no value" for non-payroll administrations [spec]. */
export const administration = z
  .object({
    /** Its own id [spec]; read only to see the same administration twice in one list. */
    id: z.string().min(1).nullish(),
    employerId: z
      .string()
      .nullish()
      .transform((value) => value ?? null),
    wageTaxNumber: nullableText,
    isPayrollAdministration: optionalBoolean,
    description: nullableText,
    startDate: nullableText,
    endDate: nullableText,
    clientNumber: z
      .number()
      .int()
      .nullish()
      .transform((value) => value ?? null),
  })
  .transform(({ id, ...rest }): typeof rest & { id?: string } => (id ? { id, ...rest } : rest));
export type LoketAdministration = z.output<typeof administration>;

/** E8 (provider users) and E5 (employer users): `userName` is null for an invited user who never registered. */
export const user = z
  .object({
    id,
    userName: nullableText,
    loginMethod: enumeration,
    accessStatus: enumeration,
    personalDetails,
    hasMultiFactorAuthentication: optionalBoolean,
    dateTimeLastLogin: nullableText,
  })
  .transform(({ personalDetails: details, ...rest }) => ({ ...rest, name: displayName(details) }));
export type LoketUserAccount = z.output<typeof user>;

/** E9 (a provider user's teams, with `isLinked`) and E13 (the provider's teams, without it). */
export const team = z.object({
  id,
  description: text,
  isLinked: optionalBoolean,
  numberOfLinkedUsers: optionalCount,
  numberOfLinkedEmployers: optionalCount,
});
export type LoketTeam = z.output<typeof team>;

/** E10 item. */
export const teamUser = z.object({ id, userName: nullableText, isLinked: optionalBoolean });
export type LoketTeamUser = z.output<typeof teamUser>;

/** E11 item. */
export const teamEmployer = z.object({ id, companyName: nullableText, administrationNumber: nullableText, isLinked: optionalBoolean });
export type LoketTeamEmployer = z.output<typeof teamEmployer>;

/** E12 item: one row per employer user (or per user × employer: [uncertain]). */
export const employerUserRow = z.object({
  employerUser: z.object({ id, userName: nullableText, loginMethod: enumeration }),
  employer: z.object({ id, companyName: nullableText, employerNumber: employerNumber.nullish().transform((value) => value ?? null) }).nullish(),
});
export type LoketEmployerUserRow = z.output<typeof employerUserRow>;

/** E7 item: an activity (or right: [uncertain]) of the logged-in user at an employer. */
export const authorization = z.object({ description: text });

/** E14 item: which rights grant an activity. */
export const authorizationModelItem = z
  .object({
    description: text,
    functionalDescription: nullableText,
    authorizations: z.array(z.object({ description: text })).nullish(),
  })
  .transform((item) => ({
    activity: item.description,
    functionalDescription: item.functionalDescription,
    rights: (item.authorizations ?? []).map((right) => right.description),
  }));
export type LoketAuthorizationModelItem = z.output<typeof authorizationModelItem>;

/**
 * One page of a list (§4): `{ totalSize, pageSize, totalPages, currentPage, version, messages, _embedded }`.
 * The spec declares `_embedded` of E10/E11 as a single object: an object is read as a one-item list.
 * An empty list may come as `totalPages: 0` [uncertain]; `_embedded` may then be absent.
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z
    .object({
      totalSize: optionalCount,
      pageSize: z
        .number()
        .int()
        .positive()
        .nullish()
        .transform((value) => value ?? null),
      totalPages: z.number().int().nonnegative(),
      currentPage: z.number().int().nonnegative(),
      _embedded: z.union([z.array(item), item.transform((one) => [one])]).nullish(),
    })
    .transform((page) => ({ ...page, items: (page._embedded ?? []) as z.output<T>[] }));
}

/** E7 has the envelope without paging fields [kiota]. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .object({ _embedded: z.union([z.array(item), item.transform((one) => [one])]).nullish() })
    .transform((answer) => (answer._embedded ?? []) as z.output<T>[]);
}

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
    return issue.code === 'invalid_union' && issue.errors.length > 0 ? issue.errors.flatMap((branch) => problemPaths(branch, path)) : [path];
  });
}
