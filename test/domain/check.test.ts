import { describe, expect, it } from 'vitest';
import { checkPassed, checkSetup, type CheckInput, type CheckProgress } from '../../src/domain/check.js';
import type { Scope } from '../../src/domain/model.js';
import { AuthError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { account, employer, fakeClient, list, payroll, refused, team, teamEmployers, type World } from './fake-client.js';

setLang('en');

const VALID = '123456782L01';
const NOW = () => new Date('2026-12-01T10:00:00.000Z');

/** An AK office: 6 employers, team Benefits-Plaza holds Webservice#01 and employers 1–4. */
function akWorld(overrides: Partial<World> = {}): World {
  const employers = [1, 2, 3, 4, 5, 6].map((n) => employer(n));
  return {
    employers,
    providerUsers: [account('u-jdv', 'j.devries'), account('u-ws', 'Webservice#01'), account('u-inv', null)],
    userTeams: {
      'u-ws': list([
        team('t-bp', 'Benefits-Plaza', { numberOfLinkedEmployers: 4, numberOfLinkedUsers: 1 }),
        team('t-sal', 'Salarisadministratie', { isLinked: false, numberOfLinkedEmployers: 6 }),
      ]),
    },
    teamUsers: { 't-bp': list([{ id: 'u-ws', userName: 'Webservice#01', isLinked: true }]) },
    teamEmployers: { 't-bp': teamEmployers([1, 2, 3, 4]) },
    administrations: employers.map((e) => payroll(e.id, VALID)),
    ...overrides,
  };
}

function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return { webserviceUser: 'Webservice#01', scope: { mode: 'none' }, wageTaxNumbers: 'required', visibility: true, now: NOW, ...overrides };
}

const selection = (...numbers: number[]): Scope => ({ mode: 'selection', ids: new Set(numbers.map((n) => `emp-${n}`)) });
const byNumber = (check: Awaited<ReturnType<typeof checkSetup>>, n: number) => check.employers.find((e) => e.employerNumber === 20000 + n)!;
const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);

