/**
 * Where to go and what to have ready (issue 10, item 7): step 5 says how an employer is signed up at
 * a.s.r. and where, and warns when an employer is signed up without having requested the
 * salariskoppeling first; the steps print the pages of a.s.r. and Loket's helpdesk, and on a desktop
 * offer to open them (a stand-in `xdg-open` records what it was asked to open).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';
import { ptyWrapper, startCli, stripAnsi } from '../helpers/spawn.js';

const words = (text: string) => text.replace(/\s+/g, ' ');

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('the pages and what to have ready, printed', () => {
  it("the whole wizard: Loket.nl's helpdesk in steps 1 and 3, a.s.r.'s form in step 4, the request page and the instruction in step 5", async () => {
    const upTo = async (strip: (answers: Record<string, any>) => void) => {
      const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
      strip(answers);
      const file = join(dir.path, 'answers.json');
      writeFileSync(file, JSON.stringify(answers));
      const r = await runCli(['--sandbox', '--answers', file], dir.path);
      expect(r.code, r.stderr).toBe(1);
      return words(r.stdout + r.stderr);
    };
    // A ticket is shown until it was sent: step 1's before its request was sent, step 3's before Loket.nl confirmed.
    expect(await upTo((answers) => delete answers.tickets)).toContain(
      'Stuur dit ticket naar Loket.nl, via de helpdesk van Loket.nl (https://helpdesk.loket.nl):',
    );
    expect(await upTo((answers) => delete answers.authorization)).toMatch(
      /stuur dit ticket naar Loket\.nl \(https:\/\/helpdesk\.loket\.nl\) en leg hun antwoord vast/,
    );

    const done = await runCli(['--sandbox', '--answers', EXAMPLE], dir.path);
    const text = words(done.stdout + done.stderr);
    expect(text).toContain('Ga naar https://www.asr.nl/salarisverwerkers en kies voor "Aanmelden Salarisverwerker"');
    expect(text).toContain('moet de werkgever de salariskoppeling bij a.s.r. aanvragen of aangevraagd hebben via https://www.asr.nl/salariskoppeling.');
    expect(text).toContain(
      'Hoe je een werkgever bij a.s.r. aanmeldt, staat in de instructie "Loket.nl – aanmelden werkgevers" van a.s.r. (https://www.asr.nl/salarisverwerkers). Houd per werkgever de naam, het loonheffingennummer en de bevestiging van de aanvraag van de werkgever bij de hand.',
    );
  });
});

describe('signing up an employer that did not request the salariskoppeling first', () => {
  const warning = (number: number) =>
    new RegExp(
      `\\(${number}\\) heeft volgens je gegevens de salariskoppeling nog niet aangevraagd; de handleiding zegt dat de werkgever dat eerst doet via https://www\\.asr\\.nl/salariskoppeling\\.`,
    );

  it('in step 5 from an answers file: a warning for the one without "requested", none for the one with it', async () => {
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    delete answers.employers['20002'].requestedAt;
    const file = join(dir.path, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    const r = await runCli(['--sandbox', '--answers', file], dir.path);
    expect(r.code, r.stderr).toBe(0);
    expect(words(r.stderr)).toMatch(warning(20002));
    expect(words(r.stderr)).not.toMatch(warning(20006));
  });

  it('with employers mark: straight to signed-up warns, after "requested" it does not', async () => {
    const withoutEmployers = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    delete withoutEmployers.employers;
    const file = join(dir.path, 'answers.json');
    writeFileSync(file, JSON.stringify(withoutEmployers));
    expect((await runCli(['--sandbox', '--answers', file], dir.path)).code).toBe(1);
    const skipped = await runCli(['--sandbox', 'employers', 'mark', '20002', 'signed-up'], dir.path);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(words(skipped.stderr)).toMatch(warning(20002));
    expect((await runCli(['--sandbox', 'employers', 'mark', '20006', 'requested'], dir.path)).code).toBe(0);
    const inOrder = await runCli(['--sandbox', 'employers', 'mark', '20006', 'signed-up'], dir.path);
    expect(inOrder.code, inOrder.stderr).toBe(0);
    expect(words(inOrder.stderr)).not.toMatch(warning(20006));
    expect(inOrder.stderr).not.toContain('Let op');
  });
});

describe.skipIf(ptyWrapper() === undefined)('on a desktop, the page is offered to open (pseudo-terminal; skipped without `script` or python3)', () => {
  it('step 1: "De helpdesk van Loket.nl openen in je browser?" — yes opens https://helpdesk.loket.nl with the desktop\'s opener', async () => {
    const bin = join(dir.path, 'bin');
    mkdirSync(bin);
    const opened = join(dir.path, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const office = ['--office-name', 'Kantoor B', '--contact-name', 'Bea Bos', '--contact-email', 'bea@kantoorb.example', '--contact-phone', '0201234567'];
    const cli = startCli(['--sandbox', 'step', '1', ...office], dir.path, {
      pty: true,
      env: { CI: undefined, TERM: 'xterm-256color', DISPLAY: ':99', WAYLAND_DISPLAY: undefined, PATH: `${bin}:${process.env.PATH}` },
    });
    await cli.waitFor(/Onderwerp: Verzoek toevoegen webservicepartij/);
    await cli.waitFor(/\? De helpdesk van Loket\.nl openen in je browser\? \(j\/N\)/);
    cli.child.stdin.write('j\r');
    await cli.waitFor(/Geopend in je browser: https:\/\/helpdesk\.loket\.nl/);
    await cli.waitFor(/\? Heb je dit ticket naar Loket\.nl gestuurd\?/);
    cli.child.stdin.write('\x03');
    const r = await cli.done;
    expect(r.code, stripAnsi(r.stdout)).toBe(130);
    // The opener runs detached: its record appears once it has run.
    await expect.poll(() => existsSync(opened) && readFileSync(opened, 'utf8'), { timeout: 15_000 }).toBe('https://helpdesk.loket.nl\n');
  });
});
