/**
 * Input faults (cases 10 and 11) through the built CLI: nobody to ask, and answers files that are
 * wrong. "Nothing lost" here: the run stops with exit 2 before anything is written — no config.json
 * appears where there was none, an existing one stays byte for byte — and the error names every
 * missing input with its flag, or the JSON path of the bad value, so the user knows what to fix.
 * No simulator and no token are given: any of these runs that got as far as Loket would exit 3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, type RunResult } from '../helpers/cli.js';
import { startCli } from '../helpers/spawn.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const configFile = () => join(dir.path, 'config.json');

/** A saved profile to put in place before a run, made once by the CLI itself. */
let savedConfig: string;
beforeAll(async () => {
  const seed = tempDir();
  try {
    const r = await runCli(['config', 'set', 'office.contactName', 'Jan de Vries'], seed.path);
    expect(r.code).toBe(0);
    savedConfig = readFileSync(join(seed.path, 'config.json'), 'utf8');
  } finally {
    seed.remove();
  }
});

const ALL_MISSING = [
  ['office.name', '--office-name'],
  ['office.contactName', '--contact-name'],
  ['office.email', '--contact-email'],
  ['office.phone', '--contact-phone'],
  ['webserviceUser', '--webservice-user'],
  ['route', '--route'],
  ['asr.companyName', '--asr-company-name'],
  ['asr.requestEmail', '--asr-email'],
  ['asr.userName', '--asr-username'],
  ['environmentCode', '--omgevingscode'],
] as const;
const STEP_1_MISSING = ALL_MISSING.slice(0, 4);

function expectMissing(r: RunResult, missing: ReadonlyArray<readonly [string, string]>): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(`Input is missing (${missing.length})`);
  for (const [key, flag] of missing) {
    // One line per input, naming its flag and its answers-file key.
    expect(r.stderr).toMatch(new RegExp(`^  - .*\\(${flag} \\| LOKET_[A-Z_]+ \\| --answers: ${key.replace('.', '\\.')}\\)$`, 'm'));
  }
  expect(r.stdout).toBe('');
}

describe('10. no terminal and nothing given', () => {
  const commands: Array<[string, string[], ReadonlyArray<readonly [string, string]>]> = [
    ['the wizard', [], ALL_MISSING],
    ['step 1', ['step', '1'], STEP_1_MISSING],
  ];
  const ways: Array<[string, Record<string, string | undefined>, string[]]> = [
    ['CI=true', { CI: 'true' }, []],
    ['no CI, stdin and stdout are pipes', { CI: undefined }, []],
    ['--non-interactive', { CI: undefined }, ['--non-interactive']],
  ];

  for (const [command, args, missing] of commands) {
    it.each(ways)(`${command}, %s: exit 2 at once listing every missing input with its flag; nothing written`, async (_way, env, extra) => {
      const started = performance.now();
      const r = await runCli([...args, ...extra, '--lang', 'en'], dir.path, { env, timeoutMs: 10_000 });
      // Generous bound, far from the ~0.3 s it takes: the point is that it never waits for input.
      expect(performance.now() - started).toBeLessThan(5_000);
      expectMissing(r, missing);
      expect(existsSync(configFile())).toBe(false);
    });
  }

  it('stdin left open (a CI runner that never closes it): still exits 2 by itself, config unchanged', async () => {
    writeFileSync(configFile(), savedConfig);
    const run = startCli(['--lang', 'en'], dir.path, { timeoutMs: 10_000 });
    const r = await run.done;
    expect(r.signal).toBeNull();
    // Office contact name is saved, so it is no longer missing.
    expectMissing(
      r,
      ALL_MISSING.filter(([key]) => key !== 'office.contactName'),
    );
    expect(readFileSync(configFile(), 'utf8')).toBe(savedConfig);
  });
});

