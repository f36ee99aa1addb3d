/**
 * The quick parser (src/cli/quick-parse.ts) must read every command line it accepts exactly as
 * commander does, and leave every other line to commander. Both run here on the same program: the
 * grammar comes from buildProgram(), and commander's result is caught in the actions.
 */
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { grammarOf, quickParse, type Grammar } from '../../src/cli/quick-parse.js';
import { setLang } from '../../src/i18n/index.js';

afterAll(() => setLang('nl'));

interface Parsed {
  path: string;
  options: Record<string, unknown>;
  args: unknown[];
}

/** commander's reading of a command line, or the error it stops with. */
function commanderParse(argv: string[]): Parsed | { error: string } {
  const program = buildProgram();
  let result: Parsed | undefined;
  const catchAll = (command: Command, path: string[]): void => {
    command.action((...args: unknown[]) => {
      const self = args.at(-1) as Command;
      result = { path: path.join(' '), options: self.optsWithGlobals(), args: args.slice(0, -2) };
    });
    for (const sub of command.commands) catchAll(sub, [...path, sub.name()]);
  };
  catchAll(program, []);
  // Commands without an action of their own (`config`, `employers`) show help: keep it so.
  for (const parent of [program, ...program.commands]) {
    for (const sub of parent.commands) if (sub.commands.length > 0) sub.action(() => sub.help());
  }
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const silence = (command: Command): void => {
    command.configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
    command.commands.forEach(silence);
  };
  silence(program);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    return { error: String((error as { code?: string }).code ?? error) };
  }
  return result ?? { error: 'no action' };
}

const grammar: Grammar = grammarOf(buildProgram());

/** A value each option accepts: its first choice, or a plain word. */
function sampleValue(option: Grammar[string]['options'][number]): string {
  return option.choices?.[0] ?? 'value-1';
}

function argsFor(spec: Grammar[string]): string[] {
  return spec.args.flatMap((arg, i) => (arg.required ? [`arg${i}`] : []));
}

/** Every runnable command, with each of its options and the program's, in the forms people type. */
function sampleLines(): string[][] {
  const lines: string[][] = [];
  const program = grammar['']!;
  for (const [path, spec] of Object.entries(grammar)) {
    if (!spec.runnable) continue;
    const words = path === '' ? [] : path.split(' ');
    const base = [...words, ...argsFor(spec)];
    lines.push(base);
    for (const option of [...spec.options, ...(path === '' ? [] : program.options)]) {
      if (option.unsupported || !option.long) continue;
      if (option.takesValue) {
        lines.push([...base, option.long, sampleValue(option)]);
        lines.push([...base, `${option.long}=${sampleValue(option)}`]);
        if (program.options.includes(option)) lines.push([option.long, sampleValue(option), ...base]);
      } else {
        lines.push([...base, option.long]);
        if (option.short) lines.push([option.short, ...base]);
      }
    }
    // Optional and variadic arguments, given.
    if (spec.args.some((arg) => !arg.required || arg.variadic)) lines.push([...words, ...spec.args.map((_, i) => `arg${i}`), 'extra']);
    if (spec.args.some((arg) => !arg.required)) lines.push([...words, ...spec.args.map((_, i) => `arg${i}`)]);
  }
  return lines;
}

describe('quickParse', () => {
  it('knows every command of the program', () => {
    expect(Object.keys(grammar)).toEqual(expect.arrayContaining(['', 'status', 'verify', 'config get', 'employers mark', 'dump check']));
  });

  it('reads each command, with each of its options in each form, as commander does', () => {
    const lines = sampleLines();
    let taken = 0;
    for (const line of lines) {
      const quick = quickParse(line, grammar);
      if (quick === undefined) continue;
      taken++;
      expect(commanderParse(line), line.join(' ')).toEqual(quick);
    }
    // The quick path is the rule, not the exception: it must take nearly all of these.
    expect(taken).toBeGreaterThan(lines.length * 0.9);
  });

  it('takes the plain lines of the start-up benchmark', () => {
    for (const line of [
      ['--profile', 'sandbox', 'status'],
      ['--profile', 'sandbox', 'config', 'get', 'office.name'],
      ['--profile', 'sandbox', 'ticket', 'omgevingscode'],
      ['verify', '--json', '--api-url', 'http://127.0.0.1:1', '--profile', 'sandbox'],
      ['status', '--json', '--no-color', '--lang=en'],
    ]) {
      const quick = quickParse(line, grammar);
      expect(quick, line.join(' ')).toBeDefined();
      expect(commanderParse(line)).toEqual(quick);
    }
  });

  it.each([
    ['help', ['--help']],
    ['help of a command', ['status', '-h']],
    ['the help command', ['help', 'status']],
    ['version', ['--version']],
    ['an unknown option', ['status', '--bogus']],
    ['an option of another command', ['status', '--out', 'x']],
    ['a command option before its command', ['--out', 'x', 'ticket', 'omgevingscode']],
    ['an unknown command', ['statsu']],
    ['a missing argument', ['ticket']],
    ['too many arguments', ['status', 'extra']],
    ['a missing value', ['status', '--profile']],
    ['a value outside the choices', ['verify', '--employers', 'some']],
    ['a value for a switch', ['status', '--json=yes']],
    ['a group without its command', ['config']],
    ['the end of options', ['config', 'get', '--', '--json']],
    ['combined short flags', ['config', 'reset', '-yV']],
    ['a repeatable option', ['dump', 'check', 'dir', '--keep', 'a']],
  ])('leaves %s to commander', (_, line) => {
    expect(quickParse(line, grammar)).toBeUndefined();
  });
});
