import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as report } from '../../../src/cli/commands/report.js';
import { run as verify } from '../../../src/cli/commands/verify.js';
import { UsageError } from '../../../src/errors.js';
import { runCommand } from '../../helpers/context.js';
import { useSimulator } from '../../helpers/sandbox.js';

const USER = { LOKET_WEBSERVICE_USER: 'Webservice#01' };

describe('report (command function)', () => {
  const sim = useSimulator({ scenario: 'default' });

  const checked = () => runCommand(verify, [], { configDir: sim.dir(), sandbox: sim.sandbox(), env: USER, local: { employers: 'all' } });

  it('without a saved check: exit 2 saying to run verify first, and no request to Loket', async () => {
    const r = await runCommand(report, [], { configDir: sim.dir(), sandbox: sim.sandbox() });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as UsageError).message).toContain('profiel default');
    expect((r.error as UsageError).hint).toContain('loket-asr-setup verify');
    expect(r.requests).toBe(0);
  });

  it('--out <file>: the HTML page, the path on stdout, offline', async () => {
    await checked();
    const out = join(sim.dir(), 'rapport.html');
    const r = await runCommand(report, [], { configDir: sim.dir(), sandbox: sim.sandbox(), local: { out } });
    expect(r.error).toBeUndefined();
    expect(r.requests).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Installatiebedrijf Vermeulen &amp; Zonen B.V.');
    expect(html).toContain('data-figure="to-fix" data-value="2"');
  });

  it('--format markdown --out -: the Markdown on stdout', async () => {
    await checked();
    const r = await runCommand(report, [], { configDir: sim.dir(), sandbox: sim.sandbox(), local: { format: 'markdown', out: '-' }, lang: 'en' });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(/^## Salariskoppeling Loket\.nl – a\.s\.r\./);
    expect(r.stdout).toContain('| linked | to fix | unverifiable | confirmed by a.s.r. |');
  });

  it('--out "$GITHUB_STEP_SUMMARY" with markdown appends, keeping what earlier steps wrote', async () => {
    await checked();
    const summary = join(sim.dir(), 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = await runCommand(report, [], {
      configDir: sim.dir(),
      sandbox: sim.sandbox(),
      local: { format: 'markdown', out: summary },
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.error).toBeUndefined();
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## Salariskoppeling')).toBe(true);
    expect(r.stderr).toContain('samenvatting van de CI-taak');

    // Any other file is replaced, as --out always does.
    const other = join(sim.dir(), 'other.md');
    writeFileSync(other, 'old\n');
    await runCommand(report, [], {
      configDir: sim.dir(),
      sandbox: sim.sandbox(),
      local: { format: 'markdown', out: other },
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(readFileSync(other, 'utf8').startsWith('## Salariskoppeling')).toBe(true);
  });

  it('--json: one document with the file, nothing decorative', async () => {
    await checked();
    const out = join(sim.dir(), 'r.html');
    const r = await runCommand(report, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, local: { out } });
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, format: 'html', appended: false, opened: false, ok: false });
    expect(r.stderr).toBe('');
  });

  it('--out - does not go with --open or --json', async () => {
    await checked();
    const open = await runCommand(report, [], { configDir: sim.dir(), sandbox: sim.sandbox(), local: { out: '-', open: true } });
    expect(open.error).toBeInstanceOf(UsageError);
    const json = await runCommand(report, [], { configDir: sim.dir(), sandbox: sim.sandbox(), json: true, local: { out: '-' } });
    expect(json.error).toBeInstanceOf(UsageError);
  });

  it('--open without a browser here: the file is written and the path given to open by hand', async () => {
    await checked();
    const out = join(sim.dir(), 'r.html');
    // No DISPLAY/WAYLAND_DISPLAY on Linux: the opener says it cannot; on a desktop OS it would open one.
    if (process.platform !== 'linux') return;
    const r = await runCommand(report, [], { configDir: sim.dir(), sandbox: sim.sandbox(), local: { out, open: true }, env: {} });
    expect(r.error).toBeUndefined();
    expect(existsSync(out)).toBe(true);
    expect(r.stderr).toContain(`open het bestand zelf: ${out}`);
  });
});