describe('checkSetup — AK route (provider user, teams)', () => {
  it("finds the user in the provider users, reaches its linked teams' linked employers, and passes without a selection", async () => {
    const check = await checkSetup(fakeClient(akWorld()), input());
    expect(check.webserviceUser).toMatchObject({ found: 'pass', id: 'u-ws', kind: 'provider-user', source: 'E8', loginMethod: 'Only via SSO' });
    expect(check.route).toBe('ak-team');
    expect(check.teams).toEqual([{ id: 't-bp', description: 'Benefits-Plaza', member: true, linkedEmployers: 4, otherUsers: 0, complete: true }]);
    expect(check.employers.map((e) => [e.employerNumber, e.linked, e.required, e.via])).toEqual([
      [20001, 'pass', false, ['team:Benefits-Plaza']],
      [20002, 'pass', false, ['team:Benefits-Plaza']],
      [20003, 'pass', false, ['team:Benefits-Plaza']],
      [20004, 'pass', false, ['team:Benefits-Plaza']],
      [20005, 'fail', false, []],
      [20006, 'fail', false, []],
    ]);
    // Not required: a missing link is information, not an error.
    expect(byNumber(check, 5).problems).toEqual([expect.objectContaining({ code: 'NOT_LINKED', severity: 'info' })]);
    expect(check.reachable).toBe('pass');
    expect(check.summary).toEqual({ employers: 6, linked: 4, failed: 0, unverifiable: 0, warnings: 0, notVisible: 0 });
    expect(checkPassed(check, false)).toBe(true);
  });

  it('fails a required employer that is not linked, with the team to add it to, and keeps the rest as information', async () => {
    const check = await checkSetup(fakeClient(akWorld()), input({ scope: selection(1, 5) }));
    const five = byNumber(check, 5);
    expect(five).toMatchObject({ linked: 'fail', required: true });
    expect(five.problems[0]).toMatchObject({ code: 'NOT_LINKED', severity: 'error' });
    expect(five.problems[0]!.fix).toContain('Benefits-Plaza');
    expect(five.problems[0]!.fix).toContain('caching');
    expect(byNumber(check, 6).problems[0]).toMatchObject({ code: 'NOT_LINKED', severity: 'info' });
    expect(check.summary).toMatchObject({ failed: 1, unverifiable: 0 });
    // Linked but not selected: the manual links only the employers that take the salariskoppeling.
    expect(check.problems).toContainEqual(expect.objectContaining({ code: 'TEAM_OPENS_UNSELECTED', severity: 'warning' }));
    expect(checkPassed(check, true)).toBe(false);
  });

  it('requires every employer with scope all', async () => {
    const check = await checkSetup(fakeClient(akWorld()), input({ scope: { mode: 'all' } }));
    expect(check.employers.every((e) => e.required)).toBe(true);
    expect(check.summary.failed).toBe(2);
  });

  it('matches the user name case-insensitively after trimming, and skips users without a name', async () => {
    const world = akWorld({ providerUsers: [account('u-inv', null), account('u-ws', '  webservice#01 ')] });
    const check = await checkSetup(fakeClient(world), input({ webserviceUser: 'WEBSERVICE#01' }));
    expect(check.webserviceUser).toMatchObject({ found: 'pass', id: 'u-ws' });
  });

  it('warns about other users in the team, an empty team and two-factor authentication', async () => {
    const world = akWorld({
      providerUsers: [account('u-ws', 'Webservice#01', { hasMultiFactorAuthentication: true })],
      userTeams: {
        'u-ws': list([
          team('t-bp', 'Benefits-Plaza', { numberOfLinkedEmployers: 4, numberOfLinkedUsers: 3 }),
          team('t-old', 'Oud team', { numberOfLinkedEmployers: 0 }),
        ]),
      },
      teamUsers: {
        't-bp': list([
          { id: 'u-ws', userName: 'Webservice#01', isLinked: true },
          { id: 'u-2', userName: 'p.jansen', isLinked: true },
          { id: 'u-3', userName: null, isLinked: true },
          { id: 'u-4', userName: 'not.a.member', isLinked: false },
        ]),
        't-old': list([{ id: 'u-ws', userName: 'Webservice#01', isLinked: true }]),
      },
      teamEmployers: { 't-bp': teamEmployers([1, 2, 3, 4]), 't-old': list([]) },
    });
    const check = await checkSetup(fakeClient(world), input());
    expect(check.teams.find((t) => t.id === 't-bp')).toMatchObject({ otherUsers: 2 });
    expect(codes(check.problems)).toEqual(expect.arrayContaining(['TEAM_SHARED', 'TEAM_EMPTY', 'USER_TWO_FACTOR']));
    expect(check.summary.warnings).toBe(3);
  });

  it("counts only isLinked === true, and an unflagged item only when totalSize equals Loket's counter", async () => {
    const unflagged = { ...teamEmployers([1, 2, 3, 4], { isLinked: null }) };
    const agrees = await checkSetup(fakeClient(akWorld({ teamEmployers: { 't-bp': unflagged } })), input({ scope: selection(5) }));
    expect(byNumber(agrees, 1).linked).toBe('pass');
    expect(byNumber(agrees, 5).linked).toBe('fail');

    const disagrees = await checkSetup(
      fakeClient(akWorld({ teamEmployers: { 't-bp': { items: unflagged.items, totalSize: 9 } } })),
      input({ scope: selection(5) }),
    );
    expect(byNumber(disagrees, 1).linked).toBe('unverifiable');
    expect(byNumber(disagrees, 5).linked).toBe('unverifiable');
  });

  it('makes a team whose linked employers disagree with numberOfLinkedEmployers unverifiable, never a fail', async () => {
    const world = akWorld({
      userTeams: { 'u-ws': list([team('t-bp', 'Benefits-Plaza', { numberOfLinkedEmployers: 5 })]) },
    });
    const check = await checkSetup(fakeClient(world), input({ scope: selection(5) }));
    expect(byNumber(check, 5).linked).toBe('unverifiable');
    expect(check.problems).toContainEqual(expect.objectContaining({ code: 'TEAM_COUNT_MISMATCH' }));
    expect(check.teams[0]).toMatchObject({ complete: false, linkedEmployers: null });
  });

  it('turns every employer outside the set unverifiable when one linked team cannot be read', async () => {
    const world = akWorld({
      userTeams: {
        'u-ws': list([team('t-bp', 'Benefits-Plaza', { numberOfLinkedEmployers: 4 }), team('t-north', 'Benefits-Plaza Noord', { numberOfLinkedEmployers: 2 })]),
      },
      teamEmployers: { 't-bp': teamEmployers([1, 2, 3, 4]), 't-north': refused('E11', 500) },
    });
    const check = await checkSetup(fakeClient(world), input({ scope: selection(1, 5) }));
    expect(byNumber(check, 1).linked).toBe('pass');
    expect(byNumber(check, 5)).toMatchObject({ linked: 'unverifiable', required: true });
    expect(byNumber(check, 5).problems[0]).toMatchObject({ code: 'LINK_UNVERIFIABLE', severity: 'error' });
    expect(check.problems).toContainEqual(expect.objectContaining({ code: 'TEAM_UNREADABLE' }));
    expect(check.summary).toMatchObject({ failed: 0, unverifiable: 1 });
    expect(checkPassed(check, false)).toBe(false);
    expect(checkPassed(check, true)).toBe(true);
  });

  it("asks a team's own user list when E9 does not flag it", async () => {
    const world = akWorld({
      userTeams: { 'u-ws': list([team('t-bp', 'Benefits-Plaza', { isLinked: null, numberOfLinkedEmployers: 4, numberOfLinkedUsers: 1 })]) },
    });
    const check = await checkSetup(fakeClient(world), input());
    expect(byNumber(check, 1).linked).toBe('pass');
  });

  it("is unverifiable, not failed, when the user's teams cannot be read", async () => {
    const check = await checkSetup(fakeClient(akWorld({ userTeams: { 'u-ws': refused('E9') } })), input({ scope: selection(1) }));
    expect(byNumber(check, 1).linked).toBe('unverifiable');
    expect(check.reachable).toBe('unverifiable');
    expect(check.refusals).toContainEqual(expect.objectContaining({ endpoint: 'E9', activity: 'GetProviderUserAuthorizationGroupsByUserId', status: 403 }));
  });

  it("is the manual's hard failure when the user reaches no employer at all", async () => {
    const world = akWorld({ userTeams: { 'u-ws': list([team('t-sal', 'Salarisadministratie', { isLinked: false })]) } });
    const check = await checkSetup(fakeClient(world), input());
    expect(check.reachable).toBe('fail');
    expect(check.problems).toContainEqual(expect.objectContaining({ code: 'NONE_REACHABLE', severity: 'error' }));
    expect(checkPassed(check, true)).toBe(false);
  });
});

