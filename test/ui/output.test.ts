import { describe, expect, it } from 'vitest';
import { AuthError, MissingInputsError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { Output } from '../../src/ui/output.js';
import { Capture } from '../helpers/streams.js';

function make(json = false, debug = false) {
  const stdout = new Capture();
  const stderr = new Capture();
  const out = new Output({ json, color: false, debug, stdout, stderr, redact: (s) => s.replaceAll('SECRET', '[redacted]') });
  return { out, stdout, stderr };
}

describe('Output', () => {
  setLang('en');

  it('sends results to stdout and talk to stderr', () => {
    const { out, stdout, stderr } = make();
    out.result('the table');
    out.info('checking…');
    out.warn('careful');
    expect(stdout.text).toBe('the table\n');
    expect(stderr.text).toContain('checking…');
    expect(stderr.text).toContain('Warning: careful');
  });

  it('--json: one document on stdout, nothing decorative anywhere', () => {
    const { out, stdout, stderr } = make(true);
    out.info('decoration');
    out.success('done');
    out.hint('tip');
    out.result('human table');
    out.document({ ok: true });
    expect(JSON.parse(stdout.text)).toEqual({ ok: true });
    expect(stderr.text).toBe('');
    expect(() => out.document({ again: true })).toThrow();
  });

  it('expected errors print the message and the fix, no stack', () => {
    const { out, stderr } = make();
    out.error(new AuthError('Not logged in', { hint: 'run loket-asr-setup login' }));
    expect(stderr.text).toBe('Error: Not logged in\nFix: run loket-asr-setup login\n');
  });

  it('missing inputs are listed with flag, env and key', () => {
    const { out, stderr } = make();
    out.error(new MissingInputsError('Input is missing (1):', [{ field: 'office e-mail', flag: '--office-email', env: 'X_EMAIL', key: 'office.email' }]));
    expect(stderr.text).toContain('office e-mail  (--office-email | X_EMAIL | --answers: office.email)');
  });

  it('unexpected errors: short message, stack only with --debug', () => {
    const plain = make();
    plain.out.error(new TypeError('boom'));
    expect(plain.stderr.text).toContain('Internal error (a bug in loket-asr-setup itself): boom');
    // How to report it, and that --debug shows the details.
    expect(plain.stderr.text).toContain('Please report it');
    expect(plain.stderr.text).toContain('--debug');
    expect(plain.stderr.text).not.toMatch(/\n\s+at /);
    const debug = make(false, true);
    debug.out.error(new TypeError('boom'));
    expect(debug.stderr.text).toMatch(/TypeError: boom\n\s+at /);
  });

  it('redacts debug lines and error text', () => {
    const { out, stderr } = make(false, true);
    out.debug('Authorization: Bearer SECRET');
    out.error(new AuthError('token SECRET refused'));
    expect(stderr.text).not.toContain('SECRET');
  });
});

describe('Output colour on a redirected stdout', () => {
  it('strips escape codes from results when stdout is not a terminal, even if stderr is', () => {
    const stdout = new Capture(false);
    const stderr = new Capture(true);
    const out = new Output({ json: false, color: true, debug: false, stdout, stderr });
    out.result(`${out.color.bold('Voortgang')} \u001b[32m●\u001b[39m klaar`);
    expect(stdout.text).toBe('Voortgang ● klaar\n');
  });

  it('keeps them when stdout is a terminal', () => {
    const stdout = new Capture(true);
    const out = new Output({ json: false, color: true, debug: false, stdout, stderr: new Capture(true) });
    out.result('\u001b[32mok\u001b[39m');
    expect(stdout.text).toBe('\u001b[32mok\u001b[39m\n');
  });
});

describe('Output after Ctrl+C', () => {
  it('reports the interruption without calling it an error', async () => {
    const { InterruptedError } = await import('../../src/errors.js');
    const { out, stderr } = make();
    out.error(new InterruptedError('Interrupted. Progress up to the last answered question is saved.'));
    expect(stderr.text).toBe('Interrupted. Progress up to the last answered question is saved.\n');
  });

  it('a terminal of 0 columns (script, some CI consoles) gets plain lines instead of a spinner, which would clear lines forever', async () => {
    const stderr = Object.assign(new Capture(true), { columns: 0 });
    const out = new Output({ json: false, color: false, debug: false, stdout: new Capture(), stderr });
    const spinner = await out.spinner('Checking…');
    spinner.update('still checking');
    spinner.succeed('Checked.');
    expect(stderr.text).toBe('Checking…\n✔ Checked.\n');
  });
});

describe('Output.spinner', () => {
  it('is live only on a terminal of known width; a pipe, --json or a terminal that reports no width get no spinner', async () => {
    const on = (stderr: Capture, json = false) => new Output({ json, color: false, debug: false, stdout: new Capture(), stderr });
    const sized = new Capture(true, 80);
    const spinner = await on(sized).spinner('Werkgevers controleren…');
    expect(spinner.live).toBe(true);
    spinner.stop();

    // A pseudo-terminal nobody sized says 0 columns: ora would hang counting lines; the text is said once instead.
    const unsized = new Capture(true, 0);
    const plain = await on(unsized).spinner('Werkgevers controleren…');
    expect(plain.live).toBe(false);
    plain.update('Werkgevers controleren… 40%');
    expect(unsized.text).toBe('Werkgevers controleren…\n');

    expect((await on(new Capture()).spinner('x')).live).toBe(false);
    const json = new Capture(true, 80);
    expect((await on(json, true).spinner('x')).live).toBe(false);
    expect(json.text).toBe('');
  });
});

describe('Output on a terminal: prose breaks between words at its width', () => {
  const SENTENCE = 'Stuur dit ticket naar Loket.nl-support en leg hun ticketnummer vast: loket-asr-setup step 1 --webservicepartij-ticket <nummer>';
  const on = (columns: number | undefined, isTTY = true) => {
    const stdout = new Capture(isTTY, columns);
    const stderr = new Capture(isTTY, columns);
    return { out: new Output({ json: false, color: false, debug: true, stdout, stderr }), stdout, stderr };
  };

  it("talk and results at each stream's width; a command moves whole", () => {
    const { out, stdout, stderr } = on(60);
    out.info(SENTENCE);
    out.hint(`  - ${SENTENCE}`);
    out.result(SENTENCE);
    expect(stderr.text).toBe(
      [
        'Stuur dit ticket naar Loket.nl-support en leg hun',
        'ticketnummer vast:',
        'loket-asr-setup step 1 --webservicepartij-ticket <nummer>',
        '  - Stuur dit ticket naar Loket.nl-support en leg hun',
        '    ticketnummer vast:',
        '    loket-asr-setup step 1 --webservicepartij-ticket <nummer>',
        '',
      ].join('\n'),
    );
    expect(stdout.text).toBe(stderr.text.split('\n').slice(0, 3).join('\n') + '\n');
  });

  it('a warning and an error with its hint wrap too; debug lines, stacks and `wrap: false` (CSV, JSON) do not', () => {
    const { out, stdout, stderr } = on(40);
    out.warn('De werkgever 20005 is aangemeld zonder dat er eerst een aanvraag was vastgelegd.');
    expect(stderr.text).toBe('Warning: De werkgever 20005 is aangemeld\nzonder dat er eerst een aanvraag was\nvastgelegd.\n');
    stderr.text = '';
    out.debug(`GET https://api.loket.nl/v2/providers/employers?pageNumber=1 200 ${'x '.repeat(30)}`);
    expect(stderr.text.trimEnd().split('\n')).toHaveLength(1);
    const csv = `id;employerNumber;companyName;chamberOfCommerceNumber;payrollTaxNumbers`;
    out.result(csv, { wrap: false });
    out.hint('{ "office": { "name": "Administratiekantoor De Vries & Partners" } }', { wrap: false });
    expect(stdout.text).toBe(`${csv}\n`);
    expect(stderr.text.trimEnd().split('\n')).toHaveLength(2);
  });

  it('a file, a pipe or a terminal that reports no width gets the text as it is', () => {
    for (const { out, stdout, stderr } of [on(undefined, false), on(60, false), on(0)]) {
      out.info(SENTENCE);
      out.result(SENTENCE);
      expect(stderr.text).toBe(`${SENTENCE}\n`);
      expect(stdout.text).toBe(`${SENTENCE}\n`);
    }
  });

  it('reads the width at every write: a resized window counts', () => {
    const { out, stderr } = on(200);
    out.info(SENTENCE);
    stderr.columns = 60;
    out.info(SENTENCE);
    expect(stderr.text.split('\n')).toHaveLength(1 + 3 + 1);
  });
});
