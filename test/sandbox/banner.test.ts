import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { formatSandboxBanner } from '../../src/sandbox/banner.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'none-linked', employers: 5 });
});
afterAll(() => sandbox.close());
afterEach(() => setLang('nl'));

describe('formatSandboxBanner', () => {
  it('shows everything a script needs, aligned, in Dutch by default', () => {
    const lines = formatSandboxBanner(sandbox).split('\n');
    expect(lines[0]).toContain('none-linked');
    expect(lines[0]).toContain('5 werkgevers');
    for (const value of [
      sandbox.url,
      sandbox.apiUrl,
      sandbox.authUrl,
      sandbox.clientId,
      sandbox.accessToken,
      sandbox.refreshToken,
      'Webservice#01',
      'Benefits-Plaza',
    ]) {
      expect(lines.some((line) => line.endsWith(`  ${value}`))).toBe(true);
    }
    expect(lines.some((line) => /^  Team:\s+Benefits-Plaza$/.test(line))).toBe(true);
    const valueColumns = new Set(lines.slice(1, -1).map((line) => line.search(/ {2}\S+$/)));
    expect(valueColumns.size).toBe(1);
    expect(lines.at(-1)).toBe('Ctrl+C om te stoppen.');
  });

  it('speaks English when asked', () => {
    setLang('en');
    const banner = formatSandboxBanner(sandbox);
    expect(banner).toContain('5 employers');
    expect(banner).toContain('Ctrl+C to stop.');
  });
});
