/**
 * The entry of dist/light.cjs (scripts/build.ts, buildLightBundle): the commands that read saved
 * progress and must start about as fast as Node itself, as one CommonJS file. The rest of the CLI is
 * ES modules (dist/cli.js and its chunks), and the first import() of an ES module starts Node's ES
 * module loader, which costs a start some 7 ms of CPU before a line of ours runs; require() does not.
 * The shim (bin/loket-asr-setup.js) tries this file first when the command line names one of these
 * commands, and imports dist/cli.js when runLight says no.
 *
 * These commands never prompt, never spin, never talk to Loket and never start the simulator, so the
 * bundle leaves out every module loaded lazily (the build replaces each import() by an error, a bug
 * if ever reached); `config reset` asks for confirmation and therefore runs from dist/cli.js.
 */
import type { CommandPath } from './command-loaders.js';
import { quickCommand, runQuick } from './quick.js';

export const LIGHT_COMMANDS: ReadonlySet<CommandPath> = new Set<CommandPath>(['status', 'config path', 'config get', 'config set', 'ticket']);

/** Runs the command line when it names one of LIGHT_COMMANDS (the process then exits with its code); false otherwise. */
export function runLight(argv: string[]): boolean {
  const quick = quickCommand(argv);
  if (!quick || !LIGHT_COMMANDS.has(quick.path)) return false;
  void runQuick(quick);
  return true;
}
