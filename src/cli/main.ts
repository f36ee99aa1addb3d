/**
 * Commander wiring only: for help, for mistakes and for command lines the quick path (entry.ts)
 * does not read. What a command does lives in ./commands/<name>.ts, found by command-loaders.ts;
 * the launcher answers `--help` and `--version` itself, from texts the build wrote with this file.
 */
import { Command, CommanderError, Option } from 'commander';
import { detectLang, LANGS, setLang, t, type Lang, type MessageKey } from '../i18n/index.js';
import { SCENARIO_NAMES } from '../sandbox/scenarios.js';
import { INPUTS, type InputDef } from '../steps/inputs.js';
import { EXPORT_FORMATS } from '../store/enums.js';
import { DEFAULTS, ENV, ENVIRONMENTS, isTruthy } from '../env.js';
import { UsageError } from '../errors.js';
import { errorDocument } from '../ui/error-document.js';
import { useNodeStreams } from '../ui/stdio.js';
import { commandPath, helpConfiguration, usageMessage } from './help.js';
import { runCommand, type CommandPath } from './command-loaders.js';
import { guardStdout } from './guard-stdout.js';
import { langFromArgv } from './options.js';

const REPORT_FORMATS = ['html', 'markdown'] as const;

function describe(key: MessageKey, extra: { env?: string; default?: string; choices?: readonly string[] } = {}): string {
  const notes: string[] = [];
  if (extra.choices) notes.push(`${t('core.help.choices')}: ${extra.choices.join(', ')}`);
  if (extra.default !== undefined) notes.push(`${t('core.help.default')}: ${extra.default}`);
  if (extra.env) notes.push(`${t('core.help.env')}: ${extra.env}`);
  return notes.length ? `${t(key)} (${notes.join('; ')})` : t(key);
}

/** The answer flags of the five steps (src/steps/inputs.ts), each with its env twin. */
function addInputOptions(command: Command, hidden: boolean): Command {
  for (const input of Object.values(INPUTS) as InputDef[]) {
    const option = new Option(input.flag, describe(input.label, { env: input.env }));
    command.addOption(hidden ? option.hideHelp() : option.helpGroup(t('core.help.answerOptions')));
  }
  return command;
}

function action(path: CommandPath) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    await runCommand(path, command.optsWithGlobals(), args.slice(0, -2));
  };
}

/**
 * Help is laid out for 80 columns (narrower terminals get their own width): the same text on every
 * terminal, so the shim can print the texts the build wrote (helpTexts) without loading commander.
 */
const HELP_WIDTH = 80;
const helpWidth = (): number => (process.stdout.isTTY && process.stdout.columns ? Math.min(process.stdout.columns, HELP_WIDTH) : HELP_WIDTH);

