/**
 * Each scenario's facts, as documented in src/sandbox/scenarios.ts and relied on by the
 * end-to-end tests: found the way a client would, through the API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIO_NAMES, type ScenarioName } from '../../src/sandbox/scenarios.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { all, elevenProof, get, ok } from './helpers.js';

let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const ACTIVITIES_6B = [
  'GetUserByToken',
  'GetProvidersByUser',
  'GetEmployersByUserId',
  'GetEmployersMinimizedByProviderId',
  'GetAdministrationsByBearerToken',
  'GetAdministrationsByEmployerId',
  'GetProviderUsersByProviderId',
  'GetProviderUserAuthorizationGroupsByUserId',
  'GetAuthorizationGroupsByProviderId',
  'GetAuthorizationGroupUsersByAuthorizationGroupId',
  'GetAuthorizationGroupEmployersByAuthorizationGroupId',
  'GetEmployerUsersByProviderId',
  'GetLinkedEmployersByUserId',
  'GetEmployerUsersByEmployerId',
  'GetAuthorizationsByEmployerId',
  'GetAuthorizationModelByBearerToken',
];

interface Team {
  id: string;
  description: string;
  numberOfLinkedUsers: number;
  numberOfLinkedEmployers: number;
}

/** What a client learns from the lists that need no per-employer calls. */
async function explore(handle: SandboxHandle) {
  const provider = (await ok(handle, '/providers'))._embedded[0].id as string;
  const employers = await all(handle, '/providers/employers');
  const minimized = await all(handle, `/providers/${provider}/employers/minimized`);
  const users = await all(handle, `/providers/${provider}/users`);
  const teams = await all<Team>(handle, `/providers/${provider}/authorizationgroups`);
  const employerUsers = await all(handle, `/providers/${provider}/employers/users`);
  const administrations = await all(handle, '/providers/employers/administrations');
  const index = (id: string) => employers.findIndex((employer) => employer.id === id);
  const team = (description: string) => teams.find((candidate) => candidate.description === description);
  const teamUsers = (teamId: string) => all(handle, `/providers/authorizationgroups/${teamId}/users`);
  const teamEmployers = (teamId: string) => all(handle, `/providers/authorizationgroups/${teamId}/employers`);
  const linkedIndices = async (teamId: string) => (await teamEmployers(teamId)).filter((employer) => employer.isLinked).map((employer) => index(employer.id));
  return { provider, employers, minimized, users, teams, employerUsers, administrations, index, team, teamUsers, teamEmployers, linkedIndices };
}

const userNames = (users: { userName: string | null }[]) => users.map((user) => user.userName);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Counters agree with the lists for every team, and team lists list all candidates. */
async function expectConsistentTeams(handle: SandboxHandle, world: Awaited<ReturnType<typeof explore>>, skip: string[] = []) {
  for (const team of world.teams) {
    const users = await world.teamUsers(team.id);
    expect(users).toHaveLength(world.users.length);
    expect(users.filter((user) => user.isLinked)).toHaveLength(team.numberOfLinkedUsers);
    if (skip.includes(team.description)) continue;
    const employers = await world.teamEmployers(team.id);
    expect(employers).toHaveLength(world.minimized.length);
    expect(employers.filter((employer) => employer.isLinked)).toHaveLength(team.numberOfLinkedEmployers);
  }
  for (const user of world.users) {
    const teams = await all(handle, `/providers/users/${user.id}/authorizationGroups`);
    expect(teams.map((team) => team.id)).toEqual(world.teams.map((team) => team.id));
    for (const team of teams) {
      const members = (await world.teamUsers(team.id)).filter((member) => member.isLinked).map((member) => member.id);
      expect(team.isLinked).toBe(members.includes(user.id));
    }
  }
}

