/**
 * The one output module (style habit 7): results → stdout, talk → stderr, `--json` → exactly one
 * JSON document on stdout and nothing decorative anywhere. Streams are injected so tests capture them.
 */
import { stripVTControlCharacters } from 'node:util';
import { CliError, InterruptedError, MissingInputsError, NotFinishedError } from '../errors.js';
import { t } from '../i18n/index.js';
import { createColors, streamHasColors, type Colors } from './colors.js';
import { stderr, stdout, type OutStream } from './stdio.js';
import { wrapProse } from './wrap.js';

export interface OutputOptions {
  json: boolean;
  color: boolean;
  debug: boolean;
  stdout?: OutStream;
  stderr?: OutStream;
  /** Applied to every debug line and error text (the Loket client registers secrets there). */
  redact?: (text: string) => string;
  /** Completes the commands a message names with this run's options (src/ui/command-line.ts completeCommands). */
  commands?: (text: string) => string;
}

/** Text written for people: on a terminal its lines break between words at the width (`wrap: false` keeps CSV, JSON, Markdown as they are). */
export interface WriteOptions {
  wrap?: boolean;
}

export interface Spinner {
  /** True for a spinner on a terminal: only then is a changing text (progress) worth making. */
  readonly live: boolean;
  update(text: string): void;
  succeed(text?: string): void;
  fail(text?: string): void;
  stop(): void;
}

export class Output {
  readonly json: boolean;
  readonly debugEnabled: boolean;
  readonly color: Colors;
  private readonly stdout: OutStream;
  private readonly stderr: OutStream;
  private readonly redact: (text: string) => string;
  private readonly commands: (text: string) => string;
  private jsonWritten = false;

  constructor(options: OutputOptions) {
    this.json = options.json;
    this.debugEnabled = options.debug;
    this.stdout = options.stdout ?? stdout();
    this.stderr = options.stderr ?? stderr();
    this.redact = options.redact ?? ((text) => text);
    this.commands = options.commands ?? ((text) => text);
    // The terminal of stderr (FORCE_COLOR, TTY, TERM) decides, unless colour is switched off.
    this.color = createColors(options.color && !options.json && streamHasColors(this.stderr));
  }

  /** A message with its named commands completed with this run's options (for the JSON error document). */
  complete(text: string): string {
    return this.commands(text);
  }

  get wroteJson(): boolean {
    return this.jsonWritten;
  }

  /** A result line (human mode) on stdout. */
  result(text: string, options: WriteOptions = {}): void {
    if (this.json) return;
    // Colour follows stderr's terminal; a redirected stdout (`status > file`) gets plain text.
    const complete = this.commands(text);
    const plain = this.stdout.isTTY === true ? this.fit(complete, this.stdout, options) : stripVTControlCharacters(complete);
    this.stdout.write(plain.endsWith('\n') ? plain : `${plain}\n`);
  }

  /** The one JSON document of a `--json` run. */
  document(value: unknown): void {
    if (this.jsonWritten) throw new Error('a --json run prints exactly one document');
    this.jsonWritten = true;
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  info(text: string, options: WriteOptions = {}): void {
    if (this.json) return;
    this.say(text, options);
  }

  success(text: string): void {
    if (this.json) return;
    this.say(`${this.color.green('✔')} ${text}`);
  }

  /** Warnings are not decoration: they go to stderr in every mode. */
  warn(text: string): void {
    this.say(`${this.color.yellow(`${t('core.label.warning')}:`)} ${this.redact(text)}`);
  }

  hint(text: string, options: WriteOptions = {}): void {
    if (this.json) return;
    this.say(this.color.dim(text), options);
  }

  debug(line: string): void {
    if (!this.debugEnabled) return;
    // Traces stay one line each, for grep.
    this.say(this.color.gray(`[debug] ${this.redact(line)}`), { wrap: false });
  }

  /** One or two lines: what went wrong and the fix. Stack only with --debug. */
  error(error: unknown): void {
    if (error instanceof InterruptedError || error instanceof NotFinishedError) {
      // The user stopped it, or a step waits on someone: a normal stop, not an "error".
      this.say(error.message);
      if (error.hint) this.say(this.color.dim(error.hint));
      return;
    }
    if (error instanceof CliError) {
      this.say(`${this.color.red(`${t('core.label.error')}:`)} ${this.redact(error.message)}`);
      if (error instanceof MissingInputsError) {
        for (const item of error.missing) {
          const how = [item.flag, item.env, item.key ? `--answers: ${item.key}` : undefined].filter(Boolean).join(' | ');
          this.say(`  - ${item.field}${how ? `  (${how})` : ''}`);
        }
      }
      if (error.hint) this.say(`${t('core.label.hint')}: ${this.redact(error.hint)}`);
      if (this.debugEnabled && error.stack) this.say(this.color.gray(this.redact(error.stack)), { wrap: false });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.say(`${this.color.red(`${t('core.label.error')}:`)} ${this.redact(t('core.err.unexpected', { message }))}`);
    this.say(t('core.err.unexpectedHint'));
    if (this.debugEnabled && error instanceof Error && error.stack) this.say(this.color.gray(this.redact(error.stack)), { wrap: false });
  }

  /** A spinner on a TTY of known width (ora, loaded only then); plain lines elsewhere; nothing with --json. */
  async spinner(text: string): Promise<Spinner> {
    if (this.json) return { live: false, update() {}, succeed() {}, fail() {}, stop() {} };
    // A terminal that reports no width (a pseudo-terminal nobody sized) makes ora count infinitely
    // many lines to clear and hang: it gets the plain lines of a pipe.
    if (!this.stderr.isTTY || !this.stderr.columns) {
      this.say(text);
      return {
        live: false,
        update: () => {},
        succeed: (done) => done && this.success(done),
        fail: (failed) => failed && this.say(`${this.color.red('✖')} ${failed}`),
        stop: () => {},
      };
    }
    const { default: ora } = await import('ora');
    // A terminal's stderr is Node's own stream (stdio.ts), as ora needs.
    const spinner = ora({ text, stream: this.stderr as NodeJS.WriteStream, color: 'cyan' }).start();
    return {
      live: true,
      update: (next) => (spinner.text = next),
      succeed: (done) => spinner.succeed(done),
      fail: (failed) => spinner.fail(failed),
      stop: () => spinner.stop(),
    };
  }

  private say(text: string, options: WriteOptions = {}): void {
    const fitted = this.fit(this.commands(text), this.stderr, options);
    this.stderr.write(fitted.endsWith('\n') ? fitted : `${fitted}\n`);
  }

  /**
   * Lines broken between words at the width of the terminal `stream` is (read at every write, so a
   * resized window counts). A file or pipe gets the text as it is: a ticket copied from there, or a
   * CI log that folds its own lines, is better without breaks of ours.
   */
  private fit(text: string, stream: OutStream, options: WriteOptions): string {
    if (options.wrap === false || !stream.isTTY || !stream.columns) return text;
    return wrapProse(text, stream.columns);
  }
}
