/**
 * The bundle's entry (dist/cli.js), what the shim imports. A command line the quick parser reads
 * (quick-parse.ts, with the grammar the build wrote beside this file) runs its command at once;
 * anything else — help, a mistake, a source checkout without a build — goes to commander (main.ts).
 */
import { readFileSync } from 'node:fs';
import { ENV } from '../env.js';
import { detectLang, setLang } from '../i18n/index.js';
import { COMMAND_LOADERS, isCommandPath, type CommandPath } from './command-loaders.js';
import { guardStdout, stdoutFailed } from './guard-stdout.js';
import { grammarOf, quickParse, type Grammar } from './quick-parse.js';
import './light.js';
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

export async function main(argv: string[] = process.argv): Promise<void> {
  const quick = quickCommand(argv);
  if (quick) return runQuick(quick);
  return (await import('./main.js')).main(argv);
}

/** For the shim: its own answer (--help, --version) could not be written; say so in the user's words. */
export function shimStdoutFailed(error: NodeJS.ErrnoException, argv: string[]): void {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') flag = argv[i + 1];
    else if (argv[i]!.startsWith('--lang=')) flag = argv[i]!.slice('--lang='.length);
  }
  setLang(detectLang(flag ?? (process.env[ENV.lang] || undefined)) ?? 'nl');
  stdoutFailed(error);
}

/** For the build (scripts/build.ts): every command's help, and the grammar, from commander itself. */
export async function buildTexts(): Promise<{ help: Record<string, Record<string, string>>; grammar: Grammar }> {
  const { buildProgram, helpTexts } = await import('./main.js');
  return { help: helpTexts(), grammar: grammarOf(buildProgram()) };
}
