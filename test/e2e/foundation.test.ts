import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const ESC = '\u001b[';

describe('built CLI: foundation', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('--version prints the package version', async () => {
    const r = await runCli(['--version'], dir.path);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--help is Dutch by default and English with --lang en or LANG=en', async () => {
    const nl = await runCli(['--help'], dir.path);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('Gebruik:');
    expect(nl.stdout).toContain('Opdrachten:');
    expect(nl.stdout).toContain('status');
    const en = await runCli(['--help', '--lang', 'en'], dir.path);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('Commands:');
    const envEn = await runCli(['--help'], dir.path, { env: { LANG: 'en_GB.UTF-8' } });
    expect(envEn.stdout).toContain('Usage:');
  });

  it('status --json prints one JSON document with five steps', async () => {
    const r = await runCli(['status', '--json'], dir.path);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.steps)).toEqual(['1', '2', '3', '4', '5']);
    expect(Object.values(doc.steps)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo']);
    expect(doc.next.step).toBe('1');
    expect(doc.configPath).toBe(join(dir.path, 'config.json'));
    expect(r.stderr).toBe('');
  });

  it('global options are accepted before or after the command', async () => {
    const before = await runCli(['--json', 'status'], dir.path);
    const after = await runCli(['status', '--json'], dir.path);
    expect(JSON.parse(before.stdout).steps).toEqual(JSON.parse(after.stdout).steps);
  });

  it('an invalid option value exits 2 with one line naming the option', async () => {
    const r = await runCli(['status', '--concurrency', '99'], dir.path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency');
    expect(r.stdout).toBe('');
  });

  it('an unknown option exits 2', async () => {
    const r = await runCli(['status', '--bogus'], dir.path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
  });

  it('an invalid env twin exits 2 naming the variable', async () => {
    const r = await runCli(['status'], dir.path, { env: { LOKET_ENV: 'staging' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LOKET_ENV');
  });

  it('NO_COLOR=1: no escape codes anywhere, even when colour is forced', async () => {
    const r = await runCli(['status'], dir.path, { env: { NO_COLOR: '1', FORCE_COLOR: '3' } });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(ESC);
    expect(r.stdout).toContain('Verzoek indienen bij Loket.nl');
  });

  it('a corrupt config file is backed up and reported, not fatal', async () => {
    writeFileSync(join(dir.path, 'config.json'), '{"schemaVersion": 2, "profiles": {');
    const r = await runCli(['status', '--json'], dir.path);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps['1']).toBe('todo');
    const backups = readdirSync(dir.path).filter((f) => f.startsWith('config.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(r.stderr).toContain(backups[0]);
  });

  it('config set / get / path round trip', async () => {
    const set = await runCli(['config', 'set', 'office.name', 'Kantoor Test'], dir.path);
    expect(set.code).toBe(0);
    const get = await runCli(['config', 'get', 'office.name'], dir.path);
    expect(get.stdout.trim()).toBe('Kantoor Test');
    const path = await runCli(['config', 'path'], dir.path);
    expect(path.stdout.trim()).toBe(join(dir.path, 'config.json'));
    expect(existsSync(join(dir.path, 'config.json.lock'))).toBe(false);
  });

  it('config set with an unknown key exits 2 and saves nothing', async () => {
    const r = await runCli(['config', 'set', 'password', 'x'], dir.path);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });

  it('config reset without a terminal needs --yes', async () => {
    await runCli(['config', 'set', 'office.name', 'A'], dir.path);
    const refused = await runCli(['config', 'reset'], dir.path);
    expect(refused.code).toBe(2);
    const ok = await runCli(['config', 'reset', '--yes'], dir.path);
    expect(ok.code).toBe(0);
    const get = await runCli(['config', 'get', 'office.name', '--json'], dir.path);
    expect(JSON.parse(get.stdout).value).toBeNull();
  });

  it('config set refuses a value the wizard would refuse (exit 2, nothing written)', async () => {
    for (const [key, value] of [
      ['office.email', 'geen e-mail'],
      ['office.phone', 'abc'],
      ['environmentCode', 'A B'],
      ['webserviceUser', ''],
    ]) {
      const r = await runCli(['config', 'set', key!, value!], dir.path);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(key);
    }
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });

  it('--json: a wrong command line still prints one error document', async () => {
    const r = await runCli(['verify', '--json', '--employers', 'sommige'], dir.path);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, error: { exitCode: 2 } });
    expect(doc.error.message).toContain('--employers');
  });

  it('--json: missing inputs are listed in the error document too', async () => {
    const r = await runCli(['step', '1', '--json'], dir.path);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.error.missing.map((m: { key: string }) => m.key)).toEqual(['office.name', 'office.contactName', 'office.email', 'office.phone']);
  });

  it('a.s.r. confirmed without being submitted is refused before anything runs', async () => {
    const r = await runCli(['--sandbox', '--answers', 'examples/answers.json', '--asr-submitted', '2026-11-01', '--asr-confirmed', '2026-10-01'], dir.path);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir.path, 'config.json'))).toBe(false);
  });
});
