/**
 * The bundle's entry (dist/cli.js), what the shim imports. A command line the quick parser reads
 * (quick-parse.ts, with the grammar the build wrote beside this file) runs its command at once;
 * anything else — help, a mistake, a source checkout without a build — goes to commander (main.ts).
 */
import { readFileSync } from 'node:fs';
import { isCommandPath, runCommand } from './command-loaders.js';
import { grammarOf, quickParse, type Grammar } from './quick-parse.js';

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
  if (parsed && isCommandPath(parsed.path)) return runCommand(parsed.path, parsed.options, parsed.args);
  return (await import('./main.js')).main(argv);
}

/** For the build (scripts/build.ts): every command's help, and the grammar, from commander itself. */
export async function buildTexts(): Promise<{ help: Record<string, Record<string, string>>; grammar: Grammar }> {
  const { buildProgram, helpTexts } = await import('./main.js');
  return { help: helpTexts(), grammar: grammarOf(buildProgram()) };
}