export function buildProgram(): Command {
  const program = new Command('loket-asr-setup')
    .description(t('core.description'))
    .version(__VERSION__, '-V, --version', t('core.version.option'))
    .helpOption('-h, --help', t('core.help.option'))
    // Our own `help` command (below) instead of commander's: `help vrify` must say "unknown command,
    // did you mean verify?" rather than print the general help with exit 0.
    .helpCommand(false)
    .configureHelp(helpConfiguration())
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {}, getOutHelpWidth: helpWidth })
    .option('--profile <name>', describe('core.opt.profile', { default: DEFAULTS.profile, env: ENV.profile }))
    .addOption(new Option('--env <env>', describe('core.opt.env', { choices: ENVIRONMENTS, default: DEFAULTS.env, env: ENV.env })))
    .option('--api-url <url>', describe('core.opt.apiUrl', { env: ENV.apiUrl }))
    .option('--auth-url <url>', describe('core.opt.authUrl', { env: ENV.authUrl }))
    .option('--sandbox', describe('core.opt.sandbox', { env: ENV.sandbox }))
    .option('--replay <dump-dir>', describe('dumps.help.replay', { env: ENV.replay }))
    .option('--non-interactive', describe('core.opt.nonInteractive', { env: `${ENV.nonInteractive}, CI` }))
    .option('--answers <file>', describe('core.opt.answers', { env: ENV.answers }))
    .option('--json', describe('core.opt.json', { env: ENV.json }))
    .option('--lang <lang>', describe('core.opt.lang', { choices: LANGS, default: DEFAULTS.lang, env: `${ENV.lang}, LANG` }))
    .option('--no-color', describe('core.opt.noColor', { env: 'NO_COLOR' }))
    .option('--debug', describe('core.opt.debug', { env: ENV.debug }))
    .option('--concurrency <n>', describe('core.opt.concurrency', { default: String(DEFAULTS.concurrency), env: ENV.concurrency }))
    .option('--timeout <ms>', describe('core.opt.timeout', { default: String(DEFAULTS.timeoutMs), env: ENV.timeout }));

  // The wizard is the program's own action; its answer flags are hidden here (they are listed
  // under `step --help` and in the README) so they do not crowd every command's help.
  addInputOptions(program, true);
  program.addOption(new Option('--allow-unverifiable', t('core.opt.allowUnverifiable')).hideHelp());
  program.addOption(new Option('--write-answers <file>', t('core.opt.writeAnswers')).hideHelp());
  program.action(async (...args: unknown[]) => {
    // The wizard takes no arguments: a word here is a mistyped command ("vrify"). commander's own
    // unknown-command error names the nearest command; without this it would say "too many arguments".
    const command = args.at(-1) as Command;
    if (command.args.length > 0) (command as unknown as { unknownCommand(): never }).unknownCommand();
    await action('')(...args);
  });

  addInputOptions(
    program
      .command('step')
      .description(t('core.cmd.step'))
      .argument('<n>', t('core.arg.step'))
      .option('--allow-unverifiable', t('core.opt.allowUnverifiable'))
      .option('--write-answers <file>', t('core.opt.writeAnswers')),
    false,
  ).action(action('step'));

  program
    .command('verify')
    .description(t('core.cmd.verify'))
    .option('--webservice-user <name>', describe('core.opt.webserviceUser', { env: ENV.webserviceUser }))
    .option('--team <name>', describe('core.opt.team', { env: ENV.team }))
    .addOption(new Option('--employers <which>', describe('core.opt.employers', { choices: ['all', 'selected'] })).choices(['all', 'selected']))
    .option('--allow-unverifiable', t('core.opt.allowUnverifiable'))
    .option('--dump <dir>', t('core.opt.dump'))
    .option('--junit <file>', t('report.opt.junit'))
    .option('--baseline <file>', t('report.opt.baseline'))
    .action(action('verify'));

  program
    .command('ticket')
    .description(t('core.cmd.ticket'))
    .argument('<kind>', t('core.arg.ticketKind'))
    .option('--out <file>', t('core.opt.out'))
    .option('--copy', t('core.opt.copy'))
    .action(action('ticket'));

  const employers = program.command('employers').description(t('core.cmd.employers'));
  employers.command('list').description(t('core.cmd.employers.list')).option('--refresh', t('core.opt.refresh')).action(action('employers list'));
  employers
    .command('select')
    .description(t('core.cmd.employers.select'))
    .argument('[employers...]', t('core.arg.employers'))
    .option('--add', t('core.opt.selectAdd'))
    .option('--remove', t('core.opt.selectRemove'))
    .option('--none', t('core.opt.selectNone'))
    .action(action('employers select'));
  employers
    .command('mark')
    .description(t('core.cmd.employers.mark'))
    .argument('<employer>', t('core.arg.employer'))
    .argument('<status>', t('core.arg.employerStatus'))
    .option('--note <text>', t('core.opt.note'))
    .option('--date <date>', t('core.opt.date'))
    .option('--force', t('core.opt.force'))
    .option('--reason <text>', t('core.opt.reason'))
    .action(action('employers mark'));
  employers
    .command('export')
    .description(t('core.cmd.employers.export'))
    .addOption(new Option('--format <format>', describe('core.opt.exportFormat', { choices: EXPORT_FORMATS, default: 'csv' })).choices(EXPORT_FORMATS))
    .option('--out <file>', t('core.opt.out'))
    .action(action('employers export'));

  program
    .command('login')
    .description(t('core.cmd.login'))
    .option('--client-id <id>', describe('core.opt.clientId', { env: ENV.clientId }))
    .option('--paste', t('core.opt.paste'))
    .option('--no-browser', t('core.opt.noBrowser'))
    .option('--insecure-storage', t('core.opt.insecureStorage'))
    .action(action('login'));
  program.command('logout').description(t('core.cmd.logout')).action(action('logout'));
  program.command('whoami').description(t('core.cmd.whoami')).action(action('whoami'));

  program
    .command('sandbox')
    .description(t('core.cmd.sandbox'))
    .option('--port <n>', describe('core.opt.port', { default: '0' }))
    .addOption(new Option('--scenario <name>', describe('core.opt.scenario', { choices: SCENARIO_NAMES, default: 'default' })).choices(SCENARIO_NAMES))
    .option('--employers <n>', t('core.opt.sandboxEmployers'))
    .option('--latency <ms>', t('core.opt.latency'))
    .option('--fail-rate <p>', t('core.opt.failRate'))
    .option('--rate-limit <n>', t('core.opt.rateLimit'))
    .action(action('sandbox'));

  const dump = program.command('dump').description(t('dumps.help.dump'));
  dump
    .command('check')
    .description(t('dumps.help.check'))
    .argument('<dir>', t('dumps.help.dir'))
    .option('--strip-personal', t('dumps.help.stripPersonal'))
    .option('--keep <value>', t('dumps.help.keep'), (value: string, previous: string[] = []) => [...previous, value])
    .action(action('dump check'));

  program.command('status').description(t('core.cmd.status')).action(action('status'));
  program
    .command('report')
    .description(t('report.cmd'))
    .option('--out <file>', t('report.opt.out'))
    .addOption(new Option('--format <format>', describe('report.opt.format', { choices: REPORT_FORMATS, default: 'html' })).choices(REPORT_FORMATS))
    .option('--open', t('report.opt.open'))
    .action(action('report'));

  const config = program.command('config').description(t('core.cmd.config'));
  config.command('path').description(t('core.cmd.config.path')).action(action('config path'));
  config.command('get').description(t('core.cmd.config.get')).argument('[key]', t('core.arg.key')).action(action('config get'));
  config
    .command('set')
    .description(t('core.cmd.config.set'))
    .argument('<key>', t('core.arg.key'))
    .argument('<value>', t('core.arg.value'))
    .action(action('config set'));
  config.command('reset').description(t('core.cmd.config.reset')).option('-y, --yes', t('core.cmd.config.yes')).action(action('config reset'));

  program
    .command('help')
    .description(t('core.help.command'))
    .argument('[command]')
    // `help employers list`: every word is a level deeper (shown as one [command], like git's help).
    .allowExcessArguments(true)
    .action((_first: unknown, _options: unknown, help: Command) => {
      let target: Command = program;
      for (const name of help.args) {
        const next = target.commands.find((c) => c.name() === name || c.aliases().includes(name));
        if (!next) {
          // commander's own unknown-command error, with its suggestion from target's commands.
          target.args = [name];
          (target as unknown as { unknownCommand(): never }).unknownCommand();
        }
        target = next!;
      }
      target.help();
    });

  program.allowExcessArguments(true);
  program.usage(t('core.help.usageLine'));
  program.addHelpText('after', `\n${t('core.help.examples')}`);
  for (const command of [program, ...program.commands, ...config.commands, ...employers.commands, ...dump.commands]) {
    command
      .exitOverride((error) => {
        // Remember where the command line went wrong, so the hint names that command's help.
        failedIn.set(error, command);
        throw error;
      })
      .configureOutput({ outputError: () => {} });
    command.configureHelp(helpConfiguration());
    command.helpOption('-h, --help', t('core.help.option'));
  }
  return program;
}

