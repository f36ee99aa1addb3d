import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalError } from '../../src/errors.js';
import { emptyProfile, upgrade } from '../../src/store/index.js';

describe('upgrade', () => {
  it('passes a current file through', () => {
    const result = upgrade({ schemaVersion: 2, profiles: { sandbox: { clientId: 'c' } } });
    expect(result.upgradedFrom).toBeUndefined();
    expect(result.root.profiles.sandbox).toEqual({ ...emptyProfile(), clientId: 'c' });
  });

  it.each([
    ['version 1', { schemaVersion: 1, environmentCode: 'ABC', route: 'werkgevergebruiker' }],
    ['no version', { environmentCode: 'ABC', route: 'werkgevergebruiker' }],
  ])('moves a %s single profile under profiles.default', (_name, raw) => {
    const result = upgrade(raw);
    expect(result.upgradedFrom).toBe(1);
    expect(Object.keys(result.root.profiles)).toEqual(['default']);
    expect(result.root.profiles.default).toEqual({ ...emptyProfile(), environmentCode: 'ABC', route: 'werkgevergebruiker' });
  });

  it('refuses a newer schema with exit code 5', () => {
    expect(() => upgrade({ schemaVersion: 99 })).toThrow(LocalError);
  });

  it.each([[null], ['text'], [[]], [{ schemaVersion: 2, profiles: 'x' }], [{ schemaVersion: '2' }]])(
    'rejects %j as invalid',
    (raw) => {
      expect(() => upgrade(raw)).toThrow(z.ZodError);
    },
  );
});

describe('emptyProfile', () => {
  it('has every step todo and empty collections', () => {
    expect(emptyProfile()).toEqual({
      steps: { '1': { state: 'todo' }, '2': { state: 'todo' }, '3': { state: 'todo' }, '4': { state: 'todo' }, '5': { state: 'todo' } },
      office: {},
      tickets: {},
      confirmations: [],
      asr: {},
      employers: {},
    });
  });

  it('gives fresh objects every time', () => {
    const first = emptyProfile();
    first.steps['1'].state = 'done';
    first.confirmations.push({ subject: 's', step: '1', by: 'me', at: '2026-11-28T10:00:00.000Z' });
    expect(emptyProfile().steps['1'].state).toBe('todo');
    expect(emptyProfile().confirmations).toEqual([]);
  });
});
