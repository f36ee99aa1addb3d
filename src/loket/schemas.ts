/**
 * The shapes of Loket.nl's answers, with the field names of Loket's published OpenAPI spec
 * (loket-api.md §4–5; field details in loket-spec-notes.md). Each schema reads only what the tool
 * uses; unknown fields are accepted and dropped. Where the spec is silent on nullability, fields
 * are read as nullish. Every text field is sanitised here, where it enters (src/sanitize.ts).
 *
 * valibot, not zod: a large `verify` reads ~170 pages of 250 items (~20 MB of JSON) once each, and
 * zod's schemas, quick only after many runs, took 115–240 ms for them; these take half to two thirds
 * of that. They read as the zod schemas did: output, constraints and the field path of a problem
 * alike (test/loket/schemas.test.ts).
 */
import * as v from 'valibot';
import { ApiError } from '../errors.js';
import { t } from '../i18n/index.js';
import { sanitizeLine } from '../sanitize.js';

/**
 * An object of the answer. valibot's v.object takes anything of `typeof` object, an array too, where
 * `[]` would read as an object of nulls: a list where an object belongs is a wrong shape.
 */
function fields<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.custom<Record<string, unknown>>((input) => input !== null && typeof input === 'object' && !Array.isArray(input), 'expected an object'),
    v.object(entries),
  );
}

/**
 * Numbers as the zod schemas read them: JSON's `1e999` is Infinity and is refused (`v.safeInteger`,
 * `v.finite`), and a whole number is a safe one (beyond 2^53 it is not exact).
 */
const integer = v.pipe(v.number(), v.safeInteger());
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const id = v.pipe(v.string(), v.minLength(1));
const text = v.pipe(v.string(), v.transform(sanitizeLine));
/** A text the spec declares `["string","null"]` (or leaves open): `null` when absent. */
const nullableText = v.pipe(
  v.nullish(v.string(), null),
  v.transform((value) => (value == null ? null : sanitizeLine(value) || null)),
);
const optionalBoolean = v.nullish(v.boolean(), null);
const optionalCount = v.nullish(count, null);

/** Loket's enumerations are `{ key, value }` objects (§5); we keep the value to show. */
const enumeration = v.pipe(
  v.nullish(fields({ key: v.nullish(v.union([v.pipe(v.number(), v.finite()), v.string()])), value: nullableText }), null),
  v.transform((value) => value?.value ?? null),
);

/** The employer number is for display only, never a path id (§3). */
const employerNumber = v.union([integer, v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number))]);

const personalDetails = v.nullish(fields({ firstName: nullableText, initials: nullableText, prefix: nullableText, lastName: nullableText }), null);
type PersonalDetails = v.InferOutput<typeof personalDetails>;

/** "J. de Vries": initials, prefix, last name (§5); null when Loket gave none of them. */
function displayName(details: PersonalDetails): string | null {
  if (!details) return null;
  const name = [details.initials, details.prefix, details.lastName].filter(Boolean).join(' ');
  return name || null;
}

/** E1, a single resource `{ version, messages, content }` (§4): no id and no userName in the published shape. */
export const userAnswer = v.pipe(
  fields({
    content: fields({
      personalDetails,
      contactInformation: v.nullish(fields({ emailAddress: nullableText })),
      user: v.nullish(fields({ userSpecifiedRole: enumeration })),
    }),
  }),
  v.transform(({ content: user }) => ({
    name: displayName(user.personalDetails),
    email: user.contactInformation?.emailAddress ?? null,
    role: user.user?.userSpecifiedRole ?? null,
  })),
);
export type LoketUser = v.InferOutput<typeof userAnswer>;

/** E2 item. */
export const provider = fields({ id, name: text });
export type LoketProvider = v.InferOutput<typeof provider>;

/** E3 item (`chamberOfCommerceNumber` is not in every answer, §5). */
export const employer = v.pipe(
  fields({
    id,
    employerNumber,
    companyName: text,
    chamberOfCommerceNumber: nullableText,
    providerSettings: v.nullish(fields({ administrationNumber: nullableText })),
  }),
  v.transform(({ providerSettings, ...rest }) => ({ ...rest, administrationNumber: providerSettings?.administrationNumber ?? null })),
);
export type LoketEmployer = v.InferOutput<typeof employer>;

/** E3b and E15 item: the minimized employer. */
export const employerMinimized = fields({ id, employerNumber, companyName: text });
export type LoketEmployerMinimized = v.InferOutput<typeof employerMinimized>;

/** E4b / E4 item. `wageTaxNumber` and `clientNumber` have "no value" for non-payroll administrations [spec]. */
export const administration = v.pipe(
  fields({
    /** Its own id [spec]; read only to see the same administration twice in one list. */
    id: v.nullish(id),
    employerId: v.nullish(v.string(), null),
    wageTaxNumber: nullableText,
    isPayrollAdministration: optionalBoolean,
    description: nullableText,
    startDate: nullableText,
    endDate: nullableText,
    clientNumber: v.nullish(integer, null),
  }),
  v.transform(({ id, ...rest }) => {
    const read: typeof rest & { id?: string } = id ? { id, ...rest } : rest;
    return read;
  }),
);
export type LoketAdministration = v.InferOutput<typeof administration>;

