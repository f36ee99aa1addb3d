/**
 * The quick path of the command line: commander's own grammar, written down by the build
 * (dist/grammar.json, from grammarOf), read by a parser small enough that a plain `status` or
 * `verify` starts without loading commander (~15 ms of every start, README "Performance").
 *
 * It only says yes when commander would read the same words the same way: long options and their
 * values (`--profile x`, `--profile=x`), switches, `--no-…`, the few short flags, the command's
 * words and its arguments. Anything else — help, an unknown or misspelt option, a missing or extra
 * argument, a value outside its choices, `--` — returns undefined, and commander parses the line
 * and says what is wrong. test/cli/quick-parse.test.ts holds the two to the same results.
 */
import type { Command } from 'commander';

export interface OptionSpec {
  long?: string;
  short?: string;
  /** The key in the parsed options (`--api-url` → `apiUrl`, `--no-color` → `color`). */
  key: string;
  /** `<value>` required; switches take none. */
  takesValue: boolean;
  negate: boolean;
  choices?: string[];
  /** An optional or repeated value, or a parser of its own: left to commander. */
  unsupported?: true;
}

export interface CommandSpec {
  options: OptionSpec[];
  /** Declared arguments in order; a variadic one collects the rest. */
  args: Array<{ required: boolean; variadic: boolean }>;
  /** The option values before parsing (commander sets `--no-x` options to true). */
  defaults: Record<string, unknown>;
  subcommands: string[];
  runnable: boolean;
}

/** Keyed by the command's words: '' is the program, 'config get' a subcommand. */
export type Grammar = Record<string, CommandSpec>;

export interface QuickParse {
  path: string;
  options: Record<string, unknown>;
  args: unknown[];
}

/** The grammar of a commander program, as the build writes it. */
export function grammarOf(program: Command): Grammar {
  const grammar: Grammar = {};
  const visit = (command: Command, path: string[]): void => {
    // `--version` is an option whose handler prints and exits: commander's to answer.
    const version = (command as unknown as { _versionOptionName?: string })._versionOptionName;
    grammar[path.join(' ')] = {
      options: command.options.map((option) => ({
        ...(option.long ? { long: option.long } : {}),
        ...(option.short ? { short: option.short } : {}),
        key: option.attributeName(),
        takesValue: option.required,
        negate: option.negate,
        ...(option.argChoices ? { choices: [...option.argChoices] } : {}),
        ...(option.optional || option.variadic || (option.parseArg && !option.argChoices) || option.envVar || option.attributeName() === version
          ? { unsupported: true as const }
          : {}),
      })),
      args: command.registeredArguments.map((arg) => ({ required: arg.required, variadic: arg.variadic })),
      defaults: { ...command.opts() },
      subcommands: command.commands.map((sub) => sub.name()),
      // commander keeps the action handler private; a command with subcommands and no handler shows help.
      runnable: (command as unknown as { _actionHandler: unknown })._actionHandler != null,
    };
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return grammar;
}

/** The command, its merged options and arguments, or undefined when commander must decide. */
export function quickParse(argv: readonly string[], grammar: Grammar): QuickParse | undefined {
  const program = grammar[''];
  if (!program) return undefined;
  const path: string[] = [];
  const chain: CommandSpec[] = [program];
  const positionals: string[] = [];
  const values: Record<string, unknown> = {};

  const find = (matches: (option: OptionSpec) => boolean): OptionSpec | undefined => {
    // As commander: the program's options are found wherever they are typed, then the command's.
    for (const spec of chain) {
      const option = spec.options.find(matches);
      if (option) return option;
    }
    return undefined;
  };

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word.startsWith('-') && word !== '-') {
      if (word === '--') return undefined;
      const equals = word.startsWith('--') ? word.indexOf('=') : -1;
      const name = equals === -1 ? word : word.slice(0, equals);
      const option = find((o) => o.long === name || o.short === name);
      if (!option || option.unsupported) return undefined;
      let value: unknown;
      if (option.takesValue) {
        if (equals !== -1) value = word.slice(equals + 1);
        else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) value = argv[++i];
        else return undefined;
        if (option.choices && !option.choices.includes(value as string)) return undefined;
      } else {
        if (equals !== -1) return undefined;
        value = !option.negate;
      }
      // A repeated option: commander keeps the last, so do we (it may also complain; then it decides).
      values[option.key] = value;
      continue;
    }
    const current = chain.at(-1)!;
    if (positionals.length === 0 && current.subcommands.includes(word)) {
      path.push(word);
      const next = grammar[path.join(' ')];
      if (!next) return undefined;
      chain.push(next);
      continue;
    }
    positionals.push(word);
  }

  const command = chain.at(-1)!;
  if (!command.runnable || (path[0] ?? '') === 'help') return undefined;
  // The program's words that are no command (`loket-asr-setup foo`): commander's message.
  if (command.subcommands.length > 0 && positionals.length > 0) return undefined;
  const args: unknown[] = [];
  let next = 0;
  for (const arg of command.args) {
    if (arg.variadic) {
      if (arg.required && next >= positionals.length) return undefined;
      args.push(positionals.slice(next));
      next = positionals.length;
    } else if (next < positionals.length) {
      args.push(positionals[next++]);
    } else if (arg.required) {
      return undefined;
    } else {
      args.push(undefined);
    }
  }
  if (next < positionals.length) return undefined;

  // optsWithGlobals(): the command's own options, then its parents' over them, defaults first.
  const options: Record<string, unknown> = {};
  for (const spec of [...chain].reverse()) Object.assign(options, spec.defaults);
  Object.assign(options, values);
  return { path: path.join(' '), options, args };
}
