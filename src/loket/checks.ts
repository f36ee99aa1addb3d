/**
 * The API checks of steps 2, 3 and 5 and of `verify`: per employer, is the webservice user linked
 * (E5) and may it read werkgever / persoon / verlof (E6)? Three results only (SPEC §2): pass, fail,
 * unverifiable. A 403/404 from Loket never becomes a fail, and nothing unverifiable becomes a pass.
 */
import type { ApiError } from '../errors.js';
import { t } from '../i18n/index.js';
import { validatePayrollTaxNumber } from '../validate/index.js';
import { isStatus, type LoketClient, type LoketEmployer } from './client.js';
import { ENTITIES, entityAccess, type Entity } from './entities.js';
import { collectGarbage } from './memory.js';
import { mapPool } from './pool.js';

export type CheckResult = 'pass' | 'fail' | 'unverifiable';

export type ProblemCode =
  | 'NOT_LINKED'
  | 'LINK_UNVERIFIABLE'
  | 'ENTITY_NOT_AUTHORIZED'
  | 'ENTITIES_UNVERIFIABLE'
  | 'WAGE_TAX_NUMBER_MISSING'
  | 'WAGE_TAX_NUMBER_INVALID';

export interface Problem {
  code: ProblemCode;
  /** `error` decides the verdict; `warning` is shown but does not fail a check. */
  severity: 'error' | 'warning';
  entity?: Entity;
  message: string;
  fix: string;
}

export interface EmployerCheck {
  id: string;
  employerNumber: number;
  companyName: string;
  chamberOfCommerceNumber?: string;
  /** Valid loonheffingennummers (normalised); invalid ones are reported as problems. */
  wageTaxNumbers: string[];
  linked: CheckResult;
  entities: Record<Entity, CheckResult>;
  problems: Problem[];
  /** fail if anything failed; else unverifiable if anything was; else pass. */
  verdict: CheckResult;
}