/** E8 (provider users) and E5 (employer users): `userName` is null for an invited user who never registered. */
export const user = v.pipe(
  fields({
    id,
    userName: nullableText,
    loginMethod: enumeration,
    accessStatus: enumeration,
    personalDetails,
    hasMultiFactorAuthentication: optionalBoolean,
    dateTimeLastLogin: nullableText,
  }),
  v.transform(({ personalDetails: details, ...rest }) => ({ ...rest, name: displayName(details) })),
);
export type LoketUserAccount = v.InferOutput<typeof user>;

/** E9 (a provider user's teams, with `isLinked`) and E13 (the provider's teams, without it). */
export const team = fields({
  id,
  description: text,
  isLinked: optionalBoolean,
  numberOfLinkedUsers: optionalCount,
  numberOfLinkedEmployers: optionalCount,
});
export type LoketTeam = v.InferOutput<typeof team>;

/** E10 item. */
export const teamUser = fields({ id, userName: nullableText, isLinked: optionalBoolean });
export type LoketTeamUser = v.InferOutput<typeof teamUser>;

/** E11 item. */
export const teamEmployer = fields({ id, companyName: nullableText, administrationNumber: nullableText, isLinked: optionalBoolean });
export type LoketTeamEmployer = v.InferOutput<typeof teamEmployer>;

/** E12 item: one row per employer user (or per user × employer: [uncertain]). */
export const employerUserRow = fields({
  employerUser: fields({ id, userName: nullableText, loginMethod: enumeration }),
  employer: v.nullish(fields({ id, companyName: nullableText, employerNumber: v.nullish(employerNumber, null) })),
});
export type LoketEmployerUserRow = v.InferOutput<typeof employerUserRow>;

/** E7 item: an activity (or right: [uncertain]) of the logged-in user at an employer. */
export const authorization = fields({ description: text });

/** E14 item: which rights grant an activity. */
export const authorizationModelItem = v.pipe(
  fields({
    description: text,
    functionalDescription: nullableText,
    authorizations: v.nullish(v.array(fields({ description: text }))),
  }),
  v.transform((item) => ({
    activity: item.description,
    functionalDescription: item.functionalDescription,
    rights: (item.authorizations ?? []).map((right) => right.description),
  })),
);
export type LoketAuthorizationModelItem = v.InferOutput<typeof authorizationModelItem>;

/**
 * `_embedded`: a list, or one object read as a one-item list, or absent. Typed as a list of unknown:
 * with the item's type in it, valibot cannot tell which keys of the envelope are optional, so the
 * page and the list give their items the item's type themselves.
 */
function embedded(item: v.GenericSchema): v.GenericSchema<unknown, unknown[] | null | undefined> {
  return v.nullish(
    v.union([
      v.array(item),
      v.pipe(
        item,
        v.transform((one) => [one]),
      ),
    ]),
  );
}

/**
 * One page of a list (§4): `{ totalSize, pageSize, totalPages, currentPage, version, messages, _embedded }`.
 * The spec declares `_embedded` of E10/E11 as a single object: an object is read as a one-item list.
 * An empty list may come as `totalPages: 0` [uncertain]; `_embedded` may then be absent.
 */
export function pageOf<T extends v.GenericSchema>(item: T) {
  return v.pipe(
    fields({
      totalSize: optionalCount,
      pageSize: v.nullish(v.pipe(v.number(), v.safeInteger(), v.gtValue(0)), null),
      totalPages: count,
      currentPage: count,
      _embedded: embedded(item),
    }),
    v.transform((page) => ({ ...page, items: (page._embedded ?? []) as v.InferOutput<T>[] })),
  );
}

/** E7 has the envelope without paging fields [kiota]. */
export function listOf<T extends v.GenericSchema>(item: T) {
  return v.pipe(
    fields({ _embedded: embedded(item) }),
    v.transform((answer) => (answer._embedded ?? []) as v.InferOutput<T>[]),
  );
}

export interface AnswerSource {
  host: string;
  method: string;
  /** Path below the API base, without query string. */
  path: string;
}

/** Validate an answer; anything else (a proxy's HTML page, a changed shape) is an ApiError, never a crash. */
export function parseAnswer<T extends v.GenericSchema>(schema: T, data: unknown, source: AnswerSource): v.InferOutput<T> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new ApiError(
    t('loket.http.unexpectedShape', { ...source, field: deepestProblem(result.issues) }),
    { method: source.method, path: source.path },
    { hint: t('loket.http.unexpectedHint') },
  );
}

/**
 * Where the answer went wrong, as a key path (`_embedded.3.companyName`); inside a union, the deepest
 * branch. Every answer is an object, so a problem at its root is its type (`invalid_type`, as zod named it).
 */
function deepestProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const deepest = problemPaths(issues).reduce<string[]>((best, path) => (path.length > best.length ? path : best), []);
  return deepest.join('.') || 'invalid_type';
}

/** A union's issue carries its branches' issues, with paths from the union on. */
function problemPaths(issues: readonly v.BaseIssue<unknown>[], prefix: string[] = []): string[][] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path ?? []).map((item) => String(item.key))];
    return issue.issues?.length ? problemPaths(issue.issues, path) : [path];
  });
}
