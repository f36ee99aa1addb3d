/**
 * commander in the user's language: the help's titles, usage words and placeholders, the notes after
 * an option (keuzes / standaard / omgevingsvariabele), and its error messages with the suggestion
 * after a typo. commander 14 builds these from fixed English words; configureHelp() replaces the
 * pieces that hold them, and usageMessage() rewrites its errors by their code.
 */
import type { Argument, Command, CommanderError, HelpConfiguration, Option } from 'commander';
import { t, type MessageKey } from '../i18n/index.js';

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'core.help.usage',
  'Arguments:': 'core.help.arguments',
  'Options:': 'core.help.options',
  'Global Options:': 'core.help.globalOptions',
  'Commands:': 'core.help.commands',
};

/** A placeholder word in the user's language (`name` → `naam`), or the word itself. */
export function word(name: string): string {
  const key = `help.word.${name}` as MessageKey;
  const shown = t(key);
  return shown === key ? name : shown;
}

/** `--profile <name>` → `--profile <naam>`; `[employers...]` → `[werkgevers...]`. */
const placeholders = (text: string): string =>
  text.replace(/([<[])([\w-]+)(\.\.\.)?([>\]])/g, (_, open: string, name: string, dots = '', close: string) => `${open}${word(name)}${dots}${close}`);

function argumentUsage(argument: Argument): string {
  const name = `${word(argument.name())}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

/** commander's `cmd.usage()` without a custom usage: `[options] [command] <args>`, in our words. */
function usage(cmd: Command): string {
  const custom = (cmd as unknown as { _usage?: string })._usage;
  if (custom) return custom;
  return [
    // Every command of ours has at least -h, --help.
    `[${word('options')}]`,
    ...(cmd.commands.length > 0 ? [`[${word('command')}]`] : []),
    ...cmd.registeredArguments.map(argumentUsage),
  ].join(' ');
}

/** The notes commander appends to an option: choices, default, env — unless our description has them. */
function notes(option: Option, description: string): string[] {
  const extra: string[] = [];
  const has = (label: string) => description.includes(`${label}:`);
  if (option.argChoices && !has(t('core.help.choices'))) extra.push(`${t('core.help.choices')}: ${option.argChoices.join(', ')}`);
  if (option.defaultValue !== undefined && (option.required || option.optional) && !has(t('core.help.default'))) {
    extra.push(`${t('core.help.default')}: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
  }
  if (option.envVar !== undefined && !has(t('core.help.env'))) extra.push(`${t('core.help.env')}: ${option.envVar}`);
  return extra;
}

export function helpConfiguration(): HelpConfiguration {
  return {
    showGlobalOptions: true,
    sortSubcommands: false,
    styleTitle: (title) => (TITLES[title] ? t(TITLES[title]) : title),
    commandUsage: (cmd) => `${commandPath(cmd)} ${usage(cmd)}`,
    subcommandTerm: (cmd) => [cmd.name(), ...(cmd.options.length > 0 ? [`[${word('options')}]`] : []), ...cmd.registeredArguments.map(argumentUsage)].join(' '),
    optionTerm: (option) => placeholders(option.flags),
    argumentTerm: (argument) => word(argument.name()),
    optionDescription: (option) => {
      const extra = notes(option, option.description);
      return extra.length > 0 ? `${option.description} (${extra.join('; ')})` : option.description;
    },
  };
}

/** The words to type for a command: `loket-asr-setup employers list`. */
export function commandPath(command: Command | undefined): string {
  const names: string[] = [];
  for (let c: Command | null = command ?? null; c; c = c.parent) names.unshift(c.name());
  return names.length ? names.join(' ') : 'loket-asr-setup';
}

/** commander's "(Did you mean verify?)" as the user's language says it. */
function suggestion(message: string): string | undefined {
  const found = /\(Did you mean (one of )?(.+)\?\)/.exec(message);
  if (!found) return undefined;
  return found[1] ? t('help.didYouMeanOneOf', { suggestions: found[2]! }) : t('help.didYouMean', { suggestion: found[2]! });
}

/** Commander's own errors, in our words and language; always exit 2. */
export function usageMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const choice = /option '([^' ]+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.+)\./.exec(error.message);
  const excess = /too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)/.exec(error.message);
  const byCode: Record<string, () => string> = {
    'commander.unknownOption': () => t('core.err.unknownOption', { option: quoted }),
    'commander.unknownCommand': () => t('core.err.unknownCommand', { command: quoted }),
    'commander.missingArgument': () => t('core.err.missingArgument', { argument: `<${word(quoted)}>` }),
    'commander.optionMissingArgument': () => t('core.err.missingOptionValue', { option: placeholders(quoted) }),
    'commander.excessArguments': () => t('core.err.excessArguments', { command: excess?.[1] ?? '', expected: excess?.[2] ?? 0, got: excess?.[3] ?? '' }),
    'commander.invalidArgument': () =>
      choice
        ? t('core.err.invalidChoice', { option: choice[1]!, value: choice[2]!, choices: choice[3]!.replace(/"/g, '') })
        : error.message.replace(/^error:\s*/, ''),
  };
  const message = byCode[error.code]?.() ?? error.message.replace(/^error:\s*/, '');
  const hint = suggestion(error.message);
  return hint ? `${message} ${hint}` : message;
}
