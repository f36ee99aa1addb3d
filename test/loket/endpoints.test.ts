import { describe, expect, it } from 'vitest';
import { acceptHeader, DEFAULT_VERSION, ENDPOINTS, endpointOf, PATHS, REQUIRED_ACTIVITIES, type EndpointId } from '../../src/loket/endpoints.js';

describe('the endpoint table', () => {
  const ids = Object.keys(ENDPOINTS) as EndpointId[];

  it('has a path for every endpoint, and every path is recognised as its own endpoint', () => {
    expect(Object.keys(PATHS).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const path = (PATHS[id] as (...args: string[]) => string)('0b7c1d1e-8f2a-4c55-9e0f-3a1b2c3d4e5f', 'x');
      expect([id, endpointOf(path)]).toEqual([id, id]);
    }
    expect(endpointOf('/providers/employers/e-1/users/u-1/authorizations')).toBeUndefined();
  });

  it('lists the 16 activities of loket-api.md §6b, each once', () => {
    expect(REQUIRED_ACTIVITIES).toHaveLength(16);
    expect(new Set(REQUIRED_ACTIVITIES).size).toBe(16);
    expect(REQUIRED_ACTIVITIES).toContain('GetAuthorizationGroupEmployersByAuthorizationGroupId');
  });

  it('tries SSO_gebruiker only for E8 and E5, after the date and after no version', () => {
    for (const id of ids) {
      expect([id, ENDPOINTS[id].versions]).toEqual([id, id === 'E8' || id === 'E5' ? [DEFAULT_VERSION, null, 'SSO_gebruiker'] : [DEFAULT_VERSION]]);
    }
    expect(ids.filter((id) => !ENDPOINTS[id].paged).sort()).toEqual(['E1', 'E7']);
  });

  it('builds the Accept header', () => {
    expect(acceptHeader('2018-01-01')).toBe('application/json;version=2018-01-01');
    expect(acceptHeader(null)).toBe('application/json');
  });
});
