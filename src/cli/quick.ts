/**
 * A plain command line, read with the grammar the build wrote beside the bundle (quick-parse.ts),
 * and run without commander: for dist/cli.js (entry.ts) and dist/light.cjs (light-entry.ts) alike.
 */
import { readFileSync } from 'node:fs';
import { ENV } from '../env.js';
import { detectLang, setLang } from '../i18n/index.js';
import { COMMAND_LOADERS, isCommandPath, type CommandPath } from './command-loaders.js';
import { guardStdout } from './guard-stdout.js';
import { quickParse, type Grammar } from './quick-parse.js';
import { execute } from './run.js';

function builtGrammar(): Grammar | undefined {
  try {
    return JSON.parse(readFileSync(new URL('./grammar.json', import.meta.url), 'utf8')) as Grammar;
  } catch {
    return undefined;
  }
}

export interface QuickCommand {
  path: CommandPath;
  options: Record<string, unknown>;
  args: unknown[];
}

/** The command a plain command line names, read with the built grammar; undefined for anything commander must read. */
export function quickCommand(argv: string[]): QuickCommand | undefined {
  const grammar = builtGrammar();
  const parsed = grammar && quickParse(argv.slice(2), grammar);
  return parsed && isCommandPath(parsed.path) ? { path: parsed.path, options: parsed.options, args: parsed.args } : undefined;
}

/** Runs a command read by quickCommand (and exits the process with its code). */
export function runQuick({ path, options, args }: QuickCommand): Promise<void> {
  // As main.ts does before commander: messages of the options' own checks speak the asked language.
  const lang = typeof options.lang === 'string' ? options.lang : process.env[ENV.lang] || undefined;
  setLang(detectLang(lang) ?? 'nl');
  guardStdout();
  return execute(options, COMMAND_LOADERS[path], args);
}
