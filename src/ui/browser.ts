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

type Opener = [command: string, args: string[], options: { windowsVerbatimArguments?: boolean }];

/**
 * How this session opens a page, or undefined. `BROWSER` wins, as for git and Python's webbrowser:
 * the first program it names (separated like PATH) gets the URL, and `BROWSER=none` opens nothing.
 * Then macOS `open`, Windows `start`; in WSL (no Linux desktop needed) Windows' own `start` through
 * cmd.exe; on other Linux xdg-open, with a display only.
 */
function opener(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Opener | undefined {
  // cmd treats & as a command separator, so it is escaped; the empty title keeps `start` from eating the URL.
  const windowsStart = ['/c', 'start', '""', url.replace(/&/g, '^&')];
  const browser = env.BROWSER?.split(platform === 'win32' ? ';' : ':')
    .map((entry) => entry.trim())
    .find((entry) => entry !== '');
  if (browser?.toLowerCase() === 'none') return undefined;
  if (browser) return [browser, [url], {}];
  if (platform === 'darwin') return ['open', [url], {}];
  if (platform === 'win32') return ['cmd', windowsStart, { windowsVerbatimArguments: true }];
  if (env.WSL_DISTRO_NAME || env.WSL_INTEROP) return ['cmd.exe', windowsStart, {}];
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return ['xdg-open', [url], {}];
  return undefined;
}

/** True when this session has a browser to open a page in (see opener: BROWSER, macOS, Windows, WSL, a Linux desktop). */
export function canOpenBrowser(deps: Pick<BrowserDeps, 'platform' | 'env'> = {}): boolean {
  return opener('about:blank', deps.platform ?? process.platform, deps.env ?? process.env) !== undefined;
}

/** Best effort: returns false when there is no browser to ask for (the URL is printed anyway). */
export function openBrowser(url: string, deps: BrowserDeps = {}): boolean {
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  const run = deps.spawn ?? spawn;
  const command = opener(url, platform, env);
  if (!command) return false;
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
