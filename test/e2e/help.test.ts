/**
 * commander's words in the user's language through the built CLI (issue 10, items 5, 9 and 14): the
 * help, its errors, the suggestion after a typo, and a normal stop that is not an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';

/** commander's own English, which must not show in Dutch mode. */
const COMMANDER_ENGLISH = /Usage:|\[options\]|\[command\]|Options:|Commands:|Arguments:|\(choices:|\(default:|\(env:|<name>|<file>|Did you mean|error:/;

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('the help in Dutch', () => {
  it('--help: Dutch usage words and placeholders, and where the wizard’s answer flags are listed', async () => {
    const r = await runCli(['--help'], dir.path);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(COMMANDER_ENGLISH);
    expect(r.stdout).toContain('Gebruik: loket-asr-setup [opties] [opdracht]');
    expect(r.stdout).toMatch(/ {2}step \[opties\] <n> /);
    expect(r.stdout).toMatch(/ {2}ticket \[opties\] <soort> /);
    expect(r.stdout).toMatch(/ {2}help \[opdracht\] /);
    expect(r.stdout).toContain('--answers <bestand>');
    expect(r.stdout).toContain('Welke dat zijn: loket-asr-setup help step');
  });

  it('help step lists the answer flags with their environment variables; a subcommand’s help has no English left', async () => {
    const step = await runCli(['help', 'step'], dir.path);
    expect(step.code).toBe(0);
    expect(step.stdout).toContain('Gebruik: loket-asr-setup step [opties] <n>');
    expect(step.stdout).toMatch(/--office-name <naam> +Naam van het administratie- of/);
    expect(step.stdout).toContain('LOKET_ASR_SETUP_OFFICE_NAME');
    for (const args of [
      ['step', '--help'],
      ['verify', '--help'],
      ['employers', 'select', '--help'],
      ['sandbox', '--help'],
      ['report', '--help'],
    ]) {
      const r = await runCli(args, dir.path);
      expect(r.stdout, args.join(' ')).not.toMatch(COMMANDER_ENGLISH);
    }
    const verify = await runCli(['verify', '--help'], dir.path);
    // One list of choices, in Dutch, not a second one of commander's.
    expect(verify.stdout.match(/keuzes: all, selected/g)).toHaveLength(1);
    expect((await runCli(['employers', 'select', '--help'], dir.path)).stdout).toContain('Gebruik: loket-asr-setup employers select [opties] [werkgevers...]');
  });

  it('--lang en keeps commander’s own English', async () => {
    const r = await runCli(['--lang', 'en', 'ticket', '--help'], dir.path);
    expect(r.stdout).toContain('Usage: loket-asr-setup ticket [options] <kind>');
    expect(r.stdout).toContain('--out <file>');
    expect(r.stdout).not.toMatch(/Gebruik|opties|soort|bestand/);
  });
});

describe('a mistyped command or option', () => {
  it('vrify → "Bedoel je verify?" (exit 2), not "Te veel argumenten"; the same in English', async () => {
    const nl = await runCli(['vrify'], dir.path);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toBe('loket-asr-setup: Onbekende opdracht: vrify. Bedoel je verify?\nZie: loket-asr-setup --help\n');
    const en = await runCli(['--lang', 'en', '--sandbox', 'vrify'], dir.path);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Unknown command: vrify. Did you mean verify?');
    const nested = await runCli(['employers', 'selct'], dir.path);
    expect(nested.stderr).toContain('Onbekende opdracht: selct. Bedoel je select?');
    // The hint names the help of the command where the mistake is.
    expect(nested.stderr).toContain('Zie: loket-asr-setup employers --help');
    const option = await runCli(['--sandbx'], dir.path);
    expect(option.stderr).toContain('Onbekende optie: --sandbx. Bedoel je --sandbox?');
    const verifyOption = await runCli(['verify', '--jsn'], dir.path);
    expect(verifyOption.stderr).toBe('loket-asr-setup: Onbekende optie: --jsn. Bedoel je --json?\nZie: loket-asr-setup verify --help\n');
  });

  it('help vrify and help employers lst: unknown, with the suggestion (exit 2), not the general help', async () => {
    const top = await runCli(['help', 'vrify'], dir.path);
    expect(top.code).toBe(2);
    expect(top.stdout).toBe('');
    expect(top.stderr).toBe('loket-asr-setup: Onbekende opdracht: vrify. Bedoel je verify?\nZie: loket-asr-setup --help\n');
    const nested = await runCli(['help', 'employers', 'lst'], dir.path);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('Onbekende opdracht: lst. Bedoel je list?');
    expect(nested.stderr).toContain('Zie: loket-asr-setup employers --help');
    const deep = await runCli(['help', 'employers', 'mark'], dir.path);
    expect(deep.code).toBe(0);
    expect(deep.stdout).toContain('Gebruik: loket-asr-setup employers mark [opties] <werkgever> <status>');
  });

  it('commander’s other errors are Dutch too', async () => {
    expect((await runCli(['ticket'], dir.path)).stderr).toContain('Ontbrekend argument: <soort>.');
    expect((await runCli(['verify', 'extra'], dir.path)).stderr).toContain('Te veel argumenten voor verify: verwacht 0, gekregen 1.');
    expect((await runCli(['--profile'], dir.path)).stderr).toContain('Optie --profile <naam> heeft een waarde nodig.');
    const choice = await runCli(['verify', '--employers', 'x'], dir.path);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('Ongeldige waarde voor --employers: x. Kies uit: all, selected.');
    expect(choice.stderr).not.toMatch(COMMANDER_ENGLISH);
  });
});

describe('a normal stop', () => {
  it('a step that waits on Loket.nl ends with exit 1 and a plain note, not "Fout:"', async () => {
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    delete answers.authorization;
    delete answers.asr;
    delete answers.employers;
    const file = join(dir.path, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    const r = await runCli(['--sandbox', '--answers', file, 'step', '3'], dir.path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Stap 3 is niet klaar (bezig).');
    expect(r.stderr).not.toContain('Fout:');
    const wizard = await runCli(['--sandbox', '--answers', file], dir.path);
    expect(wizard.code).toBe(1);
    expect(wizard.stderr).toContain('Niet alle stappen zijn klaar.');
    expect(wizard.stderr).not.toContain('Fout:');
  });
});