describe('default', () => {
  it('is the AK route with one of everything', async () => {
    sandbox = await startSandbox();
    expect([sandbox.scenario, sandbox.employerCount, sandbox.webserviceUser, sandbox.team]).toEqual(['default', 12, 'Webservice#01', 'Benefits-Plaza']);
    const world = await explore(sandbox);
    expect(world.employers).toHaveLength(12);
    expect(userNames(world.users)).toEqual(['j.devries', 'Webservice#01', 'p.jansen', 'm.visser', null]);
    const webservice = world.users[1];
    expect(webservice).toMatchObject({ loginMethod: { key: 3, value: 'Only via SSO' }, hasMultiFactorAuthentication: false });

    expect(world.teams.map((team) => [team.description, team.numberOfLinkedUsers, team.numberOfLinkedEmployers])).toEqual([
      ['Benefits-Plaza', 2, 10],
      ['Salarisadministratie', 3, 12],
      ['Oud team', 1, 0],
    ]);
    const benefitsPlaza = world.team('Benefits-Plaza')!;
    expect(await world.linkedIndices(benefitsPlaza.id)).toEqual(range(0, 12).filter((i) => i !== 2 && i !== 7));
    const members = (await world.teamUsers(benefitsPlaza.id)).filter((user) => user.isLinked);
    expect(userNames(members)).toEqual(['Webservice#01', 'p.jansen']);
    expect(await world.linkedIndices(world.team('Salarisadministratie')!.id)).toEqual(range(0, 12));
    const webserviceTeams = await all(sandbox, `/providers/users/${webservice.id}/authorizationGroups`);
    expect(webserviceTeams.filter((team) => team.isLinked).map((team) => team.description)).toEqual(['Benefits-Plaza']);
    await expectConsistentTeams(sandbox, world);
  });

  it('has one employer the logged-in user cannot see, refused with 403 elsewhere', async () => {
    sandbox = await startSandbox();
    const world = await explore(sandbox);
    expect(world.minimized).toHaveLength(13);
    expect(world.minimized.slice(0, 12).map((employer) => employer.id)).toEqual(world.employers.map((employer) => employer.id));
    const hidden = world.minimized[12];
    expect(world.index(hidden.id)).toBe(-1);
    for (const route of ['administrations', 'users', 'authorizations']) {
      const reply = await get(sandbox, `/providers/employers/${hidden.id}/${route}`);
      expect(reply.status, route).toBe(403);
    }
    for (const team of world.teams) {
      const row = (await world.teamEmployers(team.id)).find((employer) => employer.id === hidden.id);
      expect(row.isLinked).toBe(false);
    }
  });

  it('has one missing and one invalid loonheffingennummer, and two employers with two administrations', async () => {
    sandbox = await startSandbox();
    const world = await explore(sandbox);
    expect(world.administrations).toHaveLength(14);
    const byEmployer = new Map<number, any[]>();
    for (const administration of world.administrations) {
      const index = world.index(administration.employerId);
      byEmployer.set(index, [...(byEmployer.get(index) ?? []), administration]);
    }
    expect([...byEmployer.keys()]).toEqual(range(0, 12));
    expect([...byEmployer].filter(([, list]) => list.length === 2).map(([index]) => index)).toEqual([0, 10]);
    const payroll = world.administrations.filter((administration) => administration.isPayrollAdministration);
    const missing = payroll.filter((administration) => administration.wageTaxNumber === null).map((a) => world.index(a.employerId));
    const invalid = payroll.filter((a) => a.wageTaxNumber !== null && !elevenProof(a.wageTaxNumber)).map((a) => world.index(a.employerId));
    expect(missing).toEqual([4]);
    expect(invalid).toEqual([9]);
    expect(byEmployer.get(0)!.map((a) => a.wageTaxNumber.slice(-3))).toEqual(['L01', 'L02']);
    expect(byEmployer.get(10)![1]).toMatchObject({ isPayrollAdministration: false, wageTaxNumber: null, clientNumber: null });
    for (const [index, list] of byEmployer) {
      const own = await all(sandbox, `/providers/employers/${world.employers[index].id}/administrations`);
      expect(own).toEqual(list);
    }
  });

  it('has employer users, some never registered, each linked to its employers only', async () => {
    sandbox = await startSandbox();
    const world = await explore(sandbox);
    const rows = world.employerUsers.map((row) => [row.employerUser.userName, world.index(row.employer.id)]);
    expect(rows).toEqual([
      ['m.bakker', 1],
      ['m.bakker', 3],
      [null, 5],
      [expect.stringMatching(/\.\d{5}$/), 0],
      [expect.stringMatching(/\.\d{5}$/), 3],
      [expect.stringMatching(/\.\d{5}$/), 6],
      [expect.stringMatching(/\.\d{5}$/), 9],
    ]);
    expect(world.employerUsers[0].employerUser.isLinkedToMultipleEmployers).toBe(true);
    const providerUserIds = new Set(world.users.map((user) => user.id));
    for (const [i, employer] of world.employers.entries()) {
      const users = await all(sandbox, `/providers/employers/${employer.id}/users`);
      expect(users.map((user) => user.id).sort(), `employer #${i}`).toEqual(
        world.employerUsers
          .filter((row) => row.employer.id === employer.id)
          .map((row) => row.employerUser.id)
          .sort(),
      );
      expect(users.some((user) => providerUserIds.has(user.id))).toBe(false);
    }
    const bakker = world.employerUsers[0].employerUser.id;
    expect((await all(sandbox, `/providers/employers/users/${bakker}/employers`)).map((e) => world.index(e.id))).toEqual([1, 3]);
    const local = world.employerUsers[4].employerUser.id;
    expect((await all(sandbox, `/providers/employers/users/${local}/employers`)).map((e) => world.index(e.id))).toEqual([3]);
    const reply = await get(sandbox, `/providers/employers/users/${world.users[1].id}/employers`);
    expect([reply.status, reply.text]).toEqual([404, '']);
  });

  it('shows the logged-in user without id or userName, its activities and the authorization model', async () => {
    sandbox = await startSandbox();
    const user = (await ok(sandbox, '/user')).content;
    expect(Object.keys(user)).toEqual(['personalDetails', 'contactInformation', 'user', 'photo']);
    expect(user.personalDetails).toEqual({ firstName: 'Jan', initials: 'J.', prefix: 'de', lastName: 'Vries' });
    const employerId = (await ok(sandbox, '/providers/employers'))._embedded[0].id;
    const activities = (await all(sandbox, `/providers/employers/${employerId}/authorizations`)).map((item) => item.description);
    expect(activities).toEqual(expect.arrayContaining(['GetEmployerByEmployerId', 'GetAdministrationsByEmployerId', 'GetEmployerUsersByEmployerId']));
    const model = await all(sandbox, '/authorizationmodel');
    expect(model.map((activity) => activity.description)).toEqual(expect.arrayContaining(ACTIVITIES_6B));
    for (const activity of model) {
      expect(activity.authorizations.length, activity.description).toBeGreaterThan(0);
      expect(activity.functionalDescription).toMatch(/^\S/);
    }
    const teams = model.find((activity) => activity.description === 'GetAuthorizationGroupEmployersByAuthorizationGroupId');
    expect(teams.authorizations.map((right: { description: string }) => right.description)).toEqual(['Beheren teams']);
  });
});

