/**
 * The shim answers `--version` and `--help` without loading the bundle (bin/loket-asr-setup.js),
 * from texts the build wrote with commander (dist/help.<lang>.json). They must be exactly what
 * commander prints: the source's helpTexts(), and the built CLI when the fast path is not taken.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, helpTexts } from '../../src/cli/main.js';
import { grammarOf } from '../../src/cli/quick-parse.js';
import { setLang } from '../../src/i18n/index.js';
import { runCli, tempDir } from '../helpers/cli.js';

const built = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../dist/help.${lang}.json`, import.meta.url)), 'utf8'));

describe('the shim’s --help and --version', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => {
    dir.remove();
    setLang('nl');
  });

  it('the built help texts are commander’s, for every command in both languages', () => {
    const source = helpTexts();
    expect(built('nl')).toEqual(source.nl);
    expect(built('en')).toEqual(source.en);
    expect(Object.keys(source.nl)).toEqual(expect.arrayContaining(['', 'verify', 'config get', 'employers mark', 'dump check']));
  });

  it('the built grammar of the quick path is commander’s', () => {
    const builtGrammar: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('../../dist/grammar.json', import.meta.url)), 'utf8'));
    expect(builtGrammar).toEqual(grammarOf(buildProgram()));
  });

  it('prints the same as commander, which answers whenever the shim is not sure', async () => {
    // `--profile default` is not a form the shim answers, so commander prints these.
    for (const [args, lang] of [
      [['--help'], 'nl'],
      [['verify', '--help', '--lang', 'en'], 'en'],
      [['help', 'config'], 'nl'],
      [['config', 'get', '--help'], 'nl'],
      [['employers', 'mark', '-h', '--lang=en'], 'en'],
    ] as const) {
      const fast = await runCli([...args], dir.path);
      const slow = await runCli(['--profile', 'default', ...args], dir.path);
      expect(fast.code).toBe(0);
      expect(slow.code).toBe(0);
      expect(fast.stdout).toBe(slow.stdout);
      const path = args.filter((a) => /^[a-z]+$/.test(a) && a !== 'help' && a !== 'en').join(' ');
      expect(fast.stdout).toBe(built(lang)[path]);
    }
  });

  it('an unknown language or command is left to commander', async () => {
    const unknownCommand = await runCli(['bogus', '--help'], dir.path);
    expect(unknownCommand.stdout).toBe(built('nl')['']);
    // Our help command goes a level deeper per word: this is the help of `config get`.
    expect((await runCli(['help', 'config', 'get'], dir.path)).stdout).toBe(built('nl')['config get']);
    const envLang = await runCli(['status', '--help'], dir.path, { env: { LOKET_ASR_SETUP_LANG: 'en' } });
    expect(envLang.stdout).toBe(built('en')['status']);
  });

  it('--version is the package version', async () => {
    const r = await runCli(['--version'], dir.path);
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect((await runCli(['-V'], dir.path)).stdout).toBe(`${pkg.version}\n`);
  });
});
