/**
 * The bundle's entry (dist/cli.js), what the shim imports. A command line the quick parser reads
 * (quick-parse.ts, with the grammar the build wrote beside this file) runs its command at once;
 * anything else — help, a mistake, a source checkout without a build — goes to commander (main.ts).
 */
import { readFileSync } from 'node:fs';
import { ENV } from '../env.js';
import { detectLang, setLang } from '../i18n/index.js';
import { COMMAND_LOADERS, isCommandPath } from './command-loaders.js';
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

export async function main(argv: string[] = process.argv): Promise<void> {
  const grammar = builtGrammar();
  const parsed = grammar && quickParse(argv.slice(2), grammar);
  if (parsed && isCommandPath(parsed.path)) {
    // As main.ts does before commander: messages of the options' own checks speak the asked language.
    const lang = typeof parsed.options.lang === 'string' ? parsed.options.lang : process.env[ENV.lang] || undefined;
    setLang(detectLang(lang) ?? 'nl');
    guardStdout();
    return execute(parsed.options, COMMAND_LOADERS[parsed.path], parsed.args);
  }
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
