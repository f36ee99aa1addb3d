import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { formatSandboxBanner, sandboxCommand } from '../../src/sandbox/banner.js';
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
    const valueColumns = new Set(lines.slice(1, lines.indexOf('')).map((line) => line.search(/ {2}\S+$/)));
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

describe('the command to paste into a second terminal', () => {
  it('sets the client id and refresh token as variables (never arguments), points at the simulator, in a profile of its own', () => {
    const line = sandboxCommand(sandbox, 'sandbox', 'linux');
    expect(line).toBe(
      `LOKET_CLIENT_ID=${sandbox.clientId} LOKET_REFRESH_TOKEN=${sandbox.refreshToken} loket-asr-setup --profile sandbox --api-url ${sandbox.apiUrl} --auth-url ${sandbox.authUrl}`,
    );
    expect(line).not.toContain(sandbox.accessToken);
    expect(formatSandboxBanner(sandbox)).toContain(`\n  ${line}\n`);
    expect(formatSandboxBanner(sandbox)).toContain("verify --webservice-user 'Webservice#01'");
  });

  it('PowerShell on Windows; a profile name with a space is quoted', () => {
    expect(sandboxCommand(sandbox, 'mijn kantoor', 'win32')).toMatch(
      /^\$env:LOKET_CLIENT_ID=\S+; \$env:LOKET_REFRESH_TOKEN=\S+; loket-asr-setup --profile 'mijn kantoor' --api-url /,
    );
  });
});