describe('11. bad answers files: exit 2 naming the JSON path, nothing written', () => {
  const cases: Array<[string, string, RegExp[]]> = [
    ['a wrong type (office.name: 5)', '{"office":{"name":5}}', [/- office\.name: expected text, got a number/]],
    ['a flag that is not true or false', '{"routeConfirmed":"ja"}', [/- routeConfirmed: expected true or false, got text/]],
    ['several unknown keys in one object: each listed', '{"foo":1,"bar":2}', [/- foo: unknown key/, /- bar: unknown key/]],
    ['an unknown key of an employer', '{"employers":{"20003":{"status":"requested","colour":"red"}}}', [/- employers\.20003\.colour: unknown key/]],
    [
      'a key __proto__ among the employers is an employer like any other',
      '{"employers":{"__proto__":{"status":"aangemeld"}}}',
      [/- employers\.__proto__\.status: expected one of: requested, signed-up, confirmed, excluded/],
    ],
    ['an unknown top-level key', '{"foo":1}', [/- foo: unknown key/]],
    ['an unknown nested key', '{"office":{"fax":"013-1234567"}}', [/- office\.fax: unknown key/]],
    [
      'several shape errors at once: all listed',
      '{"foo":1,"office":{"name":5,"fax":"x"},"asr":{"password":"geheim"}}',
      [/- foo: unknown key/, /- office\.name: /, /- office\.fax: unknown key/, /- asr\.password: unknown key/],
    ],
    // answers.ts has no KvK field at all: a KvK-nummer there is an unknown key, not silently ignored.
    ['a KvK-nummer (the answers file has no KvK field)', '{"office":{"kvk":"12345678"}}', [/- office\.kvk: unknown key/]],
    ['an invalid loonheffingennummer as employers key', '{"employers":{"123456789L01":{"status":"requested"}}}', [/employers\.123456789L01/, /11-proef/]],
    ['subnummer L00 as employers key', '{"employers":{"123456782L00":{"status":"requested"}}}', [/employers\.123456782L00/]],
    ['an invalid employer status value', '{"employers":{"20003":{"status":"aangemeld"}}}', [/- employers\.20003\.status: /]],
    ['an employers value that is not an object', '{"employers":{"20003":"confirmed"}}', [/- employers\.20003: expected an object/]],
    ['an employer without a status', '{"employers":{"20003":{}}}', [/- employers\.20003\.status: missing/]],
    ['an employer with an empty key', '{"employers":{"":{"status":"requested"}}}', [/- employers\.: an empty key/]],
    ['an invalid e-mail', '{"office":{"email":"jan.devries-at-kantoor.nl"}}', [/- office\.email \(/]],
    ['an e-mail without a dotted domain', '{"asr":{"requestEmail":"salaris@kantoor"}}', [/- asr\.requestEmail \(/]],
    ['an invalid phone number', '{"office":{"phone":"12345"}}', [/- office\.phone \(/]],
    ['an empty omgevingscode', '{"environmentCode":""}', [/- environmentCode \(/]],
    ['an omgevingscode with whitespace', '{"environmentCode":"DEVRIES PRD"}', [/- environmentCode \(/]],
    ['a route that does not exist', '{"route":"anders"}', [/- route \(/, /ak-team, werkgevergebruiker/]],
    ['a date in the wrong format', '{"asr":{"submittedAt":"28/10/26"}}', [/- asr\.submittedAt \(/, /YYYY-MM-DD/]],
    ['not JSON at all', 'office.name = "Kantoor"', [/is not valid JSON: line 1, column 1: expected something other than 'o' here/]],
    ['a trailing comma on line 3', '{\n  "office": {"name": "Kantoor"},\n}', [/is not valid JSON: line 3, column 1: one comma too many before '}'/]],
    [
      'several invalid values at once: all listed in one run',
      '{"office":{"email":"geen-adres","phone":"12"},"environmentCode":"A B","asr":{"submittedAt":"31-02-2026"},"employers":{"123456789L01":{"status":"requested"},"20011":{"status":"signed-up","force":true}}}',
      [
        /- office\.email \(/,
        /- office\.phone \(/,
        /- environmentCode \(/,
        /- asr\.submittedAt \(/,
        /- employers\.123456789L01 \(/,
        /- employers\.20011\.reason \(/,
      ],
    ],
    ['a JSON array instead of an object', '[]', [/- \(root\): /]],
  ];

  it.each(cases)('%s', async (_name, content, messages) => {
    writeFileSync(configFile(), savedConfig);
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, content);
    const r = await runCli(['--answers', answers, '--lang', 'en'], dir.path);
    expect(r.code, r.stderr).toBe(2);
    for (const message of messages) expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(readFileSync(configFile(), 'utf8')).toBe(savedConfig);
  });

  it('in Dutch, the problems speak Dutch too', async () => {
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, '{"office":{"name":5},"employers":{"20003":{"status":"aangemeld"}}}');
    const r = await runCli(['--answers', answers], dir.path);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('- office.name: verwacht tekst, gekregen: een getal');
    expect(r.stderr).toContain('- employers.20003.status: verwacht een van: requested, signed-up, confirmed, excluded');
  });

  it('the same through `step 1` and with no config yet: exit 2, config.json never created', async () => {
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, '{"office":{"name":"Kantoor","email":"geen-adres"}}');
    const r = await runCli(['step', '1', '--answers', answers, '--lang', 'en'], dir.path);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('- office.email (');
    expect(existsSync(configFile())).toBe(false);
  });

  it('a missing answers file: exit 2 naming the file and why', async () => {
    writeFileSync(configFile(), savedConfig);
    const answers = join(dir.path, 'bestaat-niet.json');
    const r = await runCli(['--answers', answers, '--lang', 'en'], dir.path);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`Cannot read the answers file ${answers}: the file does not exist.`);
    expect(r.stderr).not.toContain('ENOENT');
    expect(readFileSync(configFile(), 'utf8')).toBe(savedConfig);
  });

  it('LOKET_ASR_SETUP_ANSWERS pointing at a bad file behaves like --answers', async () => {
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, '{"office":{"name":5}}');
    const r = await runCli(['--lang', 'en'], dir.path, { env: { LOKET_ASR_SETUP_ANSWERS: answers } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/- office\.name: /);
    expect(existsSync(configFile())).toBe(false);
  });
});

describe('11b. answers files that are no plain JSON file, or say too much', () => {
  const posix = process.platform !== 'win32';

  it('a UTF-8 byte-order mark at the start (as Windows editors save) is accepted', async () => {
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, `\uFEFF${JSON.stringify({ office: { name: 'Kantoor Met BOM', contactName: 'Jan de Vries' } })}`);
    const r = await runCli(['step', '1', '--answers', answers, '--lang', 'en'], dir.path);
    // Read and used: only the two office inputs the file does not give are missing.
    expectMissing(
      r,
      STEP_1_MISSING.filter(([key]) => key === 'office.email' || key === 'office.phone'),
    );
    expect(r.stderr).not.toContain('not valid JSON');
  });

  it.runIf(posix)('a FIFO: refused at once as not a regular file (before, the read waited for a writer forever)', async () => {
    const fifo = join(dir.path, 'answers.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await runCli(['step', '1', '--answers', fifo, '--lang', 'en'], dir.path, { timeoutMs: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`The answers file ${fifo} is not a regular file (but, for example, a directory, a pipe or a device).`);
    expect(r.stderr).toContain('--answers <file>');
    expect(existsSync(configFile())).toBe(false);
  });

  it.runIf(posix && existsSync('/dev/zero'))('a device that never ends (/dev/zero): refused as not a regular file', async () => {
    const r = await runCli(['step', '1', '--answers', '/dev/zero', '--lang', 'en'], dir.path, { timeoutMs: 10_000 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('/dev/zero is not a regular file');
  });

  it('a file over 1 MB: refused without parsing it', async () => {
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, `{"office":{"name":"${'x'.repeat(1024 * 1024)}"}}`);
    const r = await runCli(['step', '1', '--answers', answers, '--lang', 'en'], dir.path);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`The answers file ${answers} is larger than 1024 kB`);
  });

  const tooMuch: Array<[string, unknown, RegExp]> = [
    ['an office name of 201 characters', { office: { name: 'K'.repeat(201) } }, /- office\.name \(.+\): too long: at most 200 characters \(now 201\)/],
    [
      'an escape sequence in the contact name',
      { office: { contactName: 'Jan\u001b]0;owned\u0007' } },
      /- office\.contactName \(.+\): contains a control character/,
    ],
    [
      'an employer note of 501 characters',
      { employers: { '20002': { status: 'requested', note: 'n'.repeat(501) } } },
      /- employers\.20002\.note: too long: at most 500 characters \(now 501\)/,
    ],
  ];

  it.each(tooMuch)('%s: exit 2 naming the field, nothing written', async (_name, content, message) => {
    writeFileSync(configFile(), savedConfig);
    const answers = join(dir.path, 'answers.json');
    writeFileSync(answers, JSON.stringify(content));
    const r = await runCli(['--answers', answers, '--lang', 'en'], dir.path);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(configFile(), 'utf8')).toBe(savedConfig);
  });
});

describe('profile names that every JavaScript object already has', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('--profile %s is a profile like any other (before: exit 70)', async (name) => {
    const set = await runCli(['--profile', name, 'config', 'set', 'office.name', `Kantoor ${name}`], dir.path);
    expect(set.code, set.stderr).toBe(0);
    const get = await runCli(['--profile', name, 'config', 'get', 'office.name'], dir.path);
    expect(get.stdout.trim()).toBe(`Kantoor ${name}`);
    const status = await runCli(['--profile', name, 'status', '--json'], dir.path);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).profile).toBe(name);
    const onDisk = JSON.parse(readFileSync(configFile(), 'utf8'));
    expect(Object.keys(onDisk.profiles)).toEqual([name]);
    expect(onDisk.profiles[name].office.name).toBe(`Kantoor ${name}`);
  });

  it('--profile __proto__ is refused as a usage error (exit 2), no stack trace, nothing written', async () => {
    const r = await runCli(['--profile', '__proto__', 'config', 'set', 'office.name', 'X', '--lang', 'en'], dir.path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Invalid value for --profile: "__proto__"');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(configFile())).toBe(false);
  });
});

describe('a bad global option', () => {
  // Before, an empty --api-url silently meant production.
  it('--api-url "" is a usage error (exit 2), not production; with --json it is one error document', async () => {
    const r = await runCli(['verify', '--api-url', '', '--json', '--lang', 'en'], dir.path, { env: { LOKET_ACCESS_TOKEN: 'token-that-must-go-nowhere' } });
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      error: { exitCode: 2, message: 'Invalid value for --api-url: "". Give a value, or leave the option out (an empty shell variable?).' },
    });
    expect(r.stderr).not.toMatch(/api\.loket\.nl/);
  });

  it('--replay "" is a usage error (exit 2), not a run against the simulator’s own world', async () => {
    const r = await runCli(['--replay', '', 'verify', '--json', '--lang', 'en'], dir.path);
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toBe('Invalid value for --replay: "". Give a value, or leave the option out (an empty shell variable?).');
  });

  it('--concurrency 99 with --json: the error document too (the options could not be read yet)', async () => {
    const r = await runCli(['status', '--concurrency', '99', '--json', '--lang', 'en'], dir.path);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { exitCode: 2, message: expect.stringContaining('--concurrency') } });
  });
});