describe('checkSetup — finding the user', () => {
  it('is unverifiable, never a fail, when the REST API shows the user nowhere', async () => {
    const world = akWorld({ providerUsers: [account('u-jdv', 'j.devries')], providerEmployerUsers: [] });
    const check = await checkSetup(fakeClient(world), input({ scope: selection(1) }));
    expect(check.webserviceUser).toMatchObject({ found: 'unverifiable', id: null, kind: null });
    expect(check.problems[0]).toMatchObject({ code: 'USER_NOT_FOUND', severity: 'error' });
    expect(check.problems[0]!.fix).toContain('Teams en gebruikers');
    expect(check.employers.every((e) => e.linked === 'unverifiable')).toBe(true);
    expect(check.reachable).toBe('unverifiable');
    expect(checkPassed(check, false)).toBe(false);
    expect(checkPassed(check, true)).toBe(true);
  });

  it('names the refused activity and the right that grants it (from /authorizationmodel) when the lookup is refused', async () => {
    const world = akWorld({
      providerUsers: refused('E8'),
      providerEmployerUsers: refused('E12'),
      authorizationModel: [{ activity: 'GetProviderUsersByProviderId', functionalDescription: null, rights: ['Inzien gebruikers'] }],
    });
    const check = await checkSetup(fakeClient(world), input());
    expect(check.webserviceUser.found).toBe('unverifiable');
    const problem = check.problems.find((p) => p.code === 'USER_LOOKUP_REFUSED')!;
    expect(problem.message).toContain('GetProviderUsersByProviderId');
    expect(problem.message).toContain('"Inzien gebruikers"');
    expect(problem.message).toContain('GetEmployerUsersByProviderId');
    expect(problem.message).toContain('OAuth client');
  });

  it('finds the user as a linked member of a named team and reaches employers through its teams', async () => {
    const world = akWorld({
      providerUsers: [account('u-jdv', 'j.devries')],
      providerTeams: [team('t-bp', 'Benefits-Plaza', { isLinked: null, numberOfLinkedUsers: 1, numberOfLinkedEmployers: 4 })],
    });
    const client = fakeClient(world);
    const check = await checkSetup(client, input({ team: 'benefits-plaza' }));
    expect(check.webserviceUser).toMatchObject({ found: 'pass', id: 'u-ws', kind: 'team-user', source: 'E10' });
    expect(byNumber(check, 1).linked).toBe('pass');
    expect(client.calls).not.toContain('E12');
  });

  it("never turns a named team's employers into a pass when the user is not its member", async () => {
    const world = akWorld({
      providerUsers: [account('u-jdv', 'j.devries')],
      providerTeams: [team('t-bp', 'Benefits-Plaza', { isLinked: null, numberOfLinkedEmployers: 4 })],
      teamUsers: { 't-bp': list([{ id: 'u-jdv', userName: 'j.devries', isLinked: true }]) },
      providerEmployerUsers: [],
    });
    const check = await checkSetup(fakeClient(world), input({ team: 'Benefits-Plaza', scope: selection(1) }));
    expect(check.webserviceUser.found).toBe('unverifiable');
    expect(byNumber(check, 1)).toMatchObject({ linked: 'unverifiable', via: ['team:Benefits-Plaza'] });
    expect(check.teams).toEqual([expect.objectContaining({ description: 'Benefits-Plaza', member: false, linkedEmployers: 4 })]);
  });

  it('says when a named team does not exist', async () => {
    const world = akWorld({ providerUsers: [], providerTeams: [team('t-x', 'Iets anders')], providerEmployerUsers: [] });
    const check = await checkSetup(fakeClient(world), input({ team: 'Benefits-Plaza' }));
    expect(codes(check.problems)).toContain('TEAM_NOT_FOUND');
  });
});

