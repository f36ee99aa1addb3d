import { t, type MessageKey } from '../i18n/index.js';
import type { SandboxHandle } from './server.js';

/** What `loket-asr-setup sandbox` prints once the simulator listens: everything a script needs. */
export function formatSandboxBanner(handle: SandboxHandle, title?: string): string {
  const rows: [MessageKey, string][] = [
    ['sandbox.banner.url', handle.url],
    ['sandbox.banner.apiUrl', handle.apiUrl],
    ['sandbox.banner.authUrl', handle.authUrl],
    ['sandbox.banner.clientId', handle.clientId],
    ['sandbox.banner.accessToken', handle.accessToken],
    ['sandbox.banner.refreshToken', handle.refreshToken],
    ['sandbox.banner.webserviceUser', handle.webserviceUser],
    ['sandbox.banner.team', handle.team],
  ];
  const labels = rows.map(([key, value]) => [`${t(key)}:`, value] as const);
  const width = Math.max(...labels.map(([label]) => label.length));
  return [
    // A replay says what it serves instead ("fictional data" would not be true of a real office's dump).
    title ?? t('sandbox.banner.title', { scenario: handle.scenario, employers: handle.employerCount }),
    ...labels.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    t('sandbox.banner.stop'),
  ].join('\n');
}