describe('all-good', () => {
  it('links every employer through Benefits-Plaza, whose only member is the webservice user', async () => {
    sandbox = await startSandbox({ scenario: 'all-good' });
    const world = await explore(sandbox);
    expect(world.employers).toHaveLength(12);
    expect(world.minimized.map((employer) => employer.id)).toEqual(world.employers.map((employer) => employer.id));
    expect(userNames(world.users)).toEqual(['j.devries', 'Webservice#01', 'm.visser', null]);
    expect(world.teams.map((team) => [team.description, team.numberOfLinkedUsers, team.numberOfLinkedEmployers])).toEqual([
      ['Benefits-Plaza', 1, 12],
      ['Salarisadministratie', 2, 12],
    ]);
    const members = (await world.teamUsers(world.team('Benefits-Plaza')!.id)).filter((user) => user.isLinked);
    expect(userNames(members)).toEqual(['Webservice#01']);
    const payroll = world.administrations.filter((a) => a.isPayrollAdministration);
    expect(payroll.every((a) => a.wageTaxNumber !== null && elevenProof(a.wageTaxNumber))).toBe(true);
    expect(world.administrations).toHaveLength(15);
    await expectConsistentTeams(sandbox, world);
  });
});

describe('none-linked', () => {
  it('has the webservice user in no team', async () => {
    sandbox = await startSandbox({ scenario: 'none-linked' });
    const world = await explore(sandbox);
    const webservice = world.users.find((user) => user.userName === 'Webservice#01');
    const teams = await all(sandbox, `/providers/users/${webservice.id}/authorizationGroups`);
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((team) => team.isLinked === false)).toBe(true);
    for (const team of world.teams) {
      const row = (await world.teamUsers(team.id)).find((user) => user.id === webservice.id);
      expect(row.isLinked).toBe(false);
    }
    expect(world.team('Benefits-Plaza')).toMatchObject({ numberOfLinkedUsers: 0, numberOfLinkedEmployers: 12 });
    await expectConsistentTeams(sandbox, world);
  });
});

