/**
 * Every command's module by the words that name it ('' is the wizard, 'config get'), loaded only when
 * that command runs. commander's program (main.ts) and the quick path (entry.ts) run commands from it.
 */
import type { CommandModule } from './run.js';

export type Loader = () => Promise<CommandModule>;

export const COMMAND_LOADERS = {
  '': () => import('./commands/wizard.js'),
  step: () => import('./commands/step.js'),
  verify: () => import('./commands/verify.js'),
  ticket: () => import('./commands/ticket.js'),
  'employers list': async () => (await import('./commands/employers.js')).list,
  'employers select': async () => (await import('./commands/employers.js')).select,
  'employers mark': async () => (await import('./commands/employers.js')).mark,
  'employers export': async () => (await import('./commands/employers.js')).exportEmployers,
  login: () => import('./commands/login.js'),
  logout: () => import('./commands/logout.js'),
  whoami: () => import('./commands/whoami.js'),
  sandbox: () => import('./commands/sandbox.js'),
  'dump check': async () => (await import('./commands/dump.js')).check,
  status: () => import('./commands/status.js'),
  report: () => import('./commands/report.js'),
  'config path': async () => (await import('./commands/config.js')).path,
  'config get': async () => (await import('./commands/config.js')).get,
  'config set': async () => (await import('./commands/config.js')).set,
  'config reset': async () => (await import('./commands/config.js')).reset,
} satisfies Record<string, Loader>;

export type CommandPath = keyof typeof COMMAND_LOADERS;

export function isCommandPath(path: string): path is CommandPath {
  return Object.prototype.hasOwnProperty.call(COMMAND_LOADERS, path);
}

/** Runs one command with its parsed options (program's and its own, merged) and arguments. */
export async function runCommand(path: CommandPath, options: Record<string, unknown>, args: unknown[]): Promise<void> {
  const { execute } = await import('./run.js');
  await execute(options, COMMAND_LOADERS[path], args);
}
