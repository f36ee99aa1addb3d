/**
 * The desktop's browser: whether there is one to ask, and opening a page in it (best effort; the
 * URL is always printed too). Used for the login, the report and the pages the steps point to.
 */
import { spawn } from 'node:child_process';
import { childEnvironment } from '../env.js';

export interface BrowserDeps {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  spawn?: typeof spawn;
}

/** True when this session has a desktop to open a browser on (macOS, Windows, or X11/Wayland). */
export function canOpenBrowser(deps: Pick<BrowserDeps, 'platform' | 'env'> = {}): boolean {
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  return platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Best effort: returns false when there is no browser to ask for (the URL is printed anyway). */
export function openBrowser(url: string, deps: BrowserDeps = {}): boolean {
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  const run = deps.spawn ?? spawn;
  let command: [string, string[], { windowsVerbatimArguments?: boolean }];
  if (platform === 'darwin') command = ['open', [url], {}];
  // cmd treats & as a command separator, so it is escaped; the empty title keeps `start` from eating the URL.
  else if (platform === 'win32') command = ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')], { windowsVerbatimArguments: true }];
  else if (env.DISPLAY || env.WAYLAND_DISPLAY) command = ['xdg-open', [url], {}];
  else return false;
  try {
    // The opener (and the browser it may start) outlives this run: it gets no tokens or secrets.
    const child = run(command[0], command[1], { ...command[2], env: childEnvironment(env), detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
