/** The ground floor's one rule for child processes (src/env.ts childEnvironment). */
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../src/env.js';

describe('childEnvironment: what a clipboard tool or browser opener may see', () => {
  const needed = {
    PATH: '/usr/local/bin:/usr/bin',
    HOME: '/home/jan',
    PWD: '/home/jan/kantoor',
    LANG: 'nl_NL.UTF-8',
    DISPLAY: ':0',
    XAUTHORITY: '/run/user/1000/gdm/Xauthority',
    WAYLAND_DISPLAY: 'wayland-0',
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus',
    XDG_RUNTIME_DIR: '/run/user/1000',
    XDG_SESSION_TYPE: 'wayland',
    BROWSER: 'firefox',
    SystemRoot: 'C:\\Windows',
    HTTPS_PROXY: 'http://proxy.kantoor.example:8080',
  };
  const secret = {
    LOKET_ACCESS_TOKEN: 'at-canary',
    LOKET_REFRESH_TOKEN: 'rt-canary',
    LOKET_CLIENT_SECRET: 'cs-canary',
    LOKET_CLIENT_ID: 'client-1',
    LOKET_API_URL: 'https://api.loket-acc.nl/v2',
    LOKET_ASR_SETUP_OFFICE_NAME: 'Kantoor',
    loket_access_token: 'lower-case-canary',
    GITHUB_TOKEN: 'ghp_canary',
    AWS_SECRET_ACCESS_KEY: 'aws-canary',
    AWS_SESSION_TOKEN: 'aws-session-canary',
    NPM_CONFIG__AUTH: 'npm-canary',
    DB_PASSWORD: 'db-canary',
    OPENAI_API_KEY: 'sk-canary',
    GOOGLE_APPLICATION_CREDENTIALS: '/keys/canary.json',
    SSH_AUTH_SOCK: '/tmp/ssh-agent.sock',
    HTTP_PROXY: 'http://jan:geheim@proxy.kantoor.example:8080',
  };

  it('keeps what the tools need and drops every LOKET_ variable, secret-named variable and URL with credentials', () => {
    expect(childEnvironment({ ...needed, ...secret })).toEqual(needed);
  });

  it('never hands on a value of a dropped variable under any name', () => {
    const values = Object.values(childEnvironment({ ...needed, ...secret }));
    for (const value of Object.values(secret)) expect(values).not.toContain(value);
  });
});