describe('werkgevergebruiker', () => {
  it('has the webservice user as an employer user of employers #0, #4 and #9, in no team', async () => {
    sandbox = await startSandbox({ scenario: 'werkgevergebruiker' });
    const world = await explore(sandbox);
    expect(userNames(world.users)).not.toContain('Webservice#01');
    expect(world.teams.map((team) => team.description)).toEqual(['Salarisadministratie']);
    const rows = world.employerUsers.filter((row) => row.employerUser.userName === 'Webservice#01');
    expect(rows.map((row) => world.index(row.employer.id))).toEqual([0, 4, 9]);
    const id = rows[0].employerUser.id;
    expect(rows[0].employerUser).toMatchObject({ loginMethod: { key: 3, value: 'Only via SSO' }, isLinkedToMultipleEmployers: true });
    expect((await all(sandbox, `/providers/employers/users/${id}/employers`)).map((e) => world.index(e.id))).toEqual([0, 4, 9]);
    for (const [i, employer] of world.employers.entries()) {
      const users = await all(sandbox, `/providers/employers/${employer.id}/users`);
      expect(
        users.some((user) => user.id === id),
        `employer #${i}`,
      ).toBe([0, 4, 9].includes(i));
    }
    for (const team of world.teams) expect((await world.teamUsers(team.id)).some((user) => user.id === id)).toBe(false);
    expect((await get(sandbox, `/providers/users/${id}/authorizationGroups`)).status).toBe(404);
    await expectConsistentTeams(sandbox, world);
  });
});

describe('hidden-user', () => {
  it('lists the webservice user nowhere, while team Benefits-Plaza exists', async () => {
    sandbox = await startSandbox({ scenario: 'hidden-user' });
    expect(sandbox.team).toBe('Benefits-Plaza');
    const world = await explore(sandbox);
    expect(userNames(world.users)).toEqual(['j.devries', 'p.jansen', 'm.visser', null]);
    expect(world.employerUsers.some((row) => row.employerUser.userName === 'Webservice#01')).toBe(false);
    const team = world.team('Benefits-Plaza')!;
    expect(team).toMatchObject({ numberOfLinkedUsers: 1, numberOfLinkedEmployers: 10 });
    expect(userNames((await world.teamUsers(team.id)).filter((user) => user.isLinked))).toEqual(['p.jansen']);
    for (const candidate of world.teams) expect(userNames(await world.teamUsers(candidate.id))).not.toContain('Webservice#01');
    for (const employer of world.employers) expect(userNames(await all(sandbox, `/providers/employers/${employer.id}/users`))).not.toContain('Webservice#01');
    const filtered = await ok(sandbox, `/providers/${world.provider}/users?filter=${encodeURIComponent("userName eq 'Webservice#01'")}`);
    expect(filtered).toMatchObject({ totalSize: 0, _embedded: [] });
    await expectConsistentTeams(sandbox, world);
  });
});

