import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { checkEmployers, missingAuthorizations, summarize } from '../../src/loket/checks.js';
import type { LoketClient } from '../../src/loket/client.js';
import { startSandbox, type SandboxHandle, type ScenarioName } from '../../src/sandbox/server.js';
import { fetchEmployers } from '../../src/steps/shared.js';
import { sandboxSession } from '../helpers/sandbox.js';

let handle: SandboxHandle | undefined;
let client: LoketClient | undefined;

async function setup(scenario: ScenarioName) {
  handle = await startSandbox({ scenario });
  client = sandboxSession(handle).client;
  return { handle, client };
}

afterEach(async () => {
  client?.close();
  await handle?.close();
  handle = undefined;
  client = undefined;
});

const options = { webserviceUser: 'webservice#01', administrations: true, entities: true };

describe('checks against the simulator', () => {
  setLang('en');

  it('default scenario: unlinked, missing verlof and unverifiable are told apart', async () => {
    const { client } = await setup('default');
    const employers = await fetchEmployers(client);
    const checks = await checkEmployers(client, employers, options);
    const byCode = (code: string) => checks.filter((c) => c.problems.some((p) => p.code === code));
    expect(byCode('NOT_LINKED')).toHaveLength(2);
    expect(byCode('NOT_LINKED').every((c) => c.linked === 'fail' && c.verdict === 'fail')).toBe(true);
    const verlof = checks.filter((c) => c.entities.verlof === 'fail');
    expect(verlof).toHaveLength(2);
    expect(verlof.every((c) => c.entities.werkgever === 'pass' && c.entities.persoon === 'pass')).toBe(true);
    const unverifiable = byCode('ENTITIES_UNVERIFIABLE');
    expect(unverifiable).toHaveLength(1);
    expect(unverifiable[0]!.verdict).toBe('unverifiable');
    expect(Object.values(unverifiable[0]!.entities)).toEqual(['unverifiable', 'unverifiable', 'unverifiable']);
    expect(byCode('WAGE_TAX_NUMBER_MISSING')).toHaveLength(1);
    expect(byCode('WAGE_TAX_NUMBER_INVALID')).toHaveLength(1);
    expect(summarize(checks)).toEqual({ employers: 12, linked: 10, authorized: 7, failed: 4, unverifiable: 1 });
    expect(missingAuthorizations(checks).map((m) => m.missingEntities)).toEqual([['verlof'], ['verlof']]);
  });

  it('all-good: every employer passes, rights-style E6 answers included', async () => {
    const { client } = await setup('all-good');
    const checks = await checkEmployers(client, await fetchEmployers(client), options);
    expect(checks.every((c) => c.verdict === 'pass')).toBe(true);
    expect(summarize(checks)).toMatchObject({ failed: 0, unverifiable: 0, authorized: 12 });
  });

  it('none-linked: every employer fails on the link, entities are not called pass', async () => {
    const { client } = await setup('none-linked');
    const checks = await checkEmployers(client, await fetchEmployers(client), options);
    expect(checks.every((c) => c.linked === 'fail' && c.verdict === 'fail')).toBe(true);
    expect(checks.some((c) => Object.values(c.entities).includes('pass'))).toBe(false);
  });

  it.each([403, 404])('E6 answering %i makes the entities unverifiable, never pass or fail', async (status) => {
    const { handle, client } = await setup('all-good');
    handle.setOverride('E6', () => ({ status, body: { errors: [{ message: 'niet geautoriseerd' }] } }));
    const checks = await checkEmployers(client, await fetchEmployers(client), options);
    expect(checks.every((c) => c.verdict === 'unverifiable')).toBe(true);
    expect(checks.every((c) => Object.values(c.entities).every((r) => r === 'unverifiable'))).toBe(true);
  });

  it('E5 answering 403 makes the link unverifiable, not failed', async () => {
    const { handle, client } = await setup('all-good');
    handle.setOverride('E5', () => ({ status: 403, body: { errors: [{ message: 'niet geautoriseerd' }] } }));
    const checks = await checkEmployers(client, await fetchEmployers(client), options);
    expect(checks.every((c) => c.linked === 'unverifiable' && c.verdict === 'unverifiable')).toBe(true);
    expect(checks[0]!.problems[0]!.message).toContain('niet geautoriseerd');
  });

  it('a disabled right does not count', async () => {
    const { handle, client } = await setup('all-good');
    handle.setOverride('E6', () => ({
      status: 200,
      body: {
        _embedded: [
          { id: '1', description: 'Raadplegen werkgever', isEnabled: true },
          { id: '2', description: 'Beheren dienstverbanden', isEnabled: true },
          { id: '3', description: 'Raadplegen verlof', isEnabled: false },
        ],
        currentPage: 1,
        totalPages: 1,
      },
    }));
    const [first] = await fetchEmployers(client);
    const [check] = await checkEmployers(client, [first!], options);
    expect(check!.entities).toEqual({ werkgever: 'pass', persoon: 'pass', verlof: 'fail' });
  });

  it('reports progress up to the total', async () => {
    const { client } = await setup('all-good');
    const seen: number[] = [];
    await checkEmployers(client, await fetchEmployers(client), { ...options, onProgress: (done) => seen.push(done) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(12);
  });
});
