import { afterAll, describe, expect, it } from 'vitest';
import { LANGS, messages, setLang, t, type MessageKey } from '../../src/i18n/index.js';

afterAll(() => setLang('nl'));

describe('t() finds every message in its own area', () => {
  it('each key starts with the name of its area, so the lookup by area finds it in both languages', () => {
    for (const lang of LANGS) {
      const lost = (Object.keys(messages(lang)) as MessageKey[]).filter((key) => t(key, undefined, lang) === key);
      expect(lost, lang).toEqual([]);
    }
  });
});
