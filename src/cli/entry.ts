/**
 * The bundle's entry (dist/cli.js), what the shim imports. A command line the quick parser reads
 * (quick-parse.ts, with the grammar the build wrote beside this file) runs its command at once;
 * anything else — help, a mistake, a source checkout without a build — goes to commander (main.ts).
 */
import { detectLang, setLang } from '../i18n/index.js';
import { stdoutFailed } from './guard-stdout.js';
import './light.js';
import { langFromArgv } from './options.js';
import { quickCommand, runQuick } from './quick.js';
import { grammarOf, type Grammar } from './quick-parse.js';

export async function main(argv: string[] = process.argv): Promise<void> {
  const quick = quickCommand(argv);
  if (quick) return runQuick(quick);
  return (await import('./main.js')).main(argv);
}

/** For the shim: its own answer (--help, --version) could not be written; say so in the user's words. */
export function shimStdoutFailed(error: NodeJS.ErrnoException, argv: string[]): void {
  setLang(detectLang(langFromArgv(argv)) ?? 'nl');
  stdoutFailed(error);
}

/** For the build (scripts/build.ts): every command's help, and the grammar, from commander itself. */
export async function buildTexts(): Promise<{ help: Record<string, Record<string, string>>; grammar: Grammar }> {
  const { buildProgram, helpTexts } = await import('./main.js');
  return { help: helpTexts(), grammar: grammarOf(buildProgram()) };
}
