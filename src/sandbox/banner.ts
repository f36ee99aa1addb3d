import { ENV, SANDBOX_PROFILE } from '../env.js';
import { t, type MessageKey } from '../i18n/index.js';
import type { SandboxHandle } from './server.js';

/** A value as one shell word: bare when it is plain, else in single quotes (POSIX and PowerShell alike). */
function word(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, process.platform === 'win32' ? "''" : "'\\''")}'`;
}

/**
 * The line to paste into a second terminal: the refresh token and client id as variables (not
 * arguments), the simulator's URLs, and a profile of its own so a real office's progress is never
 * touched. A refresh token, not the access token, so it still works after the hour an access token
 * lasts. PowerShell sets variables differently; other shells take the POSIX prefix.
 */
export function sandboxCommand(handle: SandboxHandle, profile: string, platform: NodeJS.Platform = process.platform): string {
  const vars: [string, string][] = [
    [ENV.clientId, handle.clientId],
    [ENV.refreshToken, handle.refreshToken],
  ];
  const command = `loket-asr-setup --profile ${word(profile)} --api-url ${word(handle.apiUrl)} --auth-url ${word(handle.authUrl)}`;
  if (platform === 'win32') return `${vars.map(([name, value]) => `$env:${name}=${word(value)};`).join(' ')} ${command}`;
  return `${vars.map(([name, value]) => `${name}=${word(value)}`).join(' ')} ${command}`;
}

/** What `loket-asr-setup sandbox` prints once the simulator listens: everything a script needs. */
export function formatSandboxBanner(handle: SandboxHandle, title?: string, profile: string = SANDBOX_PROFILE): string {
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
    '',
    t('sandbox.banner.paste'),
    `  ${sandboxCommand(handle, profile)}`,
    t('sandbox.banner.pasteNext', { example: `verify --webservice-user ${word(handle.webserviceUser)}` }),
    '',
    t('sandbox.banner.stop'),
  ].join('\n');
}
