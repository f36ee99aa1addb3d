/**
 * The entry of dist/light.cjs (scripts/build.ts, buildLightBundle): the commands that read saved
 * progress and must start about as fast as Node itself, as one CommonJS file. The rest of the CLI is
 * ES modules (dist/cli.js and its chunks), and the first import() of an ES module starts Node's ES
 * module loader, which costs a start some 7 ms of CPU before a line of ours runs; require() does not.
 * The shim (bin/loket-asr-setup.js) tries this file first when the command line names one of these
 * commands, and imports dist/cli.js when runLight says no.
 *
 * These commands never prompt, never spin and never start the simulator; `verify` talks to Loket.nl
 * only as it does unattended (unattendedVerify). So the bundle holds of the modules loaded lazily
 * only those such a verify loads (the session, the saved checks, the answers file, the proxy
 * agents; the build replaces every other import() by an error, a bug if ever reached,
 * scripts/build.ts); `config reset` asks for confirmation and therefore runs from dist/cli.js.
 */
import { ENV } from '../env.js';
import { isTerminal } from '../ui/stdio.js';
import type { CommandPath } from './command-loaders.js';
import { quickCommand, runQuick, type QuickCommand } from './quick.js';

export const LIGHT_COMMANDS: ReadonlySet<CommandPath> = new Set<CommandPath>(['status', 'config path', 'config get', 'config set', 'ticket', 'verify']);

/**
 * `verify` as CI and cron jobs run it: no terminal on stdout or stderr (so no spinner and no prompt:
 * ora and inquirer are not in this file) and no simulator (--sandbox, --replay: not in this file
 * either). Given on the command line or in the environment, even as "0", either sends the run to
 * dist/cli.js, which does everything.
 */
export function unattendedVerify({ options }: QuickCommand, env: NodeJS.ProcessEnv, terminal: (fd: 1 | 2) => boolean = isTerminal): boolean {
  if (options.sandbox !== undefined || options.replay !== undefined) return false;
  if (env[ENV.sandbox] || env[ENV.replay]) return false;
  return !terminal(1) && !terminal(2);
}

/** Runs the command line when it names one of LIGHT_COMMANDS (the process then exits with its code); false otherwise. */
export function runLight(argv: string[]): boolean {
  const quick = quickCommand(argv);
  if (!quick || !LIGHT_COMMANDS.has(quick.path)) return false;
  if (quick.path === 'verify' && !unattendedVerify(quick, process.env)) return false;
  void runQuick(quick);
  return true;
}
