import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/server.js';

interface Page<T> {
  _embedded: T[];
  totalPages: number;
  totalItems: number;
}
type AuthorizationItem = { activity: string } | { description: string; isEnabled: boolean };
interface EmployerView {
  companyName: string;
  chamberOfCommerceNumber: string;
  wageTaxNumbers: (string | null)[];
  linked: boolean;
  /** undefined: E6 answered 404. */
  authorizations?: AuthorizationItem[];
}

let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions): Promise<SandboxHandle> {
  sandbox = await startSandbox(options);
  return sandbox;
}

async function get<T>(handle: SandboxHandle, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${handle.apiUrl}${path}`, { headers: { Authorization: `Bearer ${handle.accessToken}` } });
  return { status: response.status, body: (await response.json()) as T };
}

/** What a client would learn about every employer (first page of E3 only). */
async function survey(handle: SandboxHandle): Promise<EmployerView[]> {
  const employers = await get<Page<{ id: string; companyName: string; chamberOfCommerceNumber: string }>>(handle, '/providers/employers');
  return Promise.all(
    employers.body._embedded.map(async (employer) => {
      const base = `/providers/employers/${employer.id}`;
      const administrations = await get<Page<{ wageTaxNumber: string | null }>>(handle, `${base}/administrations`);
      const users = await get<Page<{ id: string; userName: string }>>(handle, `${base}/users`);
      const webserviceUser = users.body._embedded.find((user) => user.userName.toLowerCase() === 'webservice#01');
      const view: EmployerView = {
        companyName: employer.companyName,
        chamberOfCommerceNumber: employer.chamberOfCommerceNumber,
        wageTaxNumbers: administrations.body._embedded.map((administration) => administration.wageTaxNumber),
        linked: webserviceUser !== undefined,
      };
      if (webserviceUser) {
        const e6 = await get<Page<AuthorizationItem>>(handle, `${base}/users/${webserviceUser.id}/authorizations`);
        if (e6.status === 200) view.authorizations = e6.body._embedded;
        else expect(e6.status).toBe(404);
      }
      return view;
    }),
  );
}

function mayReadLeave(items: AuthorizationItem[]): boolean {
  return items.some((item) =>
    'activity' in item ? item.activity === 'GetLeaveByEmploymentId' : item.isEnabled && /raadplegen.*verlof/i.test(item.description),
  );
}

function passesElevenTest(payrollTaxNumber: string): boolean {
  const match = /^(\d{9})L(\d{2})$/.exec(payrollTaxNumber);
  if (!match || match[2] === '00') return false;
  const digits = [...match[1]!].map(Number);
  const sum = digits.reduce((total, digit, i) => total + digit * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}

describe('default scenario', () => {
  it('has unlinked, missing-verlof, unverifiable and bad-number employers among good ones', async () => {
    const employers = await survey(await start({}));
    expect(employers).toHaveLength(12);
    const linked = employers.filter((employer) => employer.linked);
    expect(employers.length - linked.length).toBe(2);
    expect(linked.filter((employer) => employer.authorizations === undefined)).toHaveLength(1);
    const answered = linked.flatMap((employer) => (employer.authorizations ? [employer.authorizations] : []));
    expect(answered.filter((items) => !mayReadLeave(items))).toHaveLength(2);
    // Both E6 forms appear, and a missing-verlof employer uses the rights form (isEnabled: false).
    const rightsStyle = answered.filter((items) => items.every((item) => 'description' in item));
    expect(rightsStyle.length).toBeGreaterThanOrEqual(2);
    expect(rightsStyle.some((items) => !mayReadLeave(items))).toBe(true);
    expect(rightsStyle[0]).toContainEqual(
      expect.objectContaining({ description: 'Raadplegen werkgever', availableForEmployerUser: true, isEnabled: true }),
    );

    const numbers = employers.flatMap((employer) => employer.wageTaxNumbers);
    expect(numbers.filter((number) => number === null)).toHaveLength(1);
    const present = numbers.filter((number): number is string => number !== null);
    expect(present.filter((number) => !passesElevenTest(number))).toHaveLength(1);
    expect(present.every((number) => /^\d{9}L0[12]$/.test(number))).toBe(true);
    expect(employers.some((employer) => employer.wageTaxNumbers.length === 2)).toBe(true);
    expect(employers.every((employer) => /^\d{8}$/.test(employer.chamberOfCommerceNumber))).toBe(true);
  });

  it('explains the unverifiable employer through E7', async () => {
    const handle = await start({});
    const employers = await get<Page<{ id: string }>>(handle, '/providers/employers');
    const lacking = await Promise.all(
      employers.body._embedded.map(async (employer) => {
        const own = await get<Page<{ activity: string }>>(handle, `/providers/employers/${employer.id}/authorizations`);
        return !own.body._embedded.some((item) => item.activity === 'GetEmployerUserAuthorizationsByEmployerIdAndUserId');
      }),
    );
    expect(lacking.filter(Boolean)).toHaveLength(1);
  });

  it('is deterministic for a seed and differs for another seed', async () => {
    const names = async (seed?: number) => {
      const handle = await startSandbox(seed === undefined ? {} : { seed });
      try {
        return (await get<Page<{ id: string; companyName: string }>>(handle, '/providers/employers')).body._embedded;
      } finally {
        await handle.close();
      }
    };
    const first = await names();
    expect(await names()).toEqual(first);
    expect(await names(7)).not.toEqual(first);
  });
});

describe('other scenarios', () => {
  it('all-good: every employer linked, fully authorized, with valid numbers', async () => {
    const employers = await survey(await start({ scenario: 'all-good' }));
    expect(employers.length).toBeGreaterThan(0);
    for (const employer of employers) {
      expect(employer.linked).toBe(true);
      expect(employer.authorizations && mayReadLeave(employer.authorizations)).toBe(true);
      expect(employer.wageTaxNumbers.every((number) => number !== null && passesElevenTest(number))).toBe(true);
    }
  });

  it('none-linked: the webservice user is linked to no employer', async () => {
    const employers = await survey(await start({ scenario: 'none-linked' }));
    expect(employers.length).toBeGreaterThan(0);
    expect(employers.filter((employer) => employer.linked)).toEqual([]);
  });

  it('large: 2,000 employers by default, and 10,000 on request', async () => {
    const handle = await start({ scenario: 'large' });
    expect((await get<Page<unknown>>(handle, '/providers/employers')).body).toMatchObject({ totalItems: 2000, totalPages: 8 });
    await handle.close();
    const big = await start({ scenario: 'large', employers: 10_000 });
    expect(big.employerCount).toBe(10_000);
    const last = await get<Page<{ id: string }>>(big, '/providers/employers?pageNumber=40');
    expect(last.body).toMatchObject({ totalItems: 10_000, totalPages: 40 });
    expect(last.body._embedded).toHaveLength(250);
    const administrations = await get<Page<unknown>>(big, `/providers/employers/${last.body._embedded[249]!.id}/administrations`);
    expect(administrations.status).toBe(200);
  });

  it('employers overrides the count of any scenario', async () => {
    const handle = await start({ employers: 3 });
    expect((await get<Page<unknown>>(handle, '/providers/employers')).body.totalItems).toBe(3);
  });

  it('rejects an unknown scenario or an out-of-range option', async () => {
    await expect(startSandbox({ scenario: 'nope' as never })).rejects.toMatchObject({ exitCode: 2 });
    await expect(startSandbox({ failRate: 2 })).rejects.toMatchObject({ exitCode: 2 });
    await expect(startSandbox({ employers: -1 })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('refuses a port that is already taken', async () => {
    const handle = await start({});
    const port = Number(new URL(handle.url).port);
    await expect(startSandbox({ port })).rejects.toMatchObject({ exitCode: 5 });
  });
});
