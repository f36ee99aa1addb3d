/**
 * Every command's module by the words that name it ('' is the wizard, 'config get'), loaded only when
 * that command runs — but for status, config and ticket, which every bundle holds anyway (dist/light.cjs
 * runs them; in dist/cli.js import()ing them would make them entry points, and esbuild splits by
 * entry points). commander's program (main.ts) and the quick path (quick.ts) run commands from it.
 */
import * as config from './commands/config.js';
import * as status from './commands/status.js';
import * as ticket from './commands/ticket.js';
import { execute, type CommandModule } from './run.js';

export type Loader = () => Promise<CommandModule>;

export const COMMAND_LOADERS = {
  '': () => import('./commands/wizard.js'),
  step: () => import('./commands/step.js'),
  verify: () => import('./commands/verify.js'),
  ticket: async () => ticket,
  'employers list': async () => (await import('./commands/employers.js')).list,
  'employers select': async () => (await import('./commands/employers.js')).select,
  'employers mark': async () => (await import('./commands/employers.js')).mark,
  'employers export': async () => (await import('./commands/employers.js')).exportEmployers,
  login: () => import('./commands/login.js'),
  logout: () => import('./commands/logout.js'),
  whoami: () => import('./commands/whoami.js'),
  sandbox: () => import('./commands/sandbox.js'),
  'dump check': async () => (await import('./commands/dump.js')).check,
  status: async () => status,
  report: () => import('./commands/report.js'),
  'config path': async () => config.path,
  'config get': async () => config.get,
  'config set': async () => config.set,
  'config reset': async () => config.reset,
} satisfies Record<string, Loader>;

export type CommandPath = keyof typeof COMMAND_LOADERS;

export function isCommandPath(path: string): path is CommandPath {
  return Object.prototype.hasOwnProperty.call(COMMAND_LOADERS, path);
}

/** Runs one command with its parsed options (program's and its own, merged) and arguments. */
export async function runCommand(path: CommandPath, options: Record<string, unknown>, args: unknown[]): Promise<void> {
  await execute(options, COMMAND_LOADERS[path], args);
}