describe('checkSetup — werkgevergebruiker route', () => {
  const rows = [
    {
      employerUser: { id: 'ew-1', userName: 'Webservice#01', loginMethod: 'Only via SSO' },
      employer: { id: 'emp-2', companyName: 'Werkgever 2', employerNumber: 20002 },
    },
  ];

  it('finds an employer user through E12 and reaches the employers E15 lists', async () => {
    const world = akWorld({
      providerUsers: [],
      providerEmployerUsers: rows,
      linkedEmployers: { 'ew-1': [1, 2, 3].map((n) => ({ id: `emp-${n}`, employerNumber: 20000 + n, companyName: `W ${n}` })) },
    });
    const check = await checkSetup(fakeClient(world), input({ scope: selection(3, 4) }));
    expect(check.webserviceUser).toMatchObject({ found: 'pass', kind: 'employer-user', id: 'ew-1', source: 'E12' });
    expect(check.route).toBe('werkgevergebruiker');
    expect(byNumber(check, 3)).toMatchObject({ linked: 'pass', via: ['employer-user'] });
    expect(byNumber(check, 4)).toMatchObject({ linked: 'fail' });
    expect(byNumber(check, 4).problems[0]!.fix).toContain('Toevoegen bestaande gebruiker');
  });

  it('falls back to E5 per required employer when E15 is refused', async () => {
    const world = akWorld({
      providerUsers: [],
      providerEmployerUsers: rows,
      linkedEmployers: { 'ew-1': refused('E15') },
      employerUsers: { 'emp-3': [account('ew-1', 'Webservice#01')], 'emp-4': [account('x', 'someone')], 'emp-5': refused('E5') },
    });
    const client = fakeClient(world);
    const check = await checkSetup(client, input({ scope: selection(3, 4, 5) }));
    expect(byNumber(check, 3).linked).toBe('pass');
    expect(byNumber(check, 4).linked).toBe('fail');
    expect(byNumber(check, 5).linked).toBe('unverifiable');
    // Not required, not asked: unknown.
    expect(byNumber(check, 1).linked).toBe('unverifiable');
    expect(client.calls.filter((c) => c.startsWith('E5:'))).toHaveLength(3);
  });
});