export interface CheckOptions {
  webserviceUser: string;
  /** E4: look up loonheffingennummers too (verify, step 5). */
  administrations?: boolean;
  /** E6: check the entities too (step 3, verify); step 2 needs only the link. */
  entities?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const allEntities = (result: CheckResult): Record<Entity, CheckResult> =>
  Object.fromEntries(ENTITIES.map((entity) => [entity, result])) as Record<Entity, CheckResult>;

function verdictOf(check: Pick<EmployerCheck, 'linked' | 'entities'>, entitiesChecked: boolean): CheckResult {
  const results: CheckResult[] = [check.linked, ...(entitiesChecked ? Object.values(check.entities) : [])];
  if (results.includes('fail')) return 'fail';
  if (results.includes('unverifiable')) return 'unverifiable';
  return 'pass';
}

function loketReason(error: ApiError): string {
  return error.details.loketMessage ?? `HTTP ${error.details.status ?? '?'}`;
}

async function wageTaxNumbers(client: LoketClient, employer: LoketEmployer, problems: Problem[]): Promise<string[]> {
  const names = { company: employer.companyName, number: employer.employerNumber };
  let raw: string[];
  try {
    raw = (await client.administrations(employer.id)).map((a) => a.wageTaxNumber).filter((n): n is string => !!n);
  } catch (error) {
    if (!isStatus(error, 403, 404)) throw error;
    raw = [];
  }
  const valid = new Set<string>();
  for (const number of raw) {
    const result = validatePayrollTaxNumber(number);
    if (result.ok) valid.add(result.value);
    else
      problems.push({
        code: 'WAGE_TAX_NUMBER_INVALID',
        severity: 'warning',
        message: t('checks.wageTaxInvalid', { ...names, value: number, reason: result.reason }),
        fix: t('checks.wageTaxFix'),
      });
  }
  if (raw.length === 0) {
    problems.push({ code: 'WAGE_TAX_NUMBER_MISSING', severity: 'warning', message: t('checks.wageTaxMissing', names), fix: t('checks.wageTaxFix') });
  }
  return [...valid];
}

/** Why E6 could not answer, in the logged-in user's terms (E7 explains; it never decides). */
async function explainUnverifiable(client: LoketClient, employerId: string): Promise<string | undefined> {
  try {
    const mine = await client.myAuthorizations(employerId);
    if (mine.kind === 'activities' && !mine.activities.includes('GetEmployerUserAuthorizationsByEmployerIdAndUserId')) {
      return t('checks.explainNoRight');
    }
  } catch {
    // E7 is only an explanation; its own refusal changes nothing.
  }
  return undefined;
}

export async function checkEmployer(client: LoketClient, employer: LoketEmployer, options: CheckOptions): Promise<EmployerCheck> {
  const problems: Problem[] = [];
  const names = { company: employer.companyName, number: employer.employerNumber, user: options.webserviceUser };
  const numbers = options.administrations ? wageTaxNumbers(client, employer, problems) : Promise.resolve([]);
  // Awaited at the end; if E5/E6 fail first, its own failure must not surface as an unhandled rejection.
  numbers.catch(() => {});

  let linked: CheckResult;
  let entities = allEntities('unverifiable');
  let userId: string | undefined;
  try {
    const wanted = options.webserviceUser.toLowerCase();
    userId = (await client.employerUsers(employer.id)).find((u) => u.userName.toLowerCase() === wanted)?.id;
    linked = userId ? 'pass' : 'fail';
    if (!userId) problems.push({ code: 'NOT_LINKED', severity: 'error', message: t('checks.notLinked', names), fix: t('checks.notLinkedFix', names) });
  } catch (error) {
    if (!isStatus(error, 403, 404)) throw error;
    linked = 'unverifiable';
    problems.push({
      code: 'LINK_UNVERIFIABLE',
      severity: 'error',
      message: t('checks.linkUnverifiable', { ...names, reason: loketReason(error) }),
      fix: t('checks.linkUnverifiableFix'),
    });
  }

  if (options.entities && userId) {
    try {
      entities = entityAccess(await client.userAuthorizations(employer.id, userId));
      const unknown = ENTITIES.filter((entity) => entities[entity] === 'unverifiable');
      if (unknown.length > 0) {
        problems.push({
          code: 'ENTITIES_UNVERIFIABLE',
          severity: 'error',
          message: t('checks.entitiesUnverifiable', { ...names, reason: t('checks.rightStateUnknown', { entities: unknown.join(', ') }) }),
          fix: t('checks.entitiesUnverifiableFix'),
        });
      }
      for (const entity of ENTITIES) {
        if (entities[entity] === 'fail') {
          problems.push({
            code: 'ENTITY_NOT_AUTHORIZED',
            severity: 'error',
            entity,
            message: t('checks.entityMissing', { ...names, entity }),
            fix: t('checks.entityMissingFix'),
          });
        }
      }
    } catch (error) {
      if (!isStatus(error, 403, 404)) throw error;
      const why = (await explainUnverifiable(client, employer.id)) ?? loketReason(error);
      problems.push({
        code: 'ENTITIES_UNVERIFIABLE',
        severity: 'error',
        message: t('checks.entitiesUnverifiable', { ...names, reason: why }),
        fix: t('checks.entitiesUnverifiableFix'),
      });
    }
  }

  const check = {
    id: employer.id,
    employerNumber: employer.employerNumber,
    companyName: employer.companyName,
    ...(employer.chamberOfCommerceNumber ? { chamberOfCommerceNumber: employer.chamberOfCommerceNumber } : {}),
    wageTaxNumbers: await numbers,
    linked,
    entities,
    problems,
  };
  return { ...check, verdict: verdictOf(check, options.entities === true) };
}

/**
 * Checks many employers through a bounded pool. The pool runs a few more employers than the HTTP
 * layer allows requests in flight, so the request limiter, not the pool, is what stays saturated.
 */
/** How many employers between forced collections (see memory.ts). */
const GC_EVERY = 250;

export async function checkEmployers(client: LoketClient, employers: LoketEmployer[], options: CheckOptions): Promise<EmployerCheck[]> {
  let done = 0;
  options.onProgress?.(0, employers.length);
  const checks = await mapPool(
    employers,
    Math.min(16, client.concurrency * 2),
    async (employer) => {
      const result = await checkEmployer(client, employer, options);
      options.onProgress?.(++done, employers.length);
      if (done % GC_EVERY === 0) collectGarbage();
      return result;
    },
    options.signal,
  );
  // What follows (recording, the report) allocates a copy of every result: start it from a clean heap.
  if (employers.length >= GC_EVERY) collectGarbage();
  return checks;
}

export interface CheckSummary {
  employers: number;
  linked: number;
  authorized: number;
  failed: number;
  unverifiable: number;
}

/** Each employer counts once: failed, else unverifiable, else fine. */
export function summarize(checks: EmployerCheck[]): CheckSummary {
  return {
    employers: checks.length,
    linked: checks.filter((c) => c.linked === 'pass').length,
    authorized: checks.filter((c) => ENTITIES.every((e) => c.entities[e] === 'pass')).length,
    failed: checks.filter((c) => c.verdict === 'fail').length,
    unverifiable: checks.filter((c) => c.verdict === 'unverifiable').length,
  };
}

/** Employers whose entities failed, for the autorisatie ticket. */
export function missingAuthorizations(checks: EmployerCheck[]): Array<{ companyName: string; employerNumber: number; missingEntities: Entity[] }> {
  return checks
    .map((c) => ({ companyName: c.companyName, employerNumber: c.employerNumber, missingEntities: ENTITIES.filter((e) => c.entities[e] === 'fail') }))
    .filter((c) => c.missingEntities.length > 0);
}