describe('team-read-fails', () => {
  it('links the webservice user to two teams, one of whose employer list answers 500 every time', async () => {
    sandbox = await startSandbox({ scenario: 'team-read-fails' });
    const world = await explore(sandbox);
    const webservice = world.users.find((user) => user.userName === 'Webservice#01');
    const linked = (await all(sandbox, `/providers/users/${webservice.id}/authorizationGroups`)).filter((team) => team.isLinked);
    expect(linked.map((team) => [team.description, team.numberOfLinkedUsers, team.numberOfLinkedEmployers])).toEqual([
      ['Benefits-Plaza', 1, 8],
      ['Benefits-Plaza Noord', 1, 4],
    ]);
    expect(await world.linkedIndices(linked[0].id)).toEqual(range(0, 8));
    for (const query of ['', '?filter=isLinked eq true', '?pageNumber=2']) {
      const reply = await get(sandbox, `/providers/authorizationgroups/${linked[1].id}/employers${query}`);
      expect([reply.status, reply.text], query).toEqual([500, '']);
    }
    expect((await world.teamUsers(linked[1].id)).filter((user) => user.isLinked)).toHaveLength(1);
    await expectConsistentTeams(sandbox, world, ['Benefits-Plaza Noord']);
  });
});

describe('no-rights', () => {
  it("refuses provider users, teams and employer users with the spec's 403; everything else works", async () => {
    sandbox = await startSandbox({ scenario: 'no-rights' });
    const provider = (await ok(sandbox, '/providers'))._embedded[0].id;
    const employerId = (await ok(sandbox, '/providers/employers'))._embedded[0].id;
    const someId = employerId;
    const refused = [
      `/providers/${provider}/users`,
      `/providers/users/${someId}/authorizationGroups`,
      `/providers/authorizationgroups/${someId}/users`,
      `/providers/authorizationgroups/${someId}/employers`,
      `/providers/${provider}/employers/users`,
      `/providers/${provider}/authorizationgroups`,
      `/providers/employers/users/${someId}/employers`,
      `/providers/employers/${employerId}/users`,
    ];
    for (const path of refused) {
      const reply = await get(sandbox, path);
      expect(reply.status, path).toBe(403);
      expect(reply.body, path).toEqual({ message: expect.stringMatching(/^Insufficient rights for this request/) });
    }
    for (const path of [
      '/user',
      '/providers',
      '/providers/employers',
      `/providers/${provider}/employers/minimized`,
      '/providers/employers/administrations',
      `/providers/employers/${employerId}/administrations`,
      `/providers/employers/${employerId}/authorizations`,
      '/authorizationmodel',
    ]) {
      expect((await get(sandbox, path)).status, path).toBe(200);
    }
    const activities = (await all(sandbox, `/providers/employers/${employerId}/authorizations`)).map((item) => item.description);
    expect(activities).toContain('GetEmployerByEmployerId');
    expect(activities).not.toContain('GetEmployerUsersByEmployerId');
  });
});

describe('large', () => {
  it('has 2,000 employers by default, all in team Benefits-Plaza', async () => {
    sandbox = await startSandbox({ scenario: 'large' });
    expect(sandbox.employerCount).toBe(2000);
    const provider = (await ok(sandbox, '/providers'))._embedded[0].id;
    expect((await ok(sandbox, '/providers/employers')).totalSize).toBe(2000);
    const team = (await ok(sandbox, `/providers/${provider}/authorizationgroups`))._embedded[0];
    expect(team).toMatchObject({ description: 'Benefits-Plaza', numberOfLinkedUsers: 1, numberOfLinkedEmployers: 2000 });
    const linked = await ok(sandbox, `/providers/authorizationgroups/${team.id}/employers?filter=isLinked eq true`);
    expect(linked).toMatchObject({ totalSize: 2000, totalPages: 8 });
  });
});

describe('every scenario', () => {
  it.each(SCENARIO_NAMES.filter((name) => name !== 'large' && name !== 'flaky'))(
    '%s: valid loonheffingennummers unless documented',
    async (name: ScenarioName) => {
      sandbox = await startSandbox({ scenario: name });
      const administrations = await all(sandbox, '/providers/employers/administrations');
      const bad = administrations.filter((a) => a.isPayrollAdministration && (a.wageTaxNumber === null || !elevenProof(a.wageTaxNumber)));
      expect(bad).toHaveLength(name === 'default' ? 2 : 0);
      const users = name === 'no-rights' ? [] : await all(sandbox, `/providers/${(await ok(sandbox, '/providers'))._embedded[0].id}/users`);
      if (name !== 'no-rights') expect(users.some((user) => user.userName === null)).toBe(true);
    },
  );
});