describe('checkSetup — loonheffingennummers and visibility', () => {
  it('warns about a missing and an invalid number, from the one administrations list', async () => {
    const world = akWorld({
      administrations: [payroll('emp-1', VALID), payroll('emp-1', '249566758L01'), payroll('emp-2', null), payroll('emp-3', '123456789L01')],
    });
    const client = fakeClient(world);
    const check = await checkSetup(client, input({ wageTaxNumbers: 'all' }));
    expect(byNumber(check, 1).wageTaxNumbers).toEqual([VALID, '249566758L01']);
    expect(codes(byNumber(check, 2).problems)).toContain('WAGE_TAX_NUMBER_MISSING');
    expect(codes(byNumber(check, 3).problems)).toContain('WAGE_TAX_NUMBER_INVALID');
    expect(codes(byNumber(check, 4).problems)).toContain('WAGE_TAX_NUMBER_MISSING');
    expect(client.calls.filter((c) => c.startsWith('E4:'))).toEqual([]);
  });

  it('falls back to E4 for the required employers only when E4b is refused', async () => {
    const world = akWorld({ administrations: refused('E4b'), employerAdministrations: { 'emp-1': [payroll('emp-1', VALID)] } });
    const client = fakeClient(world);
    const check = await checkSetup(client, input({ scope: selection(1) }));
    expect(byNumber(check, 1)).toMatchObject({ wageTaxNumbers: [VALID], wageTaxKnown: true });
    expect(byNumber(check, 2)).toMatchObject({ wageTaxNumbers: [], wageTaxKnown: false });
    expect(client.calls.filter((c) => c.startsWith('E4:'))).toEqual(['E4:emp-1']);
  });

  it('counts the employers the logged-in user cannot see', async () => {
    const world = akWorld({ providerEmployers: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: `emp-${n}`, employerNumber: 20000 + n, companyName: 'x' })) });
    const check = await checkSetup(fakeClient(world), input());
    expect(check.notVisible).toBe(2);
    expect(check.summary.notVisible).toBe(2);
    expect(codes(check.problems)).toContain('NOT_VISIBLE');
  });

  it('leaves visibility unknown when E3b is refused', async () => {
    const check = await checkSetup(fakeClient(akWorld({ providerEmployers: refused('E3b') })), input());
    expect(check.notVisible).toBeNull();
    expect(check.summary).not.toHaveProperty('notVisible');
  });
});

describe('checkSetup — what stops a run', () => {
  it('lets a login problem through: nothing can be checked then', async () => {
    const world = akWorld({ userTeams: { 'u-ws': new AuthError('login again') } });
    await expect(checkSetup(fakeClient(world), input())).rejects.toBeInstanceOf(AuthError);
  });

  it('stops when the employer list itself cannot be read', async () => {
    const world = akWorld();
    const client = fakeClient(world);
    client.employers = () => Promise.reject(refused('E3', 500));
    await expect(checkSetup(client, input())).rejects.toThrow('refused E3');
  });
});

describe('checkSetup — progress for the spinner', () => {
  it('tells the requests asked for and answered, never more than once per turn of the event loop, the last before the result', async () => {
    const client = fakeClient(akWorld(), { network: true });
    const seen: CheckProgress[] = [];
    await checkSetup(client, input({ onProgress: (p) => seen.push(p) }));
    expect(seen.length).toBeGreaterThan(1);
    for (const p of seen) expect(p.settled).toBeLessThanOrEqual(p.started);
    expect(seen.at(-1)).toMatchObject({ started: client.calls.length, settled: client.calls.length });
    // An answer comes with the requests it leads to: until the end, something is always still asked for.
    for (const p of seen.slice(0, -1)) expect(p.settled).toBeLessThan(p.started);
    expect(seen.map((p) => p.settled)).toEqual([...seen.map((p) => p.settled)].sort((a, b) => a - b));

    const after = seen.length;
    await client.getUser();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(after);
  });

  it('counts only its own requests, not those made before it started', async () => {
    const client = fakeClient(akWorld(), { network: true });
    await client.providers();
    await client.employers();
    const seen: CheckProgress[] = [];
    await checkSetup(client, input({ onProgress: (p) => seen.push(p) }));
    expect(seen.at(-1)!.started).toBe(client.calls.length - 2);
  });

  it('a check that never waits for an answer is told once, at its end', async () => {
    const client = fakeClient(akWorld());
    const seen: CheckProgress[] = [];
    await checkSetup(client, input({ onProgress: (p) => seen.push(p) }));
    expect(seen).toEqual([expect.objectContaining({ started: client.calls.length, settled: client.calls.length })]);
  });
});