/**
 * Every command's `--help` in every language, keyed by the command's path ('' for the program,
 * 'config get'), exactly as commander prints it at 80 columns: written to dist/help.<lang>.json by the
 * build (tsup.config.ts) for the shim's fast path.
 */
export function helpTexts(): Record<Lang, Record<string, string>> {
  const texts = {} as Record<Lang, Record<string, string>>;
  for (const lang of LANGS) {
    setLang(lang);
    texts[lang] = {};
    const visit = (command: Command, path: string[]): void => {
      let text = '';
      command.configureOutput({ writeOut: (s) => (text += s), getOutHelpWidth: () => HELP_WIDTH, getOutHasColors: () => false });
      command.outputHelp();
      texts[lang][path.join(' ')] = text;
      for (const sub of command.commands) visit(sub, [...path, sub.name()]);
    };
    visit(buildProgram(), []);
  }
  return texts;
}

/** The command whose parsing failed, for the "see: … --help" hint. */
const failedIn = new WeakMap<Error, Command>();

function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json') || isTruthy(process.env[ENV.json]);
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const lang: Lang = detectLang(langFromArgv(argv.slice(2))) ?? 'nl';
  setLang(lang);
  guardStdout();
  useNodeStreams();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        process.exitCode = 0;
        return;
      }
      const message = usageMessage(error);
      const seeHelp = t('core.err.seeHelp', { command: commandPath(failedIn.get(error)) });
      process.stderr.write(`loket-asr-setup: ${message}\n${seeHelp}\n`);
      // A --json run promises one document on stdout, also when the command line itself is wrong.
      if (wantsJson(argv)) {
        process.stdout.write(`${JSON.stringify(errorDocument(new UsageError(message, { hint: seeHelp }), 2), null, 2)}\n`);
      }
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
