/**
 * The example CI set-ups in examples/ci/ are valid YAML, run verify on a schedule with the secrets
 * from the CI's store, keep the report and the JUnit file, tell drift (1) from a broken tool (70) —
 * and use only commands and options the CLI really has.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const read = (name: string) => readFileSync(new URL(`../../examples/ci/${name}`, import.meta.url), 'utf8');

type Yaml = Record<string, any>;

/** Every `loket-asr-setup <command> …` line: the command and the options it is given. */
function invocations(text: string): Array<{ command: string; options: string[] }> {
  return [...text.matchAll(/loket-asr-setup (verify|report)\b([^\n]*)/g)].map((m) => ({
    command: m[1]!,
    options: [...m[2]!.matchAll(/(?<=\s)--[a-z][a-z-]*/g)].map((o) => o[0]),
  }));
}

function expectKnownOptions(text: string): void {
  const program = buildProgram();
  const known = (command: Command) => new Set([...command.options, ...program.options].map((o) => o.long));
  const found = invocations(text);
  expect(found.map((i) => i.command)).toEqual(expect.arrayContaining(['verify', 'report']));
  for (const { command, options } of found) {
    const sub = program.commands.find((c) => c.name() === command)!;
    for (const option of options) expect(known(sub), `${command} ${option}`).toContain(option);
  }
}

describe('examples/ci/github-actions.yml', () => {
  const text = read('github-actions.yml');
  const workflow = parse(text) as Yaml;
  const steps = workflow.jobs.verify.steps as Yaml[];
  const run = (name: RegExp) => steps.find((s) => name.test(s.name ?? ''))!;

  it('runs nightly (and by hand) with the secrets from the store and the webservice user as a variable', () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.jobs.verify.env).toMatchObject({
      LOKET_REFRESH_TOKEN: '${{ secrets.LOKET_REFRESH_TOKEN }}',
      LOKET_CLIENT_ID: '${{ secrets.LOKET_CLIENT_ID }}',
      LOKET_CLIENT_SECRET: '${{ secrets.LOKET_CLIENT_SECRET }}',
      LOKET_WEBSERVICE_USER: '${{ vars.LOKET_WEBSERVICE_USER }}',
    });
  });

  it('verify --json --junit with the previous run as --baseline; the report as job summary and artifact', () => {
    expect(run(/^Verify$/).run).toMatch(/loket-asr-setup verify --json --junit verify\.junit\.xml "\$\{baseline\[@\]\}" > verify\.json/);
    expect(run(/^Verify$/).run).toContain('--baseline previous/verify.json');
    expect(run(/^Report/).run).toContain('loket-asr-setup report --format markdown --out "$GITHUB_STEP_SUMMARY"');
    const upload = steps.find((s) => String(s.uses).startsWith('actions/upload-artifact'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with.path.split('\n').filter(Boolean)).toEqual(['verify.json', 'verify.junit.xml', 'loket-asr-setup-rapport.html']);
    expectKnownOptions(text);
  });

  it('exit 1 fails the job as drift; exit 70 is a warning "tool error, not drift" that does not', () => {
    expect(run(/^Drift/)).toMatchObject({ if: "steps.verify.outputs.code == '1'" });
    expect(run(/^Drift/).run).toMatch(/exit 1/);
    const tool = run(/^Tool error, not drift/);
    expect(tool).toMatchObject({ if: "steps.verify.outputs.code == '70'", 'continue-on-error': true });
    expect(tool.run).toContain('::warning title=loket-asr-setup tool error (not drift)');
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const text = read('gitlab-ci.yml');
  const job = (parse(text) as Yaml)['loket-drift'] as Yaml;

  it('runs on the schedule, keeps the config directory (and so the last check) in the cache, also after a failure', () => {
    expect(job.rules).toContainEqual({ if: '$CI_PIPELINE_SOURCE == "schedule"' });
    expect(job.cache).toMatchObject({ paths: ['.loket-asr-setup/'], when: 'always' });
    expect(job.variables.LOKET_ASR_SETUP_CONFIG_DIR).toBe('$CI_PROJECT_DIR/.loket-asr-setup');
    // Secrets come from the project's CI/CD variables, never from the file.
    expect(text).not.toMatch(/LOKET_(REFRESH_TOKEN|CLIENT_SECRET|ACCESS_TOKEN):/);
  });

  it('the JUnit file as a test report, the report and verify.json as artifacts; 70 allowed to fail, 1 not', () => {
    expect(job.artifacts).toMatchObject({ when: 'always', reports: { junit: 'verify.junit.xml' } });
    expect(job.artifacts.paths).toEqual(expect.arrayContaining(['verify.json', 'loket-asr-setup-rapport.html']));
    expect(job.allow_failure).toEqual({ exit_codes: [70] });
    const script = job.script.join('\n');
    expect(script).toContain('loket-asr-setup verify --json --junit verify.junit.xml > verify.json');
    expect(script).toMatch(/1\) echo "DRIFT[^\n]*exit 1 ;;/);
    expect(script).toMatch(/70\) echo "TOOL ERROR, NOT DRIFT[^\n]*exit 70 ;;/);
    expectKnownOptions(text);
  });
});
