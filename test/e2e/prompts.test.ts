/**
 * The prompts as a person meets them (issue 10, items 5, 6 and 14), through the built CLI under a
 * pseudo-terminal: the Dutch yes/no question and key hints, the one employer picker of `employers
 * select` and step 5, Ctrl+C without "Fout:", and English throughout with --lang en.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';
import { ptyWrapper, startCli, stripAnsi } from '../helpers/spawn.js';

/** A person at a terminal: no CI, so the CLI prompts. */
const interactive = { CI: undefined, TERM: 'xterm-256color' };

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const selectedNumbers = async (): Promise<number[]> => {
  const list = await runCli(['--sandbox', 'employers', 'list', '--json'], dir.path);
  return (JSON.parse(list.stdout) as Array<{ employerNumber: number; selected: boolean }>).filter((e) => e.selected).map((e) => e.employerNumber);
};

// Skipped, and named so in the report, where neither util-linux `script` nor python3 can make a pseudo-terminal.
describe.skipIf(ptyWrapper() === undefined)('prompts under a pseudo-terminal (skipped without `script` or python3)', () => {
  it('the wizard in Dutch: (J/n) takes "ja", refuses "x" in Dutch; the menu hints in Dutch; Ctrl+C there stops without "Fout:"', async () => {
    const cli = startCli(['--sandbox'], dir.path, { pty: true, env: interactive });
    await cli.waitFor(/\? Naam van het administratie- of accountantskantoor/);
    cli.child.stdin.write('Kantoor Proef\r');
    await cli.waitFor(/\? Contactpersoon/);
    cli.child.stdin.write('Jan Proef\r');
    await cli.waitFor(/\? E-mailadres van de contactpersoon/);
    cli.child.stdin.write('jan@proef.example\r');
    await cli.waitFor(/Klopt dit e-mailadres\? \(J\/n\)/);
    cli.child.stdin.write('x\r');
    await cli.waitFor(/> Antwoord met j \(ja\) of n \(nee\)\./);
    // Ctrl+U empties the line the refused answer is left on.
    cli.child.stdin.write('\x15ja\r');
    await cli.waitFor(/✔ Je hebt jan@proef\.example ingevuld\. Klopt dit e-mailadres\? Ja/);
    await cli.waitFor(/\? Telefoonnummer/);
    cli.child.stdin.write('013-1234567\r');
    await cli.waitFor(/Heb je dit ticket naar Loket\.nl gestuurd\? \(j\/N\)/);
    cli.child.stdin.write('nee\r');
    await cli.waitFor(/\? Wat wil je nu doen\?/);
    await cli.waitFor(/↑↓ verplaatsen • ⏎ kiezen/);
    cli.child.stdin.write('\x03');
    const r = await cli.done;
    const screen = stripAnsi(r.stdout);
    expect(r.code, screen).toBe(130);
    expect(screen).toContain('Afgebroken. De voortgang tot de laatste beantwoorde vraag is bewaard.');
    expect(screen).not.toMatch(/Fout:|Error|navigate|You must answer|\(Y\/n\)|\(y\/N\)/);
  });

  it('employers select: typing filters, Enter refuses several matches, toggles the single one, and confirms with nothing typed; the summary says what changed', async () => {
    const cli = startCli(['--sandbox', 'employers', 'select'], dir.path, { pty: true, env: interactive });
    await cli.waitFor(/\? Kies de werkgevers voor de salariskoppeling \(0 van 12 geselecteerd\)/);
    await cli.waitFor(/typ zoeken • spatie aan\/uit • ⏎ enige treffer aan\/uit, of klaar • ↑↓ verplaatsen/);
    cli.child.stdin.write('2000\r');
    await cli.waitFor(/> 3 treffers voor "2000": typ verder tot er één over is/);
    cli.child.stdin.write('6\r');
    await cli.waitFor(/◉ 20006 Adviesbureau Mulder & Zonen B\.V\.: geselecteerd/);
    // Space toggles the highlighted line: the first one, 20002.
    cli.child.stdin.write(' ');
    await cli.waitFor(/◉ 20002 Hoveniersbedrijf De Groot & Zonen B\.V\.: geselecteerd/);
    cli.child.stdin.write('\r');
    const r = await cli.done;
    const screen = stripAnsi(r.stdout);
    expect(r.code, screen).toBe(0);
    expect(screen).toContain('Selectie: 2 toegevoegd, 0 verwijderd, 0 ongewijzigd; nu 2 van 12 geselecteerd.');
    expect(screen).toContain('  + 20002 Hoveniersbedrijf De Groot & Zonen B.V.');
    expect(screen).toContain('  + 20006 Adviesbureau Mulder & Zonen B.V.');
    expect(await selectedNumbers()).toEqual([20002, 20006]);
  });

  it('step 5 uses the same picker; the summary, then the status of a selected employer', async () => {
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    delete answers.employers;
    const file = join(dir.path, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    const setup = await runCli(['--sandbox', '--non-interactive', '--answers', file], dir.path);
    expect(setup.code, setup.stderr).toBe(1);

    const cli = startCli(['--sandbox', 'step', '5'], dir.path, { pty: true, env: interactive });
    await cli.waitFor(/\? Kies de werkgevers die de salariskoppeling afnemen \(0 van 12 geselecteerd\)/);
    cli.child.stdin.write('434338710\r');
    await cli.waitFor(/◉ 20006 Adviesbureau Mulder & Zonen B\.V\.: geselecteerd/);
    cli.child.stdin.write('\r');
    await cli.waitFor(/Selectie: 1 toegevoegd, 0 verwijderd, 0 ongewijzigd; nu 1 van 12 geselecteerd\.\n {2}\+ 20006 Adviesbureau Mulder/);
    await cli.waitFor(/\? Status van een geselecteerde werkgever wijzigen \(1 geselecteerd\)/);
    // "Klaar" comes first while nothing is typed.
    cli.child.stdin.write('\r');
    const r = await cli.done;
    const screen = stripAnsi(r.stdout);
    expect(r.code, screen).toBe(1);
    expect(screen).toContain('Stap 5 is niet klaar (bezig).');
    expect(screen).not.toContain('Fout:');
    expect(await selectedNumbers()).toEqual([20006]);
  });

  it('--lang en: the yes/no question is English, (y/N), and so is its refusal', async () => {
    const cli = startCli(['--lang', 'en', 'config', 'reset'], dir.path, { pty: true, env: interactive });
    await cli.waitFor(/Erase all progress of profile "default"\? \(y\/N\)/);
    cli.child.stdin.write('j\r');
    await cli.waitFor(/> Answer y \(yes\) or n \(no\)\./);
    cli.child.stdin.write('\x15no\r');
    const r = await cli.done;
    expect(r.code).toBe(0);
    expect(stripAnsi(r.stdout)).toContain('Nothing erased.');
    expect(stripAnsi(r.stdout)).not.toMatch(/\(J\/n\)|\(j\/N\)|Antwoord|Niets/);
  });
});
